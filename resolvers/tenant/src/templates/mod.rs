//! Templates, served by the tenant subgraph: activity templates (the pipelines the Activity
//! Planner spawns per deliverable type) and recurring task templates (standalone tasks on a
//! schedule).
//!
//! Both tables hold the platform's global rows (`tenant_id` NULL), readable by every tenant and
//! read-only to them, next to each tenant's copies. A tenant changes a global template by
//! customizing it: `customize…Template` copies it into the tenant (`source_template_id` set,
//! version 1), one live copy per source and tenant (a unique index); edits go to the copy and
//! bump its version. Copies are never updated from their source, so a change to a global
//! template never propagates. Copies are archived (soft-deleted) and switched on and off.
//!
//! One file per aggregate and side, as in [`crate::plan`]; the checks are pure functions
//! ([`steps`], [`variables`], [`cron`]).

mod activity_template_queries;
mod activity_template_type;
mod activity_templates;
pub mod cron;
mod enums;
mod recurring_template_queries;
mod recurring_template_type;
mod recurring_templates;
pub mod steps;
pub mod variables;

pub use activity_template_queries::ActivityTemplateFilter;
pub use activity_template_type::ActivityTemplate;
pub use enums::*;
pub use recurring_template_queries::RecurringTaskTemplateFilter;
pub use recurring_template_type::RecurringTaskTemplate;

use async_graphql::MergedObject;
use entities::tenant_scoped::TenantScoped;
use graph_core::db::{TenantId, TenantTx};
use graph_core::error::{ApiError, ApiResult, ConstraintMessages};
use graph_core::ids::parse_ref_id;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::SimpleExpr;

/// `(constraint, message)` for the constraints a client of templates can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[
    (
        "activity_templates_tenant_source_key",
        "this template was just customized by another request; read the tenant's copy",
    ),
    (
        "recurring_task_templates_tenant_source_key",
        "this template was just customized by another request; read the tenant's copy",
    ),
];

/// The rows of a [`TemplateScope`]: global (`tenant_id IS NULL`) or the tenant's own.
pub(crate) fn scope_condition<C: ColumnTrait>(
    tenant_column: C,
    tenant: TenantId,
    scope: TemplateScope,
) -> SimpleExpr {
    match scope {
        TemplateScope::Global => tenant_column.is_null(),
        TemplateScope::Tenant => tenant_column.eq(tenant.uuid()),
    }
}

/// The tenant's own live template `id`, locked for the change that follows: a global template
/// is `FORBIDDEN` with a message naming the mutation that customizes it, another tenant's or an
/// unknown id is `NOT_FOUND`.
pub(crate) async fn own_template<E>(
    tx: &TenantTx,
    what: &'static str,
    customize: &str,
    id: &async_graphql::ID,
    is_global: fn(&E::Model) -> bool,
) -> ApiResult<E::Model>
where
    E: TenantScoped,
{
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .select::<E>()
        .filter(E::ref_id_column().eq(ref_id.as_str()))
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound(what))?;
    if is_global(&row) {
        return Err(ApiError::Forbidden(format!(
            "global {what}s are read-only: customize it with `{customize}` and change the tenant's copy"
        )));
    }
    tx.select::<E>()
        .filter(E::ref_id_column().eq(ref_id.as_str()))
        .filter(E::tenant_column().is_not_null())
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound(what))
}

/// The version after `version` (`CONFLICT` at the column's limit, 32,767 edits).
pub(crate) fn next_version(version: i16) -> ApiResult<i16> {
    version.checked_add(1).ok_or_else(|| {
        ApiError::Conflict(
            "this template has reached its last version; customize the global template again"
                .to_owned(),
        )
    })
}

/// Queries of templates: activity and recurring task templates, lists and look-ups.
#[derive(MergedObject, Default)]
pub struct TemplatesQuery(
    activity_template_queries::ActivityTemplateQuery,
    recurring_template_queries::RecurringTaskTemplateQuery,
);

/// Mutations of templates: customizing global templates, changing, switching and archiving the
/// tenant's copies.
#[derive(MergedObject, Default)]
pub struct TemplatesMutation(
    activity_templates::ActivityTemplateMutation,
    recurring_templates::RecurringTaskTemplateMutation,
);
