//! Integrations: the tenant's API-key connections to third-party tools and data providers
//! (SEMrush, DataForSEO, Ahrefs, ad APIs, payment and messaging providers). Distinct from
//! channels (OAuth publishing targets). Keys and secrets are encrypted with the key ring and
//! write-only ([`secrets`]): responses say only `hasApiKey` / `hasApiSecret`.
//!
//! Admins only, reads included (an integration's configuration is part of managing the
//! tenant). One integration per type per tenant, except `CUSTOM` (any number):
//! `setIntegration` creates it or replaces the existing one; two concurrent first sets of a type
//! meet the unique index `idx_integrations_tenant_type` and the loser gets `CONFLICT`.
//! Integrations are hard-deleted (the table has no soft delete), so removed credentials do not
//! linger.

mod enums;
mod integration_mutations;
mod integration_queries;
mod integration_type;
pub mod secrets;

pub use enums::{IntegrationStatus, IntegrationType};
pub use integration_queries::IntegrationFilter;
pub use integration_type::{Integration, IntegrationConnection};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of integrations can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "idx_integrations_tenant_type",
    "an integration of this type was just set by another request; set it again to replace it",
)];

/// Queries of integrations (with the federation look-up of `Integration`).
#[derive(MergedObject, Default)]
pub struct IntegrationsQuery(integration_queries::IntegrationQuery);

/// Mutations of integrations.
#[derive(MergedObject, Default)]
pub struct IntegrationsMutation(integration_mutations::IntegrationMutation);
