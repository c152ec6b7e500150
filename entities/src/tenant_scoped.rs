//! Hand-written: which entities are tenant-scoped, and how to find their tenant, public id and
//! soft-delete columns generically. The resolvers' one query path (`TenantTx::select`) is built on
//! this trait, so every tenant-scoped read filters by tenant in the query itself — row-level
//! security in the database is the second, independent layer.
//!
//! A catalog-driven test (`every_tenant_scoped_table_has_a_tenant_scoped_entity`) fails when a
//! tenant-scoped table is missing here.

use crate::generated::*;
use sea_orm::EntityTrait;

/// An entity whose rows belong to a tenant (`tenant_id`), addressed publicly by `ref_id`.
pub trait TenantScoped: EntityTrait {
    /// The table also holds global rows (`tenant_id IS NULL`) that every tenant may read.
    const HAS_GLOBAL_ROWS: bool;
    /// The table name, for logs and error messages.
    const TABLE: &'static str;
    /// `tenant_id`.
    fn tenant_column() -> Self::Column;
    /// `id`, the internal primary key.
    fn id_column() -> Self::Column;
    /// `ref_id`, the public id and pagination cursor.
    fn ref_id_column() -> Self::Column;
    /// `deleted_on`, when rows are soft-deleted.
    fn deleted_on_column() -> Option<Self::Column>;
}

/// How a table was declared below, so a test can compare it with the database catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopedTable {
    /// The table name.
    pub name: &'static str,
    /// Declared `global`: the table also holds rows with `tenant_id IS NULL`.
    pub global_rows: bool,
    /// Declared `soft_delete`: the table has `deleted_on` and lists hide deleted rows.
    pub soft_delete: bool,
}

macro_rules! tenant_scoped {
    (@global global) => { true };
    (@global tenant) => { false };
    (@deleted $module:ident soft_delete) => { Some($module::Column::DeletedOn) };
    (@deleted $module:ident hard) => { None };
    (@deleted_flag soft_delete) => { true };
    (@deleted_flag hard) => { false };
    ($($module:ident: $kind:ident, $delete:ident;)*) => {
        $(
            impl TenantScoped for $module::Entity {
                const HAS_GLOBAL_ROWS: bool = tenant_scoped!(@global $kind);
                const TABLE: &'static str = stringify!($module);
                fn tenant_column() -> Self::Column {
                    $module::Column::TenantId
                }
                fn id_column() -> Self::Column {
                    $module::Column::Id
                }
                fn ref_id_column() -> Self::Column {
                    $module::Column::RefId
                }
                fn deleted_on_column() -> Option<Self::Column> {
                    tenant_scoped!(@deleted $module $delete)
                }
            }
        )*

        /// Every tenant-scoped table that has an entity here, as declared, for the catalog test.
        pub const TENANT_SCOPED_TABLES: &[ScopedTable] = &[$(ScopedTable {
            name: stringify!($module),
            global_rows: tenant_scoped!(@global $kind),
            soft_delete: tenant_scoped!(@deleted_flag $delete),
        }),*];
    };
}

tenant_scoped! {
    activities: tenant, soft_delete;
    activity_runs: tenant, hard;
    activity_templates: global, soft_delete;
    ad_campaigns: tenant, hard;
    ad_keywords: tenant, hard;
    ad_optimization_recommendations: tenant, hard;
    agent_configs: tenant, hard;
    api_keys: tenant, hard;
    approvals: tenant, hard;
    backlinks: tenant, soft_delete;
    billing_events: tenant, hard;
    blog_posts: tenant, soft_delete;
    blog_requests: tenant, soft_delete;
    campaigns: tenant, soft_delete;
    channel_scores: tenant, hard;
    channels: tenant, soft_delete;
    contracts: tenant, hard;
    credit_balances: tenant, hard;
    credit_ledger: tenant, hard;
    credit_topup_orders: tenant, hard;
    deliverable_periods: tenant, hard;
    deliverables: tenant, soft_delete;
    email_templates: global, soft_delete;
    goals: tenant, soft_delete;
    integrations: tenant, hard;
    lead_activities: tenant, hard;
    leads: tenant, soft_delete;
    llm_calls: tenant, hard;
    llm_providers: global, soft_delete;
    notification_dispatch_log: tenant, hard;
    notification_providers: tenant, hard;
    notifications: tenant, hard;
    onboarding_runs: tenant, hard;
    operator_audit_log: tenant, hard;
    rag_crawl_jobs: tenant, hard;
    rag_datasets: tenant, soft_delete;
    rag_files: tenant, soft_delete;
    recurring_task_templates: global, soft_delete;
    reports: tenant, soft_delete;
    search_term_classifications: tenant, hard;
    search_term_reports: tenant, hard;
    sessions: tenant, hard;
    social_media_requests: tenant, soft_delete;
    social_posts: tenant, soft_delete;
    strategies: tenant, hard;
    tool_calls: tenant, hard;
    users: tenant, soft_delete;
}
