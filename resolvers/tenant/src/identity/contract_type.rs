//! The `Contract` type: the agreement a tenant accepts before using the platform.

use crate::identity::enums::ContractStatus;
use crate::identity::user_type::User;
use async_graphql::{ComplexObject, Context, ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{contracts, users};
use graph_core::loaders::loaders;
use uuid::Uuid;

/// The tenant's contract. A tenant must accept its current contract (`acceptContract`) before
/// anything but `me` and `contract` works; older versions are kept as `SUPERSEDED`.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Contract {
    /// Public id (ULID).
    pub id: ID,
    /// Version of the contract template (`v1.2`).
    pub template_version: String,
    /// Pending acceptance, accepted or superseded.
    pub status: ContractStatus,
    /// When the contract document was generated.
    pub generated_on: Option<DateTime<Utc>>,
    /// When the contract was accepted; null while it is pending.
    pub accepted_on: Option<DateTime<Utc>>,
    /// IP address of the client that accepted (legal record).
    pub accepted_ip: Option<String>,
    #[graphql(skip)]
    pub(crate) accepted_by_id: Option<Uuid>,
}

#[ComplexObject]
impl Contract {
    /// The admin who accepted the contract; null while it is pending.
    async fn accepted_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<User>> {
        let Some(id) = self.accepted_by_id else {
            return Ok(None);
        };
        let user = loaders(ctx)?.by_id::<users::Entity>().load_one(id).await?;
        Ok(user.map(User::from))
    }
}

impl From<contracts::Model> for Contract {
    fn from(row: contracts::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            template_version: row.template_version,
            status: row.status.into(),
            generated_on: row.generated_on.map(|at| at.to_utc()),
            accepted_on: row.accepted_on.map(|at| at.to_utc()),
            accepted_ip: row.accepted_ip,
            accepted_by_id: row.accepted_by,
        }
    }
}
