//! `RecurringTaskTemplateQuery`: the recurring task templates a tenant can read — the
//! platform's global ones and its own copies — as a list and one by id.

use crate::templates::enums::{RecurringTaskTrigger, TemplateScope};
use crate::templates::recurring_template_type::{
    RecurringTaskTemplate, RecurringTaskTemplateConnection,
};
use crate::templates::scope_condition;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::recurring_task_templates;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which recurring task templates to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct RecurringTaskTemplateFilter {
    /// Only templates started by this trigger.
    pub trigger: Option<RecurringTaskTrigger>,
    /// Only the global templates, or only the tenant's own (default: both).
    pub scope: Option<TemplateScope>,
}

/// The recurring task template part of the templates `Query`.
#[derive(Default)]
pub struct RecurringTaskTemplateQuery;

/// Reads of recurring task templates.
#[Object]
impl RecurringTaskTemplateQuery {
    /// The recurring task templates the tenant can use — the platform's global ones and the
    /// tenant's own copies — oldest first, as a Relay connection. Archived copies are not
    /// listed.
    #[allow(clippy::too_many_arguments)]
    async fn recurring_task_templates(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which templates; every given criterion must hold.")] filter: Option<
            RecurringTaskTemplateFilter,
        >,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates before this one.")] before: Option<String>,
    ) -> Result<RecurringTaskTemplateConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<recurring_task_templates::Entity>();
                if let Some(scope) = filter.scope {
                    select = select.filter(scope_condition(
                        recurring_task_templates::Column::TenantId,
                        tx.tenant(),
                        scope,
                    ));
                }
                if let Some(trigger) = filter.trigger {
                    select = select.filter(
                        recurring_task_templates::Column::Trigger
                            .eq(db::RecurringTaskTemplateTrigger::from(trigger)),
                    );
                }
                Ok(select)
            },
            RecurringTaskTemplate::from,
        )
        .await?)
    }

    /// One recurring task template by id — a global one or one of the tenant's own; null when
    /// there is none (another tenant's copy is none).
    async fn recurring_task_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
    ) -> Result<Option<RecurringTaskTemplate>> {
        Ok(lookup::<recurring_task_templates::Entity>(ctx, &id, false)
            .await?
            .filter(|row| row.deleted_on.is_none())
            .map(RecurringTaskTemplate::from))
    }
}
