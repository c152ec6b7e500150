//! `NotificationQuery`: the caller's notifications, newest first, the unread count, and the
//! federation look-up of `Notification` — all under [`visible_to`](crate::notify::visible_to).

use crate::notify::notification_type::{Notification, NotificationConnection, visible, visible_to};
use crate::notify::page::{NewestFirst, newest_first};
use crate::notify::recipient;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::notifications;
use graph_core::access;
use graph_core::ids::parse_ref_id;
use graph_core::loaders::loaders;
use sea_orm::ColumnTrait;

/// Which of the caller's notifications to list.
#[derive(InputObject, Default, Debug)]
pub struct NotificationFilter {
    /// Only notifications not yet marked read.
    pub unread_only: Option<bool>,
}

/// The notification part of the notifications `Query`.
#[derive(Default)]
pub struct NotificationQuery;

/// Reads of the caller's notifications.
#[Object]
impl NotificationQuery {
    /// The signed-in user's notifications, newest first, as a Relay connection: those
    /// addressed to them, plus — for admins — the broadcasts to the tenant's admins. API keys
    /// have no notifications (`FORBIDDEN`).
    async fn notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which notifications; every given criterion must hold.")] filter: Option<
            NotificationFilter,
        >,
        #[graphql(desc = "Return at most this many (default 20, at most the page size limit).")]
        first: Option<i32>,
        #[graphql(desc = "Cursor: return the notifications after (older than) this one.")]
        after: Option<String>,
    ) -> Result<NotificationConnection> {
        let session = access::read(ctx)?;
        let (user_id, is_admin) = recipient(session)?;
        let window = NewestFirst::new(ctx, first, after)?;
        let unread_only = filter.unwrap_or_default().unread_only == Some(true);
        let tx = access::begin(ctx, session).await?;
        let mine = tx
            .select::<notifications::Entity>()
            .filter(visible(user_id, is_admin));
        let mut select = mine.clone();
        if unread_only {
            // The predicate of `notifications_user_unread_idx`.
            select = select.filter(notifications::Column::Read.eq(false));
        }
        let page = newest_first(
            &tx,
            select,
            mine,
            notifications::Column::CreatedOn,
            window,
            Notification::from,
        )
        .await?;
        tx.commit().await?;
        Ok(page.into())
    }

    /// How many of the signed-in user's notifications (broadcasts included, for admins) are
    /// unread. API keys get `FORBIDDEN`.
    async fn unread_notification_count(&self, ctx: &Context<'_>) -> Result<i32> {
        let session = access::read(ctx)?;
        let (user_id, is_admin) = recipient(session)?;
        let tx = access::begin(ctx, session).await?;
        let unread = tx
            .select::<notifications::Entity>()
            .filter(visible(user_id, is_admin))
            .filter(notifications::Column::Read.eq(false))
            .count(&tx)
            .await?;
        tx.commit().await?;
        Ok(i32::try_from(unread).unwrap_or(i32::MAX))
    }

    /// Federation: a notification the signed-in user may see; null for unknown ids and for
    /// notifications of other users (or, for non-admins, broadcasts).
    #[graphql(entity)]
    async fn find_notification_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<Notification>> {
        let session = access::read(ctx)?;
        let (user_id, is_admin) = recipient(session)?;
        let Ok(ref_id) = parse_ref_id("id", &id) else {
            return Ok(None);
        };
        let row = loaders(ctx)?
            .by_ref::<notifications::Entity>(false)
            .load_one(ref_id.into_string())
            .await?;
        Ok(row
            .filter(|row| visible_to(row, user_id, is_admin))
            .map(Notification::from))
    }
}
