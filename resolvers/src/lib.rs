//! The GraphQL API of Leadmetrics Graph, without HTTP.
//!
//! - [`core`]: what every subgraph shares — the request context and tenant guard, errors with
//!   stable codes, ids, Relay pagination, per-request loaders, the tenant-scoped database path,
//!   query limits.
//! - [`auth`]: passwords, API keys and JWTs.
//! - [`crypto`]: the AES-256-GCM key ring for secrets at rest.
//! - one module per subgraph domain ([`tenant`] so far), and [`schema`], which assembles each
//!   subgraph's federated schema.

pub mod auth;
pub mod core;
pub mod crypto;
pub mod plan;
pub mod schema;
pub mod tenant;
