//! `LlmProviderMutation`: creating, changing, deleting LLM providers, setting and clearing their
//! API keys, recording health checks, and choosing the platform's default provider of a type.
//!
//! Who may write what: a tenant's admins write the tenant's own providers (an operator acting
//! for a tenant is one of them: it writes that tenant's rows, never global ones); global
//! providers are read-only to tenants (`FORBIDDEN`, with a message saying so) and written by
//! platform operators only, through [`graph_core::global_rows`] (audited). Health checks are
//! recorded by admins and by API keys with the write scope (the workers that run the checks).
//!
//! API keys are checked and sealed before any database work and never logged: every root field
//! is `#[tracing::instrument(skip_all)]`.

use crate::providers::enums::LlmProviderHealth;
use crate::providers::inputs::{
    self, CreateLlmProviderInput, MODEL, NAME, RecordLlmProviderHealthCheckInput,
    UpdateLlmProviderInput, check_api_key, check_provider, seal_api_key,
};
use crate::providers::provider_queries::visible;
use crate::providers::provider_type::LlmProvider;
use async_graphql::{Context, ID, MaybeUndefined, Object, Result};
use entities::llm_providers;
use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::context::{Principal, Role, Session};
use graph_core::db::{TenantId, TenantTx};
use graph_core::error::{ApiError, ApiResult};
use graph_core::global_rows::{self, GlobalTx};
use graph_core::ids::{new_ref_id, parse_ref_id};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;
use uuid::Uuid;

/// What errors call a provider.
const WHAT: &str = "LLM provider";

/// The refusal of a tenant's write to a global provider.
fn global_is_read_only() -> ApiError {
    ApiError::Forbidden(
        "global LLM providers are read-only to tenants: only platform operators change them; \
         create the tenant's own provider with `createLlmProvider` instead"
            .to_owned(),
    )
}

/// The provider a mutation changes, locked, in the transaction that may change it: the
/// tenant's own row in a tenant transaction, or a global row in an operator's global one.
enum Target {
    Tenant(TenantTx, llm_providers::Model),
    Global(GlobalTx, llm_providers::Model),
}

impl Target {
    /// Finds the provider `id` the caller sees (`NOT_FOUND` otherwise) and opens the
    /// transaction that may change it: `FORBIDDEN` for a global provider unless the caller is a
    /// platform operator.
    async fn open(ctx: &Context<'_>, session: &Session, id: &ID) -> ApiResult<Self> {
        let ref_id = parse_ref_id("id", id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let found = tx
            .select::<llm_providers::Entity>()
            .filter(visible(session))
            .filter(llm_providers::Column::RefId.eq(ref_id.as_str()))
            .one(&tx)
            .await?
            .ok_or(ApiError::NotFound(WHAT))?;
        if found.tenant_id.is_some() {
            let row = tx
                .lock_by_ref::<llm_providers::Entity>(WHAT, &ref_id, false)
                .await?;
            return Ok(Self::Tenant(tx, row));
        }
        drop(tx);
        if !session.is_platform_operator() {
            return Err(global_is_read_only());
        }
        let request_id = access::request(ctx)?.request_id.clone();
        let global =
            global_rows::begin(access::services(ctx)?, session, &request_id, "tenant").await?;
        let row = global
            .lock_by_ref::<llm_providers::Entity>(WHAT, &ref_id)
            .await?;
        Ok(Self::Global(global, row))
    }

    /// The locked row.
    fn row(&self) -> &llm_providers::Model {
        match self {
            Self::Tenant(_, row) | Self::Global(_, row) => row,
        }
    }

    /// The tenant the row belongs to (None: global), for its API key's context.
    fn owner(&self) -> Option<TenantId> {
        match self {
            Self::Tenant(tx, _) => Some(tx.tenant()),
            Self::Global(..) => None,
        }
    }

    /// Applies `changes` to the row, commits, and returns the changed row.
    async fn update(
        self,
        action: &'static str,
        changes: llm_providers::ActiveModel,
    ) -> ApiResult<llm_providers::Model> {
        match self {
            Self::Tenant(tx, row) => {
                let row = tx.update_by_id(WHAT, row.id, changes).await?;
                tx.commit().await?;
                Ok(row)
            }
            Self::Global(tx, row) => {
                let row = tx.update_by_id(WHAT, action, row.id, changes).await?;
                tx.commit().await?;
                Ok(row)
            }
        }
    }

    /// Soft-deletes the row with `changes`, commits, and returns it.
    async fn soft_delete(
        self,
        changes: llm_providers::ActiveModel,
    ) -> ApiResult<llm_providers::Model> {
        match self {
            Self::Tenant(tx, row) => {
                let row = tx.soft_delete(WHAT, row.id, changes).await?;
                tx.commit().await?;
                Ok(row)
            }
            Self::Global(tx, row) => {
                let row = tx.soft_delete(WHAT, row.id, changes).await?;
                tx.commit().await?;
                Ok(row)
            }
        }
    }
}

/// A checked new provider, ready to insert (its key sealed for `owner`).
fn new_provider(
    ctx: &Context<'_>,
    owner: Option<TenantId>,
    input: CreateLlmProviderInput,
) -> ApiResult<llm_providers::ActiveModel> {
    let name = NAME.required(&input.name)?;
    let base_url = input
        .base_url
        .as_deref()
        .map(inputs::base_url)
        .transpose()?;
    let models = inputs::models(input.available_models.as_deref().unwrap_or_default())?;
    let default_model = MODEL.optional(input.default_model.as_deref())?;
    check_provider(
        input.provider_type,
        base_url.as_deref(),
        default_model.as_deref(),
        &models,
    )?;
    if let Some(api_key) = input.api_key.as_deref() {
        check_api_key(api_key)?;
    }
    let ref_id = new_ref_id()?;
    let api_key = input
        .api_key
        .as_deref()
        .map(|key| seal_api_key(&access::services(ctx)?.key_ring, owner, &ref_id, key))
        .transpose()?;
    Ok(llm_providers::ActiveModel {
        id: Set(Uuid::new_v4()),
        ref_id: Set(ref_id),
        name: Set(name),
        provider_type: Set(input.provider_type.into()),
        base_url: Set(base_url),
        api_key: Set(api_key),
        default_model: Set(default_model),
        available_models: Set(models),
        is_active: Set(input.is_active.unwrap_or(true)),
        is_global_default: Set(false),
        ..Default::default()
    })
}

/// The gate of health checks: admins, and API keys with the write scope (workers); members and
/// reviewers are refused.
fn health_checker<'a>(ctx: &'a Context<'_>) -> ApiResult<&'a Session> {
    let session = access::write(ctx, MEMBERS)?;
    match &session.principal {
        Principal::User {
            role: Role::Admin | Role::SuperAdmin,
            ..
        }
        | Principal::ApiKey { .. } => Ok(session),
        Principal::User { .. } => Err(ApiError::Forbidden(
            "only admins and API keys with the write scope record health checks".to_owned(),
        )),
    }
}

/// The provider part of the LLM providers `Mutation`.
#[derive(Default)]
pub struct LlmProviderMutation;

/// Changes to LLM providers.
#[Object]
impl LlmProviderMutation {
    /// Creates one of the tenant's own LLM providers (admins only; an operator acting for a
    /// tenant creates that tenant's). Its API key is stored encrypted and never returned.
    #[tracing::instrument(skip_all)]
    async fn create_llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's name, type, connection details, key and models.")]
        input: CreateLlmProviderInput,
    ) -> Result<LlmProvider> {
        let session = access::write(ctx, ADMINS)?;
        let row = new_provider(ctx, Some(session.tenant.id), input)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx.insert(row).await?;
        tx.commit().await?;
        tracing::info!(provider = %row.ref_id, "LLM provider created");
        Ok(LlmProvider::from(row))
    }

    /// Creates a global LLM provider, shared by every tenant (platform operators only: a super
    /// admin of the platform signed in to MANAGE, not acting for a tenant). Audited.
    #[tracing::instrument(skip_all)]
    async fn create_global_llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's name, type, connection details, key and models.")]
        input: CreateLlmProviderInput,
    ) -> Result<LlmProvider> {
        let session = access::write(ctx, ADMINS)?;
        let request_id = access::request(ctx)?.request_id.clone();
        let global =
            global_rows::begin(access::services(ctx)?, session, &request_id, "tenant").await?;
        let row = new_provider(ctx, None, input)?;
        let row = global.insert(row).await?;
        global.commit().await?;
        tracing::info!(provider = %row.ref_id, "global LLM provider created");
        Ok(LlmProvider::from(row))
    }

    /// Changes an LLM provider: the tenant's own (admins), or a global one (platform operators;
    /// `FORBIDDEN` for tenants). `NOT_FOUND` for an unknown id or another tenant's provider.
    #[tracing::instrument(skip_all)]
    async fn update_llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateLlmProviderInput,
    ) -> Result<LlmProvider> {
        let session = access::write(ctx, ADMINS)?;
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let base_url = match &input.base_url {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(url) => Some(Some(inputs::base_url(url)?)),
        };
        let models = input
            .available_models
            .as_deref()
            .map(inputs::models)
            .transpose()?;
        let default_model = match &input.default_model {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(model) => Some(MODEL.optional(Some(model))?),
        };
        let target = Target::open(ctx, session, &id).await?;
        let row = target.row();
        let final_url = base_url.clone().unwrap_or_else(|| row.base_url.clone());
        let final_models = models
            .clone()
            .unwrap_or_else(|| row.available_models.clone());
        let final_default = default_model
            .clone()
            .unwrap_or_else(|| row.default_model.clone());
        check_provider(
            row.provider_type.clone().into(),
            final_url.as_deref(),
            final_default.as_deref(),
            &final_models,
        )?;
        let deactivates_default = input.is_active == Some(false) && row.is_global_default;
        let changes = llm_providers::ActiveModel {
            name: name.map_or(NotSet, Set),
            base_url: base_url.map_or(NotSet, Set),
            available_models: models.map_or(NotSet, Set),
            default_model: default_model.map_or(NotSet, Set),
            is_active: input.is_active.map_or(NotSet, Set),
            is_global_default: if deactivates_default {
                Set(false)
            } else {
                NotSet
            },
            ..Default::default()
        };
        let row = target.update("update", changes).await?;
        Ok(LlmProvider::from(row))
    }

    /// Deletes an LLM provider (soft delete; its API key is erased and it stops being a
    /// default). The tenant's own: admins; a global one: platform operators. Returns its id.
    #[tracing::instrument(skip_all)]
    async fn delete_llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let target = Target::open(ctx, session, &id).await?;
        let changes = llm_providers::ActiveModel {
            api_key: Set(None),
            is_global_default: Set(false),
            ..Default::default()
        };
        let row = target.soft_delete(changes).await?;
        tracing::info!(provider = %row.ref_id, "LLM provider deleted");
        Ok(ID(row.ref_id))
    }

    /// Sets (or replaces) an LLM provider's API key: stored encrypted, never returned. The
    /// tenant's own: admins; a global one: platform operators.
    #[tracing::instrument(skip_all)]
    async fn set_llm_provider_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
        #[graphql(
            desc = "The API key: not blank, at most 8 KiB, no control characters. Write-only."
        )]
        api_key: String,
    ) -> Result<LlmProvider> {
        let session = access::write(ctx, ADMINS)?;
        check_api_key(&api_key)?;
        let target = Target::open(ctx, session, &id).await?;
        let sealed = seal_api_key(
            &access::services(ctx)?.key_ring,
            target.owner(),
            &target.row().ref_id,
            &api_key,
        )?;
        drop(api_key);
        let changes = llm_providers::ActiveModel {
            api_key: Set(Some(sealed)),
            ..Default::default()
        };
        let row = target.update("set key of", changes).await?;
        tracing::info!(provider = %row.ref_id, "LLM provider API key set");
        Ok(LlmProvider::from(row))
    }

    /// Removes an LLM provider's API key. The tenant's own: admins; a global one: platform
    /// operators.
    #[tracing::instrument(skip_all)]
    async fn clear_llm_provider_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
    ) -> Result<LlmProvider> {
        let session = access::write(ctx, ADMINS)?;
        let target = Target::open(ctx, session, &id).await?;
        let changes = llm_providers::ActiveModel {
            api_key: Set(None),
            ..Default::default()
        };
        let row = target.update("clear key of", changes).await?;
        tracing::info!(provider = %row.ref_id, "LLM provider API key cleared");
        Ok(LlmProvider::from(row))
    }

    /// Records the outcome of a health check of an LLM provider (`lastHealthCheckAt` becomes
    /// now). The tenant's own: admins and API keys with the write scope (the workers that run
    /// checks); a global one: platform operators.
    #[tracing::instrument(skip_all)]
    async fn record_llm_provider_health_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
        #[graphql(desc = "What the check found.")] input: RecordLlmProviderHealthCheckInput,
    ) -> Result<LlmProvider> {
        let session = health_checker(ctx)?;
        if input.status == LlmProviderHealth::Unknown {
            return Err(ApiError::bad_input(
                "status",
                "a health check has an outcome: OK, DEGRADED or ERROR",
            )
            .into());
        }
        let target = Target::open(ctx, session, &id).await?;
        let changes = llm_providers::ActiveModel {
            health_status: Set(input.status.into()),
            last_health_check_at: Set(Some(graph_core::changes::now())),
            ..Default::default()
        };
        let row = target.update("record health of", changes).await?;
        Ok(LlmProvider::from(row))
    }

    /// Makes a global LLM provider the platform's default of its type (platform operators
    /// only): the previous default of that type stops being it, in the same transaction. The
    /// provider must be active. Audited.
    #[tracing::instrument(skip_all)]
    async fn set_global_default_llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global provider's id.")] id: ID,
    ) -> Result<LlmProvider> {
        use llm_providers::Column as C;
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let request_id = access::request(ctx)?.request_id.clone();
        let global =
            global_rows::begin(access::services(ctx)?, session, &request_id, "tenant").await?;
        let row = global
            .lock_by_ref::<llm_providers::Entity>(WHAT, &ref_id)
            .await?;
        if !row.is_active {
            return Err(ApiError::bad_input(
                "id",
                "an inactive provider cannot be the default: activate it first",
            )
            .into());
        }
        if row.is_global_default {
            global.commit().await?;
            return Ok(LlmProvider::from(row));
        }
        global
            .update_where::<llm_providers::Entity, _>(
                "unset default",
                Condition::all()
                    .add(C::IsGlobalDefault.eq(true))
                    .add(C::ProviderType.eq(row.provider_type.clone()))
                    .add(C::Id.ne(row.id)),
                llm_providers::ActiveModel {
                    is_global_default: Set(false),
                    ..Default::default()
                },
            )
            .await?;
        let row = global
            .update_by_id::<llm_providers::Entity, _>(
                WHAT,
                "set default",
                row.id,
                llm_providers::ActiveModel {
                    is_global_default: Set(true),
                    ..Default::default()
                },
            )
            .await?;
        global.commit().await?;
        tracing::info!(provider = %row.ref_id, "global default LLM provider set");
        Ok(LlmProvider::from(row))
    }
}
