//! `LlmProviderQuery`: the LLM providers a tenant may use — the platform's active global ones
//! and its own — as a filtered list and one by id. Any reader of the tenant (agent configs offer
//! them); no key is ever returned.

use crate::providers::enums::{LlmProviderScope, LlmProviderType};
use crate::providers::provider_type::{LlmProvider, LlmProviderConnection};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::llm_providers;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::context::Session;
use graph_core::ids::parse_ref_id;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

/// Which LLM providers to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct LlmProviderFilter {
    /// Only providers of this type.
    pub provider_type: Option<LlmProviderType>,
    /// Only the platform's (`GLOBAL`) or only the tenant's own (`TENANT`).
    pub scope: Option<LlmProviderScope>,
    /// Only active (true) or inactive (false) providers (inactive global providers are listed
    /// to platform operators only).
    pub is_active: Option<bool>,
}

/// Which rows of `llm_providers` the caller sees, on top of the tenant scope (the tenant's own
/// rows and the global ones): platform operators see every global provider, everyone else the
/// active ones only.
pub(crate) fn visible(session: &Session) -> Condition {
    use llm_providers::Column as C;
    if session.is_platform_operator() {
        Condition::all()
    } else {
        Condition::any()
            .add(C::TenantId.is_not_null())
            .add(C::IsActive.eq(true))
    }
}

/// The provider part of the LLM providers `Query`.
#[derive(Default)]
pub struct LlmProviderQuery;

/// Reads of LLM providers.
#[Object]
impl LlmProviderQuery {
    /// The LLM providers the tenant may use, oldest first, as a Relay connection: the
    /// platform's active global providers and the tenant's own. API keys are never returned.
    #[tracing::instrument(skip_all)]
    async fn llm_providers(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only providers matching this.")] filter: Option<LlmProviderFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return providers after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return providers before this one.")] before: Option<String>,
    ) -> Result<LlmProviderConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use llm_providers::Column as C;
                let mut select = tx
                    .select::<llm_providers::Entity>()
                    .filter(visible(session));
                if let Some(kind) = filter.provider_type {
                    select =
                        select.filter(C::ProviderType.eq(db::LlmProviderProviderType::from(kind)));
                }
                match filter.scope {
                    Some(LlmProviderScope::Global) => select = select.filter(C::TenantId.is_null()),
                    Some(LlmProviderScope::Tenant) => {
                        select = select.filter(C::TenantId.is_not_null());
                    }
                    None => {}
                }
                if let Some(active) = filter.is_active {
                    select = select.filter(C::IsActive.eq(active));
                }
                Ok(select)
            },
            LlmProvider::from,
        )
        .await?)
    }

    /// One LLM provider the tenant may use, by id (a global one or the tenant's own); null
    /// when there is none.
    #[tracing::instrument(skip_all)]
    async fn llm_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
    ) -> Result<Option<LlmProvider>> {
        let session = access::read(ctx)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .select::<llm_providers::Entity>()
            .filter(visible(session))
            .filter(llm_providers::Column::RefId.eq(ref_id.into_string()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(LlmProvider::from))
    }
}
