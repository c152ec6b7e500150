//! The identity part of the tenant subgraph: the tenant itself, its users, API keys and
//! contract, who is calling (`me`), and signing in (`login`).
//!
//! Every root resolver passes a gate of [`graph_core::access`] and reads or writes only through
//! the tenant-scoped transaction; `login` is the one exception (there is no tenant before it) and
//! looks the user up on the platform role. Types are separate from the database models
//! (`From<Model>`), validation is pure and runs before any database work ([`validate`]).
//!
//! One file per aggregate and side: `users.rs` holds `UserMutation` (its root fields, bodies in
//! place) and `user_queries.rs` holds `UserQuery` (its reads and its federation entity look-up);
//! likewise API keys, the contract, and the tenant (`tenant_queries.rs`: `me`, `tenant`; its
//! changes are `profile.rs`); `login.rs` is the sign-in. [`IdentityQuery`] and
//! [`IdentityMutation`] merge the parts.
//!
//! Tracing: every mutation root field is `#[tracing::instrument(skip_all)]` (a span per
//! mutation, named after the field, without its arguments: inputs carry passwords and personal
//! data).

mod api_key_queries;
mod api_key_type;
mod api_keys;
mod constraints;
mod contract;
mod contract_queries;
mod contract_type;
mod enums;
mod login;
mod profile;
mod tenant_queries;
mod tenant_type;
mod user_queries;
mod user_type;
mod users;
pub mod validate;
mod viewer_type;

pub use api_key_type::ApiKey;
pub use api_keys::{CreateApiKeyInput, CreateApiKeyPayload};
pub use constraints::CONSTRAINT_MESSAGES;
pub use contract_type::Contract;
pub use enums::{
    ApiKeyScope, AppAccess, ContractStatus, DataPrivacyLevel, DeploymentMode, TenantPlan,
    TenantStatus, UserRole, UserStatus,
};
pub use login::{LoginInput, LoginPayload};
pub use profile::{BillingAddressInput, TaxDetailsInput, TenantProfileInput};
pub use tenant_type::{BillingAddress, Tenant};
pub use user_type::User;
pub use users::InviteUserInput;
pub use viewer_type::Viewer;

use async_graphql::MergedObject;

/// Queries of the identity domain: the caller, the tenant, its contract, users and API keys —
/// with the federation entity look-ups of `Tenant`, `User` and `ApiKey`.
#[derive(MergedObject, Default)]
pub struct IdentityQuery(
    tenant_queries::TenantQuery,
    contract_queries::ContractQuery,
    user_queries::UserQuery,
    api_key_queries::ApiKeyQuery,
);

/// Mutations of the identity domain: signing in, the contract, the tenant's details, users and
/// API keys.
#[derive(MergedObject, Default)]
pub struct IdentityMutation(
    login::LoginMutation,
    contract::ContractMutation,
    profile::ProfileMutation,
    users::UserMutation,
    api_keys::ApiKeyMutation,
);
