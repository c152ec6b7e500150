//! Who asked for a piece of content: a signed-in member (`HUMAN`, their user id) or an agent
//! through the tenant's API key (`AGENT`, the key's id). Taken from the session, never from
//! input, so a request cannot claim another author.

use async_graphql::Enum;
use graph_core::context::{Principal, Session};

/// Who asked for a blog or social request.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RequesterType")]
pub enum RequesterType {
    /// An agent, calling with one of the tenant's API keys.
    Agent,
    /// A signed-in member of the tenant.
    Human,
}

/// `(requested_by_type, requested_by_id)` of the session: a user's public id, or an API key's.
pub fn requester(session: &Session) -> (entities::sea_orm_active_enums::RequesterType, String) {
    use entities::sea_orm_active_enums::RequesterType as Db;
    match &session.principal {
        Principal::User { ref_id, .. } => (Db::Human, ref_id.clone()),
        Principal::ApiKey { ref_id, .. } => (Db::Agent, ref_id.clone()),
    }
}
