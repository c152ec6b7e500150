//! The states and priorities of a content request (blog and social requests share the
//! PostgreSQL enums `request_status` and `request_priority`).

use async_graphql::Enum;

/// Where a content request is in its life: drafted, submitted, decided, worked on, done.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RequestStatus")]
pub enum RequestStatus {
    /// Being written by its requester; may still be edited or deleted.
    Draft,
    /// Submitted: waiting for a reviewer's decision.
    PendingApproval,
    /// Approved by a reviewer: its content has been created (for a blog request, a draft
    /// post).
    Approved,
    /// Rejected by a reviewer (see `rejectionNotes`); editing it sends it back to `DRAFT`.
    Rejected,
    /// The content is being produced.
    InProgress,
    /// The content is done.
    Completed,
}

/// How urgent a content request is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RequestPriority")]
pub enum RequestPriority {
    /// In the usual order.
    Normal,
    /// Before normal requests.
    High,
    /// Before everything else.
    Urgent,
}
