//! One GraphQL WebSocket connection, from `connection_init` to close, as one task.

use super::protocol::{self, ClientMessage, SubscribePayload, close};
use crate::http::{AppState, document_hash, header_text, selected_operation, tag_library_errors};
use async_graphql::Executor;
use async_graphql::parser::types::{OperationType, Selection};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::http::HeaderMap;
use futures::stream::{AbortHandle, Abortable, BoxStream, SelectAll, SplitSink, SplitStream};
use futures::{SinkExt, StreamExt};
use graph_core::audit::{OperatorRequest, record_operator_request};
use graph_core::context::{Credentials, Principal, RequestContext, Session, authenticate};
use graph_core::error::ApiError;
use graph_core::limits::tag_limit_errors;
use graph_core::live::Overrun;
use graph_core::loaders::Loaders;
use serde_json::Value;
use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;
use tokio::time::Instant;
use tracing::Instrument;

/// A connection after the upgrade: the subgraph's state and what the upgrade request said.
pub(super) struct Connection<E> {
    pub(super) state: AppState<E>,
    pub(super) client: IpAddr,
    pub(super) request_id: String,
    pub(super) headers: HeaderMap,
    /// The connection's place under `HTTP_MAX_CONNECTIONS`, held while the WebSocket is open.
    pub(super) slot: Option<crate::serve::ConnectionSlot>,
}

/// The sending half, every write bounded by the write timeout.
struct Out {
    sink: SplitSink<WebSocket, Message>,
    timeout: Duration,
}

/// A write that did not complete (the client is gone or stopped reading): the connection ends.
struct Gone;

impl Out {
    async fn text(&mut self, text: String) -> Result<(), Gone> {
        match tokio::time::timeout(self.timeout, self.sink.send(Message::Text(text.into()))).await {
            Ok(Ok(())) => Ok(()),
            _ => Err(Gone),
        }
    }

    /// Closes with `code` and `reason` (cut to the 123 bytes a close frame holds).
    async fn close(mut self, code: u16, reason: &str) {
        let mut end = reason.len().min(123);
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        tracing::info!(
            code,
            reason = &reason[..end],
            "closing WebSocket connection"
        );
        let frame = CloseFrame {
            code,
            reason: reason[..end].to_owned().into(),
        };
        let _ =
            tokio::time::timeout(self.timeout, self.sink.send(Message::Close(Some(frame)))).await;
    }
}

/// What the client sent next.
enum Incoming {
    Message(ClientMessage),
    /// Not a message of the protocol (close 4400 with this reason).
    Invalid(String),
    /// The client closed the connection or it broke.
    Closed,
    /// A message over `WS_MAX_MESSAGE_BYTES` (close 1009).
    TooBig,
}

/// The next protocol message (WebSocket pings and pongs are answered by the library). Cancel-
/// safe: nothing is awaited after a message is taken from the stream.
async fn receive(stream: &mut SplitStream<WebSocket>) -> Incoming {
    loop {
        match stream.next().await {
            // tungstenite refuses a message over `WS_MAX_MESSAGE_BYTES` with this error; the
            // protocol's answer is 1009 rather than a dropped socket.
            Some(Err(error)) if error.to_string().contains("Message too long") => {
                return Incoming::TooBig;
            }
            None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return Incoming::Closed,
            Some(Ok(Message::Text(text))) => {
                return match serde_json::from_str(text.as_str()) {
                    Ok(message) => Incoming::Message(message),
                    Err(error) => Incoming::Invalid(format!("Invalid message received: {error}")),
                };
            }
            Some(Ok(Message::Binary(_))) => {
                return Incoming::Invalid("Invalid message received: binary".to_owned());
            }
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
        }
    }
}

/// The credentials of a `connection_init` payload: `Authorization` (`Bearer …` / `ApiKey …`),
/// `apiKey` / `X-Api-Key`, `actForTenant` / `X-Act-For-Tenant`, names compared case-insensitively,
/// at the top level or inside a `headers` object (as some gateways forward them). A payload
/// without any falls back to the upgrade request's headers.
fn credentials(payload: Option<&Value>, headers: &HeaderMap) -> Result<Credentials, String> {
    let empty = serde_json::Map::new();
    let object = match payload {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(object)) => object,
        Some(_) => return Err("the connection_init payload must be an object".to_owned()),
    };
    let nested = match object.get("headers") {
        Some(Value::Object(headers)) => Some(headers),
        _ => None,
    };
    let find = |names: &[&str]| -> Result<Option<String>, String> {
        for map in std::iter::once(object).chain(nested) {
            for (key, value) in map {
                if names.iter().any(|name| key.eq_ignore_ascii_case(name)) {
                    return match value {
                        Value::String(text) => Ok(Some(text.clone())),
                        Value::Null => Ok(None),
                        _ => Err(format!(
                            "`{key}` in the connection_init payload must be a string"
                        )),
                    };
                }
            }
        }
        Ok(None)
    };
    let from_payload = Credentials {
        authorization: find(&["authorization"])?,
        api_key: find(&["apiKey", "x-api-key"])?,
        act_for_tenant: find(&["actForTenant", "x-act-for-tenant"])?,
    };
    if from_payload.authorization.is_some() || from_payload.api_key.is_some() {
        return Ok(from_payload);
    }
    let header = |name: &str| header_text(headers, name);
    Ok(Credentials {
        authorization: header("authorization"),
        api_key: header("x-api-key"),
        act_for_tenant: from_payload
            .act_for_tenant
            .or_else(|| header("x-act-for-tenant")),
    })
}

/// A GraphQL error with a code, for `error` messages.
fn request_error(message: impl Into<String>, code: &str) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
}

/// An open operation of a connection.
struct Operation {
    /// Tells it from an earlier operation with the same id.
    serial: u64,
    /// Stops its stream (the client completed it).
    abort: AbortHandle,
    /// Whether a result was sent for it already.
    answered: bool,
}

/// Whether `response`, the first of `operation`, refuses the request as a whole: errors with no
/// path and no data, as async-graphql answers a document that fails validation. Errors of the
/// subscription's own field (a gate's refusal) carry its path and stay `next` results.
fn is_request_error(response: &async_graphql::Response, operation: &Operation) -> bool {
    !operation.answered
        && response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

/// The results of every operation of a connection, tagged with the operation's id; `None` once
/// an operation is over.
/// Each operation also carries a serial number, so the end of a completed operation is never
/// taken for the end of a later one that reuses its id.
type Results = SelectAll<BoxStream<'static, (String, u64, Option<async_graphql::Response>)>>;

impl<E: Executor> Connection<E> {
    /// Serves the connection until it closes.
    pub(super) async fn run(self, socket: WebSocket, speaks_protocol: bool) {
        let span = tracing::info_span!(
            "graphql_ws",
            subgraph = self.state.subgraph,
            request_id = %self.request_id,
            tenant = tracing::field::Empty,
        );
        self.serve(socket, speaks_protocol).instrument(span).await;
    }

    async fn serve(self, socket: WebSocket, speaks_protocol: bool) {
        let settings = self.state.ws;
        let (sink, mut stream) = socket.split();
        let mut out = Out {
            sink,
            timeout: settings.write_timeout,
        };
        if !speaks_protocol {
            out.close(4406, "Subprotocol not acceptable: use graphql-transport-ws")
                .await;
            return;
        }
        let deadline = Instant::now() + settings.init_timeout;
        let payload = loop {
            match tokio::time::timeout_at(deadline, receive(&mut stream)).await {
                Err(_) => {
                    out.close(close::INIT_TIMEOUT, "Connection initialisation timeout")
                        .await;
                    return;
                }
                Ok(Incoming::Closed) => return,
                Ok(Incoming::Invalid(reason)) => {
                    out.close(close::BAD_REQUEST, &reason).await;
                    return;
                }
                Ok(Incoming::TooBig) => {
                    out.close(close::TOO_BIG, "Message too big").await;
                    return;
                }
                Ok(Incoming::Message(ClientMessage::ConnectionInit { payload })) => break payload,
                Ok(Incoming::Message(ClientMessage::Ping { payload })) => {
                    if out.text(protocol::pong(payload)).await.is_err() {
                        return;
                    }
                }
                Ok(Incoming::Message(ClientMessage::Subscribe { .. })) => {
                    out.close(close::UNAUTHORIZED, "Unauthorized").await;
                    return;
                }
                Ok(Incoming::Message(
                    ClientMessage::Pong { .. } | ClientMessage::Complete { .. },
                )) => {}
            }
        };
        let credentials = match credentials(payload.as_ref(), &self.headers) {
            Ok(credentials) => credentials,
            Err(reason) => {
                out.close(close::BAD_REQUEST, &reason).await;
                return;
            }
        };
        let services = &self.state.services;
        let session = match authenticate(services, &credentials).await {
            Ok(Some(session)) => session,
            Ok(None) => {
                out.close(
                    close::FORBIDDEN,
                    "Forbidden: send `Authorization: Bearer <token>` or `apiKey` in the connection_init payload",
                )
                .await;
                return;
            }
            // A failure of the server is not the client's credentials: 4500, so a client does
            // not sign its user out over a database outage.
            Err(ApiError::Internal(_) | ApiError::Timeout) => {
                out.close(close::INTERNAL, "Internal error: try again")
                    .await;
                return;
            }
            Err(error) => {
                out.close(close::FORBIDDEN, &format!("Forbidden: {}", error.message()))
                    .await;
                return;
            }
        };
        // A token inside the verification leeway is still accepted over HTTP, but a connection
        // would end at once: refused here, so a client renews it instead of reconnecting in a
        // loop.
        if session
            .expires_at
            .is_some_and(|expires| expires <= chrono::Utc::now())
        {
            out.close(
                close::FORBIDDEN,
                "Forbidden: the token has expired; sign in again",
            )
            .await;
            return;
        }
        if let Principal::ApiKey { id, .. } = &session.principal
            && services.throttle.request_with_api_key(*id).is_err()
        {
            out.close(close::TOO_MANY, "Too many requests with this API key")
                .await;
            return;
        }
        let Some(_open) = services
            .hub
            .open_connection(session.actor_id(), settings.max_connections_per_caller)
        else {
            out.close(
                close::TOO_MANY,
                "Too many open connections for these credentials",
            )
            .await;
            return;
        };
        tracing::Span::current().record("tenant", session.tenant.ref_id.as_str());
        if out.text(protocol::connection_ack()).await.is_err() {
            return;
        }
        self.operate(out, stream, session, credentials).await;
    }

    /// The acknowledged connection: operations, keep-alive, re-authentication, expiry.
    async fn operate(
        &self,
        mut out: Out,
        mut stream: SplitStream<WebSocket>,
        session: Session,
        credentials: Credentials,
    ) {
        let settings = self.state.ws;
        let services = &self.state.services;
        let mut operations: HashMap<String, Operation> = HashMap::new();
        let mut serial: u64 = 0;
        let mut results = Results::new();
        let overrun = Overrun::default();
        let start = Instant::now();
        let mut keepalive =
            tokio::time::interval_at(start + settings.keepalive, settings.keepalive);
        let mut reauthenticate = tokio::time::interval_at(
            start + settings.reauthenticate_every,
            settings.reauthenticate_every,
        );
        let mut last_heard = start;
        // Far enough to never fire for credentials that do not expire.
        let expiry = session
            .expires_at
            .map(|at| (at - chrono::Utc::now()).to_std().unwrap_or_default())
            .map_or(start + Duration::from_secs(100 * 365 * 86_400), |left| {
                start + left
            });
        let expired = tokio::time::sleep_until(expiry);
        tokio::pin!(expired);
        let mut slot = self.slot.clone();
        let stopping = async move {
            match &mut slot {
                Some(slot) => slot.stopping().await,
                None => std::future::pending().await,
            }
        };
        tokio::pin!(stopping);
        loop {
            tokio::select! {
                incoming = receive(&mut stream) => {
                    last_heard = Instant::now();
                    match incoming {
                        // Completes the closing handshake (the reply to the client's close
                        // frame is sent), so the client sees its own code, not 1006.
                        Incoming::Closed => {
                            let _ = tokio::time::timeout(settings.write_timeout, out.sink.close()).await;
                            return;
                        }
                        Incoming::Invalid(reason) => return out.close(close::BAD_REQUEST, &reason).await,
                        Incoming::TooBig => return out.close(close::TOO_BIG, "Message too big").await,
                        Incoming::Message(ClientMessage::ConnectionInit { .. }) => {
                            return out.close(close::TOO_MANY, "Too many initialisation requests").await;
                        }
                        Incoming::Message(ClientMessage::Ping { payload }) => {
                            if out.text(protocol::pong(payload)).await.is_err() {
                                return;
                            }
                        }
                        Incoming::Message(ClientMessage::Pong { .. }) => {}
                        Incoming::Message(ClientMessage::Complete { id }) => {
                            if let Some(operation) = operations.remove(&id) {
                                operation.abort.abort();
                            }
                        }
                        Incoming::Message(ClientMessage::Subscribe { id, payload }) => {
                            if operations.contains_key(&id) {
                                return out.close(
                                    close::SUBSCRIBER_EXISTS,
                                    &format!("Subscriber for {id} already exists"),
                                ).await;
                            }
                            if id.is_empty() || id.len() > 128 {
                                return out.close(close::BAD_REQUEST, "Invalid message received: an id is 1 to 128 bytes").await;
                            }
                            let refusal = if operations.len() >= settings.max_subscriptions_per_connection {
                                Some(request_error(
                                    format!(
                                        "a connection holds at most {} operations: complete one first",
                                        settings.max_subscriptions_per_connection
                                    ),
                                    "RATE_LIMITED",
                                ))
                            } else if let Err(error) = services.throttle.request_from(self.client) {
                                // Each operation is charged like an HTTP request: to the client's
                                // address, and an API key's to the key.
                                Some(request_error(error.message(), error.code()))
                            } else if let Principal::ApiKey { id: key, .. } = &session.principal
                                && let Err(error) = services.throttle.request_with_api_key(*key)
                            {
                                Some(request_error(error.message(), error.code()))
                            } else {
                                None
                            };
                            let started = match refusal {
                                Some(error) => Err(vec![error]),
                                None => self.start(&session, &id, payload, &overrun).await,
                            };
                            match started {
                                Ok(results_of_operation) => {
                                    let (handle, registration) = AbortHandle::new_pair();
                                    serial += 1;
                                    let number = serial;
                                    results.push(Abortable::new(results_of_operation, registration)
                                        .map({
                                            let id = id.clone();
                                            move |response| (id.clone(), number, Some(response))
                                        })
                                        .chain(futures::stream::once({
                                            let id = id.clone();
                                            async move { (id, number, None) }
                                        }))
                                        .boxed());
                                    operations.insert(
                                        id,
                                        Operation {
                                            serial: number,
                                            abort: handle,
                                            answered: false,
                                        },
                                    );
                                }
                                Err(errors) => {
                                    if out.text(protocol::error(&id, &errors)).await.is_err() {
                                        return;
                                    }
                                }
                            }
                        }
                    }
                }
                Some((id, number, result)) = results.next(), if !results.is_empty() => {
                    // Results of an operation the client completed are dropped.
                    let current = operations.get(&id).is_some_and(|open| open.serial == number);
                    let sent = match result {
                        // The document was refused before anything ran (validation, variables):
                        // the protocol's `error` message, which ends the operation.
                        Some(response) if current && is_request_error(&response, &operations[&id]) => {
                            if let Some(operation) = operations.remove(&id) {
                                operation.abort.abort();
                            }
                            out.text(protocol::error(&id, &response.errors)).await
                        }
                        Some(response) if current => {
                            if let Some(operation) = operations.get_mut(&id) {
                                operation.answered = true;
                            }
                            out.text(protocol::next(&id, &response)).await
                        }
                        None if current => {
                            operations.remove(&id);
                            out.text(protocol::complete(&id)).await
                        }
                        _ => Ok(()),
                    };
                    if sent.is_err() {
                        return;
                    }
                }
                _ = keepalive.tick() => {
                    if last_heard.elapsed() > settings.keepalive * 2 {
                        return out.close(close::POLICY, "No answer to the keep-alive ping").await;
                    }
                    if out.text(protocol::ping()).await.is_err() {
                        return;
                    }
                }
                _ = reauthenticate.tick() => {
                    // Anything that changed — the role, the tenant's state, an API key's scope, an
                    // operator's standing — ends the connection: its subscriptions were checked
                    // against the old session. The client reconnects and is checked afresh.
                    match authenticate(services, &credentials).await {
                        Ok(Some(fresh)) if fresh == session => {}
                        Err(ApiError::Internal(_) | ApiError::Timeout) => {}
                        _ => {
                            return out.close(close::UNAUTHORIZED, "Unauthorized: the credentials or their standing changed; reconnect").await;
                        }
                    }
                }
                () = &mut expired => {
                    return out.close(close::UNAUTHORIZED, "Unauthorized: the token has expired").await;
                }
                () = &mut stopping => {
                    return out.close(close::GOING_AWAY, "The server is shutting down; reconnect").await;
                }
                () = overrun.raised() => {
                    return out.close(
                        close::TRY_AGAIN_LATER,
                        "Too slow: the connection fell behind its events; reconnect and read the current state",
                    ).await;
                }
            }
        }
    }

    /// Checks a `subscribe` request and starts it: the document's limits (as over HTTP), a
    /// subscription with exactly one root field (queries and mutations go over HTTP), then the
    /// schema's stream, each result tagged, put in selection order, and followed by a reset of
    /// the operation's loaders (each event resolves afresh).
    async fn start(
        &self,
        session: &Session,
        id: &str,
        payload: SubscribePayload,
        overrun: &Overrun,
    ) -> Result<BoxStream<'static, async_graphql::Response>, Vec<async_graphql::ServerError>> {
        let mut request = async_graphql::Request::new(payload.query);
        if let Some(name) = payload.operation_name {
            request = request.operation_name(name);
        }
        match payload.variables {
            None | Some(Value::Null) => {}
            Some(variables @ Value::Object(_)) => {
                request = request.variables(async_graphql::Variables::from_json(variables));
            }
            Some(_) => {
                return Err(vec![request_error(
                    "`variables` must be an object",
                    "BAD_USER_INPUT",
                )]);
            }
        }
        let order = self.state.limits.check(&mut request).map_err(|mut error| {
            let extensions = error.extensions.get_or_insert_with(Default::default);
            if extensions.get("code").is_none() {
                extensions.set("code", "BAD_USER_INPUT");
            }
            vec![error]
        })?;
        let sent_name = request.operation_name.clone();
        let mut operation_name = sent_name.clone();
        let single_subscription = match request.parsed_query() {
            Ok(document) => {
                selected_operation(document, sent_name.as_deref()).map(|(name, operation)| {
                    // Audited as the client named it, or as the document names the operation.
                    operation_name = operation_name.take().or(name.map(str::to_owned));
                    operation.ty == OperationType::Subscription
                        && operation.selection_set.node.items.len() == 1
                        && matches!(
                            operation.selection_set.node.items[0].node,
                            Selection::Field(_)
                        )
                })
            }
            Err(error) => {
                return Err(vec![request_error(
                    format!("the document does not parse: {error}"),
                    "BAD_USER_INPUT",
                )]);
            }
        };
        match single_subscription {
            Some(true) => {}
            Some(false) => {
                return Err(vec![request_error(
                    "over WebSocket, send a subscription that selects exactly one field; queries and mutations go over HTTP",
                    "BAD_USER_INPUT",
                )]);
            }
            None => {
                return Err(vec![request_error(
                    "the document must hold one operation, or `operationName` must name one of them",
                    "BAD_USER_INPUT",
                )]);
            }
        }
        // An operator acting for a tenant is audited for each subscription, as for each request
        // over HTTP (refused if the audit cannot be written).
        if session.operator.is_some() {
            let hash = document_hash(&request.query);
            let operator_request = OperatorRequest {
                operation_type: "subscription",
                operation_name: operation_name.as_deref(),
                document_hash: Some(&hash),
                request_id: &self.request_id,
                subgraph: self.state.subgraph,
            };
            if let Err(error) =
                record_operator_request(&self.state.services, session, &operator_request).await
            {
                return Err(vec![request_error(error.message(), error.code())]);
            }
        }
        let loaders = Loaders::new(
            self.state.services.db.clone(),
            self.state.services.documents.clone(),
            session.tenant.id,
            self.state.limits.max_relation_items,
        );
        let reset = loaders.resetter();
        let request = request
            .data(loaders)
            .data(overrun.clone())
            .data(RequestContext {
                request_id: format!("{}/{id}", self.request_id),
                session: Some(session.clone()),
                client_ip: Some(self.client.to_string()),
                user_agent: header_text(&self.headers, axum::http::header::USER_AGENT),
                // Subscriptions only: the registration wizard is HTTP mutations.
                registration_token: None,
            });
        tracing::info!(operation = id, "subscription started");
        Ok(self
            .state
            .schema
            .execute_stream(request, None)
            .map(move |mut response| {
                tag_limit_errors(&mut response);
                tag_library_errors(&mut response);
                if let Some(order) = &order {
                    order.apply(&mut response.data);
                }
                reset.reset();
                response
            })
            .boxed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn credentials_come_from_the_payload_in_any_case_else_from_the_upgrade_headers() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "authorization",
            "Bearer from-header"
                .parse()
                .unwrap_or_else(|_| unreachable!()),
        );
        let payload = json!({ "Authorization": "Bearer from-payload" });
        let found = credentials(Some(&payload), &headers).ok();
        assert_eq!(
            found.and_then(|c| c.authorization).as_deref(),
            Some("Bearer from-payload")
        );
        let nested = json!({ "headers": { "x-api-key": "key" } });
        let found = credentials(Some(&nested), &HeaderMap::new()).ok();
        assert_eq!(found.and_then(|c| c.api_key).as_deref(), Some("key"));
        let found = credentials(None, &headers).ok();
        assert_eq!(
            found.and_then(|c| c.authorization).as_deref(),
            Some("Bearer from-header")
        );
        assert!(credentials(Some(&json!([1])), &headers).is_err());
        assert!(credentials(Some(&json!({ "apiKey": 7 })), &headers).is_err());
    }
}
