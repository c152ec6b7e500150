//! The identity part of the tenant subgraph: the tenant itself, its users, API keys and
//! contract, who is calling (`me`), and signing in (`login`).
//!
//! Every root resolver passes a gate of [`graph_core::access`] and reads or writes only through
//! the tenant-scoped transaction; `login` is the one exception (there is no tenant before it) and
//! looks the user up on the platform role. Types are separate from the database models
//! (`From<Model>`), validation is pure and runs before any database work ([`validate`]).

mod api_key_type;
mod api_keys;
mod contract;
mod constraints;
mod contract_type;
mod enums;
mod login;
mod mutation;
mod profile;
mod query;
mod tenant_type;
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
pub use mutation::IdentityMutation;
pub use profile::{BillingAddressInput, TaxDetailsInput, TenantProfileInput};
pub use query::IdentityQuery;
pub use tenant_type::{BillingAddress, Tenant};
pub use user_type::User;
pub use users::InviteUserInput;
pub use viewer_type::Viewer;
