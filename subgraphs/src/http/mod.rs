//! The HTTP surface of one subgraph: GraphQL (POST, and GET for queries and persisted queries),
//! GraphiQL on a plain GET, health, readiness and metrics.

mod graphql;
mod health;
mod introspection;
mod over_get;
mod persisted;

pub(crate) use persisted::PersistedQueries;

use crate::metrics::Metrics;
use async_graphql::Executor;
use axum::Router;
use axum::routing::get;
use graph_core::services::Services;
use std::sync::Arc;
use tower_http::limit::RequestBodyLimitLayer;

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
    /// Whether `X-Forwarded-For` names the client (behind a trusted proxy only).
    pub trust_forwarded_for: bool,
    /// The limits checked before execution (async-graphql's own are in the schema).
    pub limits: graph_core::limits::QueryLimits,
    /// This subgraph's registered persisted queries.
    pub(crate) persisted: Arc<PersistedQueries>,
}

/// The router of one subgraph.
pub fn router<E: Executor>(state: AppState<E>, max_body_bytes: usize) -> Router {
    Router::new()
        .route(
            "/graphql",
            get(graphql::get_handler::<E>).post(graphql::post_handler::<E>),
        )
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz::<E>))
        .route("/metrics", get(health::metrics::<E>))
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .with_state(state)
}
