//! The `Contract` type: the agreement a tenant accepts before using the platform.

use crate::identity::enums::ContractStatus;
use crate::identity::user_type::User;
use async_graphql::{ComplexObject, Context, ID, SimpleObject};
use base64::Engine as _;
use chrono::{DateTime, Utc};
use entities::{contracts, users};
use graph_core::documents::ContractDocument;
use graph_core::loaders::{document, loaders, null_on_outage};
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
    #[graphql(skip)]
    pub(crate) document_ref: Option<String>,
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

    /// The contract's text as generated from its template version with the tenant's details
    /// (Markdown). Null for contracts made before documents were generated, and while the
    /// document store is unavailable (with an `UNAVAILABLE` error at this path).
    async fn text(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let loaded = document::<ContractDocument>(ctx, self.document_ref.as_deref()).await;
        Ok(null_on_outage(ctx, loaded)?.map(|document| document.rendered_text))
    }

    /// The contract as a PDF (A4, made from `text` with the `pdf-writer` crate), base64-encoded
    /// (standard alphabet, padded). Null when `text` is.
    async fn pdf_base64(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let loaded = document::<ContractDocument>(ctx, self.document_ref.as_deref()).await;
        Ok(null_on_outage(ctx, loaded)?
            .and_then(|document| document.pdf)
            .map(|pdf| base64::engine::general_purpose::STANDARD.encode(pdf.bytes)))
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
            document_ref: row.document_ref,
        }
    }
}
