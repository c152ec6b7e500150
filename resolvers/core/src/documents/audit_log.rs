//! [`AuditSink`]: the `audit_logs` writer. The HTTP layer hands it one entry per mutation
//! request once the response is ready (so after the transaction committed); the entry goes to a
//! bounded queue and a background task writes entries in batches. The response never waits for
//! the document store: when the store is slow the queue absorbs it, when the queue is full the
//! entry is dropped and counted (`audit_log_dropped_total`) and logged with its request id.

use crate::documents::collections::AuditLogEntry;
use crate::documents::store::DocumentStore;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;

/// Entries written per `insert`.
const BATCH: usize = 500;
/// Attempts at writing one batch before its entries are given up (logged, counted).
const ATTEMPTS: u32 = 5;

/// What became of the audit entries of this process (for `/metrics` and the tests).
#[derive(Debug, Default)]
pub struct AuditStats {
    written: AtomicU64,
    dropped: AtomicU64,
}

impl AuditStats {
    /// Entries written to the store.
    pub fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// Entries lost: the queue was full, or the store refused them `ATTEMPTS` times.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

/// The queue of audit entries and its writer task.
#[derive(Debug, Clone)]
pub struct AuditSink {
    sender: mpsc::Sender<AuditLogEntry>,
    stats: Arc<AuditStats>,
}

impl AuditSink {
    /// Starts the writer task of `store` with room for `capacity` entries waiting.
    pub fn spawn(store: DocumentStore, capacity: usize) -> Self {
        let (sender, receiver) = mpsc::channel(capacity.max(1));
        let stats = Arc::new(AuditStats::default());
        tokio::spawn(write_entries(store, receiver, Arc::clone(&stats)));
        Self { sender, stats }
    }

    /// Queues one entry; never waits.
    pub fn record(&self, entry: AuditLogEntry) {
        if let Err(error) = self.sender.try_send(entry) {
            self.stats.dropped.fetch_add(1, Ordering::Relaxed);
            let entry = match error {
                mpsc::error::TrySendError::Full(entry)
                | mpsc::error::TrySendError::Closed(entry) => entry,
            };
            tracing::error!(
                target: "audit",
                request_id = %entry.request_id,
                fields = ?entry.fields,
                "audit log queue full: entry dropped"
            );
        }
    }

    /// The counters of this sink.
    pub fn stats(&self) -> &AuditStats {
        &self.stats
    }
}

async fn write_entries(
    store: DocumentStore,
    mut receiver: mpsc::Receiver<AuditLogEntry>,
    stats: Arc<AuditStats>,
) {
    let mut batch = Vec::with_capacity(BATCH);
    while receiver.recv_many(&mut batch, BATCH).await > 0 {
        let count = batch.len() as u64;
        let mut wait = Duration::from_millis(200);
        let mut written = false;
        for attempt in 1..=ATTEMPTS {
            if store.insert_stamped(batch.clone()).await.is_ok() {
                written = true;
                break;
            }
            if attempt < ATTEMPTS {
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
        }
        if written {
            stats.written.fetch_add(count, Ordering::Relaxed);
        } else {
            stats.dropped.fetch_add(count, Ordering::Relaxed);
            let request_ids: Vec<&str> = batch
                .iter()
                .map(|entry| entry.request_id.as_str())
                .collect();
            tracing::error!(target: "audit", ?request_ids, "audit log entries could not be written: dropped");
        }
        batch.clear();
    }
}
