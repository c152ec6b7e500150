//! The GraphQL endpoint: builds the request context from the credentials, then executes.

use super::AppState;
use super::over_get::ArrivedOverGet;
use crate::metrics::Outcome;
use async_graphql::Executor;
use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::{OperationDefinition, OperationType};
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use graph_core::audit::{OperatorRequest, record_operator_request};
use graph_core::context::{Credentials, RequestContext, authenticate};
use graph_core::error::ApiError;
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
/// document (None when the document does not parse or the choice is ambiguous).
fn selected_operation(
    request: &async_graphql::Request,
) -> Option<(Option<String>, OperationDefinition)> {
    let document = async_graphql::parser::parse_query(&request.query).ok()?;
    let wanted = request.operation_name.as_deref();
    let mut matching = document
        .operations
        .iter()
        .filter(|(name, _)| match (name, wanted) {
            (Some(name), Some(wanted)) => name.as_str() == wanted,
            (_, None) => true,
            (None, Some(_)) => false,
        });
    match (matching.next(), matching.next()) {
        (Some((name, operation)), None) => {
            Some((name.map(|name| name.to_string()), operation.node.clone()))
        }
        _ => None,
    }
}

/// What an operator's request is audited as: its type, and the name the client sent as
/// `operationName` or the document gives the operation (so `mutation Sneaky { … }` is audited as
/// `Sneaky` even without `operationName`).
fn audited_operation(request: &async_graphql::Request) -> (&'static str, Option<String>) {
    let Some((name, operation)) = selected_operation(request) else {
        return ("unknown", request.operation_name.clone());
    };
    let kind = match operation.ty {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    };
    (kind, request.operation_name.clone().or(name))
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
fn only_logs_in(request: &async_graphql::Request) -> bool {
    use async_graphql::parser::types::Selection;
    selected_operation(request).is_some_and(|(_, operation)| {
        operation.ty == OperationType::Mutation
            && operation.selection_set.node.items.iter().all(|item| {
                matches!(&item.node, Selection::Field(field) if matches!(field.node.name.node.as_str(), "login" | "__typename"))
            })
    })
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
        let credentials = Credentials {
            authorization: header_text(&headers, header::AUTHORIZATION),
            api_key: header_text(&headers, "x-api-key"),
            act_for_tenant: header_text(&headers, "x-act-for-tenant"),
        };
        let session = match authenticate(&state.services, &credentials).await {
            Ok(session) => session,
            Err(_) if only_logs_in(&request) => None,
            Err(error) => {
                let status = status_for(&error);
                tracing::info!(code = error.code(), "credentials refused");
                return rejected(&state, status, &request_id, error, started);
            }
        };
        let mut request = request;
        match &session {
            Some(session) => {
                tracing::Span::current().record("tenant", session.tenant.ref_id.as_str());
                // Only operators' requests are audited: only they pay for parsing it here.
                if session.operator.is_some() {
                    let (operation_type, operation_name) = audited_operation(&request);
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
                request = request.data(Loaders::new(state.services.db.clone(), session.tenant.id));
            }
            // Only authenticated callers may introspect the schema.
            None => request = request.disable_introspection(),
        }
        if over_get {
            request = request.data(ArrivedOverGet);
        }
        request = request.data(RequestContext {
            request_id: request_id.clone(),
            session,
            client_ip: Some(client_ip(&state, peer, &headers)),
            user_agent: header_text(&headers, header::USER_AGENT),
        });

        let mut response = state.schema.execute(request).await;
        tag_library_errors(&mut response);
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
