//! The tenant subgraph of Leadmetrics Graph (port 4001), without HTTP: the identity domain
//! ([`identity`]: tenant, users, API keys, contract, `login`, `me`), the marketing plan
//! ([`plan`]: strategies, goals, deliverables and periods, activities and runs), approvals
//! ([`review`]: the reviewers' queue and decisions), notifications ([`notify`]: in-app
//! notifications, delivery providers, the dispatch log), onboarding ([`onboarding`]: the
//! research run and the review of its context file), templates ([`templates`]: activity and
//! recurring task templates, global and customized), agents ([`agents`]: agent configs and
//! sessions), LLM providers ([`providers`]: global and the tenant's own, keys write-only), live
//! updates ([`live`]: the subscriptions of the DM portal) and the registration wizard
//! ([`registration`]: the four unauthenticated steps that lead to a new tenant).
//! [`TenantSubgraph`]
//! declares the subgraph to the server.
//!
//! Built on `graph_core`: every root resolver passes one of its gates and reads and writes only
//! through its tenant-scoped transaction; this crate cannot reach a database connection.

pub mod agents;
pub mod identity;
pub mod live;
pub mod notify;
pub mod onboarding;
pub mod plan;
pub mod providers;
pub mod registration;
pub mod review;
mod roots;
pub mod templates;

pub use notify::Notification;
pub use review::Approval;
pub use roots::{Mutation, Query, TenantSubgraph};
