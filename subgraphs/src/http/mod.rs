//! The HTTP surface of one subgraph: GraphQL (POST, and GET for queries and persisted queries),
//! subscriptions over WebSocket (a GET that upgrades, see [`crate::ws`]), GraphiQL on a plain
//! GET, health, readiness and metrics.

mod audit_log;
mod body;
mod client;
mod graphql;
mod health;
mod introspection;
mod media;
mod over_get;
mod persisted;

pub(crate) use graphql::{header_text, selected_operation, tag_library_errors};
pub(crate) use persisted::{PersistedQueries, document_hash};

use crate::metrics::Metrics;
use async_graphql::Executor;
use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use graph_core::services::Services;
use std::sync::Arc;
use std::time::Duration;

/// What every handler of one subgraph shares; generic over the subgraph's executable schema, so
/// one HTTP surface serves every subgraph.
#[derive(Clone)]
pub struct AppState<E> {
    /// The subgraph's name (logs, metrics, GraphiQL title, operator audit).
    pub subgraph: &'static str,
    /// The subgraph's executable schema.
    pub schema: E,
    /// Process-wide services.
    pub services: Arc<Services>,
    /// This subgraph's request metrics.
    pub metrics: Arc<Metrics>,
    /// Proxies in front of the server that append to `X-Forwarded-For` (0: none; the peer is the
    /// client and client-sent `X-Request-Id`s are ignored).
    pub trusted_proxy_hops: usize,
    /// Largest request body read.
    pub max_body_bytes: usize,
    /// The limits checked before execution (async-graphql's own are in the schema).
    pub limits: graph_core::limits::QueryLimits,
    /// This subgraph's registered persisted queries.
    pub(crate) persisted: Arc<PersistedQueries>,
    /// The last readiness check (`/readyz` answers from it for a second).
    pub(crate) readiness: Arc<health::Readiness>,
    /// The WebSocket transport's limits.
    pub ws: crate::ws::WsSettings,
    /// Whether change events reach this process (the `LISTEN` connection).
    pub listener: Arc<crate::listener::ListenerState>,
}

/// The router of one subgraph; every request gets at most `request_timeout` (body read
/// included), after which it is dropped — an open transaction rolls back (a mutation field that
/// already committed stays committed) — and answered `TIMEOUT`.
pub fn router<E: Executor>(state: AppState<E>, request_timeout: Duration) -> Router {
    Router::new()
        .route(
            "/graphql",
            get(graphql::get_or_upgrade::<E>).post(graphql::post_handler::<E>),
        )
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz::<E>))
        .route("/metrics", get(health::metrics::<E>))
        .layer(axum::middleware::from_fn(
            move |request: Request, next: Next| async move {
                match tokio::time::timeout(request_timeout, next.run(request)).await {
                    Ok(response) => response,
                    Err(_) => timed_out(request_timeout),
                }
            },
        ))
        .with_state(state)
}

/// The answer to a request that ran out of time: 503 with a GraphQL error coded `TIMEOUT`.
fn timed_out(limit: Duration) -> Response {
    tracing::warn!(limit_ms = limit.as_millis() as u64, "request timed out");
    let body = serde_json::json!({
        "errors": [{
            "message": format!(
                "the request took longer than {} ms and was stopped; its uncommitted changes were rolled back",
                limit.as_millis()
            ),
            "extensions": { "code": "TIMEOUT" },
        }]
    });
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body.to_string(),
    )
        .into_response()
}
