//! The tenant guard's gates. Every root resolver starts with one of these; each returns the
//! session (so a resolver cannot reach tenant data without passing a gate) and enforces, in
//! order: authenticated → contract accepted (unless the gate is one of the `before_contract`
//! ones) → for writes, tenant not suspended, API key has the write scope, role allowed.
//!
//! API keys are integrators: they pass gates that admit `Member` (the tenant's working data)
//! and never admin-only gates (users, keys, profile, contract).

use crate::context::{Principal, RequestContext, Role, Session};
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::services::Services;
use entities::sea_orm_active_enums::TenantStatus;
use std::sync::Arc;

/// Roles allowed to manage the tenant.
pub const ADMINS: &[Role] = &[Role::Admin, Role::SuperAdmin];
/// Roles allowed to change the tenant's working data.
pub const MEMBERS: &[Role] = &[Role::Admin, Role::Member, Role::SuperAdmin];
/// Roles allowed to review and approve.
pub const REVIEWERS: &[Role] = &[Role::Admin, Role::Reviewer, Role::SuperAdmin];

/// The request context of an operation (always present: the server injects it).
pub fn request<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a RequestContext> {
    ctx.data::<RequestContext>()
        .map_err(|_| ApiError::internal("request context missing"))
}

/// The process-wide services.
pub fn services<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a Arc<Services>> {
    ctx.data::<Arc<Services>>()
        .map_err(|_| ApiError::internal("services missing"))
}

/// Authenticated, any state of the contract (for `me` and reading the contract).
pub fn before_contract<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a Session> {
    request(ctx)?
        .session
        .as_ref()
        .ok_or_else(|| ApiError::Unauthenticated("sign in or send an API key".to_owned()))
}

/// Authenticated, contract accepted: may read the tenant's data.
pub fn read<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a Session> {
    let session = before_contract(ctx)?;
    if !session.tenant.contract_accepted {
        return Err(ApiError::ContractNotAccepted);
    }
    Ok(session)
}

/// May change data, as one of `roles`.
pub fn write<'a>(ctx: &'a async_graphql::Context<'_>, roles: &[Role]) -> ApiResult<&'a Session> {
    let session = read(ctx)?;
    writable(session, roles)?;
    Ok(session)
}

/// May change data before the contract is accepted (accepting it), as one of `roles`.
pub fn write_before_contract<'a>(
    ctx: &'a async_graphql::Context<'_>,
    roles: &[Role],
) -> ApiResult<&'a Session> {
    let session = before_contract(ctx)?;
    writable(session, roles)?;
    Ok(session)
}

/// Reads allowed to `roles` only (e.g. listing API keys).
pub fn read_as<'a>(ctx: &'a async_graphql::Context<'_>, roles: &[Role]) -> ApiResult<&'a Session> {
    let session = read(ctx)?;
    role_allowed(session, roles)?;
    Ok(session)
}

fn writable(session: &Session, roles: &[Role]) -> ApiResult<()> {
    if session.tenant.status == TenantStatus::Suspended {
        return Err(ApiError::TenantSuspended);
    }
    if let Principal::ApiKey {
        can_write: false, ..
    } = session.principal
    {
        return Err(ApiError::Forbidden("this API key is read-only".to_owned()));
    }
    role_allowed(session, roles)
}

fn role_allowed(session: &Session, roles: &[Role]) -> ApiResult<()> {
    let allowed = match &session.principal {
        Principal::User { role, .. } => roles.contains(role),
        Principal::ApiKey { .. } => roles.contains(&Role::Member),
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "your role does not allow this".to_owned(),
        ))
    }
}

/// A transaction in the session's tenant, writing as the session's actor.
pub async fn begin(ctx: &async_graphql::Context<'_>, session: &Session) -> ApiResult<TenantTx> {
    services(ctx)?.db.begin_for(session).await
}
