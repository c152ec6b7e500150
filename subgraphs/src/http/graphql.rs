//! The GraphQL endpoint. Before anything executes, in this order: the credentials are checked, a
//! persisted query's hash is resolved (per tenant), an operator's request is audited, the document
//! is parsed once and checked against every limit
//! ([`QueryLimits::check`](graph_core::limits::QueryLimits::check)), GET's read-only rule and the
//! introspection rule; then the schema executes with no extension registered (each would cost
//! every resolved field a detour), the response is put in selection order, and a new persisted
//! query that ran without an error is registered.

use super::AppState;
use super::introspection::introspects;
use super::over_get::writes;
use crate::metrics::Outcome;
use async_graphql::Executor;
use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::{ExecutableDocument, OperationDefinition, OperationType};
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use graph_core::audit::{OperatorRequest, record_operator_request};
use graph_core::context::{Credentials, RequestContext, authenticate};
use graph_core::error::ApiError;
use graph_core::limits::tag_limit_errors;
use graph_core::loaders::Loaders;
use std::net::SocketAddr;
use std::time::Instant;
use tracing::Instrument;

const REQUEST_ID: &str = "x-request-id";

/// POST: a GraphQL request in the body.
pub(super) async fn post_handler<E: Executor>(
    State(state): State<AppState<E>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> Response {
    execute(state, peer, headers, request.into_inner(), false).await
}

/// GET: GraphiQL when there is no query string; otherwise a query (or persisted query) in it.
pub(super) async fn get_handler<E: Executor>(
    State(state): State<AppState<E>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    match query.filter(|query| !query.is_empty()) {
        None => Html(
            GraphiQLSource::build()
                .endpoint("/graphql")
                .title(&format!("Leadmetrics Graph — {} subgraph", state.subgraph))
                .finish(),
        )
        .into_response(),
        Some(query) => match async_graphql::http::parse_query_string(&query) {
            Ok(request) => execute(state, peer, headers, request, true).await,
            Err(error) => {
                let error = ApiError::BadUserInput {
                    message: format!("malformed GET request: {error}"),
                    field: None,
                };
                rejected(
                    &state,
                    StatusCode::BAD_REQUEST,
                    &new_request_id(&headers),
                    error,
                    Instant::now(),
                )
            }
        },
    }
}

fn header_text(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The client's address: the first `X-Forwarded-For` entry when the server sits behind a
/// trusted proxy (and it is an IP address), else the connection's peer.
fn client_ip<E>(state: &AppState<E>, peer: SocketAddr, headers: &HeaderMap) -> String {
    let forwarded = state
        .trust_forwarded_for
        .then(|| header_text(headers, "x-forwarded-for"))
        .flatten()
        .and_then(|value| {
            value
                .split(',')
                .next()
                .and_then(|first| first.trim().parse::<std::net::IpAddr>().ok())
        });
    forwarded.unwrap_or(peer.ip()).to_string()
}

/// The caller's request id when it is a sane token, else a new one.
fn new_request_id(headers: &HeaderMap) -> String {
    header_text(headers, REQUEST_ID)
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string())
}

/// The operation a request will run: the one `operationName` names, or the only one of the
/// document (None when the choice is ambiguous).
fn selected_operation<'a>(
    document: &'a ExecutableDocument,
    operation_name: Option<&str>,
) -> Option<(Option<&'a str>, &'a OperationDefinition)> {
    let mut matching =
        document
            .operations
            .iter()
            .filter(|(name, _)| match (name, operation_name) {
                (Some(name), Some(wanted)) => name.as_str() == wanted,
                (_, None) => true,
                (None, Some(_)) => false,
            });
    match (matching.next(), matching.next()) {
        (Some((name, operation)), None) => Some((name.map(|name| name.as_str()), &operation.node)),
        _ => None,
    }
}

/// What an operator's request is audited as: its type, and the name the client sent as
/// `operationName` or the document gives the operation (so `mutation Sneaky { … }` is audited as
/// `Sneaky` even without `operationName`). Persisted queries are resolved before, so a request
/// sent as a hash is audited as what it runs.
fn audited_operation(request: &mut async_graphql::Request) -> (&'static str, Option<String>) {
    let sent_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return ("unknown", sent_name);
    };
    let Some((name, operation)) = selected_operation(document, sent_name.as_deref()) else {
        return ("unknown", sent_name);
    };
    let kind = match operation.ty {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    };
    (kind, sent_name.or(name.map(str::to_owned)))
}

/// Errors raised by GraphQL itself before any resolver runs — syntax, validation, input
/// coercion (an `Int` out of range, an unknown enum value) — come without a code; they are all
/// the client's to fix, so they get `BAD_USER_INPUT`. Resolver errors always carry their code.
fn tag_library_errors(response: &mut async_graphql::Response) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", "BAD_USER_INPUT");
        }
    }
}

/// Whether the request's operation is a mutation that only signs in: a client holding an
/// expired or broken token may still log in, so its credentials are then ignored.
fn only_logs_in(request: &mut async_graphql::Request) -> bool {
    use async_graphql::parser::types::Selection;
    let operation_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return false;
    };
    selected_operation(document, operation_name.as_deref()).is_some_and(|(_, operation)| {
        operation.ty == OperationType::Mutation
            && operation.selection_set.node.items.iter().all(|item| {
                matches!(&item.node, Selection::Field(field) if matches!(field.node.name.node.as_str(), "login" | "__typename"))
            })
    })
}

/// A GraphQL error response (HTTP 200, as execution errors are) for a request refused by a check
/// that runs before execution: a persisted query, a limit, GET's read-only rule, introspection.
fn refused<E>(
    state: &AppState<E>,
    request_id: &str,
    error: async_graphql::ServerError,
    started: Instant,
) -> Response {
    state.metrics.record(Outcome::WithErrors, started.elapsed());
    tracing::info!(message = %error.message, "request refused before execution");
    let mut response = async_graphql::Response::from_errors(vec![error]);
    tag_library_errors(&mut response);
    let mut http = GraphQLResponse::from(response).into_response();
    if let Ok(value) = HeaderValue::from_str(request_id) {
        http.headers_mut().insert(REQUEST_ID, value);
    }
    http
}

/// A refusal with a stable code and no position (it is about the request, not a place in it).
pub(super) fn refusal(message: impl Into<String>, code: &str) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
}

fn status_for(error: &ApiError) -> StatusCode {
    match error {
        ApiError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        ApiError::Forbidden(_) | ApiError::NotFound(_) => StatusCode::FORBIDDEN,
        ApiError::BadUserInput { .. } => StatusCode::BAD_REQUEST,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A GraphQL-shaped error response for a request refused before execution.
fn rejected<E>(
    state: &AppState<E>,
    status: StatusCode,
    request_id: &str,
    error: ApiError,
    started: Instant,
) -> Response {
    state.metrics.record(Outcome::Rejected, started.elapsed());
    // No position: the error is about the request, not a place in the document (GraphQL
    // locations start at line 1, so a default position would be wrong).
    let error = async_graphql::Error::from(error);
    let mut server_error = async_graphql::ServerError::new(error.message, None);
    server_error.extensions = error.extensions;
    let body = async_graphql::Response::from_errors(vec![server_error]);
    let mut response = (status, GraphQLResponse::from(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

async fn execute<E: Executor>(
    state: AppState<E>,
    peer: SocketAddr,
    headers: HeaderMap,
    request: async_graphql::Request,
    over_get: bool,
) -> Response {
    let started = Instant::now();
    let request_id = new_request_id(&headers);
    let span = tracing::info_span!(
        "graphql",
        subgraph = state.subgraph,
        request_id = %request_id,
        operation = request.operation_name.as_deref().unwrap_or(""),
        tenant = tracing::field::Empty,
    );
    async move {
        let mut request = request;
        let credentials = Credentials {
            authorization: header_text(&headers, header::AUTHORIZATION),
            api_key: header_text(&headers, "x-api-key"),
            act_for_tenant: header_text(&headers, "x-act-for-tenant"),
        };
        let session = match authenticate(&state.services, &credentials).await {
            Ok(session) => session,
            Err(_) if only_logs_in(&mut request) => None,
            Err(error) => {
                let status = status_for(&error);
                tracing::info!(code = error.code(), "credentials refused");
                return rejected(&state, status, &request_id, error, started);
            }
        };
        let tenant = session
            .as_ref()
            .map(|session| session.tenant.ref_id.as_str());
        let registration = match state.persisted.resolve(&mut request, tenant) {
            Ok(registration) => registration,
            Err(error) => return refused(&state, &request_id, error, started),
        };
        if let Some(session) = &session {
            tracing::Span::current().record("tenant", session.tenant.ref_id.as_str());
            // Operators' requests are audited before any check, so refused ones are too (a
            // persisted query is already resolved: audited as what it runs).
            if session.operator.is_some() {
                let (operation_type, operation_name) = audited_operation(&mut request);
                let operator_request = OperatorRequest {
                    operation_type,
                    operation_name: operation_name.as_deref(),
                    request_id: &request_id,
                    subgraph: state.subgraph,
                };
                if let Err(error) =
                    record_operator_request(&state.services, session, &operator_request).await
                {
                    return rejected(
                        &state,
                        StatusCode::INTERNAL_SERVER_ERROR,
                        &request_id,
                        error,
                        started,
                    );
                }
            }
        }
        let order = match state.limits.check(&mut request) {
            Ok(order) => order,
            Err(error) => return refused(&state, &request_id, error, started),
        };
        if let Ok(document) = request.parsed_query() {
            if over_get && writes(document) {
                let error = refusal(
                    "mutations and subscriptions must be sent with POST",
                    "BAD_USER_INPUT",
                );
                return refused(&state, &request_id, error, started);
            }
            if session.is_none() && introspects(document) {
                let error = refusal(
                    "introspection needs credentials: send a bearer token or an API key",
                    "UNAUTHENTICATED",
                );
                return refused(&state, &request_id, error, started);
            }
        }
        match &session {
            Some(session) => {
                request = request.data(Loaders::new(state.services.db.clone(), session.tenant.id));
            }
            // Only authenticated callers may introspect the schema (checked above; this is the
            // second wall).
            None => request = request.disable_introspection(),
        }
        request = request.data(RequestContext {
            request_id: request_id.clone(),
            session,
            client_ip: Some(client_ip(&state, peer, &headers)),
            user_agent: header_text(&headers, header::USER_AGENT),
        });

        let mut response = state.schema.execute(request).await;
        tag_limit_errors(&mut response);
        tag_library_errors(&mut response);
        if let Some(registration) = registration
            && response.errors.is_empty()
        {
            state.persisted.register(registration);
        }
        if let Some(order) = order {
            order.apply(&mut response.data);
        }
        let outcome = if response.errors.is_empty() {
            Outcome::Ok
        } else {
            Outcome::WithErrors
        };
        state.metrics.record(outcome, started.elapsed());
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            errors = response.errors.len(),
            "graphql request"
        );
        let mut http = GraphQLResponse::from(response).into_response();
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            http.headers_mut().insert(REQUEST_ID, value);
        }
        http
    }
    .instrument(span)
    .await
}
