//! The request context: who is calling, for which tenant, and in what state that tenant is.
//! Built once per request from its credentials (HTTP headers or the WebSocket
//! `connection_init` payload) and put into every GraphQL operation, `_entities` included.

use crate::auth::api_key;
use crate::db::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::services::Services;
use entities::sea_orm_active_enums::{TenantStatus, UserRole, UserStatus};
use entities::{api_keys, tenants, users};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// What a user may do inside their tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Manages the tenant: users, API keys, profile, contract.
    Admin,
    /// Works with the tenant's data.
    Member,
    /// Reviews and approves (DM portal).
    Reviewer,
    /// Platform operator: in the platform's own tenant, with a `MANAGE` token, may act for a
    /// named tenant (audited). Elsewhere it counts as an admin of its tenant and nothing more.
    SuperAdmin,
}

impl From<&UserRole> for Role {
    fn from(role: &UserRole) -> Self {
        match role {
            UserRole::Admin => Self::Admin,
            UserRole::Member => Self::Member,
            UserRole::Reviewer => Self::Reviewer,
            UserRole::SuperAdmin => Self::SuperAdmin,
        }
    }
}

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A signed-in user (bearer token).
    User {
        /// Internal id.
        id: Uuid,
        /// Public id.
        ref_id: String,
        /// Role in the tenant (read from the database on every request, not from the token).
        role: Role,
    },
    /// An integrator API key.
    ApiKey {
        /// Internal id.
        id: Uuid,
        /// Public id.
        ref_id: String,
        /// Whether the key has the `write` scope.
        can_write: bool,
    },
}

/// The tenant a request works in, and the state that gates what it may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantState {
    /// Internal id (sets row-level security).
    pub id: TenantId,
    /// Public id.
    pub ref_id: String,
    /// trialing / active / suspended / cancelled.
    pub status: TenantStatus,
    /// Whether the tenant has accepted its contract.
    pub contract_accepted: bool,
    /// Whether this is the platform's own tenant (`PLATFORM_TENANT_SLUG`): the only one whose
    /// users may hold the `SUPER_ADMIN` role.
    pub is_platform: bool,
}

/// A super_admin acting for another tenant: every such request is audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorAct {
    /// The operator's own tenant.
    pub home_tenant: TenantId,
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Who.
    pub principal: Principal,
    /// In which tenant.
    pub tenant: TenantState,
    /// Set when a super_admin acts for `tenant`.
    pub operator: Option<OperatorAct>,
    /// When the credentials stop being valid (the token's `exp`, the API key's expiry); None
    /// for credentials that do not expire. A WebSocket connection ends its subscriptions then.
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether the credentials open the management console (a user token whose `app` claim
    /// names `manage`, for a user who still has it). Never true for API keys.
    pub manage_console: bool,
}

impl Session {
    /// Whether the caller is a user with the `SUPER_ADMIN` role (a platform operator when its
    /// home is the platform tenant; see [`authenticate`]).
    pub fn is_super_admin(&self) -> bool {
        matches!(
            self.principal,
            Principal::User {
                role: Role::SuperAdmin,
                ..
            }
        )
    }

    /// Whether the caller is a user who manages the tenant (admin or super admin); API keys
    /// never are.
    pub fn is_admin(&self) -> bool {
        matches!(
            self.principal,
            Principal::User {
                role: Role::Admin | Role::SuperAdmin,
                ..
            }
        )
    }

    /// Whether the caller is a platform operator working on the platform's global rows (see
    /// [`crate::global_rows`]): a `super_admin` of the platform's own tenant, signed in with a
    /// token for the management console, and not acting for a tenant — an operator acting for
    /// a tenant works inside that tenant, like its admins.
    pub fn is_platform_operator(&self) -> bool {
        self.is_super_admin()
            && self.tenant.is_platform
            && self.operator.is_none()
            && self.manage_console
    }

    /// The caller's id for audit columns (`created_by`, …).
    pub fn actor_id(&self) -> Uuid {
        match &self.principal {
            Principal::User { id, .. } | Principal::ApiKey { id, .. } => *id,
        }
    }
}

/// Everything known about one request.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    /// Correlates logs, errors and metrics of this request.
    pub request_id: String,
    /// The caller, when credentials were presented and valid.
    pub session: Option<Session>,
    /// The client's address (recorded on contract acceptance).
    pub client_ip: Option<String>,
    /// The client's user agent (recorded on contract acceptance).
    pub user_agent: Option<String>,
    /// The registration wizard's session token (`X-Registration-Token` header, else the
    /// `lm_registration` cookie); redacted in `Debug`.
    pub registration_token: Option<crate::registration::token::PresentedToken>,
}

/// Credentials as they arrived (HTTP headers or `connection_init` payload).
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    /// `Authorization` header value: `Bearer <jwt>` or `ApiKey <key>`.
    pub authorization: Option<String>,
    /// `X-Api-Key` header value.
    pub api_key: Option<String>,
    /// `X-Act-For-Tenant`: a tenant's public id a super_admin acts for.
    pub act_for_tenant: Option<String>,
}

fn invalid() -> ApiError {
    ApiError::Unauthenticated("the credentials are invalid or have expired".to_owned())
}

fn tenant_state(services: &Services, tenant: &tenants::Model) -> ApiResult<TenantState> {
    if tenant.status == TenantStatus::Cancelled {
        return Err(ApiError::Forbidden(
            "this tenant's account is cancelled".to_owned(),
        ));
    }
    Ok(TenantState {
        id: TenantId::new(tenant.id),
        ref_id: tenant.ref_id.clone(),
        status: tenant.status.clone(),
        contract_accepted: tenant.contract_accepted_on.is_some(),
        is_platform: tenant.slug == services.platform_tenant_slug,
    })
}

/// Turns credentials into a session (None when none were presented). Runs on the platform
/// role: the tenant is what this establishes, so it cannot be inside one yet.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn authenticate(
    services: &Services,
    credentials: &Credentials,
) -> ApiResult<Option<Session>> {
    let authorization = credentials
        .authorization
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty());
    let (bearer, key) = match (authorization, credentials.api_key.as_deref()) {
        (None, None) => return Ok(None),
        (Some(value), None) => match value.split_once(' ') {
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => {
                (Some(token.trim()), None)
            }
            Some((scheme, token)) if scheme.eq_ignore_ascii_case("apikey") => {
                (None, Some(token.trim()))
            }
            _ => {
                return Err(ApiError::Unauthenticated(
                    "the Authorization header must be `Bearer <token>` or `ApiKey <key>`"
                        .to_owned(),
                ));
            }
        },
        (None, Some(key)) => (None, Some(key.trim())),
        (Some(_), Some(_)) => {
            return Err(ApiError::Unauthenticated(
                "send either a bearer token or an API key, not both".to_owned(),
            ));
        }
    };
    let (session, opens_manage) = match (bearer, key) {
        (Some(token), _) => user_session(services, token).await?,
        (_, Some(key)) => (api_key_session(services, key).await?, false),
        _ => return Ok(None),
    };
    match credentials
        .act_for_tenant
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        None => Ok(Some(session)),
        Some(target) => act_for(services, session, opens_manage, target)
            .await
            .map(Some),
    }
}

/// Whether a token still opens an application: its `app` claim must name at least one
/// application the user has now (an admin who withdraws a user's last application ends the
/// user's tokens at their next request).
fn token_apps_still_granted(token_apps: &[String], user_apps: &[String]) -> bool {
    token_apps.iter().any(|app| user_apps.contains(app))
}

async fn user_session(services: &Services, token: &str) -> ApiResult<(Session, bool)> {
    let claims = services.jwt.verify(token).map_err(|error| match error {
        crate::auth::AuthError::Expired => {
            ApiError::Unauthenticated("the token has expired".to_owned())
        }
        _ => invalid(),
    })?;
    let found = users::Entity::find()
        .filter(users::Column::RefId.eq(claims.sub.as_str()))
        .filter(users::Column::DeletedOn.is_null())
        .find_also_related(tenants::Entity)
        .one(services.db.platform())
        .await?;
    let (user, Some(tenant)) = found.ok_or_else(invalid)? else {
        return Err(invalid());
    };
    if tenant.ref_id != claims.tenant || user.status != UserStatus::Active {
        return Err(invalid());
    }
    if !token_apps_still_granted(&claims.app, &user.app_access) {
        return Err(ApiError::Unauthenticated(
            "this token opens no application the account still has access to; sign in again"
                .to_owned(),
        ));
    }
    let role = Role::from(&user.role);
    // Whether the token opens the management console (and the user still has it): what an
    // operator needs, besides the role and the platform tenant, to act for a tenant.
    let opens_manage = claims.app.iter().any(|app| app == "manage")
        && user.app_access.iter().any(|app| app == "manage");
    let session = Session {
        principal: Principal::User {
            id: user.id,
            ref_id: user.ref_id,
            role,
        },
        tenant: tenant_state(services, &tenant)?,
        operator: None,
        expires_at: chrono::DateTime::from_timestamp(claims.exp, 0),
        manage_console: opens_manage,
    };
    Ok((session, opens_manage))
}

async fn api_key_session(services: &Services, presented: &str) -> ApiResult<Session> {
    let parsed = api_key::parse_api_key(presented).ok_or_else(invalid)?;
    let found = api_keys::Entity::find()
        .filter(api_keys::Column::KeyHash.eq(parsed.hash.as_str()))
        .find_also_related(tenants::Entity)
        .one(services.db.platform())
        .await?;
    let (key, Some(tenant)) = found.ok_or_else(invalid)? else {
        return Err(invalid());
    };
    let now = chrono::Utc::now();
    let expired = key
        .expires_on
        .is_some_and(|expires| expires.with_timezone(&chrono::Utc) <= now);
    if key.key_prefix != parsed.prefix || key.revoked_on.is_some() || expired {
        return Err(invalid());
    }
    // Last use, at most once a minute per key, so busy integrators do not write on every call.
    let stale = key
        .last_used_on
        .is_none_or(|used| (now - used.with_timezone(&chrono::Utc)).num_seconds() >= 60);
    if stale {
        api_keys::Entity::update_many()
            .col_expr(api_keys::Column::LastUsedOn, Expr::current_timestamp())
            .filter(api_keys::Column::Id.eq(key.id))
            .exec(services.db.platform())
            .await?;
    }
    Ok(Session {
        principal: Principal::ApiKey {
            id: key.id,
            ref_id: key.ref_id,
            can_write: key.scopes.iter().any(|scope| scope == "write"),
        },
        tenant: tenant_state(services, &tenant)?,
        operator: None,
        expires_at: key
            .expires_on
            .map(|expires| expires.with_timezone(&chrono::Utc)),
        manage_console: false,
    })
}

/// The session of a platform operator acting for `target_ref`: a `super_admin` of the platform's
/// own tenant whose token opens the management console (`opens_manage`). A `super_admin` of any
/// other tenant is an admin of that tenant and nothing more.
async fn act_for(
    services: &Services,
    session: Session,
    opens_manage: bool,
    target_ref: &str,
) -> ApiResult<Session> {
    if !(session.is_super_admin() && session.tenant.is_platform) {
        return Err(ApiError::Forbidden(
            "only platform operators may act for another tenant".to_owned(),
        ));
    }
    if !opens_manage {
        return Err(ApiError::Forbidden(
            "acting for a tenant needs a token for the MANAGE application: sign in with `login(input: { app: MANAGE })`".to_owned(),
        ));
    }
    let target = tenants::Entity::find()
        // Public ids are case-insensitive ULIDs, stored uppercase.
        .filter(tenants::Column::RefId.eq(target_ref.to_ascii_uppercase()))
        .one(services.db.platform())
        .await?
        .ok_or(ApiError::NotFound("tenant"))?;
    let home_tenant = session.tenant.id;
    Ok(Session {
        tenant: tenant_state(services, &target)?,
        operator: Some(OperatorAct { home_tenant }),
        ..session
    })
}
