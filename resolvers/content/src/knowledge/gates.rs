//! Who may report pipeline progress: admins, and agents (the tenant's API keys with the write
//! scope) — the ingestion and crawl workers. Members may read the knowledge base but not change
//! it.

use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::context::{Principal, Session};
use graph_core::error::{ApiError, ApiResult};

/// Admins, or an API key with the write scope (`FORBIDDEN` for other roles).
pub fn admins_or_agents<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a Session> {
    let session = access::write(ctx, MEMBERS)?;
    match &session.principal {
        Principal::ApiKey { .. } => Ok(session),
        Principal::User { role, .. } if ADMINS.contains(role) => Ok(session),
        Principal::User { .. } => Err(ApiError::Forbidden(
            "your role does not allow this".to_owned(),
        )),
    }
}
