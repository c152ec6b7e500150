//! Rows in every tenant-scoped table for a tenant, so isolation tests can check every table.
//!
//! `tests/fixtures/tenant_rows.sql` inserts one row per tenant-scoped table for the tenant
//! `{{tenant}}`, with deterministic ids: the row of table `t` has id `md5('<tenant>:t')::uuid`,
//! so tests can name another tenant's row. `tests/fixtures/global_rows.sql` inserts the platform's
//! global rows (templates and providers with tenant_id NULL). A new tenant-scoped table must
//! get a row in the fixture: the isolation tests fail for a table with no rows.

use crate::exec;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

const TENANT_ROWS: &str = include_str!("../fixtures/tenant_rows.sql");
const GLOBAL_ROWS: &str = include_str!("../fixtures/global_rows.sql");

/// The id the fixture gives the row of `table` for `tenant`.
pub fn fixture_id(tenant: Uuid, table: &str) -> String {
    format!("md5('{tenant}:{table}')::uuid")
}

/// Inserts a tenant (with a row in every tenant-scoped table) through `connection`, which must
/// be allowed to write every table (the owner or `app_platform`).
pub async fn seed_tenant(connection: &impl ConnectionTrait, tenant: Uuid) {
    exec(
        connection,
        &TENANT_ROWS.replace("{{tenant}}", &tenant.to_string()),
    )
    .await;
}

/// Inserts the global rows (templates and providers every tenant may read).
pub async fn seed_global_rows(connection: &impl ConnectionTrait) {
    exec(connection, GLOBAL_ROWS).await;
}

/// Two tenants with rows everywhere, plus the global rows.
pub async fn seed_two_tenants(connection: &impl ConnectionTrait) -> (Uuid, Uuid) {
    let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
    seed_global_rows(connection).await;
    seed_tenant(connection, a).await;
    seed_tenant(connection, b).await;
    (a, b)
}
