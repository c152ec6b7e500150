//! Approvals, served by the tenant subgraph: the human decisions (HITL) the pipeline waits on —
//! content reviews, strategy reviews, brand and content directions, hiring an agent — each
//! linked to one activity, queued for reviewers soonest-to-expire first, and resolved by a
//! reviewer or admin.
//!
//! Like the plan: `approval_type.rs` holds the `Approval` type (built from its database row,
//! relations through the request's loaders), `approval_queries.rs` the reads and the
//! federation look-up, `approvals.rs` the mutations, each one transaction that moves the
//! approval, its activity and (for a strategy review) the strategy together by the pure rules
//! of [`workflow`], and publishes its change event (`graph_core::events`) before committing.
//!
//! Tracing: every mutation root field is `#[tracing::instrument(skip_all)]`.

mod approval_queries;
mod approval_type;
mod approvals;
mod constraints;
mod enums;
pub mod workflow;

pub use approval_queries::{ApprovalFilter, ApprovalQueueFilter};
pub use approval_type::{Approval, ApprovalConnection};
pub use approvals::CreateApprovalInput;
pub use constraints::CONSTRAINT_MESSAGES;
pub use enums::*;

use async_graphql::MergedObject;

/// Queries of approvals: the pending queue, the filtered list, one by id, and the federation
/// look-up of `Approval`.
#[derive(MergedObject, Default)]
pub struct ReviewQuery(approval_queries::ApprovalQuery);

/// Mutations of approvals: requesting, assigning, forwarding to the client, and the four
/// decisions.
#[derive(MergedObject, Default)]
pub struct ReviewMutation(approvals::ApprovalMutation);
