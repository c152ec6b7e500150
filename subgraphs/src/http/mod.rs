//! The HTTP surface of one subgraph: GraphQL (POST, and GET for queries and persisted queries),
//! GraphiQL on a plain GET, health, readiness and metrics.

mod graphql;
mod health;
mod introspection;
mod over_get;

use crate::metrics::Metrics;
use axum::Router;
use axum::routing::get;
use resolvers::core::services::Services;
use resolvers::schema::{Subgraph, TenantSchema};
use std::sync::Arc;
use tower_http::limit::RequestBodyLimitLayer;

/// What every handler of one subgraph shares.
#[derive(Clone)]
pub struct AppState {
    /// Which subgraph this router serves.
    pub subgraph: Subgraph,
    /// The subgraph's schema.
    pub schema: TenantSchema,
    /// Process-wide services.
    pub services: Arc<Services>,
    /// This subgraph's request metrics.
    pub metrics: Arc<Metrics>,
    /// Whether `X-Forwarded-For` names the client (behind a trusted proxy only).
    pub trust_forwarded_for: bool,
}

/// The router of one subgraph.
pub fn router(state: AppState, max_body_bytes: usize) -> Router {
    Router::new()
        .route(
            "/graphql",
            get(graphql::get_handler).post(graphql::post_handler),
        )
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(RequestBodyLimitLayer::new(max_body_bytes))
        .with_state(state)
}

pub(crate) use introspection::IntrospectionNeedsCredentials;
pub(crate) use over_get::ReadOnlyOverGet;
