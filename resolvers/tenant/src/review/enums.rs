//! GraphQL enums of approvals. Each mirrors a PostgreSQL enum (same variants, converted with
//! `remote`).

use async_graphql::Enum;

/// What an approval asks a reviewer to decide.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ApprovalType")]
pub enum ApprovalType {
    /// A piece of content (a blog post, a social post, …) before it is published.
    ContentReview,
    /// The strategy of the activity's goal: approving it makes the strategy active, rejecting
    /// it (or asking for a revision) sends the strategy back to draft.
    StrategyReview,
    /// A choice between brand directions (`chooseApprovalOption`).
    BrandDirection,
    /// A choice between content directions (`chooseApprovalOption`).
    ContentDirection,
    /// Whether to hire (enable) an agent.
    HireAgent,
}

/// How much harm a wrong decision could do; the queue can be filtered by it.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ApprovalRiskLevel")]
pub enum ApprovalRiskLevel {
    /// Little harm (the default).
    Low,
    /// Some harm.
    Medium,
    /// Serious harm; review carefully.
    High,
    /// Severe harm; review first.
    Critical,
}

/// Where an approval is in its life. Only `PENDING` approvals can be assigned, sent to the
/// client or resolved; every other status is final.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ApprovalStatus")]
pub enum ApprovalStatus {
    /// Waiting for a reviewer's decision (until `expiresAt`).
    Pending,
    /// Approved (or an option was chosen); the activity moved to `APPROVED`.
    Approved,
    /// Rejected with notes; the activity moved to `REJECTED`.
    Rejected,
    /// Sent back with notes; the activity moved back to `IN_PROGRESS` with them as its
    /// revision note.
    RevisionRequested,
    /// Not resolved before `expiresAt` (set by the expiry job, which escalates it).
    Expired,
}
