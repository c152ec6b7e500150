//! Client messages for the unique constraints of the marketing plan's tables (see
//! `graph_core::error::ConstraintMessages`).

use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for each unique constraint a client of the plan can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[
    (
        "strategies_tenant_active_key",
        "another strategy became active at the same time; reload and retry",
    ),
    (
        "strategies_tenant_id_version_key",
        "another strategy was created at the same time; retry",
    ),
    (
        "deliverable_periods_tenant_id_deliverable_id_period_start_key",
        "this deliverable already has a period starting on that date",
    ),
];
