//! The `ActivityTemplate` type.

use crate::plan::DeliverableType;
use crate::templates::steps::{ActivityTemplateStep, steps_of};
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::activity_templates;
use graph_core::connection_type;
use graph_core::loaders::one;
use uuid::Uuid;

/// A pipeline definition for one deliverable type: the steps the Activity Planner spawns as
/// activities at the start of each deliverable period. Either one of the platform's global
/// templates (`isGlobal`: read-only to tenants, customize it to change it) or the tenant's own
/// copy of one (`sourceTemplate` set). A change to a global template never reaches copies.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct ActivityTemplate {
    /// Public id (ULID).
    pub id: ID,
    /// The deliverable type whose pipeline it defines.
    pub deliverable_type: DeliverableType,
    /// Display name ("Standard Blog Post Pipeline").
    pub name: String,
    /// The pipeline's steps, in order.
    pub steps: Vec<ActivityTemplateStep>,
    /// 1 when created or customized; incremented by every edit.
    pub version: i32,
    /// Whether the planner uses it.
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

impl From<activity_templates::Model> for ActivityTemplate {
    fn from(row: activity_templates::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            deliverable_type: row.deliverable_type.into(),
            name: row.name,
            steps: steps_of(&row.steps),
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
    ActivityTemplateConnection,
    ActivityTemplateEdge,
    ActivityTemplate
);

/// The template's relations, through the request's loaders.
#[ComplexObject]
impl ActivityTemplate {
    /// The global template this copy was customized from; null for a global template (and for
    /// a copy whose source the platform has since removed).
    async fn source_template(&self, ctx: &Context<'_>) -> Result<Option<ActivityTemplate>> {
        Ok(
            one::<activity_templates::Entity>(ctx, self.source_template_id)
                .await?
                .map(ActivityTemplate::from),
        )
    }
}
