//! Client messages for the unique constraints of the identity tables (see
//! `graph_core::error::ConstraintMessages`).

use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for each unique constraint a client of the identity domain can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[
    (
        "users_email_key",
        "a user with this email address already exists",
    ),
    (
        "users_tenant_email_key",
        "a user with this email address is already in this tenant",
    ),
    ("api_keys_key_prefix_key", "please retry: key collision"),
    ("api_keys_key_hash_key", "please retry: key collision"),
    ("tenants_slug_key", "this slug is taken"),
];
