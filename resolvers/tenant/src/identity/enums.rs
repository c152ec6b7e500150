//! GraphQL enums of the identity domain. Each mirrors a PostgreSQL enum (same variants, converted
//! with `remote`), except [`AppAccess`] and [`ApiKeyScope`], which mirror the allowed values of
//! text-array columns.

use async_graphql::Enum;

/// The subscription plan a tenant is on. Changed only by platform operations (billing), never
/// through this API.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::TenantPlan")]
pub enum TenantPlan {
    /// Entry plan.
    Starter,
    /// Mid-tier plan.
    Professional,
    /// Custom plan with negotiated terms.
    Enterprise,
}

/// The lifecycle state of a tenant's account.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::TenantStatus")]
pub enum TenantStatus {
    /// In the trial period: everything works.
    Trialing,
    /// Paying customer: everything works.
    Active,
    /// Suspended (for example unpaid): the account is read-only, mutations fail with
    /// `TENANT_SUSPENDED`.
    Suspended,
    /// Cancelled: every request is refused.
    Cancelled,
}

/// Where the tenant allows its data to be processed by language models.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::TenantDataPrivacyLevel")]
pub enum DataPrivacyLevel {
    /// Cloud-hosted model providers may process the tenant's data.
    CloudOk,
    /// Only locally hosted models may process the tenant's data.
    LocalOnly,
}

/// How the platform is deployed for the tenant.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::TenantDeploymentMode")]
pub enum DeploymentMode {
    /// Hosted by Leadmetrics.
    Saas,
    /// Installed on the customer's own infrastructure.
    OnPrem,
}

/// What a user may do inside their tenant.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::UserRole")]
pub enum UserRole {
    /// Manages the tenant: users, API keys, profile, billing details, contract.
    Admin,
    /// Works with the tenant's marketing data.
    Member,
    /// Reviews and approves work in the DM portal.
    Reviewer,
    /// Platform operator. Only another super admin can grant this role.
    SuperAdmin,
}

/// The state of a user account.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::UserStatus")]
pub enum UserStatus {
    /// Can sign in.
    Active,
    /// Invited but has not set a password yet; cannot sign in.
    Invited,
    /// Deactivated by an admin; cannot sign in. Hidden from lists unless asked for.
    Deactivated,
}

/// The state of a tenant's contract.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ContractStatus")]
pub enum ContractStatus {
    /// Generated and waiting for an admin to accept it (`acceptContract`). Until then the
    /// tenant can only read its contract and `me`.
    PendingAcceptance,
    /// Accepted: the tenant has full access.
    Accepted,
    /// Replaced by a newer version; kept as a legal record.
    Superseded,
}

/// An application a user may open.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Hash, PartialOrd, Ord)]
pub enum AppAccess {
    /// The tenant dashboard.
    Dashboard,
    /// The DM portal, where reviewers approve work.
    DmPortal,
    /// The management console.
    Manage,
}

impl AppAccess {
    /// The value stored in `users.app_access`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Dashboard => "dashboard",
            Self::DmPortal => "dm-portal",
            Self::Manage => "manage",
        }
    }

    /// The value in the GraphQL schema (`DM_PORTAL`), for messages to API clients.
    pub fn graphql_name(self) -> &'static str {
        match self {
            Self::Dashboard => "DASHBOARD",
            Self::DmPortal => "DM_PORTAL",
            Self::Manage => "MANAGE",
        }
    }

    /// The variant of a stored value (unknown values are skipped by callers).
    pub fn from_db(value: &str) -> Option<Self> {
        match value {
            "dashboard" => Some(Self::Dashboard),
            "dm-portal" => Some(Self::DmPortal),
            "manage" => Some(Self::Manage),
            _ => None,
        }
    }
}

/// A permission granted to an API key.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Hash, PartialOrd, Ord)]
pub enum ApiKeyScope {
    /// May read the tenant's data.
    Read,
    /// May change the tenant's working data (implies `READ`). Never admin operations.
    Write,
}

impl ApiKeyScope {
    /// The value stored in `api_keys.scopes`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
        }
    }

    /// The variant of a stored value (unknown values are skipped by callers).
    pub fn from_db(value: &str) -> Option<Self> {
        match value {
            "read" => Some(Self::Read),
            "write" => Some(Self::Write),
            _ => None,
        }
    }
}

/// The role as written into a token's `role` claim.
pub(crate) fn role_claim(role: &entities::sea_orm_active_enums::UserRole) -> &'static str {
    use entities::sea_orm_active_enums::UserRole as Db;
    match role {
        Db::Admin => "admin",
        Db::Member => "member",
        Db::Reviewer => "reviewer",
        Db::SuperAdmin => "super_admin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_access_round_trips_through_the_stored_values() {
        for app in [AppAccess::Dashboard, AppAccess::DmPortal, AppAccess::Manage] {
            assert_eq!(AppAccess::from_db(app.as_db()), Some(app));
        }
        assert_eq!(AppAccess::DmPortal.as_db(), "dm-portal");
        assert_eq!(AppAccess::from_db("dm_portal"), None);
    }

    #[test]
    fn api_key_scopes_round_trip_through_the_stored_values() {
        for scope in [ApiKeyScope::Read, ApiKeyScope::Write] {
            assert_eq!(ApiKeyScope::from_db(scope.as_db()), Some(scope));
        }
        assert_eq!(ApiKeyScope::from_db("admin"), None);
    }
}
