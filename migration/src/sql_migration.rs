//! A migration whose steps are plain SQL files.

use sea_orm_migration::prelude::*;

/// One migration: its name and the SQL that applies and reverts it.
pub(crate) struct SqlMigration {
    /// The folder name under `migration/sql/`, recorded in `seaql_migrations`.
    pub(crate) name: &'static str,
    /// The SQL that applies the migration.
    pub(crate) up: &'static str,
    /// The SQL that reverts it completely.
    pub(crate) down: &'static str,
}

impl MigrationName for SqlMigration {
    fn name(&self) -> &str {
        self.name
    }
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for SqlMigration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(self.up)
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(self.down)
            .await
            .map(|_| ())
    }
}
