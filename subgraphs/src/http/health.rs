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

/// Prometheus text metrics: this subgraph's requests, and the process's statements, live
/// updates and background jobs.
pub(super) async fn metrics<E: Executor>(State(state): State<AppState<E>>) -> impl IntoResponse {
    use std::fmt::Write as _;
    use std::sync::atomic::Ordering::Relaxed;
    let mut out = state.metrics.render(state.subgraph);
    let hub = state.services.hub.stats();
    let jobs = &state.services.jobs;
    let process: [(&str, &str, &str, u64); 13] = [
        (
            "db_statements_total",
            "counter",
            "SQL statements run by this process (both pools).",
            state.services.db.statements_executed(),
        ),
        (
            "live_listener_up",
            "gauge",
            "1 while the LISTEN connection receives change events.",
            u64::from(state.listener.is_listening()),
        ),
        (
            "live_events_received_total",
            "counter",
            "Change events received from PostgreSQL.",
            hub.events_received.load(Relaxed),
        ),
        (
            "live_events_dispatched_total",
            "counter",
            "Change events handed to subscriptions of their tenant on this process.",
            hub.events_dispatched.load(Relaxed),
        ),
        (
            "live_events_malformed_total",
            "counter",
            "Notifications on the channel that were not change events (ignored).",
            hub.events_malformed.load(Relaxed),
        ),
        (
            "live_subscriptions",
            "gauge",
            "Subscriptions open on this process.",
            hub.subscriptions.load(Relaxed),
        ),
        (
            "live_subscriptions_lagged_total",
            "counter",
            "Subscriptions dropped for falling behind their events.",
            hub.lagged.load(Relaxed),
        ),
        (
            "live_connections",
            "gauge",
            "WebSocket connections open on this process.",
            hub.connections.load(Relaxed),
        ),
        (
            "live_connections_refused_total",
            "counter",
            "WebSocket connections refused for the per-caller cap.",
            hub.connections_refused.load(Relaxed),
        ),
        (
            "approval_expiry_runs_total",
            "counter",
            "Runs of the approval expiry job on this process.",
            jobs.approval_expiry_runs.load(Relaxed),
        ),
        (
            "approval_expiry_failures_total",
            "counter",
            "Runs of the approval expiry job that failed.",
            jobs.approval_expiry_failures.load(Relaxed),
        ),
        (
            "approvals_expired_total",
            "counter",
            "Approvals this process expired.",
            jobs.approvals_expired.load(Relaxed),
        ),
        (
            "approvals_escalated_total",
            "counter",
            "Expired approvals this process escalated to their tenant's admins.",
            jobs.approvals_escalated.load(Relaxed),
        ),
    ];
    for (name, kind, help, value) in process {
        let _ = write!(
            out,
            "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {value}\n"
        );
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out)
}
