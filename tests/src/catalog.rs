//! Questions asked of the PostgreSQL catalog, so tests cover every table that exists — a new
//! table is checked the moment its migration lands, without anyone listing it in a test.

use crate::{get, query_all};
use sea_orm::ConnectionTrait;

/// The tables the spec defines plus `campaigns` and `api_keys` (48), and `operator_audit_log`.
pub const EXPECTED_TABLES: [&str; 49] = [
    "activities",
    "activity_runs",
    "activity_templates",
    "ad_campaigns",
    "ad_keywords",
    "ad_optimization_recommendations",
    "agent_configs",
    "api_keys",
    "approvals",
    "backlinks",
    "billing_events",
    "blog_posts",
    "blog_requests",
    "campaigns",
    "channel_scores",
    "channels",
    "contracts",
    "credit_balances",
    "credit_ledger",
    "credit_topup_orders",
    "deliverable_periods",
    "deliverables",
    "email_templates",
    "goals",
    "integrations",
    "lead_activities",
    "leads",
    "llm_calls",
    "llm_providers",
    "notification_dispatch_log",
    "notification_providers",
    "notifications",
    "onboarding_runs",
    "operator_audit_log",
    "rag_crawl_jobs",
    "rag_datasets",
    "rag_files",
    "recurring_task_templates",
    "registration_sessions",
    "reports",
    "search_term_classifications",
    "search_term_reports",
    "sessions",
    "social_media_requests",
    "social_posts",
    "strategies",
    "tenants",
    "tool_calls",
    "users",
];

/// Tables whose history must never be rewritten: no UPDATE or DELETE for the application.
pub const IMMUTABLE_TABLES: [&str; 6] = [
    "activity_runs",
    "llm_calls",
    "credit_ledger",
    "notification_dispatch_log",
    "billing_events",
    "tool_calls",
];

/// Application tables in `public`: ordinary and partitioned tables, not partitions, not the
/// migration bookkeeping table.
pub async fn application_tables(connection: &impl ConnectionTrait) -> Vec<String> {
    names(
        connection,
        "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND c.relname <> 'seaql_migrations'
         ORDER BY 1",
    )
    .await
}

/// Application tables with a `tenant_id` column: every one of them must be tenant-isolated.
pub async fn tenant_scoped_tables(connection: &impl ConnectionTrait) -> Vec<String> {
    names(
        connection,
        "SELECT c.relname::text AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY 1",
    )
    .await
}

/// Tenant-scoped tables whose `tenant_id` may be NULL: they also hold global (platform) rows.
pub async fn global_row_tables(connection: &impl ConnectionTrait) -> Vec<String> {
    names(
        connection,
        "SELECT c.relname::text AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attnotnull
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY 1",
    )
    .await
}

/// Partitions of partitioned tables (e.g. the monthly `llm_calls_y2026m11`).
pub async fn partitions(connection: &impl ConnectionTrait) -> Vec<String> {
    names(
        connection,
        "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relispartition ORDER BY 1",
    )
    .await
}

/// The insertable columns of a table (not generated), in order, as a comma-separated list.
pub async fn insertable_columns(connection: &impl ConnectionTrait, table: &str) -> Vec<String> {
    let rows = query_all(
        connection,
        "SELECT a.attname::text AS name FROM pg_attribute a
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
         ORDER BY a.attnum",
        [table.into()],
    )
    .await;
    rows.iter().map(|row| get::<String>(row, "name")).collect()
}

async fn names(connection: &impl ConnectionTrait, sql: &str) -> Vec<String> {
    query_all(connection, sql, [])
        .await
        .iter()
        .map(|row| get::<String>(row, "name"))
        .collect()
}
