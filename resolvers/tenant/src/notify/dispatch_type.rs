//! The `NotificationDispatch` type: one outbound delivery attempt (immutable).

use crate::notify::enums::{DispatchStatus, NotificationChannel};
use async_graphql::{ID, Json, SimpleObject};
use chrono::{DateTime, Utc};
use entities::notification_dispatch_log;

/// One attempt to deliver a notification on a channel, as the notification service recorded
/// it. Immutable: the dispatch log is append-only (no API changes it). Visible to admins only.
#[derive(SimpleObject, Clone, Debug)]
pub struct NotificationDispatch {
    /// Public id (ULID).
    pub id: ID,
    /// The notification service's job id (a BullMQ job id); a retried job has one attempt per
    /// row.
    pub notification_job_id: String,
    /// The channel it was sent on.
    pub channel: NotificationChannel,
    /// What was sent, as a slug (`approval_required`, …).
    pub r#type: String,
    /// How many recipients it was sent to (after the development filter).
    pub recipients_count: i32,
    /// The provider that delivered it (`sendgrid`, `twilio`, …); null when none was called.
    pub provider: Option<String>,
    /// The outcome.
    pub status: DispatchStatus,
    /// The provider's response body (truncated to about 1 KB); null when there was none.
    pub provider_response: Option<Json<serde_json::Value>>,
    /// Why it failed; set when `status` is `FAILED`.
    pub error: Option<String>,
    /// How long the attempt took, in milliseconds.
    pub duration_ms: Option<i32>,
    /// Which attempt of the job this was (1 = the first).
    pub attempt: i32,
    /// When the attempt was recorded.
    pub created_on: DateTime<Utc>,
}

impl From<notification_dispatch_log::Model> for NotificationDispatch {
    fn from(row: notification_dispatch_log::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            notification_job_id: row.notification_job_id,
            channel: NotificationChannel::from_db(&row.channel),
            r#type: row.r#type,
            recipients_count: row.recipients_count,
            provider: row.provider,
            status: DispatchStatus::from_db(&row.status),
            provider_response: row.provider_response.map(Json),
            error: row.error,
            duration_ms: row.duration_ms,
            attempt: row.attempt,
            created_on: row.created_on.to_utc(),
        }
    }
}

graph_core::connection_type!(
    NotificationDispatchConnection,
    NotificationDispatchEdge,
    NotificationDispatch
);
