//! The tenant subgraph of Leadmetrics Graph (port 4001), without HTTP: the identity domain
//! ([`identity`]: tenant, users, API keys, contract, `login`, `me`), the marketing plan
//! ([`plan`]: strategies, goals, deliverables and periods, activities and runs), approvals
//! ([`review`]: the reviewers' queue and decisions), notifications ([`notify`]: in-app
//! notifications, delivery providers, the dispatch log), LLM providers ([`providers`]: global and
//! the tenant's own, keys write-only) and live updates ([`live`]: the
//! subscriptions of the DM portal). [`TenantSubgraph`]
//! declares the subgraph to the server.
//!
//! Built on `graph_core`: every root resolver passes one of its gates and reads and writes only
//! through its tenant-scoped transaction; this crate cannot reach a database connection.

pub mod identity;
pub mod live;
pub mod notify;
pub mod plan;
pub mod providers;
pub mod review;
mod roots;

pub use notify::Notification;
pub use review::Approval;
pub use roots::{Mutation, Query, TenantSubgraph};
