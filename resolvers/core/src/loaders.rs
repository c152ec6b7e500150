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
//! Relation batches each run in a short transaction of their own (`set_config`, one statement),
//! holding a connection only while the statement runs. Look-ups by public id (`by_ref`: root
//! by-id fields and federation `_entities`) of **every** entity type go through one batcher:
//! all representations of an `_entities` request are one batch, loaded in one transaction with
//! one statement per entity type, however many representations there are. (A transaction held
//! for the whole request was tried and dropped: a request holding its loader connection while
//! another of its root fields waits for a connection deadlocks the pool under load.)

use crate::batch::{Batcher, Key};
use crate::db::{Db, TenantId, TenantTx};
use crate::documents::Collection;
use crate::documents::DocumentStore;
use crate::documents::loader::{DocumentsById, reference_key};
use crate::error::{ApiError, ApiResult};
use crate::pagination::uuid_of;
use async_graphql::dataloader::Loader;
use entities::tenant_scoped::TenantScoped;
use entities::tenants;
use sea_orm::{ColumnTrait, IdenStatic, ModelTrait};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;
use uuid::Uuid;

/// Identifies a loader: its type, and a variant (the parent column, or whether soft-deleted
/// rows are visible).
type LoaderKey = (TypeId, &'static str);

/// Where a request's batches run: the request's tenant on the application role.
struct RequestTx {
    db: Db,
    documents: DocumentStore,
    tenant: TenantId,
}

impl RequestTx {
    /// A short transaction for one batch.
    async fn begin(&self) -> ApiResult<TenantTx> {
        self.db.begin(self.tenant).await
    }
}

/// A row of some entity, type-erased so one batch can hold rows of several entity types.
type AnyModel = Arc<dyn Any + Send + Sync>;

/// Loads the rows of one entity type by public id in a transaction (one statement).
type LookupFn = for<'a> fn(
    &'a TenantTx,
    Vec<String>,
    bool,
) -> futures::future::BoxFuture<'a, ApiResult<Vec<(String, AnyModel)>>>;

fn lookup_rows<E>(
    tx: &TenantTx,
    ref_ids: Vec<String>,
    include_deleted: bool,
) -> futures::future::BoxFuture<'_, ApiResult<Vec<(String, AnyModel)>>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync + 'static,
{
    Box::pin(async move {
        let rows = tx
            .select_with_deleted::<E>(include_deleted)
            .filter(E::ref_id_column().is_in(ref_ids))
            .all(tx)
            .await?;
        rows.into_iter()
            .map(|row| {
                let ref_id = <String as sea_orm::sea_query::ValueType>::try_from(
                    row.get(E::ref_id_column()),
                )
                .map_err(ApiError::internal)?;
                Ok((ref_id, Arc::new(row) as AnyModel))
            })
            .collect()
    })
}

/// A look-up by public id: which entity type, with which visibility, which id.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RefKey {
    entity: TypeId,
    include_deleted: bool,
    ref_id: String,
}

/// Loads look-ups by public id of every entity type of a request in one transaction: one
/// statement per entity type and visibility.
pub struct ByRefs {
    tx: Arc<RequestTx>,
    lookups: Mutex<HashMap<TypeId, LookupFn>>,
}

impl Loader<RefKey> for ByRefs {
    type Value = AnyModel;
    type Error = ApiError;

    async fn load(&self, keys: &[RefKey]) -> ApiResult<HashMap<RefKey, AnyModel>> {
        let mut groups: HashMap<(TypeId, bool), Vec<String>> = HashMap::new();
        for key in keys {
            groups
                .entry((key.entity, key.include_deleted))
                .or_default()
                .push(key.ref_id.clone());
        }
        let lookups: Vec<((TypeId, bool), Vec<String>, LookupFn)> = {
            let registered = self
                .lookups
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            groups
                .into_iter()
                .filter_map(|(group, ref_ids)| {
                    registered
                        .get(&group.0)
                        .map(|lookup| (group, ref_ids, *lookup))
                })
                .collect()
        };
        let tx = self.tx.begin().await?;
        let mut found = HashMap::new();
        for ((entity, include_deleted), ref_ids, lookup) in lookups {
            for (ref_id, row) in lookup(&tx, ref_ids, include_deleted).await? {
                found.insert(
                    RefKey {
                        entity,
                        include_deleted,
                        ref_id,
                    },
                    row,
                );
            }
        }
        tx.commit().await?;
        Ok(found)
    }
}

/// Look-ups of `E` by public id through the request's one by-ref batcher.
pub struct ByRef<'a, E> {
    batcher: Arc<Batcher<RefKey, ByRefs>>,
    include_deleted: bool,
    entity: PhantomData<&'a E>,
}

impl<E> ByRef<'_, E>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync + 'static,
{
    /// The row with public id `ref_id` (a parsed, canonical id), if visible.
    pub async fn load_one(&self, ref_id: String) -> ApiResult<Option<E::Model>> {
        let key = RefKey {
            entity: TypeId::of::<E>(),
            include_deleted: self.include_deleted,
            ref_id,
        };
        Ok(self
            .batcher
            .load_one(key)
            .await?
            .and_then(|row| row.downcast_ref::<E::Model>().cloned()))
    }
}

/// The loaders of one request, for one tenant.
pub struct Loaders {
    tx: Arc<RequestTx>,
    state: Arc<LoaderState>,
}

/// What a request's loaders hold: its batchers (with their cache), its tenant row, and its
/// relation budget. Shared with a [`LoadersReset`], so a subscription can start each event
/// afresh.
struct LoaderState {
    created: Mutex<HashMap<LoaderKey, Arc<dyn Any + Send + Sync>>>,
    own_tenant: Mutex<Arc<OnceCell<tenants::Model>>>,
    relation_items: RelationBudget,
}

/// Empties a [`Loaders`] between the events of one subscription: each event is resolved like a
/// request of its own (fresh rows, not the first event's cached ones; a full relation budget).
/// Call it only between events, when nothing of the last one is still resolving.
pub struct LoadersReset(Arc<LoaderState>);

impl LoadersReset {
    /// Drops the cached batchers and the tenant row and refills the relation budget.
    pub fn reset(&self) {
        self.0
            .created
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
        *self
            .0
            .own_tenant
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(OnceCell::new());
        self.0.relation_items.used.store(0, Ordering::Relaxed);
    }
}

/// The items relation lists may still return in this request
/// ([`QueryLimits::max_relation_items`](crate::limits::QueryLimits::max_relation_items)).
struct RelationBudget {
    used: AtomicUsize,
    max: usize,
}

impl RelationBudget {
    /// Charges `items`; the list that crosses the budget is refused (one error), and every list
    /// after it is empty, so a runaway query ends with one error rather than thousands.
    fn charge(&self, items: usize) -> ApiResult<bool> {
        let before = self.used.fetch_add(items, Ordering::Relaxed);
        if before > self.max {
            return Ok(false);
        }
        if before + items > self.max {
            return Err(ApiError::BadUserInput {
                message: format!(
                    "the response would hold more than {} items of relation lists \
                     (GRAPHQL_MAX_RELATION_ITEMS): select fewer levels of relations, or page \
                     through a root connection",
                    self.max
                ),
                field: None,
            });
        }
        Ok(true)
    }
}

impl Loaders {
    /// Loaders for `tenant`, empty until used; relation lists return at most
    /// `max_relation_items` items in total.
    pub fn new(
        db: Db,
        documents: DocumentStore,
        tenant: TenantId,
        max_relation_items: usize,
    ) -> Self {
        Self {
            tx: Arc::new(RequestTx {
                db,
                documents,
                tenant,
            }),
            state: Arc::new(LoaderState {
                created: Mutex::new(HashMap::new()),
                own_tenant: Mutex::new(Arc::new(OnceCell::new())),
                relation_items: RelationBudget {
                    used: AtomicUsize::new(0),
                    max: max_relation_items,
                },
            }),
        }
    }

    /// A handle that empties these loaders between the events of a subscription.
    pub fn resetter(&self) -> LoadersReset {
        LoadersReset(Arc::clone(&self.state))
    }

    /// The request's own tenant row, read once per request (however many `_entities`
    /// representations name it).
    pub async fn own_tenant(&self) -> ApiResult<tenants::Model> {
        let cell = Arc::clone(
            &self
                .state
                .own_tenant
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        cell.get_or_try_init(|| async {
            let tx = self.tx.begin().await?;
            let tenant = tx.own_tenant().await?;
            tx.commit().await?;
            Ok::<_, ApiError>(tenant)
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
            .state
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

    /// Rows of `E` by public id (`ref_id`), for by-id root fields and federation entity
    /// look-ups; soft-deleted rows only when `include_deleted` (the same visibility as the
    /// matching root field). Keys must be parsed ids (see [`crate::ids::RefId`]). Look-ups of
    /// every entity type share one batcher, so they load in one transaction.
    pub fn by_ref<E>(&self, include_deleted: bool) -> ByRef<'_, E>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync + 'static,
    {
        let batcher = self.get_or_create((TypeId::of::<ByRefs>(), ""), || ByRefs {
            tx: Arc::clone(&self.tx),
            lookups: Mutex::new(HashMap::new()),
        });
        batcher
            .loader()
            .lookups
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(TypeId::of::<E>())
            .or_insert(lookup_rows::<E> as LookupFn);
        ByRef {
            batcher,
            include_deleted,
            entity: PhantomData,
        }
    }

    /// Documents of collection `D` of the request's tenant by id: one `find` per collection per
    /// level of a query (see [`document`]).
    pub fn documents<D: Collection>(&self) -> Arc<Batcher<String, DocumentsById<D>>> {
        self.get_or_create((TypeId::of::<DocumentsById<D>>(), ""), || DocumentsById {
            store: self.tx.documents.clone(),
            tenant: self.tx.tenant,
            collection: PhantomData,
        })
    }

    /// Live rows of `E` grouped by the parent id in `column`, oldest first, at most
    /// [`MAX_CHILDREN`] per parent.
    pub fn by_parent<E>(&self, column: E::Column) -> Arc<Batcher<Uuid, ByParent<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
        E::Column: Send + Sync,
    {
        self.children_of::<E, OldestFirst>(column, false)
    }

    /// Like [`Loaders::by_parent`], newest first: the [`MAX_CHILDREN`] latest rows per parent
    /// (runs of an activity, periods of a deliverable).
    pub fn latest_by_parent<E>(&self, column: E::Column) -> Arc<Batcher<Uuid, ByParent<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
        E::Column: Send + Sync,
    {
        self.children_of::<E, NewestFirst>(column, true)
    }

    /// The by-parent loader of `E` by `column` in one order (`Order` tells the two apart in the
    /// registry).
    fn children_of<E, Order: 'static>(
        &self,
        column: E::Column,
        newest_first: bool,
    ) -> Arc<Batcher<Uuid, ByParent<E>>>
    where
        E: TenantScoped,
        E::Model: Clone + Send + Sync,
        E::Column: Send + Sync,
    {
        self.get_or_create(
            (TypeId::of::<(ByParent<E>, Order)>(), column.as_str()),
            || ByParent {
                tx: Arc::clone(&self.tx),
                column,
                newest_first,
            },
        )
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
        let tx = self.tx.begin().await?;
        let rows = tx
            .select_with_deleted::<E>(true)
            .filter(E::id_column().is_in(keys.iter().copied()))
            .all(&tx)
            .await?;
        tx.commit().await?;
        rows.into_iter()
            .map(|row| Ok((uuid_of(&row, E::id_column())?, row)))
            .collect()
    }
}

/// The most children a to-many relation field returns per parent. A relation list has no
/// pagination, so without a bound one field of a tenant with a million activities would answer
/// with all of them; the root connections (`activities(filter:)` and the like) page through
/// everything.
pub const MAX_CHILDREN: u64 = 500;

/// Marks the oldest-first variant of [`ByParent`] in the loader registry.
struct OldestFirst;

/// Marks the newest-first variant of [`ByParent`] in the loader registry.
struct NewestFirst;

/// Loads the children of many parents at once (at most [`MAX_CHILDREN`] each).
pub struct ByParent<E: TenantScoped> {
    tx: Arc<RequestTx>,
    column: E::Column,
    newest_first: bool,
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
        let tx = self.tx.begin().await?;
        let query = tx.select::<E>();
        let query = if self.newest_first {
            query.order_by_desc(E::ref_id_column())
        } else {
            query.order_by_asc(E::ref_id_column())
        };
        let rows = query
            .first_per_parent(&tx, self.column, keys, MAX_CHILDREN)
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

/// The latest live rows of `E` whose `column` is `parent`, newest first, through the
/// newest-first by-parent loader.
pub async fn latest_children<E>(
    ctx: &async_graphql::Context<'_>,
    column: E::Column,
    parent: Uuid,
) -> ApiResult<Vec<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    let loaders = loaders(ctx)?;
    load_children(loaders, loaders.latest_by_parent::<E>(column), parent).await
}

/// One parent's children through `loader` (none: an empty list), charged to the request's
/// relation budget. (The budget, not a yield, bounds a query made of loads answered from the
/// cache, which never wait: yielding here would delay some siblings past the batcher's window
/// and split its batches.)
async fn load_children<E>(
    loaders: &Loaders,
    loader: Arc<Batcher<Uuid, ByParent<E>>>,
    parent: Uuid,
) -> ApiResult<Vec<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    let rows = loader.load_one(parent).await?.unwrap_or_default();
    if loaders.state.relation_items.charge(rows.len())? {
        Ok(rows)
    } else {
        Ok(Vec::new())
    }
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

/// The live rows of `E` whose `column` is `parent`, oldest first (the first [`MAX_CHILDREN`]),
/// through the by-parent loader: how a type resolves a to-many relation.
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
    let loaders = loaders(ctx)?;
    load_children(loaders, loaders.by_parent::<E>(column), parent).await
}

/// The document of collection `D` that a row's `reference` (an ObjectId in a PostgreSQL column)
/// points at, if it exists **in the request's tenant**: a reference to another tenant's document,
/// even one written into this tenant's row, resolves to nothing. Through the request's document
/// loader, so a list's references load in one `find`. `UNAVAILABLE` when the store does not
/// answer in time (the field is null with that error on its path; PostgreSQL fields are served).
pub async fn document<D: Collection>(
    ctx: &async_graphql::Context<'_>,
    reference: Option<&str>,
) -> ApiResult<Option<D>> {
    match reference {
        None => Ok(None),
        Some(reference) => {
            loaders(ctx)?
                .documents::<D>()
                .load_one(reference_key(reference))
                .await
        }
    }
}

/// Looks a row up by public id for a root or entity field: reads gate, id parsed (a malformed id
/// is null for entity look-ups, `BAD_USER_INPUT` for root fields), soft-deleted rows for admins
/// only — the same rules either way. Through the request's by-ref loader, so every look-up of a
/// request (all `_entities` representations of one type) is one statement.
pub async fn lookup<E>(
    ctx: &async_graphql::Context<'_>,
    id: &async_graphql::ID,
    malformed_is_null: bool,
) -> ApiResult<Option<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    let session = crate::access::read(ctx)?;
    let ref_id = match crate::ids::parse_ref_id("id", id) {
        Ok(ref_id) => ref_id,
        Err(_) if malformed_is_null => return Ok(None),
        Err(error) => return Err(error),
    };
    loaders(ctx)?
        .by_ref::<E>(session.is_admin())
        .load_one(ref_id.into_string())
        .await
}

/// A document field's value, with the store's outage turned into a null field: the error
/// (`UNAVAILABLE`) is added at the field's path and the field is `null` — present in the
/// response, like any nullable field that failed — so clients and gateways see the rest of the
/// object. Other errors are returned as they are.
pub fn null_on_outage<T>(
    ctx: &async_graphql::Context<'_>,
    result: ApiResult<Option<T>>,
) -> async_graphql::Result<Option<T>> {
    match result {
        Err(error @ ApiError::Unavailable(_)) => {
            let error = async_graphql::Error::from(error).into_server_error(ctx.item.pos);
            ctx.add_error(ctx.set_error_path(error));
            Ok(None)
        }
        other => Ok(other?),
    }
}
