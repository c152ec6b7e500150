//! The GraphQL endpoint. Before anything executes, in this order: the response's media type is
//! negotiated, the client's address is charged to its rate limit, the body is read (JSON only),
//! the credentials are checked (and an API key charged to its own limit), a persisted query's
//! hash is resolved (per tenant), an operator's request is audited as what it runs (with the
//! document's hash), the document is parsed once and checked against every limit
//! ([`QueryLimits::check`](graph_core::limits::QueryLimits::check)), GET's read-only rule and the
//! introspection rule; then the schema executes with no extension registered (each would cost
//! every resolved field a detour), the response is put in selection order, and a new persisted
//! query that ran without an error is registered.

use super::AppState;
use super::audit_log::MutationAudit;
use super::body::{graphql_request, missing_query};
use super::client::{REQUEST_ID, client_ip, registration_token, request_id};
use super::introspection::introspects;
use super::media::{self, Media, negotiate};
use super::over_get::writes;
use super::persisted::document_hash;
use crate::metrics::Outcome;
use async_graphql::Executor;
use async_graphql::http::GraphiQLSource;
use async_graphql::parser::types::{ExecutableDocument, OperationDefinition, OperationType};
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use graph_core::audit::{OperatorRequest, record_operator_request};
use graph_core::context::{Credentials, Principal, RequestContext, authenticate};
use graph_core::error::ApiError;
use graph_core::limits::tag_limit_errors;
use graph_core::loaders::Loaders;
use graph_core::throttle::OneLoginPerOperation;
use std::net::{IpAddr, SocketAddr};
use std::time::Instant;
use tracing::Instrument;

/// What is known of a request before its operation: for logs, refusals and the context.
struct Call {
    started: Instant,
    request_id: String,
    client: IpAddr,
    media: Media,
}

impl Call {
    /// The request's id, address and media type, or the response refusing it: a client that
    /// accepts no JSON type (406), one over its address's rate (429).
    fn begin<E>(
        state: &AppState<E>,
        peer: SocketAddr,
        headers: &HeaderMap,
    ) -> Result<Self, Box<Response>> {
        let started = Instant::now();
        let request_id = request_id(state.trusted_proxy_hops > 0, headers);
        let client = client_ip(state.trusted_proxy_hops, peer, headers);
        let Some(media) = negotiate(headers) else {
            let call = Self {
                started,
                request_id,
                client,
                media: Media::Json,
            };
            let error = ApiError::BadUserInput {
                message: format!(
                    "this endpoint answers in application/json or {}: accept one of them",
                    media::GRAPHQL_RESPONSE_JSON
                ),
                field: None,
            };
            return Err(Box::new(rejected(
                state,
                &call,
                StatusCode::NOT_ACCEPTABLE,
                error,
            )));
        };
        let call = Self {
            started,
            request_id,
            client,
            media,
        };
        if let Err(error) = state.services.throttle.request_from(client) {
            return Err(Box::new(rejected(
                state,
                &call,
                StatusCode::TOO_MANY_REQUESTS,
                error,
            )));
        }
        Ok(call)
    }
}

/// POST: a GraphQL request as a JSON body.
pub(super) async fn post_handler<E: Executor>(
    State(state): State<AppState<E>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let call = match Call::begin(&state, peer, &headers) {
        Ok(call) => call,
        Err(response) => return *response,
    };
    match graphql_request(&headers, body, state.max_body_bytes).await {
        Ok(request) => execute(state, call, headers, request, false).await,
        Err(refusal) => rejected(&state, &call, refusal.status, refusal.error),
    }
}

/// GET: a WebSocket upgrade (subscriptions, after the address's rate limit), else
/// [`get_handler`].
pub(super) async fn get_or_upgrade<E: Executor>(
    State(state): State<AppState<E>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: axum::extract::Request,
) -> Response {
    use axum::extract::FromRequestParts;
    let (mut parts, _) = request.into_parts();
    if !crate::ws::is_upgrade(&parts.headers) {
        let query = parts.uri.query().map(str::to_owned);
        return get_handler(state, peer, parts.headers, query).await;
    }
    let call = match Call::begin(&state, peer, &parts.headers) {
        Ok(call) => call,
        Err(response) => return *response,
    };
    match axum::extract::ws::WebSocketUpgrade::from_request_parts(&mut parts, &state).await {
        Ok(upgrade) => {
            let slot = parts
                .extensions
                .get::<crate::serve::ConnectionSlot>()
                .cloned();
            crate::ws::accept(
                state,
                upgrade,
                call.client,
                call.request_id,
                parts.headers,
                slot,
            )
        }
        Err(rejection) => rejection.into_response(),
    }
}

/// GET: GraphiQL when there is no query string; otherwise a query (or persisted query) in it.
async fn get_handler<E: Executor>(
    state: AppState<E>,
    peer: SocketAddr,
    headers: HeaderMap,
    query: Option<String>,
) -> Response {
    let Some(query) = query.filter(|query| !query.is_empty()) else {
        return Html(
            GraphiQLSource::build()
                .endpoint("/graphql")
                .title(&format!("Leadmetrics Graph — {} subgraph", state.subgraph))
                .finish(),
        )
        .into_response();
    };
    let call = match Call::begin(&state, peer, &headers) {
        Ok(call) => call,
        Err(response) => return *response,
    };
    match async_graphql::http::parse_query_string(&query) {
        Ok(request)
            if request.query.is_empty() && !request.extensions.contains_key("persistedQuery") =>
        {
            let refusal = missing_query();
            rejected(&state, &call, refusal.status, refusal.error)
        }
        Ok(request) => execute(state, call, headers, request, true).await,
        Err(error) => {
            let error = ApiError::BadUserInput {
                message: format!("malformed GET request: {error}"),
                field: None,
            };
            rejected(&state, &call, StatusCode::BAD_REQUEST, error)
        }
    }
}

/// A header's value as text (None when absent or not visible ASCII).
pub(crate) fn header_text(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The operation a request will run: the one `operationName` names, or the only one of the
/// document (None when the choice is ambiguous).
pub(crate) fn selected_operation<'a>(
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

/// The longest error message sent (longer ones are cut).
const MAX_ERROR_MESSAGE_BYTES: usize = 1024;

/// Errors raised by GraphQL itself before any resolver runs — syntax, validation, input
/// coercion (an `Int` out of range, an unknown enum value) — come without a code; they are all
/// the client's to fix, so they get `BAD_USER_INPUT`. Resolver errors always carry their code.
/// Every message is cut to [`MAX_ERROR_MESSAGE_BYTES`].
pub(crate) fn tag_library_errors(response: &mut async_graphql::Response) {
    for error in &mut response.errors {
        // A parse error quotes the line it failed on, which a client can make a megabyte long:
        // the message is cut, so an error is never an amplifier.
        if error.message.len() > MAX_ERROR_MESSAGE_BYTES {
            let mut end = MAX_ERROR_MESSAGE_BYTES;
            while !error.message.is_char_boundary(end) {
                end -= 1;
            }
            error.message.truncate(end);
            error.message.push('…');
        }
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

fn with_request_id(mut response: Response, request_id: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// A GraphQL error response for a request refused by a check that runs before execution: a
/// persisted query, a limit, GET's read-only rule, introspection. `status` None: 200 in
/// `application/json`, 400 in `application/graphql-response+json` (a request error).
fn refused<E>(
    state: &AppState<E>,
    call: &Call,
    error: async_graphql::ServerError,
    status: Option<StatusCode>,
) -> Response {
    state
        .metrics
        .record(Outcome::WithErrors, call.started.elapsed());
    tracing::info!(message = %error.message, "request refused before execution");
    let mut response = async_graphql::Response::from_errors(vec![error]);
    tag_library_errors(&mut response);
    with_request_id(media::write(call.media, response, status), &call.request_id)
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
        ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A GraphQL-shaped error response for a request refused before execution, with `status`
/// (`Retry-After` when rate limited comes from [`media::write`]).
fn rejected<E>(state: &AppState<E>, call: &Call, status: StatusCode, error: ApiError) -> Response {
    state
        .metrics
        .record(Outcome::Rejected, call.started.elapsed());
    tracing::info!(
        code = error.code(),
        status = status.as_u16(),
        "request rejected"
    );
    // No position: the error is about the request, not a place in the document (GraphQL
    // locations start at line 1, so a default position would be wrong).
    let error = async_graphql::Error::from(error);
    let mut server_error = async_graphql::ServerError::new(error.message, None);
    server_error.extensions = error.extensions;
    let body = async_graphql::Response::from_errors(vec![server_error]);
    with_request_id(
        media::write(call.media, body, Some(status)),
        &call.request_id,
    )
}

async fn execute<E: Executor>(
    state: AppState<E>,
    call: Call,
    headers: HeaderMap,
    request: async_graphql::Request,
    over_get: bool,
) -> Response {
    let span = tracing::info_span!(
        "graphql",
        subgraph = state.subgraph,
        request_id = %call.request_id,
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
                return rejected(&state, &call, status, error);
            }
        };
        if let Some(session) = &session
            && let Principal::ApiKey { id, .. } = &session.principal
            && let Err(error) = state.services.throttle.request_with_api_key(*id)
        {
            return rejected(&state, &call, StatusCode::TOO_MANY_REQUESTS, error);
        }
        let tenant = session
            .as_ref()
            .map(|session| session.tenant.ref_id.as_str());
        let registration = match state.persisted.resolve(&mut request, tenant) {
            Ok(registration) => registration,
            // A persisted query to send again (or refused): 200, as Apollo clients expect.
            Err(error) => return refused(&state, &call, error, Some(StatusCode::OK)),
        };
        if let Some(session) = &session {
            tracing::Span::current().record("tenant", session.tenant.ref_id.as_str());
            // Operators' requests are audited once the operation is known (a persisted query is
            // resolved: audited as what it runs) and before any check, so refused ones are too.
            if session.operator.is_some() {
                let (operation_type, operation_name) = audited_operation(&mut request);
                let hash = (!request.query.is_empty()).then(|| document_hash(&request.query));
                let operator_request = OperatorRequest {
                    operation_type,
                    operation_name: operation_name.as_deref(),
                    document_hash: hash.as_deref(),
                    request_id: &call.request_id,
                    subgraph: state.subgraph,
                };
                if let Err(error) =
                    record_operator_request(&state.services, session, &operator_request).await
                {
                    let status = status_for(&error);
                    return rejected(&state, &call, status, error);
                }
            }
        }
        // A mutation's audit entry is worked out before any check, so a mutation refused below
        // (GET, query limits) is recorded too.
        let mut audit = MutationAudit::of(&mut request);
        let audit_session = audit.as_ref().and(session.clone());
        let record_refusal = |audit: &mut Option<MutationAudit>,
                              error: &async_graphql::ServerError| {
            if let Some(audit) = audit.take() {
                let response = async_graphql::Response::from_errors(vec![error.clone()]);
                state.services.audit.record(audit.entry(
                    audit_session.as_ref(),
                    &response,
                    &call.request_id,
                    state.subgraph,
                ));
            }
        };
        // GET's read-only rule first: a mutation over GET is 405 whatever else is wrong with it.
        if over_get && request.parsed_query().is_ok_and(writes) {
            let error = refusal(
                "mutations and subscriptions must be sent with POST",
                "BAD_USER_INPUT",
            );
            record_refusal(&mut audit, &error);
            let mut response = refused(&state, &call, error, Some(StatusCode::METHOD_NOT_ALLOWED));
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, POST"));
            return response;
        }
        let order = match state.limits.check(&mut request) {
            Ok(order) => order,
            Err(error) => {
                record_refusal(&mut audit, &error);
                return refused(&state, &call, error, None);
            }
        };
        if session.is_none() && request.parsed_query().is_ok_and(introspects) {
            let error = refusal(
                "introspection needs credentials: send a bearer token or an API key",
                "UNAUTHENTICATED",
            );
            return refused(&state, &call, error, None);
        }
        match &session {
            Some(session) => {
                request = request.data(Loaders::new(
                    state.services.db.clone(),
                    state.services.documents.clone(),
                    session.tenant.id,
                    state.limits.max_relation_items,
                ));
            }
            // Only authenticated callers may introspect the schema (checked above; this is the
            // second wall).
            None => request = request.disable_introspection(),
        }
        request = request
            .data(OneLoginPerOperation::default())
            .data(RequestContext {
                request_id: call.request_id.clone(),
                session,
                client_ip: Some(call.client.to_string()),
                user_agent: header_text(&headers, header::USER_AGENT),
                registration_token: registration_token(&headers),
            });

        let mut response = state.schema.execute(request).await;
        tag_limit_errors(&mut response);
        tag_library_errors(&mut response);
        // After execution, so after the mutation's transaction committed (or rolled back);
        // queued, never awaited.
        if let Some(audit) = audit {
            state.services.audit.record(audit.entry(
                audit_session.as_ref(),
                &response,
                &call.request_id,
                state.subgraph,
            ));
        }
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
        state.metrics.record(outcome, call.started.elapsed());
        tracing::info!(
            elapsed_ms = call.started.elapsed().as_millis() as u64,
            errors = response.errors.len(),
            "graphql request"
        );
        with_request_id(media::write(call.media, response, None), &call.request_id)
    }
    .instrument(span)
    .await
}
