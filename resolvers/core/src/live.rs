//! The process's hub of live updates: change events arrive from PostgreSQL (`LISTEN`, one
//! connection per process, run by the server) and are handed to the subscriptions of their
//! tenant on this process.
//!
//! - **Per tenant.** Each tenant with subscribers here has one broadcast feed; an event reaches
//!   only the feed of the tenant it names, and a subscription only ever listens to its own
//!   session's tenant.
//! - **Re-read, once, under the tenant guard.** An event carries ids only. The first subscriber
//!   to handle it reads the record in a transaction of the subscriber's tenant (row-level
//!   security applies); the other subscribers of that tenant share the result
//!   ([`Delivery::load`]), so an event costs one read per tenant and process, not one per
//!   subscriber. Who may see the record (a user's own notification, …) is then decided per
//!   subscriber. A forged payload naming another tenant's record finds nothing.
//! - **Bounded.** Each feed buffers [`Hub::new`]'s `buffer` events per subscriber; a subscriber
//!   that falls further behind gets [`Lagged`] and is dropped by its transport, never buffered
//!   without bound. Connections per caller are capped ([`Hub::open_connection`]).

use crate::db::{Db, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::events::{Change, Envelope};
use entities::tenant_scoped::TenantScoped;
use futures::future::{BoxFuture, Shared};
use futures::{FutureExt, Stream};
use sea_orm::ColumnTrait;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;
use tokio::sync::broadcast;
use uuid::Uuid;

/// A record read for a delivery, type-erased (each delivery reads one entity type).
type Loaded = Option<Arc<dyn Any + Send + Sync>>;

/// The read of a delivery's record, shared by every subscriber of the tenant that awaits it.
type SharedRead = Shared<BoxFuture<'static, Result<Loaded, ApiError>>>;

/// One change event as handed to the subscriptions of its tenant.
pub struct Delivery {
    /// What changed (ids only).
    pub change: Change,
    /// When this process received it (for latency metrics).
    pub received_at: Instant,
    read: Mutex<Option<SharedRead>>,
}

impl Delivery {
    /// The changed record, read once for every subscriber of the tenant on this process: in a
    /// transaction of `tenant` (the subscriber's own tenant, from its session), soft-deleted rows
    /// excluded. None when the tenant cannot see it (another tenant's id, or deleted since).
    ///
    /// The read runs in a task of its own, so it completes however slowly the subscriber that
    /// started it is being served (a stalled connection never holds up its tenant's other
    /// subscribers, nor keeps the read's transaction open); its result, failure included, is
    /// shared.
    pub async fn load<E>(
        &self,
        db: &Db,
        tenant: TenantId,
        ref_id: &str,
    ) -> ApiResult<Option<E::Model>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync + 'static,
    {
        let read = {
            let mut slot = self.read.lock().unwrap_or_else(PoisonError::into_inner);
            slot.get_or_insert_with(|| {
                let db = db.clone();
                let ref_id = ref_id.to_owned();
                let task = tokio::spawn(async move {
                    let tx = db.begin(tenant).await?;
                    let row = tx
                        .select::<E>()
                        .filter(E::ref_id_column().eq(ref_id))
                        .one(&tx)
                        .await?;
                    tx.commit().await?;
                    Ok::<Loaded, ApiError>(
                        row.map(|row| Arc::new(row) as Arc<dyn Any + Send + Sync>),
                    )
                });
                async move {
                    task.await.unwrap_or_else(|error| {
                        Err(ApiError::internal(format!("event read: {error}")))
                    })
                }
                .boxed()
                .shared()
            })
            .clone()
        };
        let loaded = read.await?;
        Ok(loaded
            .as_ref()
            .and_then(|row| row.downcast_ref::<E::Model>())
            .cloned())
    }
}

/// A subscription that fell too far behind its feed: its transport drops it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lagged;

/// One subscription's view of its tenant's feed. Dropping it unsubscribes.
pub struct Feed {
    receiver: broadcast::Receiver<Arc<Delivery>>,
    hub: Arc<HubInner>,
    tenant: Uuid,
    /// Which feed of the tenant this is (a newer one replaces it after [`Hub::interrupt`]).
    generation: u64,
}

impl Feed {
    /// The next delivery of the tenant; `Err(Lagged)` when this subscriber fell more than the
    /// buffer behind (it should end: the client resubscribes and re-reads).
    pub async fn next(&mut self) -> Result<Arc<Delivery>, Lagged> {
        match self.receiver.recv().await {
            Ok(delivery) => Ok(delivery),
            Err(broadcast::error::RecvError::Lagged(_)) => {
                self.hub.stats.lagged.fetch_add(1, Ordering::Relaxed);
                Err(Lagged)
            }
            // The hub dropped the feed ([`Hub::interrupt`]): events may have been missed.
            Err(broadcast::error::RecvError::Closed) => Err(Lagged),
        }
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.hub.stats.subscriptions.fetch_sub(1, Ordering::Relaxed);
        let mut feeds = self
            .hub
            .feeds
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // This receiver still counts until it is dropped (after this function), hence `<= 1`.
        if feeds.get(&self.tenant).is_some_and(|(generation, sender)| {
            *generation == self.generation && sender.receiver_count() <= 1
        }) {
            feeds.remove(&self.tenant);
        }
    }
}

/// A subscription's stream: each delivery of `feed` handed to `handle`, which re-reads what it
/// needs (with [`Delivery::load`]) and returns what to send, or None to skip it (another kind of
/// record, a filter, someone else's notification). The stream ends, raising `overrun`, when the
/// feed reports [`Lagged`]: the connection is then closed and the client re-reads. A new
/// subscription is this plus its `handle`.
pub fn updates<T, H, Fut>(feed: Feed, overrun: Overrun, handle: H) -> impl Stream<Item = T> + Send
where
    T: Send,
    H: FnMut(Arc<Delivery>) -> Fut + Send,
    Fut: Future<Output = Option<T>> + Send,
{
    futures::stream::unfold(
        (feed, overrun, handle),
        |(mut feed, overrun, mut handle)| async move {
            loop {
                let Ok(delivery) = feed.next().await else {
                    overrun.raise();
                    return None;
                };
                if let Some(item) = handle(delivery).await {
                    return Some((item, (feed, overrun, handle)));
                }
            }
        },
    )
}

/// Raised by a subscription that fell behind its feed ([`Lagged`]); its connection watches it
/// and closes (a slow reader is dropped, not buffered without bound). One per connection, in
/// each operation's data.
#[derive(Clone, Default)]
pub struct Overrun(Arc<tokio::sync::Notify>);

impl Overrun {
    /// Tells the connection one of its subscriptions fell behind.
    pub fn raise(&self) {
        self.0.notify_one();
    }

    /// Resolves once [`Overrun::raise`] has been called.
    pub async fn raised(&self) {
        self.0.notified().await;
    }
}

/// Counters of the hub, for `/metrics`.
#[derive(Debug, Default)]
pub struct HubStats {
    /// Events received from the database.
    pub events_received: AtomicU64,
    /// Events handed to at least one feed of this process.
    pub events_dispatched: AtomicU64,
    /// Payloads that were not events of ours (ignored).
    pub events_malformed: AtomicU64,
    /// Subscriptions dropped for falling behind.
    pub lagged: AtomicU64,
    /// Subscriptions open now.
    pub subscriptions: AtomicU64,
    /// WebSocket connections open now.
    pub connections: AtomicU64,
    /// Connections refused for the per-caller cap.
    pub connections_refused: AtomicU64,
}

/// The sending side of one tenant's feed.
type FeedSender = broadcast::Sender<Arc<Delivery>>;

struct HubInner {
    /// Each tenant's feed on this process, with the generation it was made in.
    feeds: Mutex<HashMap<Uuid, (u64, FeedSender)>>,
    generations: AtomicU64,
    connections: Mutex<HashMap<Uuid, usize>>,
    buffer: usize,
    stats: HubStats,
}

/// The process's live-update hub (see the module documentation).
#[derive(Clone)]
pub struct Hub {
    inner: Arc<HubInner>,
}

impl Hub {
    /// A hub whose subscribers may fall `buffer` events behind before they are dropped.
    pub fn new(buffer: usize) -> Self {
        Self {
            inner: Arc::new(HubInner {
                feeds: Mutex::new(HashMap::new()),
                generations: AtomicU64::new(0),
                connections: Mutex::new(HashMap::new()),
                buffer: buffer.max(1),
                stats: HubStats::default(),
            }),
        }
    }

    /// The hub's counters.
    pub fn stats(&self) -> &HubStats {
        &self.inner.stats
    }

    /// Subscribes to the change events of `tenant` from now on.
    pub fn subscribe(&self, tenant: TenantId) -> Feed {
        let tenant = tenant.uuid();
        let (generation, receiver) = {
            let mut feeds = self
                .inner
                .feeds
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let (generation, sender) = feeds.entry(tenant).or_insert_with(|| {
                let generation = self.inner.generations.fetch_add(1, Ordering::Relaxed);
                (generation, broadcast::channel(self.inner.buffer).0)
            });
            (*generation, sender.subscribe())
        };
        self.inner
            .stats
            .subscriptions
            .fetch_add(1, Ordering::Relaxed);
        Feed {
            receiver,
            hub: Arc::clone(&self.inner),
            tenant,
            generation,
        }
    }

    /// Hands one event (a `NOTIFY` payload) to the feed of its tenant, if this process has one.
    pub fn dispatch(&self, payload: &str) {
        let stats = &self.inner.stats;
        stats.events_received.fetch_add(1, Ordering::Relaxed);
        let Some(envelope) = Envelope::from_payload(payload) else {
            stats.events_malformed.fetch_add(1, Ordering::Relaxed);
            tracing::warn!(
                bytes = payload.len(),
                "ignored a notification that is not a change event"
            );
            return;
        };
        let feeds = self
            .inner
            .feeds
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((_, sender)) = feeds.get(&envelope.tenant) {
            let delivery = Arc::new(Delivery {
                change: envelope.change,
                received_at: Instant::now(),
                read: Mutex::new(None),
            });
            if sender.send(delivery).is_ok() {
                stats.events_dispatched.fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Ends every feed of this process: called when its `LISTEN` connection was lost (events
    /// committed meanwhile never arrive). Each subscription then ends as if it had fallen
    /// behind, so its client reconnects and re-reads instead of silently missing events.
    pub fn interrupt(&self) {
        let dropped = {
            let mut feeds = self
                .inner
                .feeds
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            std::mem::take(&mut *feeds)
        };
        if !dropped.is_empty() {
            tracing::warn!(
                tenants = dropped.len(),
                "live feeds interrupted: events may have been missed"
            );
        }
    }

    /// Opens a WebSocket connection for `caller` (a user's or API key's internal id), or None
    /// when it already has `max` open on this process. Dropping the guard closes it.
    pub fn open_connection(&self, caller: Uuid, max: usize) -> Option<ConnectionGuard> {
        let mut connections = self
            .inner
            .connections
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let open = connections.entry(caller).or_insert(0);
        if *open >= max {
            self.inner
                .stats
                .connections_refused
                .fetch_add(1, Ordering::Relaxed);
            return None;
        }
        *open += 1;
        self.inner.stats.connections.fetch_add(1, Ordering::Relaxed);
        Some(ConnectionGuard {
            hub: Arc::clone(&self.inner),
            caller,
        })
    }
}

/// One open WebSocket connection of a caller (see [`Hub::open_connection`]).
pub struct ConnectionGuard {
    hub: Arc<HubInner>,
    caller: Uuid,
}

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.hub.stats.connections.fetch_sub(1, Ordering::Relaxed);
        let mut connections = self
            .hub
            .connections
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(open) = connections.get_mut(&self.caller) {
            *open = open.saturating_sub(1);
            if *open == 0 {
                connections.remove(&self.caller);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::ApprovalChange;

    fn payload(tenant: Uuid, id: &str) -> String {
        Envelope {
            tenant,
            change: Change::Approval {
                id: id.to_owned(),
                change: ApprovalChange::Created,
            },
        }
        .to_payload()
        .unwrap_or_default()
    }

    #[tokio::test]
    async fn an_event_reaches_only_the_feed_of_its_tenant() {
        let hub = Hub::new(8);
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mut feed_a = hub.subscribe(TenantId::new(a));
        let mut feed_b = hub.subscribe(TenantId::new(b));
        hub.dispatch(&payload(a, "A1"));
        let delivered = feed_a.next().await.map(|d| d.change.clone());
        assert!(matches!(delivered, Ok(Change::Approval { id, .. }) if id == "A1"));
        let nothing =
            tokio::time::timeout(std::time::Duration::from_millis(20), feed_b.next()).await;
        assert!(
            nothing.is_err(),
            "tenant B's feed received tenant A's event"
        );
    }

    #[tokio::test]
    async fn a_subscriber_that_falls_behind_the_buffer_is_told_it_lagged() {
        let hub = Hub::new(2);
        let tenant = Uuid::from_u128(7);
        let mut feed = hub.subscribe(TenantId::new(tenant));
        for i in 0..5 {
            hub.dispatch(&payload(tenant, &format!("E{i}")));
        }
        assert_eq!(feed.next().await.err(), Some(Lagged));
        assert_eq!(hub.stats().lagged.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn feeds_and_connections_are_released_when_their_last_holder_drops() {
        let hub = Hub::new(4);
        let tenant = TenantId::new(Uuid::from_u128(3));
        let first = hub.subscribe(tenant);
        let second = hub.subscribe(tenant);
        drop(first);
        assert_eq!(hub.inner.feeds.lock().map(|f| f.len()).unwrap_or(9), 1);
        drop(second);
        assert_eq!(hub.inner.feeds.lock().map(|f| f.len()).unwrap_or(9), 0);
        let caller = Uuid::from_u128(9);
        let one = hub.open_connection(caller, 2);
        let two = hub.open_connection(caller, 2);
        assert!(one.is_some() && two.is_some());
        assert!(hub.open_connection(caller, 2).is_none());
        drop(one);
        assert!(hub.open_connection(caller, 2).is_some());
    }

    #[tokio::test]
    async fn an_interrupted_hub_ends_every_feed_and_a_new_feed_takes_events_again() {
        let hub = Hub::new(4);
        let tenant = Uuid::from_u128(5);
        let mut before = hub.subscribe(TenantId::new(tenant));
        hub.interrupt();
        assert_eq!(before.next().await.err(), Some(Lagged));
        let mut after = hub.subscribe(TenantId::new(tenant));
        drop(before);
        hub.dispatch(&payload(tenant, "E1"));
        assert!(
            after.next().await.is_ok(),
            "the new feed was removed with the old one"
        );
    }

    #[test]
    fn a_payload_that_is_not_an_event_is_counted_and_ignored() {
        let hub = Hub::new(4);
        hub.dispatch("not json");
        assert_eq!(hub.stats().events_malformed.load(Ordering::Relaxed), 1);
    }
}
