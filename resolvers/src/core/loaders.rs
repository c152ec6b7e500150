//! Per-request loaders: relations load in one query per batch, never one per row (batching in
//! [`crate::core::batch`]). A
//! [`Loaders`] value is created for each request with the request's tenant inside (no cache is
//! shared between requests or tenants), and hands out typed loaders on first use:
//!
//! ```ignore
//! let author = loaders(ctx)?.by_id::<users::Entity>().load_one(row.created_by).await?;
//! let goals = loaders(ctx)?.by_parent::<goals::Entity>(goals::Column::StrategyId).load_one(strategy.id).await?;
//! ```

use crate::core::batch::Batcher;
use crate::core::db::{Db, TenantId};
use crate::core::error::{ApiError, ApiResult};
use crate::core::pagination::uuid_of;
use async_graphql::dataloader::Loader;
use entities::tenant_scoped::TenantScoped;
use sea_orm::{ColumnTrait, IdenStatic, QueryFilter, QueryOrder};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Identifies a loader: its type, and for by-parent loaders the parent column.
type LoaderKey = (TypeId, &'static str);

/// The loaders of one request, for one tenant.
pub struct Loaders {
    db: Db,
    tenant: TenantId,
    created: Mutex<HashMap<LoaderKey, Arc<dyn Any + Send + Sync>>>,
}

impl Loaders {
    /// Loaders for `tenant`, empty until used.
    pub fn new(db: Db, tenant: TenantId) -> Self {
        Self {
            db,
            tenant,
            created: Mutex::new(HashMap::new()),
        }
    }

    fn get_or_create<L>(&self, key: LoaderKey, make: impl FnOnce() -> L) -> Arc<Batcher<L>>
    where
        L: Loader<Uuid, Error = ApiError> + Send + Sync + 'static,
        L::Value: Clone + Send + Sync + 'static,
    {
        let mut created = self
            .created
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(existing) = created.get(&key) {
            // Keys include the loader's type, so this downcast always succeeds.
            if let Ok(loader) = Arc::clone(existing).downcast::<Batcher<L>>() {
                return loader;
            }
        }
        let loader = Arc::new(Batcher::new(make()));
        created.insert(key, Arc::clone(&loader) as Arc<dyn Any + Send + Sync>);
        loader
    }

    /// Rows of `E` by internal id (soft-deleted rows included: a relation still resolves).
    pub fn by_id<E>(&self) -> Arc<Batcher<ById<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
    {
        self.get_or_create((TypeId::of::<ById<E>>(), ""), || ById {
            db: self.db.clone(),
            tenant: self.tenant,
            entity: PhantomData,
        })
    }

    /// Live rows of `E` grouped by the parent id in `column`, oldest first.
    pub fn by_parent<E>(&self, column: E::Column) -> Arc<Batcher<ByParent<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
        E::Column: Send + Sync,
    {
        self.get_or_create((TypeId::of::<ByParent<E>>(), column.as_str()), || {
            ByParent {
                db: self.db.clone(),
                tenant: self.tenant,
                column,
            }
        })
    }
}

/// Loads rows of one entity by id.
pub struct ById<E> {
    db: Db,
    tenant: TenantId,
    entity: PhantomData<fn() -> E>,
}

impl<E> Loader<Uuid> for ById<E>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    type Value = E::Model;
    type Error = ApiError;

    async fn load(&self, keys: &[Uuid]) -> ApiResult<HashMap<Uuid, E::Model>> {
        let tx = self.db.begin(self.tenant).await?;
        let rows = tx
            .select_with_deleted::<E>(true)
            .filter(E::id_column().is_in(keys.iter().copied()))
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        rows.into_iter()
            .map(|row| Ok((uuid_of(&row, E::id_column())?, row)))
            .collect()
    }
}

/// Loads the children of many parents at once.
pub struct ByParent<E: TenantScoped> {
    db: Db,
    tenant: TenantId,
    column: E::Column,
}

impl<E> Loader<Uuid> for ByParent<E>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    type Value = Vec<E::Model>;
    type Error = ApiError;

    async fn load(&self, keys: &[Uuid]) -> ApiResult<HashMap<Uuid, Vec<E::Model>>> {
        let tx = self.db.begin(self.tenant).await?;
        let rows = tx
            .select::<E>()
            .filter(self.column.is_in(keys.iter().copied()))
            .order_by_asc(E::ref_id_column())
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        let mut grouped: HashMap<Uuid, Vec<E::Model>> = HashMap::new();
        for row in rows {
            grouped
                .entry(uuid_of(&row, self.column)?)
                .or_default()
                .push(row);
        }
        Ok(grouped)
    }
}

/// The request's loaders (present when the request is authenticated).
pub fn loaders<'a>(ctx: &'a async_graphql::Context<'_>) -> ApiResult<&'a Loaders> {
    ctx.data::<Loaders>()
        .map_err(|_| ApiError::Unauthenticated("sign in or send an API key".to_owned()))
}
