//! The PostgreSQL schema of Leadmetrics Graph, as sea-orm migrations.
//!
//! Each migration is a pair of SQL files under `migration/sql/<name>/` (`up.sql`, `down.sql`),
//! compiled into the binary. SQL is the right language here: row-level-security policies,
//! partitions, composite foreign keys, grants and `COMMENT ON` have no builder equivalent, and
//! reviewers read the schema as the database will run it. Conventions: `migration/README.md`.

pub use sea_orm_migration::prelude::*;

mod sql_migration;

use sql_migration::SqlMigration;

/// Declares the migrations in order: name and the SQL files of its folder.
macro_rules! sql_migrations {
    ($($name:literal),* $(,)?) => {
        /// Every migration, oldest first: (name, up SQL, down SQL).
        pub const MIGRATIONS: &[(&str, &str, &str)] = &[
            $((
                $name,
                include_str!(concat!("../sql/", $name, "/up.sql")),
                include_str!(concat!("../sql/", $name, "/down.sql")),
            )),*
        ];
    };
}

sql_migrations!(
    "m20261122_000001_foundation",
    "m20261122_000002_identity_and_plan",
    "m20261122_000003_content",
    "m20261122_000004_ads_and_crm",
    "m20261122_000005_billing",
    "m20261122_000006_notifications",
    "m20261122_000007_operator_audit_log",
    "m20261130_000008_whale_indexes",
    "m20261130_000009_tenant_readers",
    "m20261130_000010_invitations_reveal_nothing",
    "m20261130_000011_approval_queue_and_events",
    "m20261130_000012_notification_lists",
    "m20261130_000013_approval_list_indexes",
    "m20261130_000014_channel_lists",
    "m20261130_000015_blog_lists",
    "m20261130_000017_report_campaign_email_lists",
    "m20261130_000018_integration_backlink_rag_lists",
    "m20261130_000016_social_lists",
    "m20261201_000019_tenant_life_cycle",
    "m20261201_000021_templates_agents_sessions",
    "m20261201_000022_llm_provider_lists",
);

/// Runs the migrations of [`MIGRATIONS`] against a database; used by the `migrate` binary, the
/// server's `migrate` command and the test harness.
pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        MIGRATIONS
            .iter()
            .map(|&(name, up, down)| {
                Box::new(SqlMigration { name, up, down }) as Box<dyn MigrationTrait>
            })
            .collect()
    }
}

/// A fingerprint of every migration's SQL. The test harness names its migrated template
/// database after it, so a changed migration gets a freshly migrated template automatically.
pub fn fingerprint() -> String {
    // FNV-1a: stable across Rust versions and platforms, unlike `DefaultHasher`.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, up, down) in MIGRATIONS {
        for byte in name.bytes().chain(up.bytes()).chain(down.bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}
