//! Change events for live updates (GraphQL subscriptions), published **after commit** and fanned
//! out to every server instance through PostgreSQL `LISTEN/NOTIFY`.
//!
//! A resolver publishes with [`TenantTx::publish`] inside the transaction that makes the change:
//! PostgreSQL delivers a `NOTIFY` only when (and if) its transaction commits, so an event is never
//! seen for a change that rolled back, and never before the change is visible. The payload holds
//! ids only — the tenant, the record's public id and what happened — never the record: each
//! subscriber's server re-reads the record under the subscriber's own tenant guard (see
//! [`crate::live`]), so a forged or misrouted payload can reveal nothing.
//!
//! `NOTIFY` works through PgBouncer in transaction mode (it is part of the transaction); only the
//! one listening connection per process must reach PostgreSQL directly.

use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The PostgreSQL notification channel every change event travels on.
pub const CHANNEL: &str = "leadmetrics_events";

/// What happened to an approval (the kinds `approvalUpdated` reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApprovalChange {
    /// A new approval entered the queue.
    Created,
    /// A reviewer was assigned (or reassigned).
    Assigned,
    /// Approved, rejected, or an option was chosen.
    Resolved,
    /// Sent back to its activity with a revision note.
    RevisionRequested,
    /// Forwarded to the client for sign-off.
    SentToClient,
    /// Its time ran out unresolved.
    Expired,
    /// Escalated to the tenant's admins (after expiring).
    Escalated,
}

/// One change, as published: ids only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "topic", rename_all = "snake_case")]
pub enum Change {
    /// An approval changed.
    Approval {
        /// The approval's public id.
        id: String,
        /// What happened.
        change: ApprovalChange,
    },
    /// A notification was added (for one user, or broadcast to the tenant's admins).
    Notification {
        /// The notification's public id.
        id: String,
    },
}

/// A change with the tenant it happened in: the `NOTIFY` payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// The tenant's internal id (the payload never leaves the server's processes).
    pub tenant: Uuid,
    /// What changed.
    #[serde(flatten)]
    pub change: Change,
}

impl Envelope {
    /// The payload text (JSON; far below `NOTIFY`'s 8,000-byte limit, since it holds ids only).
    pub fn to_payload(&self) -> ApiResult<String> {
        serde_json::to_string(self)
            .map_err(|error| ApiError::internal(format!("event payload: {error}")))
    }

    /// Parses a payload; None for anything that is not one of ours (logged by the caller).
    pub fn from_payload(payload: &str) -> Option<Self> {
        serde_json::from_str(payload).ok()
    }
}

/// `SELECT pg_notify(channel, payload)` for one envelope.
pub(crate) fn notify_statement(envelope: &Envelope) -> ApiResult<Statement> {
    Ok(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), envelope.to_payload()?.into()],
    ))
}

impl TenantTx {
    /// Publishes `change` in this transaction's tenant when the transaction commits (nothing is
    /// published if it rolls back).
    pub async fn publish(&self, change: Change) -> ApiResult<()> {
        let envelope = Envelope {
            tenant: self.tenant().uuid(),
            change,
        };
        self.conn()
            .execute_raw(notify_statement(&envelope)?)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_round_trips_and_holds_only_ids() {
        let envelope = Envelope {
            tenant: Uuid::nil(),
            change: Change::Approval {
                id: "01J0000000000000000000000A".to_owned(),
                change: ApprovalChange::RevisionRequested,
            },
        };
        let payload = envelope.to_payload().unwrap_or_default();
        assert_eq!(
            payload,
            r#"{"tenant":"00000000-0000-0000-0000-000000000000","topic":"approval","id":"01J0000000000000000000000A","change":"RevisionRequested"}"#
        );
        assert_eq!(Envelope::from_payload(&payload), Some(envelope));
        assert_eq!(Envelope::from_payload("{\"tenant\":1}"), None);
    }
}
