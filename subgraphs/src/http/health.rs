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
/// round trip on both pools and to the document store, so a flood of probes must not become a
/// flood of database work.
#[derive(Default)]
pub(crate) struct Readiness {
    last: tokio::sync::Mutex<Option<(std::time::Instant, Checks)>>,
}

/// What one readiness check found.
#[derive(Clone, Copy)]
struct Checks {
    database: bool,
    documents: bool,
}

/// How long readiness waits for the document store: a probe (Kubernetes waits 1 s by
/// default) must be answered while the store is down, and the store's state is only reported.
const DOCUMENT_PING: std::time::Duration = std::time::Duration::from_millis(300);

impl Readiness {
    const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(1);

    /// Whether PostgreSQL and the document store answered within the last second (checking
    /// them, concurrently, when older).
    async fn checks(&self, services: &graph_core::services::Services) -> Checks {
        let mut last = self.last.lock().await;
        match *last {
            Some((at, checks)) if at.elapsed() < Self::FRESH_FOR => checks,
            _ => {
                let (database, documents) = tokio::join!(
                    services.db.ping(),
                    services.documents.ping_within(DOCUMENT_PING)
                );
                let checks = Checks {
                    database,
                    documents,
                };
                *last = Some((std::time::Instant::now(), checks));
                checks
            }
        }
    }
}

/// Readiness: 200 while PostgreSQL answers on both roles, 503 when it does not. The document
/// store is reported on its own line and does not make the instance unready: without it,
/// responses still carry their PostgreSQL fields (document fields are null with `UNAVAILABLE`).
/// Checked at most once a second.
pub(super) async fn readyz<E: Executor>(State(state): State<AppState<E>>) -> impl IntoResponse {
    let checks = state.readiness.checks(&state.services).await;
    let documents = if checks.documents {
        "documents: up"
    } else {
        "documents: unavailable"
    };
    if checks.database {
        (
            StatusCode::OK,
            format!("ready\ndatabase: up\n{documents}\n"),
        )
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("database unreachable\ndatabase: down\n{documents}\n"),
        )
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
    let documents = &state.services.documents;
    let audit = state.services.audit.stats();
    let process: [(&str, &str, &str, u64); 20] = [
        (
            "db_statements_total",
            "counter",
            "SQL statements run by this process (both pools).",
            state.services.db.statements_executed(),
        ),
        (
            "document_reads_total",
            "counter",
            "Read commands sent to the document store (find, aggregate, count).",
            documents.reads_executed(),
        ),
        (
            "document_failures_total",
            "counter",
            "Document store calls that failed or timed out (their fields were UNAVAILABLE).",
            documents.failures(),
        ),
        (
            "audit_log_written_total",
            "counter",
            "audit_logs entries written to the document store.",
            audit.written(),
        ),
        (
            "audit_log_dropped_total",
            "counter",
            "audit_logs entries lost: the queue was full or the store refused them repeatedly.",
            audit.dropped(),
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
        (
            "registration_cleanup_runs_total",
            "counter",
            "Runs of the registration clean-up job on this process.",
            jobs.registration_cleanup_runs.load(Relaxed),
        ),
        (
            "registration_cleanup_failures_total",
            "counter",
            "Runs of the registration clean-up job that failed.",
            jobs.registration_cleanup_failures.load(Relaxed),
        ),
        (
            "registrations_expired_total",
            "counter",
            "Expired registration sessions this process deleted.",
            jobs.registrations_expired.load(Relaxed),
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
