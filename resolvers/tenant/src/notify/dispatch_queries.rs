//! `DispatchQuery`: the tenant's notification dispatch log, newest first (admins only). Read
//! only: the log is append-only, and no mutation touches it.

use crate::notify::dispatch_type::{NotificationDispatch, NotificationDispatchConnection};
use crate::notify::enums::{DispatchStatus, NotificationChannel};
use crate::notify::page::{NewestFirst, newest_first};
use async_graphql::{Context, InputObject, Object, Result};
use entities::notification_dispatch_log;
use graph_core::access::{self, ADMINS};
use graph_core::validate::Text;
use sea_orm::ColumnTrait;

/// A job id filter (`notification_job_id`, `varchar(255)`).
const JOB_ID: Text = Text::new("notificationJobId", 255);

/// Which dispatch attempts to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct NotificationDispatchFilter {
    /// Only attempts on this channel.
    pub channel: Option<NotificationChannel>,
    /// Only attempts with this outcome.
    pub status: Option<DispatchStatus>,
    /// Only the attempts of this notification job.
    pub notification_job_id: Option<String>,
}

/// The dispatch log part of the notifications `Query`.
#[derive(Default)]
pub struct DispatchQuery;

/// Reads of the dispatch log.
#[Object]
impl DispatchQuery {
    /// The tenant's notification dispatch attempts, newest first, as a Relay connection
    /// (admins only; API keys get `FORBIDDEN`).
    async fn notification_dispatch_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which attempts; every given criterion must hold.")] filter: Option<
            NotificationDispatchFilter,
        >,
        #[graphql(desc = "Return at most this many (default 20, at most the page size limit).")]
        first: Option<i32>,
        #[graphql(desc = "Cursor: return the attempts after (older than) this one.")] after: Option<
            String,
        >,
    ) -> Result<NotificationDispatchConnection> {
        use notification_dispatch_log::Column as D;
        let session = access::read_as(ctx, ADMINS)?;
        let window = NewestFirst::new(ctx, first, after)?;
        let filter = filter.unwrap_or_default();
        let job = JOB_ID.optional(filter.notification_job_id.as_deref())?;
        let tx = access::begin(ctx, session).await?;
        let all = tx.select::<notification_dispatch_log::Entity>();
        let mut select = all.clone();
        if let Some(channel) = filter.channel {
            select = select.filter(D::Channel.eq(channel.as_db()));
        }
        if let Some(status) = filter.status {
            select = select.filter(D::Status.eq(status.as_db()));
        }
        if let Some(job) = job {
            select = select.filter(D::NotificationJobId.eq(job));
        }
        let page = newest_first(
            &tx,
            select,
            all,
            D::CreatedOn,
            window,
            NotificationDispatch::from,
        )
        .await?;
        tx.commit().await?;
        Ok(page.into())
    }
}
