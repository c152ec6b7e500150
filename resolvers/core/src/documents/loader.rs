//! Documents by id through the request's loaders: every reference a level of a query resolves
//! (the bodies of 100 posts) is one `find` with `_id: {$in: …}` and the request's tenant.

use crate::db::TenantId;
use crate::documents::collections::Collection;
use crate::documents::store::DocumentStore;
use crate::error::{ApiError, ApiResult};
use async_graphql::dataloader::Loader;
use std::collections::HashMap;
use std::marker::PhantomData;

/// Loads documents of `D` of one tenant by id (24 lowercase hex digits).
pub struct DocumentsById<D> {
    pub(crate) store: DocumentStore,
    pub(crate) tenant: TenantId,
    pub(crate) collection: PhantomData<fn() -> D>,
}

impl<D: Collection> Loader<String> for DocumentsById<D> {
    type Value = D;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> ApiResult<HashMap<String, D>> {
        let documents = self.store.find_by_ids::<D>(self.tenant, keys).await?;
        Ok(documents
            .into_iter()
            .map(|document| (document.id().to_hex(), document))
            .collect())
    }
}

/// The key of a stored reference: its lowercase hex (a reference that is not 24 hex digits is
/// still a key; it matches nothing).
pub fn reference_key(reference: &str) -> String {
    reference.trim().to_ascii_lowercase()
}
