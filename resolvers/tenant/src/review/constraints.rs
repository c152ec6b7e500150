//! Client messages for the unique constraints of approvals (see
//! `graph_core::error::ConstraintMessages`).

use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for each unique constraint a client of approvals can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "approvals_one_pending_per_activity",
    "this activity already has a pending approval; resolve it before asking for another",
)];
