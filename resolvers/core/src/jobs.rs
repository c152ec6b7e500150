//! Background work that spans every tenant, run by the server on a timer. Each job is one
//! narrow function on the platform role (the only role that sees every tenant), written to be
//! safe with any number of server instances running it at once: rows are claimed with
//! `FOR UPDATE SKIP LOCKED` and changed only while still in the state that made them due, so
//! each row is handled exactly once.

use crate::error::ApiResult;
use crate::events::{ApprovalChange, CHANNEL, Change, Envelope};
use crate::services::Services;
use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
use std::sync::atomic::{AtomicU64, Ordering};
use uuid::Uuid;

/// Counters of the background jobs of this process, for `/metrics`.
#[derive(Debug, Default)]
pub struct JobStats {
    /// Runs of the approval expiry job (each run takes batches until none is due).
    pub approval_expiry_runs: AtomicU64,
    /// Approvals this process expired.
    pub approvals_expired: AtomicU64,
    /// Escalations this process raised (one broadcast notification to the tenant's admins per
    /// expired approval).
    pub approvals_escalated: AtomicU64,
    /// Runs that failed (logged; the next run retries).
    pub approval_expiry_failures: AtomicU64,
    /// Runs of the registration clean-up job.
    pub registration_cleanup_runs: AtomicU64,
    /// Expired registration sessions this process deleted.
    pub registrations_expired: AtomicU64,
    /// Runs of the registration clean-up job that failed (logged; the next run retries).
    pub registration_cleanup_failures: AtomicU64,
}

/// Expires at most `batch` pending approvals whose `expires_at` has passed, in one transaction
/// (one statement, and one for the events): each becomes `expired`, gets one broadcast notification to its tenant's
/// admins (`approval_escalated`), and publishes `Expired`, `Escalated` and the notification's
/// event at commit. Returns how many were expired.
///
/// Concurrent runs on several instances claim disjoint rows (`FOR UPDATE SKIP LOCKED`) and
/// re-check `status = 'pending'` under the lock, so an approval is expired and escalated
/// exactly once. The linked activity stays `AWAITING_APPROVAL`: an admin decides what happens
/// next (a new approval, or cancelling it).
#[tracing::instrument(level = "debug", skip(services))]
pub async fn expire_due_approvals(services: &Services, batch: u64) -> ApiResult<u64> {
    const EXPIRE: &str = r#"
WITH due AS (
    SELECT id FROM approvals
    WHERE status = 'pending' AND expires_at <= now()
    ORDER BY expires_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
), expired AS (
    UPDATE approvals AS a
    SET status = 'expired', updated_on = now(), updated_by = NULL
    FROM due
    WHERE a.id = due.id AND a.status = 'pending'
    RETURNING a.tenant_id, a.ref_id, a.title
)
INSERT INTO notifications (tenant_id, user_id, type, message, subject_ref_id, subject_type)
SELECT tenant_id, NULL, 'approval_escalated',
       -- The title is a member's words: quoted, and cut so a message stays a notice.
       'The approval "' || left(title, 120) || CASE WHEN length(title) > 120 THEN '…' ELSE '' END
           || '" expired without a decision and was escalated to the admins.',
       ref_id, 'approval'
FROM expired
RETURNING tenant_id, ref_id AS notification, subject_ref_id AS approval
"#;
    let tx = services.db.platform().begin().await?;
    let rows = tx
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            EXPIRE,
            [i64::try_from(batch).unwrap_or(i64::MAX).into()],
        ))
        .await?;
    // The events, in the one payload format ([`Envelope`]), sent in this transaction: delivered
    // at its commit, with the expiry.
    let mut payloads = Vec::with_capacity(rows.len() * 3);
    for row in &rows {
        let tenant: Uuid = row.try_get("", "tenant_id")?;
        let approval: String = row.try_get("", "approval")?;
        let notification: String = row.try_get("", "notification")?;
        for change in [ApprovalChange::Expired, ApprovalChange::Escalated] {
            let change = Change::Approval {
                id: approval.clone(),
                change,
            };
            payloads.push(Envelope { tenant, change }.to_payload()?);
        }
        let change = Change::Notification { id: notification };
        payloads.push(Envelope { tenant, change }.to_payload()?);
    }
    if !payloads.is_empty() {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload",
            [CHANNEL.into(), payloads.into()],
        ))
        .await?;
    }
    tx.commit().await?;
    let expired = rows.len() as u64;
    services
        .jobs
        .approvals_expired
        .fetch_add(expired, Ordering::Relaxed);
    services
        .jobs
        .approvals_escalated
        .fetch_add(expired, Ordering::Relaxed);
    Ok(expired)
}

/// One run of the approval expiry job: batches of `batch` until none is due. Failures are
/// counted and logged, and the run ends (the next one retries).
pub async fn run_approval_expiry(services: &Services, batch: u64) -> u64 {
    let total = run_in_batches(
        "approval expiry",
        &services.jobs.approval_expiry_runs,
        &services.jobs.approval_expiry_failures,
        batch,
        || expire_due_approvals(services, batch),
    )
    .await;
    if total > 0 {
        tracing::info!(expired = total, "expired and escalated approvals");
    }
    total
}

/// One run of a batched background job: counts the run, calls `step` (one batch of at most
/// `batch` rows) until a batch comes back short, and returns the rows handled. A failed batch
/// is counted in `failures` and logged, and ends the run: the next run retries. Shared by every
/// job that claims rows with `FOR UPDATE SKIP LOCKED`, so they fail and report alike.
pub(crate) async fn run_in_batches<F, Fut>(
    job: &'static str,
    runs: &AtomicU64,
    failures: &AtomicU64,
    batch: u64,
    mut step: F,
) -> u64
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ApiResult<u64>>,
{
    runs.fetch_add(1, Ordering::Relaxed);
    let batch = Ord::max(batch, 1);
    let mut total = 0;
    loop {
        match step().await {
            Ok(done) => {
                total += done;
                if done < batch {
                    break;
                }
            }
            Err(error) => {
                failures.fetch_add(1, Ordering::Relaxed);
                tracing::error!(?error, job, "a background job failed; the next run retries");
                break;
            }
        }
    }
    total
}
