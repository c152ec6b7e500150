//! The process's one `LISTEN` connection: change events from every instance's commits, handed to
//! this process's hub of subscriptions ([`graph_core::live::Hub`]).
//!
//! It must reach PostgreSQL directly (`DATABASE_LISTEN_URL`): `LISTEN` does not survive
//! PgBouncer's transaction pooling. A lost connection is re-established by the driver on the
//! next receive (events committed while it was down are not replayed: clients re-read on
//! reconnect, as after any gap).

use graph_core::events::CHANNEL;
use graph_core::live::Hub;
use sqlx::postgres::PgListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether the listener is connected and listening (for `/metrics`: `live_listener_up`;
/// `/readyz` does not look at it).
#[derive(Debug, Default)]
pub struct ListenerState {
    listening: AtomicBool,
    /// Whether it ever listened (a later start is a restart after a gap).
    was_listening: AtomicBool,
}

impl ListenerState {
    /// Whether events reach this process now.
    pub fn is_listening(&self) -> bool {
        self.listening.load(Ordering::Relaxed)
    }
}

/// Starts the listening task; it runs for the life of the process, reconnecting after failures.
pub fn spawn(hub: Hub, url: String) -> Arc<ListenerState> {
    let state = Arc::new(ListenerState::default());
    let shared = Arc::clone(&state);
    tokio::spawn(async move {
        let mut backoff = Duration::from_millis(100);
        loop {
            match listen(&hub, &url, &shared).await {
                Ok(()) => backoff = Duration::from_millis(100),
                Err(error) => {
                    tracing::warn!(%error, retry_in_ms = backoff.as_millis() as u64, "the event listener is down");
                }
            }
            shared.listening.store(false, Ordering::Relaxed);
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
    });
    state
}

async fn listen(hub: &Hub, url: &str, state: &ListenerState) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect(url).await?;
    listener.listen(CHANNEL).await?;
    // Listening again after a failure: subscriptions made meanwhile may have missed events too.
    if state.was_listening.swap(true, Ordering::Relaxed) {
        hub.interrupt();
    }
    state.listening.store(true, Ordering::Relaxed);
    tracing::info!(channel = CHANNEL, "listening for change events");
    loop {
        // `try_recv` returns None when the connection was lost; the driver has reconnected and
        // listens again by then (an error ends this function and the caller retries).
        match listener.try_recv().await? {
            Some(notification) => hub.dispatch(notification.payload()),
            // Events in between were missed: every subscription of this process ends, so its
            // client reconnects and re-reads rather than silently missing them.
            None => {
                tracing::warn!("the event listener lost its connection and reconnected");
                hub.interrupt();
            }
        }
    }
}
