//! Prometheus metrics in text format, without a metrics framework: a handful of counters and
//! one latency histogram per subgraph are all `/metrics` needs to say.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds (seconds) of the request-duration histogram buckets.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// Request metrics of one subgraph.
#[derive(Debug, Default)]
pub struct Metrics {
    requests_ok: AtomicU64,
    requests_with_errors: AtomicU64,
    requests_rejected: AtomicU64,
    buckets: [AtomicU64; BUCKETS.len()],
    duration_micros_sum: AtomicU64,
    duration_count: AtomicU64,
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Executed without errors.
    Ok,
    /// Executed, with errors in the response.
    WithErrors,
    /// Refused before execution (credentials, method).
    Rejected,
}

impl Metrics {
    /// Records one GraphQL request.
    pub fn record(&self, outcome: Outcome, elapsed: Duration) {
        let counter = match outcome {
            Outcome::Ok => &self.requests_ok,
            Outcome::WithErrors => &self.requests_with_errors,
            Outcome::Rejected => &self.requests_rejected,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        let seconds = elapsed.as_secs_f64();
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        self.duration_micros_sum
            .fetch_add(micros, Ordering::Relaxed);
        self.duration_count.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition of these metrics, labelled with the subgraph.
    pub fn render(&self, subgraph: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP graphql_requests_total GraphQL requests by outcome."
        );
        let _ = writeln!(out, "# TYPE graphql_requests_total counter");
        for (outcome, counter) in [
            ("ok", &self.requests_ok),
            ("errors", &self.requests_with_errors),
            ("rejected", &self.requests_rejected),
        ] {
            let value = counter.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "graphql_requests_total{{subgraph=\"{subgraph}\",outcome=\"{outcome}\"}} {value}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP graphql_request_duration_seconds GraphQL request latency."
        );
        let _ = writeln!(out, "# TYPE graphql_request_duration_seconds histogram");
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            let value = bucket.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "graphql_request_duration_seconds_bucket{{subgraph=\"{subgraph}\",le=\"{bound}\"}} {value}"
            );
        }
        let count = self.duration_count.load(Ordering::Relaxed);
        let sum = self.duration_micros_sum.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(
            out,
            "graphql_request_duration_seconds_bucket{{subgraph=\"{subgraph}\",le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(
            out,
            "graphql_request_duration_seconds_sum{{subgraph=\"{subgraph}\"}} {sum}"
        );
        let _ = writeln!(
            out,
            "graphql_request_duration_seconds_count{{subgraph=\"{subgraph}\"}} {count}"
        );
        out
    }
}
