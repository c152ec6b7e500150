//! The `Viewer` type: who is calling.

use crate::identity::api_key_type::ApiKey;
use crate::identity::tenant_type::Tenant;
use crate::identity::user_type::User;
use async_graphql::SimpleObject;

/// The caller of the current request: a signed-in user or an API key, and the tenant the
/// request works in.
#[derive(SimpleObject, Clone, Debug)]
pub struct Viewer {
    /// The signed-in user; null when calling with an API key.
    pub user: Option<User>,
    /// The API key of the request; null when a user is signed in.
    pub api_key: Option<ApiKey>,
    /// The tenant the request works in.
    pub tenant: Tenant,
    /// True when a platform operator (super admin) acts for this tenant through
    /// `X-Act-For-Tenant`; the operator's own user is then in another tenant.
    pub acting_as_operator: bool,
}
