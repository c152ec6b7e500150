//! Per-request loaders: relations and federation entities load in one query per batch, never one
//! per row (batching in [`crate::batch`]). A [`Loaders`] value is created for each request with
//! the request's tenant inside (no cache is shared between requests or tenants), and hands out
//! typed loaders on first use:
//!
//! ```ignore
//! let author = loaders(ctx)?.by_id::<users::Entity>().load_one(row.created_by).await?;
//! let goals = loaders(ctx)?.by_parent::<goals::Entity>(goals::Column::StrategyId).load_one(strategy.id).await?;
//! let goal = loaders(ctx)?.by_ref::<goals::Entity>(false).load_one(ref_id).await?;
//! ```
//!
//! Batches that run at the same time share one short transaction of the request's tenant: the
//! first begins it, the others join it while it is open, the last one to finish commits it. A
//! federation `_entities` request with hundreds of representations of three types is one
//! transaction — `set_config` and one statement per type — however many representations it has;
//! so is each level of a deep query. A batch holds the connection only while its statement runs
//! and never waits for a second connection while holding one. (One transaction held for the
//! whole request was tried and dropped: a request holding its loader connection while another
//! of its root fields waits for a connection deadlocks the pool under load.)

use crate::batch::{Batcher, Key};
use crate::db::{Db, TenantId, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::pagination::uuid_of;
use async_graphql::dataloader::Loader;
use entities::tenant_scoped::TenantScoped;
use entities::tenants;
use sea_orm::{ColumnTrait, IdenStatic, ModelTrait};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex, Weak};
use tokio::sync::OnceCell;
use uuid::Uuid;

/// Identifies a loader: its type, and a variant (the parent column, or whether soft-deleted
/// rows are visible).
type LoaderKey = (TypeId, &'static str);

/// Where a request's batches run: the transaction of the batches running now, if any.
struct RequestTx {
    db: Db,
    tenant: TenantId,
    current: tokio::sync::Mutex<Weak<TenantTx>>,
}

impl RequestTx {
    /// The open transaction of the batches running now, or a new one.
    async fn join(&self) -> ApiResult<Arc<TenantTx>> {
        let mut current = self.current.lock().await;
        if let Some(tx) = current.upgrade() {
            return Ok(tx);
        }
        let tx = Arc::new(self.db.begin(self.tenant).await?);
        *current = Arc::downgrade(&tx);
        Ok(tx)
    }

    /// Leaves the transaction; the last batch to leave commits it.
    async fn leave(tx: Arc<TenantTx>) -> ApiResult<()> {
        match Arc::try_unwrap(tx) {
            Ok(tx) => tx.commit().await,
            Err(_) => Ok(()),
        }
    }
}

/// The loaders of one request, for one tenant.
pub struct Loaders {
    tx: Arc<RequestTx>,
    created: Mutex<HashMap<LoaderKey, Arc<dyn Any + Send + Sync>>>,
    own_tenant: OnceCell<tenants::Model>,
}

impl Loaders {
    /// Loaders for `tenant`, empty until used.
    pub fn new(db: Db, tenant: TenantId) -> Self {
        Self {
            tx: Arc::new(RequestTx {
                db,
                tenant,
                current: tokio::sync::Mutex::new(Weak::new()),
            }),
            created: Mutex::new(HashMap::new()),
            own_tenant: OnceCell::new(),
        }
    }

    /// The request's own tenant row, read once per request (however many `_entities`
    /// representations name it).
    pub async fn own_tenant(&self) -> ApiResult<tenants::Model> {
        self.own_tenant
            .get_or_try_init(|| async {
                let tx = self.tx.join().await?;
                let tenant = tx.own_tenant().await;
                RequestTx::leave(tx).await?;
                tenant
            })
            .await
            .cloned()
    }

    fn get_or_create<K, L>(&self, key: LoaderKey, make: impl FnOnce() -> L) -> Arc<Batcher<K, L>>
    where
        K: Key,
        L: Loader<K, Error = ApiError> + Send + Sync + 'static,
        L::Value: Clone + Send + Sync + 'static,
    {
        let mut created = self
            .created
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(existing) = created.get(&key) {
            // Keys include the loader's type, so this downcast always succeeds.
            if let Ok(loader) = Arc::clone(existing).downcast::<Batcher<K, L>>() {
                return loader;
            }
        }
        let loader = Arc::new(Batcher::new(make()));
        created.insert(key, Arc::clone(&loader) as Arc<dyn Any + Send + Sync>);
        loader
    }

    /// Rows of `E` by internal id (soft-deleted rows included: a relation still resolves).
    pub fn by_id<E>(&self) -> Arc<Batcher<Uuid, ById<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
    {
        self.get_or_create((TypeId::of::<ById<E>>(), ""), || ById {
            tx: Arc::clone(&self.tx),
            entity: PhantomData,
        })
    }

    /// Rows of `E` by public id (`ref_id`), for federation entity look-ups; soft-deleted rows
    /// only when `include_deleted` (the same visibility as the matching root field). Keys must
    /// be parsed ids (see [`crate::ids::RefId`]).
    pub fn by_ref<E>(&self, include_deleted: bool) -> Arc<Batcher<String, ByRef<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
    {
        let variant = if include_deleted { "with deleted" } else { "" };
        self.get_or_create((TypeId::of::<ByRef<E>>(), variant), || ByRef {
            tx: Arc::clone(&self.tx),
            include_deleted,
            entity: PhantomData,
        })
    }

    /// Live rows of `E` grouped by the parent id in `column`, oldest first.
    pub fn by_parent<E>(&self, column: E::Column) -> Arc<Batcher<Uuid, ByParent<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
        E::Column: Send + Sync,
    {
        self.get_or_create((TypeId::of::<ByParent<E>>(), column.as_str()), || {
            ByParent {
                tx: Arc::clone(&self.tx),
                column,
            }
        })
    }
}

/// Loads rows of one entity by id.
pub struct ById<E> {
    tx: Arc<RequestTx>,
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
        let tx = self.tx.join().await?;
        let rows = tx
            .select_with_deleted::<E>(true)
            .filter(E::id_column().is_in(keys.iter().copied()))
            .all(&tx)
            .await;
        RequestTx::leave(tx).await?;
        let rows = rows?;
        rows.into_iter()
            .map(|row| Ok((uuid_of(&row, E::id_column())?, row)))
            .collect()
    }
}

/// Loads rows of one entity by public id.
pub struct ByRef<E> {
    tx: Arc<RequestTx>,
    include_deleted: bool,
    entity: PhantomData<fn() -> E>,
}

impl<E> Loader<String> for ByRef<E>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    type Value = E::Model;
    type Error = ApiError;

    async fn load(&self, keys: &[String]) -> ApiResult<HashMap<String, E::Model>> {
        let tx = self.tx.join().await?;
        let rows = tx
            .select_with_deleted::<E>(self.include_deleted)
            .filter(E::ref_id_column().is_in(keys.iter().map(String::as_str)))
            .all(&tx)
            .await;
        RequestTx::leave(tx).await?;
        let rows = rows?;
        rows.into_iter()
            .map(|row| {
                let ref_id = <String as sea_orm::sea_query::ValueType>::try_from(
                    row.get(E::ref_id_column()),
                )
                .map_err(ApiError::internal)?;
                Ok((ref_id, row))
            })
            .collect()
    }
}

/// Loads the children of many parents at once.
pub struct ByParent<E: TenantScoped> {
    tx: Arc<RequestTx>,
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
        let tx = self.tx.join().await?;
        let rows = tx
            .select::<E>()
            .filter(self.column.is_in(keys.iter().copied()))
            .order_by_asc(E::ref_id_column())
            .all(&tx)
            .await;
        RequestTx::leave(tx).await?;
        let rows = rows?;
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

/// The row of `E` with internal id `id` (soft-deleted rows included), through the by-id loader:
/// how a type resolves a to-one relation.
pub async fn one<E>(
    ctx: &async_graphql::Context<'_>,
    id: Option<Uuid>,
) -> ApiResult<Option<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    match id {
        None => Ok(None),
        Some(id) => loaders(ctx)?.by_id::<E>().load_one(id).await,
    }
}

/// The live rows of `E` whose `column` is `parent`, oldest first, through the by-parent loader:
/// how a type resolves a to-many relation.
pub async fn children<E>(
    ctx: &async_graphql::Context<'_>,
    column: E::Column,
    parent: Uuid,
) -> ApiResult<Vec<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    Ok(loaders(ctx)?
        .by_parent::<E>(column)
        .load_one(parent)
        .await?
        .unwrap_or_default())
}
