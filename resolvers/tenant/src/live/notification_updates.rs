//! `notificationAdded`: the caller's notification centre, live.

use crate::notify::{Notification, visible_to};
use async_graphql::{Context, Result, Subscription};
use entities::notifications;
use futures::Stream;
use graph_core::access;
use graph_core::context::Principal;
use graph_core::db::{Db, TenantId};
use graph_core::error::ApiError;
use graph_core::events::Change;
use graph_core::live::{Feed, Overrun};
use uuid::Uuid;

/// One subscriber's state between events.
struct Listening {
    feed: Feed,
    db: Db,
    tenant: TenantId,
    user: Uuid,
    is_admin: bool,
    overrun: Overrun,
}

impl Listening {
    async fn next(&mut self) -> Option<Result<Notification>> {
        loop {
            let Ok(delivery) = self.feed.next().await else {
                self.overrun.raise();
                return None;
            };
            let Change::Notification { id } = &delivery.change else {
                continue;
            };
            match delivery
                .load::<notifications::Entity>(&self.db, self.tenant, id)
                .await
            {
                Ok(Some(row)) if visible_to(&row, self.user, self.is_admin) => {
                    return Some(Ok(Notification::from(row)));
                }
                Ok(_) => {}
                Err(error) => return Some(Err(error.into())),
            }
        }
    }
}

/// The notification part of `Subscription`.
#[derive(Default)]
pub struct NotificationSubscription;

/// Live notifications.
#[Subscription]
impl NotificationSubscription {
    /// Every notification added for the signed-in user from now on (and, for admins, every
    /// broadcast to the tenant's admins), as it happens on any server instance. For users only:
    /// API keys have no notification centre (`FORBIDDEN`).
    async fn notification_added(
        &self,
        ctx: &Context<'_>,
    ) -> Result<impl Stream<Item = Result<Notification>> + use<>> {
        let session = access::read(ctx)?;
        let Principal::User { id: user, .. } = &session.principal else {
            return Err(ApiError::Forbidden(
                "notifications belong to users; an API key has none".to_owned(),
            )
            .into());
        };
        let services = access::services(ctx)?;
        let listening = Listening {
            feed: services.hub.subscribe(session.tenant.id),
            db: services.db.clone(),
            tenant: session.tenant.id,
            user: *user,
            is_admin: session.is_admin(),
            overrun: ctx.data::<Overrun>().cloned().unwrap_or_default(),
        };
        Ok(futures::stream::unfold(
            listening,
            |mut listening| async move {
                let update = listening.next().await?;
                Some((update, listening))
            },
        ))
    }
}
