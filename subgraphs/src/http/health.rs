//! Liveness, readiness and metrics endpoints.

use super::AppState;
use async_graphql::Executor;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

/// Liveness: the process serves HTTP.
pub(super) async fn healthz() -> &'static str {
    "ok"
}

/// Readiness: the database answers on both roles.
pub(super) async fn readyz<E: Executor>(State(state): State<AppState<E>>) -> impl IntoResponse {
    if state.services.db.ping().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
    }
}

/// Prometheus text metrics.
pub(super) async fn metrics<E: Executor>(State(state): State<AppState<E>>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        format!(
            "{}# HELP db_statements_total SQL statements run by this process (both pools).\n\
             # TYPE db_statements_total counter\n\
             db_statements_total {}\n",
            state.metrics.render(state.subgraph),
            state.services.db.statements_executed()
        ),
    )
}
