//! `NotificationMutation`: marking notifications read, and an admin's broadcast; and
//! [`add_notification`], the one way any module adds a notification (it publishes the change
//! event the `notificationAdded` subscription listens to).

use crate::notify::notification_type::{Notification, visible, visible_to};
use crate::notify::recipient;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::notifications;
use graph_core::access::{self, ADMINS};
use graph_core::changes::now;
use graph_core::context::Role;
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::events::Change;
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Every role of a signed-in user: each has notifications of their own.
const USERS: &[Role] = &[Role::Admin, Role::Member, Role::Reviewer, Role::SuperAdmin];

/// A notification's type slug (`notifications.type`, `varchar(100)`).
const TYPE: Text = Text::new("type", 100);
/// A notification's text (`notifications.message`; bounded here, the column is `text`).
const MESSAGE: Text = Text::new("message", 2000);
/// The type of a broadcast sent by an admin through the API.
const ADMIN_BROADCAST: &str = "admin_broadcast";

/// A notification to add with [`add_notification`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    /// The user (internal id) it is for; None broadcasts it to every admin of the tenant.
    pub user_id: Option<Uuid>,
    /// What it is about, as a slug (`approval_assigned`, `approval_escalated`, …):
    /// `[a-z][a-z0-9_]*`, at most 100.
    pub r#type: String,
    /// The text shown to the user (at most 2,000 characters).
    pub message: String,
    /// The record it is about: its public id and its kind (`approval`, `activity`, …).
    pub subject: Option<(String, String)>,
}

/// Whether `value` is a slug: `[a-z][a-z0-9_]*`.
fn is_slug(value: &str) -> bool {
    let mut chars = value.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Adds a notification in `tx`'s tenant and publishes `Change::Notification` with its public
/// id, delivered to subscribers when (and only if) `tx` commits. The one insertion path of
/// `notifications`: other modules (approvals, billing jobs, …) call this inside the transaction
/// of the change the notification is about. `tx` must be able to write (a transaction begun
/// for a session: `created_by` is its actor). A malformed type, message or subject is
/// `BAD_USER_INPUT`; a `user_id` that is not a user of the tenant fails its foreign key.
pub async fn add_notification(
    tx: &TenantTx,
    new: NewNotification,
) -> ApiResult<notifications::Model> {
    let kind = TYPE.required(&new.r#type)?;
    if !is_slug(&kind) {
        return Err(ApiError::bad_input(
            "type",
            "`type` must be a slug: lowercase letters, digits and `_`, starting with a letter",
        ));
    }
    let message = MESSAGE.required(&new.message)?;
    let (subject_ref_id, subject_type) = match new.subject {
        None => (None, None),
        Some((id, kind)) => {
            let id = parse_ref_id("subjectId", &id)?.into_string();
            if kind.len() > 50 || !is_slug(&kind) {
                return Err(ApiError::bad_input(
                    "subjectType",
                    "`subjectType` must be a slug of at most 50 characters",
                ));
            }
            (Some(id), Some(kind))
        }
    };
    let row = tx
        .insert(notifications::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(new.user_id),
            r#type: Set(kind),
            channel: Set("web".to_owned()),
            message: Set(message),
            subject_ref_id: Set(subject_ref_id),
            subject_type: Set(subject_type),
            read: Set(false),
            read_at: Set(None),
            ..Default::default()
        })
        .await?;
    tx.publish(Change::Notification {
        id: row.ref_id.clone(),
    })
    .await?;
    Ok(row)
}

/// A broadcast from an admin to every admin of the tenant.
#[derive(InputObject, Debug)]
pub struct BroadcastNotificationInput {
    /// The text shown to the admins, 1–2,000 characters.
    pub message: String,
}

/// The notification part of the notifications `Mutation`.
#[derive(Default)]
pub struct NotificationMutation;

/// Changes to the caller's notifications.
#[Object]
impl NotificationMutation {
    /// Marks one of the signed-in user's notifications read and returns it; marking a read
    /// notification again returns it unchanged. A broadcast marked read is read for every
    /// admin (it is one row for all of them). Another user's notification is `NOT_FOUND`;
    /// API keys get `FORBIDDEN`.
    #[tracing::instrument(skip_all)]
    async fn mark_notification_read(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The notification's id.")] id: ID,
    ) -> Result<Notification> {
        let session = access::write(ctx, USERS)?;
        let (user_id, is_admin) = recipient(session)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<notifications::Entity>("notification", &ref_id, false)
            .await?;
        if !visible_to(&row, user_id, is_admin) {
            return Err(ApiError::NotFound("notification").into());
        }
        if row.read {
            tx.commit().await?;
            return Ok(Notification::from(row));
        }
        let changes = notifications::ActiveModel {
            read: Set(true),
            read_at: Set(Some(now())),
            ..Default::default()
        };
        let row = tx.update_by_id("notification", row.id, changes).await?;
        tx.commit().await?;
        Ok(Notification::from(row))
    }

    /// Marks every unread notification of the signed-in user read (for admins, the tenant's
    /// unread broadcasts too, for every admin); returns how many were marked. API keys get
    /// `FORBIDDEN`.
    #[tracing::instrument(skip_all)]
    async fn mark_all_notifications_read(&self, ctx: &Context<'_>) -> Result<i32> {
        let session = access::write(ctx, USERS)?;
        let (user_id, is_admin) = recipient(session)?;
        let tx = access::begin(ctx, session).await?;
        let marked = tx
            .update::<notifications::Entity>()
            .set(notifications::ActiveModel {
                read: Set(true),
                read_at: Set(Some(now())),
                ..Default::default()
            })
            .filter(visible(user_id, is_admin))
            .filter(notifications::Column::Read.eq(false))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(i32::try_from(marked).unwrap_or(i32::MAX))
    }

    /// Sends a notification to every admin of the tenant (admins only): one broadcast row,
    /// of type `admin_broadcast`, that each admin sees in `notifications`.
    #[tracing::instrument(skip_all)]
    async fn broadcast_notification(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The broadcast's text.")] input: BroadcastNotificationInput,
    ) -> Result<Notification> {
        let session = access::write(ctx, ADMINS)?;
        let message = MESSAGE.required(&input.message)?;
        let tx = access::begin(ctx, session).await?;
        let row = add_notification(
            &tx,
            NewNotification {
                user_id: None,
                r#type: ADMIN_BROADCAST.to_owned(),
                message,
                subject: None,
            },
        )
        .await?;
        tx.commit().await?;
        tracing::info!(notification = %row.ref_id, "broadcast sent");
        Ok(Notification::from(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_slugs() {
        assert!(is_slug("approval_required"));
        assert!(is_slug("a1"));
        assert!(!is_slug(""));
        assert!(!is_slug("1a"));
        assert!(!is_slug("Approval"));
        assert!(!is_slug("approval-required"));
    }
}
