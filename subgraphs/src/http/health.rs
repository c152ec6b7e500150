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

/// The last readiness answer, reused for a second: `/readyz` is public, and each check is a
/// round trip on both pools, so a flood of probes must not become a flood of database work.
#[derive(Default)]
pub(crate) struct Readiness {
    last: tokio::sync::Mutex<Option<(std::time::Instant, bool)>>,
}

impl Readiness {
    const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(1);

    /// Whether the database answered within the last second (checking it when older).
    async fn ready(&self, db: &graph_core::db::Db) -> bool {
        let mut last = self.last.lock().await;
        match *last {
            Some((at, ready)) if at.elapsed() < Self::FRESH_FOR => ready,
            _ => {
                let ready = db.ping().await;
                *last = Some((std::time::Instant::now(), ready));
                ready
            }
        }
    }
}

/// Readiness: the database answers on both roles (checked at most once a second).
pub(super) async fn readyz<E: Executor>(State(state): State<AppState<E>>) -> impl IntoResponse {
    if state.readiness.ready(&state.services.db).await {
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
