//! The `Notification` type, and who may see a notification ([`visible_to`]).

use crate::notify::enums::NotificationChannel;
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::notifications;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;
use uuid::Uuid;

/// An in-app notification of the dashboard's notification centre: for one user, or a broadcast
/// to every admin of the tenant. Federated entity; visible only to the user it is for (and, for
/// a broadcast, to the tenant's admins).
#[derive(SimpleObject, Clone, Debug)]
pub struct Notification {
    /// Public id (ULID).
    pub id: ID,
    /// What it is about, as a slug: `approval_assigned` (an approval to review),
    /// `approval_escalated` (an approval expired unresolved; to admins), `admin_broadcast` (a
    /// message from an admin), `approval_required` (a review gate waiting), … — more come with
    /// other subgraphs (`credits_exhausted`, …).
    pub r#type: String,
    /// Where it is shown: always `WEB` (other channels are recorded in the dispatch log).
    pub channel: NotificationChannel,
    /// The text shown to the user.
    pub message: String,
    /// Public id of the record it is about (an approval, an activity, a report, …); null when
    /// it is about no record.
    pub subject_id: Option<ID>,
    /// The kind of record `subjectId` points at (`approval`, `activity`, `report`, …); null
    /// with `subjectId`.
    pub subject_type: Option<String>,
    /// Whether it has been marked read. A broadcast is read for every admin once one admin
    /// marks it read.
    pub read: bool,
    /// When it was marked read; null while unread.
    pub read_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// Whether it is a broadcast to every admin of the tenant rather than to one user.
    pub is_broadcast: bool,
}

impl From<notifications::Model> for Notification {
    fn from(row: notifications::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            r#type: row.r#type,
            channel: NotificationChannel::from_db(&row.channel),
            message: row.message,
            subject_id: row.subject_ref_id.map(ID),
            subject_type: row.subject_type,
            read: row.read,
            read_at: row.read_at.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            is_broadcast: row.user_id.is_none(),
        }
    }
}

graph_core::connection_type!(NotificationConnection, NotificationEdge, Notification);

/// Whether the user `user_id` (an admin of the tenant when `is_admin`) may see `notification`:
/// it is addressed to that user, or it is a broadcast (`user_id` null) and the user is an admin
/// (`admin` or `super_admin`). Nobody else sees it: not other users, not API keys (they have no
/// user). The tenant is not checked here: the row must come from a read under the viewer's own
/// tenant guard (`TenantTx`), as every read does. [`visible`] is the same rule as a SQL
/// condition; the queries, the federation look-up and the `notificationAdded` subscription all
/// apply this one rule.
pub fn visible_to(notification: &notifications::Model, user_id: Uuid, is_admin: bool) -> bool {
    match notification.user_id {
        Some(addressee) => addressee == user_id,
        None => is_admin,
    }
}

/// [`visible_to`] as a condition on `notifications` rows, for queries and updates.
pub fn visible(user_id: Uuid, is_admin: bool) -> Condition {
    let mut condition = Condition::any().add(notifications::Column::UserId.eq(user_id));
    if is_admin {
        condition = condition.add(notifications::Column::UserId.is_null());
    }
    condition
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(user_id: Option<Uuid>) -> notifications::Model {
        notifications::Model {
            id: Uuid::nil(),
            ref_id: "01J0000000000000000000000A".to_owned(),
            tenant_id: Uuid::nil(),
            user_id,
            r#type: "approval_required".to_owned(),
            channel: "web".to_owned(),
            message: "m".to_owned(),
            subject_ref_id: None,
            subject_type: None,
            read: false,
            read_at: None,
            created_by: None,
            created_on: chrono::Utc::now().fixed_offset(),
            updated_by: None,
            updated_on: None,
        }
    }

    #[test]
    fn a_users_notification_is_visible_to_that_user_only() {
        let (me, other) = (Uuid::new_v4(), Uuid::new_v4());
        assert!(visible_to(&row(Some(me)), me, false));
        assert!(visible_to(&row(Some(me)), me, true));
        assert!(!visible_to(&row(Some(me)), other, false));
        assert!(!visible_to(&row(Some(me)), other, true));
    }

    #[test]
    fn a_broadcast_is_visible_to_admins_only() {
        let me = Uuid::new_v4();
        assert!(visible_to(&row(None), me, true));
        assert!(!visible_to(&row(None), me, false));
        assert!(Notification::from(row(None)).is_broadcast);
        assert!(!Notification::from(row(Some(me))).is_broadcast);
    }
}
