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
use graph_core::live::{self, Delivery, Overrun};
use uuid::Uuid;

/// What the user `user` (an admin when `is_admin`) receives of `delivery`: None for another
/// kind of record or a notification they may not see.
async fn added(
    delivery: &Delivery,
    db: &Db,
    tenant: TenantId,
    user: Uuid,
    is_admin: bool,
) -> Option<Result<Notification>> {
    let Change::Notification { id } = &delivery.change else {
        return None;
    };
    match delivery.load::<notifications::Entity>(db, tenant, id).await {
        Ok(Some(row)) if visible_to(&row, user, is_admin) => Some(Ok(Notification::from(row))),
        Ok(_) => None,
        Err(error) => Some(Err(error.into())),
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
        let (db, tenant, user, is_admin) = (
            services.db.clone(),
            session.tenant.id,
            *user,
            session.is_admin(),
        );
        Ok(live::updates(
            services.hub.subscribe(tenant),
            ctx.data::<Overrun>().cloned().unwrap_or_default(),
            move |delivery| {
                let db = db.clone();
                async move { added(&delivery, &db, tenant, user, is_admin).await }
            },
        ))
    }
}
