//! `ActivityTemplateMutation`: customizing a global activity template into the tenant's copy,
//! changing the copy (its version goes up), switching it on and off, archiving it (admins
//! only). Global templates are read-only: a change to one is `FORBIDDEN` with a message naming
//! `customizeActivityTemplate`.

use crate::templates::activity_template_type::ActivityTemplate;
use crate::templates::steps::{ActivityTemplateStepInput, check_steps};
use crate::templates::{next_version, own_template};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::activity_templates;
use graph_core::access::{self, ADMINS};
use graph_core::error::ApiError;
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// What an activity template is called in errors.
const WHAT: &str = "activity template";
/// The mutation that makes a global template the tenant's own.
const CUSTOMIZE: &str = "customizeActivityTemplate";
/// A template's name (`varchar(255)`).
const NAME: Text = Text::new("name", 255);

/// Changes to the tenant's copy of an activity template; omitted fields keep their value. Any
/// change increments the version.
#[derive(InputObject)]
pub struct UpdateActivityTemplateInput {
    /// New display name, 1–255 characters.
    pub name: Option<String>,
    /// The new pipeline, replacing every step (1–50 steps; see `ActivityTemplateStepInput`).
    pub steps: Option<Vec<ActivityTemplateStepInput>>,
}

fn is_global(row: &activity_templates::Model) -> bool {
    row.tenant_id.is_none()
}

/// The activity template part of the templates `Mutation`.
#[derive(Default)]
pub struct ActivityTemplateMutation;

/// Changes to the tenant's activity templates.
#[Object]
impl ActivityTemplateMutation {
    /// Makes a global activity template the tenant's own (admins only): a copy with the same
    /// deliverable type, name and steps, `sourceTemplate` set, version 1. The tenant has at
    /// most one live copy of each global template: customizing one again returns the existing
    /// copy unchanged (and the id of a copy returns that copy). Later changes to the global
    /// template never reach the copy.
    #[tracing::instrument(skip_all)]
    async fn customize_activity_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global template to customize.")] id: ID,
    ) -> Result<ActivityTemplate> {
        use activity_templates::Column as C;
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let source = tx
            .find_by_ref::<activity_templates::Entity>(WHAT, &ref_id)
            .await?;
        if source.tenant_id.is_some() {
            tx.commit().await?;
            return Ok(ActivityTemplate::from(source));
        }
        let existing = tx
            .select::<activity_templates::Entity>()
            .filter(C::SourceTemplateId.eq(source.id))
            .filter(C::TenantId.is_not_null())
            .one(&tx)
            .await?;
        let row = match existing {
            Some(copy) => copy,
            None => {
                tx.insert(activity_templates::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    deliverable_type: Set(source.deliverable_type.clone()),
                    name: Set(source.name.clone()),
                    source_template_id: Set(Some(source.id)),
                    steps: Set(source.steps.clone()),
                    version: Set(1),
                    is_active: Set(source.is_active),
                    ..Default::default()
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(template = %row.ref_id, source = %source.ref_id, "activity template customized");
        Ok(ActivityTemplate::from(row))
    }

    /// Changes the tenant's copy of an activity template (admins only) and increments its
    /// version. A global template is `FORBIDDEN` (customize it first); another tenant's is
    /// `NOT_FOUND`. Steps are checked as a whole (keys, agent roles, dependencies).
    #[tracing::instrument(skip_all)]
    async fn update_activity_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateActivityTemplateInput,
    ) -> Result<ActivityTemplate> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let steps = input.steps.as_deref().map(check_steps).transpose()?;
        if name.is_none() && steps.is_none() {
            return Err(ApiError::bad_input("input", "give `name` or `steps` to change").into());
        }
        let tx = access::begin(ctx, session).await?;
        let row = own_template::<activity_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
            .await?;
        let changes = activity_templates::ActiveModel {
            name: name.map_or(NotSet, Set),
            steps: steps.map_or(NotSet, Set),
            version: Set(next_version(row.version)?),
            ..Default::default()
        };
        let row = tx.update_by_id(WHAT, row.id, changes).await?;
        tx.commit().await?;
        Ok(ActivityTemplate::from(row))
    }

    /// Switches the tenant's copy of an activity template on or off (admins only): the planner
    /// only uses active templates. The version does not change. A global template is
    /// `FORBIDDEN`; another tenant's is `NOT_FOUND`.
    #[tracing::instrument(skip_all)]
    async fn set_activity_template_active(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
        #[graphql(desc = "Whether the planner uses it.")] active: bool,
    ) -> Result<ActivityTemplate> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = own_template::<activity_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
            .await?;
        let row = if row.is_active == active {
            row
        } else {
            let changes = activity_templates::ActiveModel {
                is_active: Set(active),
                ..Default::default()
            };
            tx.update_by_id(WHAT, row.id, changes).await?
        };
        tx.commit().await?;
        Ok(ActivityTemplate::from(row))
    }

    /// Archives the tenant's copy of an activity template (admins only): it is no longer
    /// listed or used, and customizing its global template again makes a fresh copy. A global
    /// template is `FORBIDDEN`; another tenant's is `NOT_FOUND`. Returns the archived
    /// template's id.
    #[tracing::instrument(skip_all)]
    async fn archive_activity_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The tenant's template.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = own_template::<activity_templates::Entity>(&tx, WHAT, CUSTOMIZE, &id, is_global)
            .await?;
        tx.soft_delete::<activity_templates::Entity, _>(
            WHAT,
            row.id,
            activity_templates::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}
