//! The Leadmetrics Graph server: serves each federation subgraph on its own port (all of them in
//! one process, or one with `--subgraph`), with GraphiQL, subscriptions over WebSocket, health,
//! readiness and metrics, and the background jobs; and the
//! command line for `migrate`, `seed` and `export-schema`.

// The tenant subgraph's merged `Mutation` nests deeper than rustc's default limit of 128 when
// its async resolvers' layout is computed.
#![recursion_limit = "256"]

pub mod app;
pub mod config;
pub mod export_schema;
pub mod http;
pub mod jobs;
pub mod listener;
pub mod metrics;
pub mod registry;
pub mod seed;
pub mod serve;
pub mod telemetry;
pub mod ws;
