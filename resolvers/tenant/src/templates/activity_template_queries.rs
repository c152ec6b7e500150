//! `ActivityTemplateQuery`: the activity templates a tenant can read — the platform's global
//! ones and its own copies — as a list and one by id.

use crate::plan::DeliverableType;
use crate::templates::activity_template_type::{ActivityTemplate, ActivityTemplateConnection};
use crate::templates::enums::TemplateScope;
use crate::templates::scope_condition;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::activity_templates;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which activity templates to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ActivityTemplateFilter {
    /// Only templates of this deliverable type.
    pub deliverable_type: Option<DeliverableType>,
    /// Only the global templates, or only the tenant's own (default: both).
    pub scope: Option<TemplateScope>,
}

/// The activity template part of the templates `Query`.
#[derive(Default)]
pub struct ActivityTemplateQuery;

/// Reads of activity templates.
#[Object]
impl ActivityTemplateQuery {
    /// The activity templates the tenant can use — the platform's global ones and the
    /// tenant's own copies — oldest first, as a Relay connection. Archived copies are not
    /// listed.
    #[allow(clippy::too_many_arguments)]
    async fn activity_templates(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which templates; every given criterion must hold.")] filter: Option<
            ActivityTemplateFilter,
        >,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates before this one.")] before: Option<String>,
    ) -> Result<ActivityTemplateConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<activity_templates::Entity>();
                if let Some(scope) = filter.scope {
                    select = select.filter(scope_condition(
                        activity_templates::Column::TenantId,
                        tx.tenant(),
                        scope,
                    ));
                }
                if let Some(kind) = filter.deliverable_type {
                    select = select.filter(
                        activity_templates::Column::DeliverableType
                            .eq(db::DeliverableType::from(kind)),
                    );
                }
                Ok(select)
            },
            ActivityTemplate::from,
        )
        .await?)
    }

    /// One activity template by id — a global one or one of the tenant's own; null when there
    /// is none (another tenant's copy is none).
    async fn activity_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
    ) -> Result<Option<ActivityTemplate>> {
        Ok(lookup::<activity_templates::Entity>(ctx, &id, false)
            .await?
            .filter(|row| row.deleted_on.is_none())
            .map(ActivityTemplate::from))
    }
}
