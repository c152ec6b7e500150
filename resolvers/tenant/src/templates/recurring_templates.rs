//! `RecurringTaskTemplateMutation`: customizing a global recurring task template into the
//! tenant's copy, changing the copy (its version goes up), switching it on and off, archiving it
//! (admins only). Global templates are read-only: a change to one is `FORBIDDEN` with a message
//! naming `customizeRecurringTaskTemplate`.
//!
//! The checks of a change run on the row as it would be after it: the trigger and the cron
//! expression go together (`CRON` ⇔ an expression, also a database constraint), the assignee is
//! an agent role of the platform or people, and the variable values fit the template's variables
//! — with every required one given while the copy is active.

use crate::plan::AssigneeType;
use crate::templates::cron;
use crate::templates::enums::{
    RecurringTaskHumanRole, RecurringTaskPeriodicity, RecurringTaskTrigger,
};
use crate::templates::recurring_template_type::RecurringTaskTemplate;
use crate::templates::variables::{check_values, variables_of};
use crate::templates::{next_version, own_template};
use async_graphql::{Context, ID, InputObject, Json, MaybeUndefined, Object, Result};
use entities::recurring_task_templates;
use entities::sea_orm_active_enums as db;
use graph_core::access::{self, ADMINS};
use graph_core::agents::{AGENT_ROLES, is_agent_role};
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// What a recurring task template is called in errors.
const WHAT: &str = "recurring task template";
/// The mutation that makes a global template the tenant's own.
const CUSTOMIZE: &str = "customizeRecurringTaskTemplate";
/// A template's name (`varchar(255)`).
const NAME: Text = Text::new("name", 255);
/// Its description (`text`, bounded here).
const DESCRIPTION: Text = Text::new("description", 5_000);
/// Its prompt (`text`, bounded here).
const PROMPT_TEMPLATE: Text = Text::new("promptTemplate", 20_000);

/// Who does a recurring task.
#[derive(InputObject, Clone, Debug)]
pub struct RecurringTaskAssigneeInput {
    /// Agent or human.
    pub r#type: AssigneeType,
    /// For an agent (required): one of the platform's agent roles. Must be omitted for a human.
    pub agent_role: Option<String>,
    /// For a human: which people (omit for anyone of the tenant). Must be omitted for an agent.
    pub human_role: Option<RecurringTaskHumanRole>,
}

/// Changes to the tenant's copy of a recurring task template; omitted fields keep their value.
/// Any change increments the version.
#[derive(InputObject)]
pub struct UpdateRecurringTaskTemplateInput {
    /// New display name, 1–255 characters.
    pub name: Option<String>,
    /// New description (at most 5,000 characters); null removes it.
    pub description: MaybeUndefined<String>,
    /// Who does it.
    pub assignee: Option<RecurringTaskAssigneeInput>,
    /// How often it comes back.
    pub periodicity: Option<RecurringTaskPeriodicity>,
    /// What starts it. Changing away from `CRON` drops the cron expression.
    pub trigger: Option<RecurringTaskTrigger>,
    /// The schedule, five-field cron (`minute hour day-of-month month day-of-week`, e.g.
    /// `0 9 * * MON`); required when the trigger is `CRON`, refused otherwise.
    pub cron_expression: MaybeUndefined<String>,
    /// New instructions with `{{key}}` placeholders (at most 20,000 characters); null removes
    /// them.
    pub prompt_template: MaybeUndefined<String>,
    /// The values of the template's variables, replacing the stored ones: a JSON object by
    /// variable key, each value of its variable's type (`TEXT`: a string; `NUMBER`: a number;
    /// `BOOLEAN`: true or false; `URL`: an http(s) URL; `EMAIL`: an address). Unknown keys are
    /// refused; while the template is active, every required variable needs a value.
    pub variable_values: Option<Json<serde_json::Value>>,
}

/// The assignee columns: type, agent role, human role.
type Assignee = (
    db::AssigneeType,
    Option<String>,
    Option<db::RecurringTaskTemplateHumanRole>,
);

fn assignee(input: &RecurringTaskAssigneeInput) -> ApiResult<Assignee> {
    match input.r#type {
        AssigneeType::Agent => {
            if input.human_role.is_some() {
                return Err(ApiError::bad_input(
                    "assignee.humanRole",
                    "an agent assignee has no `humanRole`",
                ));
            }
            match input.agent_role.as_deref() {
                Some(role) if is_agent_role(role) => {
                    Ok((db::AssigneeType::Agent, Some(role.to_owned()), None))
                }
                _ => Err(ApiError::bad_input(
                    "assignee.agentRole",
                    format!(
                        "an agent assignee needs an agent role, one of: {}",
                        AGENT_ROLES.join(", ")
                    ),
                )),
            }
        }
        AssigneeType::Human => {
            if input.agent_role.is_some() {
                return Err(ApiError::bad_input(
                    "assignee.agentRole",
                    "a human assignee has no `agentRole`",
                ));
            }
            Ok((
                db::AssigneeType::Human,
                None,
                input.human_role.map(Into::into),
            ))
        }
    }
}

/// The cron expression after a change: given (checked), removed, or kept — dropped when the
/// trigger is no longer `CRON`; then `CRON` ⇔ an expression.
fn merged_cron(
    trigger: &db::RecurringTaskTemplateTrigger,
    given: &MaybeUndefined<String>,
    stored: Option<String>,
) -> ApiResult<Option<String>> {
    let is_cron = *trigger == db::RecurringTaskTemplateTrigger::Cron;
    let cron = match given {
        MaybeUndefined::Value(expression) => Some(cron::check(expression)?),
        MaybeUndefined::Null => None,
        MaybeUndefined::Undefined if is_cron => stored,
        MaybeUndefined::Undefined => None,
    };
    match (is_cron, &cron) {
        (true, None) => Err(ApiError::bad_input(
            "cronExpression",
            "a `CRON` trigger needs a `cronExpression`",
        )),
        (false, Some(_)) => Err(ApiError::bad_input(
            "cronExpression",
            "only a `CRON` trigger takes a `cronExpression`",
        )),
        _ => Ok(cron),
    }
}

fn optional(text: &Text, value: &MaybeUndefined<String>) -> ApiResult<Option<Option<String>>> {
    match value {
        MaybeUndefined::Undefined => Ok(None),
        MaybeUndefined::Null => Ok(Some(None)),
        MaybeUndefined::Value(value) => Ok(Some(text.optional(Some(value))?)),
    }
}

fn is_global(row: &recurring_task_templates::Model) -> bool {
    row.tenant_id.is_none()
}

/// The recurring task template part of the templates `Mutation`.
#[derive(Default)]
pub struct RecurringTaskTemplateMutation;

/// Changes to the tenant's recurring task templates.
#[Object]
impl RecurringTaskTemplateMutation {
    /// Makes a global recurring task template the tenant's own (admins only): a copy of every
    /// field, `sourceTemplate` set, version 1, no variable values yet — active only when the
    /// global template is and has no required variable (fill them in with
    /// `updateRecurringTaskTemplate`, then switch it on). The tenant has at most one live copy of
    /// each global template: customizing one again returns the existing copy unchanged (and the
    /// id of a copy returns that copy). Later changes to the global template never reach the
    /// copy.
    #[tracing::instrument(skip_all)]
    async fn customize_recurring_task_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global template to customize.")] id: ID,
    ) -> Result<RecurringTaskTemplate> {
        use recurring_task_templates::Column as C;
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let source = tx
            .find_by_ref::<recurring_task_templates::Entity>(WHAT, &ref_id)
            .await?;
        if source.tenant_id.is_some() {
            tx.commit().await?;
            return Ok(RecurringTaskTemplate::from(source));
        }
        let existing = tx
            .select::<recurring_task_templates::Entity>()
            .filter(C::SourceTemplateId.eq(source.id))
            .filter(C::TenantId.is_not_null())
            .one(&tx)
            .await?;
        let row = match existing {
            Some(copy) => copy,
            None => {
                let needs_values = variables_of(&source.variables)
                    .iter()
                    .any(|variable| variable.required);
                tx.insert(recurring_task_templates::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    source_template_id: Set(Some(source.id)),
                    name: Set(source.name.clone()),
                    description: Set(source.description.clone()),
                    assignee_type: Set(source.assignee_type.clone()),
                    agent_role: Set(source.agent_role.clone()),
                    human_role: Set(source.human_role.clone()),
                    periodicity: Set(source.periodicity.clone()),
                    trigger: Set(source.trigger.clone()),
                    cron_expression: Set(source.cron_expression.clone()),
                    prompt_template: Set(source.prompt_template.clone()),
                    variables: Set(source.variables.clone()),
                    variable_values: Set(Some(serde_json::json!({}))),
                    version: Set(1),
                    is_active: Set(source.is_active && !needs_values),
                    ..Default::default()
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(template = %row.ref_id, source = %source.ref_id, "recurring task template customized");
        Ok(RecurringTaskTemplate::from(row))
    }

    /// Changes the tenant's copy of a recurring task template (admins only) and increments its
    /// version. A global template is `FORBIDDEN` (customize it first); another tenant's is
    /// `NOT_FOUND`. The result is checked as a whole: `CRON` ⇔ a valid cron expression, an
    /// agent role of the platform for an agent, variable values that fit the variables.
    #[tracing::instrument(skip_all)]
    async fn update_recurring_task_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateRecurringTaskTemplateInput,
    ) -> Result<RecurringTaskTemplate> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let description = optional(&DESCRIPTION, &input.description)?;
        let prompt_template = optional(&PROMPT_TEMPLATE, &input.prompt_template)?;
        let assignee = input.assignee.as_ref().map(assignee).transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row =
            own_template::<recurring_task_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
                .await?;
        let trigger = input.trigger.map_or_else(
            || row.trigger.clone(),
            db::RecurringTaskTemplateTrigger::from,
        );
        let cron_expression = merged_cron(
            &trigger,
            &input.cron_expression,
            row.cron_expression.clone(),
        )?;
        let variable_values = input
            .variable_values
            .as_ref()
            .map(|values| check_values(&variables_of(&row.variables), &values.0, row.is_active))
            .transpose()?;
        let (assignee_type, agent_role, human_role) = match assignee {
            Some((kind, agent, human)) => (Set(kind), Set(agent), Set(human)),
            None => (NotSet, NotSet, NotSet),
        };
        let changes = recurring_task_templates::ActiveModel {
            name: name.map_or(NotSet, Set),
            description: description.map_or(NotSet, Set),
            assignee_type,
            agent_role,
            human_role,
            periodicity: input
                .periodicity
                .map_or(NotSet, |periodicity| Set(periodicity.into())),
            trigger: Set(trigger),
            cron_expression: Set(cron_expression),
            prompt_template: prompt_template.map_or(NotSet, Set),
            variable_values: variable_values.map_or(NotSet, |values| Set(Some(values))),
            version: Set(next_version(row.version)?),
            ..Default::default()
        };
        let row = tx.update_by_id(WHAT, row.id, changes).await?;
        tx.commit().await?;
        Ok(RecurringTaskTemplate::from(row))
    }

    /// Switches the tenant's copy of a recurring task template on or off (admins only); on
    /// needs a value for every required variable (`BAD_USER_INPUT` on `variableValues` naming
    /// the missing ones). The version does not change. A global template is `FORBIDDEN`;
    /// another tenant's is `NOT_FOUND`.
    #[tracing::instrument(skip_all)]
    async fn set_recurring_task_template_active(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
        #[graphql(desc = "Whether it runs.")] active: bool,
    ) -> Result<RecurringTaskTemplate> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row =
            own_template::<recurring_task_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
                .await?;
        if active {
            let values = row
                .variable_values
                .clone()
                .unwrap_or_else(|| serde_json::json!({}));
            check_values(&variables_of(&row.variables), &values, true)?;
        }
        let row = if row.is_active == active {
            row
        } else {
            let changes = recurring_task_templates::ActiveModel {
                is_active: Set(active),
                ..Default::default()
            };
            tx.update_by_id(WHAT, row.id, changes).await?
        };
        tx.commit().await?;
        Ok(RecurringTaskTemplate::from(row))
    }

    /// Archives the tenant's copy of a recurring task template (admins only): it no longer
    /// runs or is listed, and customizing its global template again makes a fresh copy. A
    /// global template is `FORBIDDEN`; another tenant's is `NOT_FOUND`. Returns the archived
    /// template's id.
    #[tracing::instrument(skip_all)]
    async fn archive_recurring_task_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row =
            own_template::<recurring_task_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
                .await?;
        tx.soft_delete::<recurring_task_templates::Entity, _>(
            WHAT,
            row.id,
            recurring_task_templates::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trigger_and_the_cron_expression_go_together() {
        use db::RecurringTaskTemplateTrigger as T;
        let stored = Some("0 9 * * MON".to_owned());
        let given = MaybeUndefined::Value("*/5 * * * *".to_owned());
        assert_eq!(
            merged_cron(&T::Cron, &given, None)
                .ok()
                .flatten()
                .as_deref(),
            Some("*/5 * * * *")
        );
        assert!(
            merged_cron(&T::Cron, &MaybeUndefined::Undefined, stored.clone())
                .is_ok_and(|c| c == stored)
        );
        assert!(merged_cron(&T::Cron, &MaybeUndefined::Undefined, None).is_err());
        assert!(merged_cron(&T::Cron, &MaybeUndefined::Null, stored.clone()).is_err());
        assert!(merged_cron(&T::Manual, &given, None).is_err());
        assert!(
            merged_cron(&T::Manual, &MaybeUndefined::Undefined, stored).is_ok_and(|c| c.is_none())
        );
        assert!(
            merged_cron(
                &T::Cron,
                &MaybeUndefined::Value("61 * * * *".to_owned()),
                None
            )
            .is_err()
        );
    }

    #[test]
    fn assignees_are_an_agent_role_or_people() {
        let agent = |role: Option<&str>| RecurringTaskAssigneeInput {
            r#type: AssigneeType::Agent,
            agent_role: role.map(str::to_owned),
            human_role: None,
        };
        assert!(assignee(&agent(Some("seo_specialist"))).is_ok());
        assert!(assignee(&agent(Some("poet"))).is_err());
        assert!(assignee(&agent(None)).is_err());
        let human = RecurringTaskAssigneeInput {
            r#type: AssigneeType::Human,
            agent_role: None,
            human_role: Some(RecurringTaskHumanRole::Admin),
        };
        assert!(assignee(&human).is_ok());
        assert!(
            assignee(&RecurringTaskAssigneeInput {
                agent_role: Some("copywriter".into()),
                ..human
            })
            .is_err()
        );
    }
}
