//! The background jobs this server runs on a timer. Each is safe with any number of instances
//! running it at once (the job functions in [`graph_core::jobs`] claim rows with
//! `FOR UPDATE SKIP LOCKED`), so every instance may run every job.

use graph_core::services::Services;
use std::sync::Arc;
use std::time::Duration;

/// Runs the approval expiry job every `interval` (batches of `batch`) for the life of the
/// process; `/metrics` counts what it did.
pub fn spawn_approval_expiry(services: Arc<Services>, interval: Duration, batch: u64) {
    tokio::spawn(async move {
        let mut timer = tokio::time::interval(interval);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            timer.tick().await;
            graph_core::jobs::run_approval_expiry(&services, batch).await;
        }
    });
}

/// Runs the registration clean-up job (deleting expired wizard sessions) every `interval`
/// (batches of `batch`) for the life of the process; `/metrics` counts what it did.
pub fn spawn_registration_cleanup(services: Arc<Services>, interval: Duration, batch: u64) {
    tokio::spawn(async move {
        let mut timer = tokio::time::interval(interval);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            timer.tick().await;
            graph_core::registration::run_cleanup(&services, batch).await;
        }
    });
}
