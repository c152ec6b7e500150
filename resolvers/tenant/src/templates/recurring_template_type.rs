//! The `RecurringTaskTemplate` type.

use crate::plan::AssigneeType;
use crate::templates::enums::{
    RecurringTaskHumanRole, RecurringTaskPeriodicity, RecurringTaskTrigger,
};
use crate::templates::variables::{TemplateVariable, variables_of};
use async_graphql::{ComplexObject, Context, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::recurring_task_templates;
use graph_core::connection_type;
use graph_core::loaders::one;
use uuid::Uuid;

/// A standalone task that recurs on a schedule, outside any deliverable pipeline ("Update the
/// Google Business Profile listing"). Either one of the platform's global templates
/// (`isGlobal`: read-only to tenants, customize it to change it) or the tenant's own copy of one
/// (`sourceTemplate` set), where the tenant fills in the template's `variables`. A change to a
/// global template never reaches copies.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct RecurringTaskTemplate {
    /// Public id (ULID).
    pub id: ID,
    /// Display name.
    pub name: String,
    /// What to do and why.
    pub description: Option<String>,
    /// Whether an agent or a person does it.
    pub assignee_type: AssigneeType,
    /// For an agent task: the agent role that does it.
    pub agent_role: Option<String>,
    /// For a human task: which people it goes to (null: anyone of the tenant).
    pub human_role: Option<RecurringTaskHumanRole>,
    /// How often it comes back.
    pub periodicity: RecurringTaskPeriodicity,
    /// What starts it.
    pub trigger: RecurringTaskTrigger,
    /// Its schedule (five-field cron) when `trigger` is `CRON`; null otherwise.
    pub cron_expression: Option<String>,
    /// The task's instructions, with `{{key}}` placeholders of its variables.
    pub prompt_template: Option<String>,
    /// The variables its placeholders use, which a tenant fills in on its copy.
    pub variables: Vec<TemplateVariable>,
    /// The tenant's values of the variables (a JSON object by key); null on global templates.
    pub variable_values: Option<Json<serde_json::Value>>,
    /// 1 when created or customized; incremented by every edit.
    pub version: i32,
    /// Whether it runs (a tenant can switch off its copy).
    pub is_active: bool,
    /// Whether it is one of the platform's global templates (read-only to tenants).
    pub is_global: bool,
    /// When it was created (for a copy: when it was customized).
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// The internal id of the global template it was copied from.
    #[graphql(skip)]
    pub(crate) source_template_id: Option<Uuid>,
}

impl From<recurring_task_templates::Model> for RecurringTaskTemplate {
    fn from(row: recurring_task_templates::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            name: row.name,
            description: row.description,
            assignee_type: row.assignee_type.into(),
            agent_role: row.agent_role,
            human_role: row.human_role.map(Into::into),
            periodicity: row.periodicity.into(),
            trigger: row.trigger.into(),
            cron_expression: row.cron_expression,
            prompt_template: row.prompt_template,
            variables: variables_of(&row.variables),
            variable_values: row.variable_values.map(Json),
            version: i32::from(row.version),
            is_active: row.is_active,
            is_global: row.tenant_id.is_none(),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            source_template_id: row.source_template_id,
        }
    }
}

connection_type!(
    RecurringTaskTemplateConnection,
    RecurringTaskTemplateEdge,
    RecurringTaskTemplate
);

/// The template's relations, through the request's loaders.
#[ComplexObject]
impl RecurringTaskTemplate {
    /// The global template this copy was customized from; null for a global template (and for
    /// a copy whose source the platform has since removed).
    async fn source_template(&self, ctx: &Context<'_>) -> Result<Option<RecurringTaskTemplate>> {
        Ok(
            one::<recurring_task_templates::Entity>(ctx, self.source_template_id)
                .await?
                .map(RecurringTaskTemplate::from),
        )
    }
}
