//! `rotate-keys`: re-encrypts every stored secret under the key ring's newest key.
//!
//! The procedure (also in the CLI's help and `docs/decisions/providers.md`):
//!
//! 1. generate a key and **prepend** it to `ENCRYPTION_KEYS` (`new:…,old:…`) on every server
//!    and restart them: new secrets are sealed under the new key, old ones still decrypt;
//! 2. run `leadmetrics-graph rotate-keys` with that same ring (servers keep serving);
//! 3. once it reports nothing left under an old key, **drop** the old key from the ring.
//!
//! How it stays safe:
//!
//! - **verify first**: every value of every column of [`SecretColumn::ALL`], of every tenant and
//!   the global rows, is decrypted before anything is written. If any cannot be, the rotation
//!   refuses ([`RotationError::Undecryptable`]) and changes nothing: it names the table, the
//!   column, how many values and the first rows' public ids, never a value;
//! - **batches**: rows are walked by keyset on `id`, each batch in its own transaction, so no
//!   lock is held for long and a large table does not become one huge transaction;
//! - **compare-and-swap**: each value is written with `UPDATE … SET col = $new WHERE id = $id
//!   AND col = $old`. A request that rewrote the value meanwhile has already sealed it under the
//!   newest key (servers run the same ring), so the rotation leaves it alone and counts it as
//!   changed concurrently;
//! - **resumable**: only values that are not under the newest key are touched, so a second run
//!   (after an interruption, or to confirm) has nothing left to do;
//! - the old key stays in the ring until the operator drops it, so old ciphertexts stay readable
//!   for the whole run.
//!
//! It runs on the platform role (the only role that sees every tenant's rows), on a connection
//! the caller opens (the CLI: `DATABASE_PLATFORM_URL`).

use crate::crypto::KeyRing;
use crate::secrets::{RowKey, SecretColumn};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, QueryResult, Statement, TransactionTrait,
};
use std::fmt;
use uuid::Uuid;

/// Rows read per statement (and written per transaction) unless told otherwise.
pub const DEFAULT_BATCH_SIZE: u64 = 500;
/// Largest batch accepted.
pub const MAX_BATCH_SIZE: u64 = 10_000;
/// How many public ids of undecryptable rows a refusal names per column.
const NAMED_ROWS: usize = 10;

/// How to run a rotation.
#[derive(Debug, Clone, Copy)]
pub struct RotationOptions {
    /// Rows per batch (1 to [`MAX_BATCH_SIZE`]).
    pub batch_size: u64,
    /// Verify and count only; write nothing.
    pub dry_run: bool,
}

impl Default for RotationOptions {
    fn default() -> Self {
        Self {
            batch_size: DEFAULT_BATCH_SIZE,
            dry_run: false,
        }
    }
}

/// What a rotation did to one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnReport {
    /// The column.
    pub column: SecretColumn,
    /// Values re-encrypted under the newest key (in a dry run: that would be).
    pub rotated: u64,
    /// Values already under the newest key.
    pub already_current: u64,
    /// Values rewritten by a request between the read and the write (already under the newest
    /// key: left alone).
    pub changed_concurrently: u64,
}

/// What a rotation did, column by column in [`SecretColumn::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotationReport {
    /// The key everything is now under.
    pub current_kid: String,
    /// Whether nothing was written.
    pub dry_run: bool,
    /// One entry per column.
    pub columns: Vec<ColumnReport>,
}

impl RotationReport {
    /// Values re-encrypted, over every column.
    pub fn rotated(&self) -> u64 {
        self.columns.iter().map(|column| column.rotated).sum()
    }
}

impl fmt::Display for RotationReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.dry_run { "to rotate" } else { "rotated" };
        writeln!(f, "newest key: {}", self.current_kid)?;
        for column in &self.columns {
            writeln!(
                f,
                "{}.{}: {verb} {}, already current {}, changed concurrently {}",
                column.column.table(),
                column.column.column(),
                column.rotated,
                column.already_current,
                column.changed_concurrently
            )?;
        }
        if self.rotated() == 0 {
            write!(f, "nothing to do: every value is under the newest key")
        } else if self.dry_run {
            write!(
                f,
                "{verb}: {} values (dry run: nothing was changed; run without --dry-run to rotate)",
                self.rotated()
            )
        } else {
            write!(f, "{verb}: {} values", self.rotated())
        }
    }
}

/// Values of one column that do not decrypt with the ring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecryptable {
    /// The column.
    pub column: SecretColumn,
    /// How many values.
    pub count: u64,
    /// The public ids of the first rows (at most ten).
    pub ref_ids: Vec<String>,
}

/// Why a rotation did not run (or stopped).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RotationError {
    /// Some stored values cannot be decrypted with the ring (a key missing from the ring, a
    /// corrupted or misplaced value): nothing was changed.
    #[error("{}", describe_undecryptable(.0))]
    Undecryptable(Vec<Undecryptable>),
    /// The options are unusable.
    #[error("{0}")]
    Options(String),
    /// The database failed (the batches committed before stay committed: run it again).
    #[error("database error: {0}")]
    Database(String),
}

fn describe_undecryptable(columns: &[Undecryptable]) -> String {
    let mut text = String::from(
        "refusing to rotate: some stored secrets cannot be decrypted with ENCRYPTION_KEYS \
         (is a key missing from the ring?); nothing was changed:",
    );
    for column in columns {
        text.push_str(&format!(
            "\n  {}.{}: {} value(s), rows {}",
            column.column.table(),
            column.column.column(),
            column.count,
            column.ref_ids.join(", ")
        ));
    }
    text
}

impl From<sea_orm::DbErr> for RotationError {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Database(error.to_string())
    }
}

/// One stored value and what identifies its row.
struct Row {
    id: Uuid,
    ref_id: String,
    owner: Option<Uuid>,
    row_key: String,
    sealed: String,
}

impl Row {
    fn from_result(result: &QueryResult) -> Result<Self, RotationError> {
        let get = |error: sea_orm::DbErr| RotationError::Database(error.to_string());
        Ok(Self {
            id: result.try_get("", "id").map_err(get)?,
            ref_id: result.try_get("", "ref_id").map_err(get)?,
            owner: result.try_get("", "tenant_id").map_err(get)?,
            row_key: result.try_get("", "row_key").map_err(get)?,
            sealed: result.try_get("", "sealed").map_err(get)?,
        })
    }

    fn context(&self, column: SecretColumn) -> String {
        column.context_for_owner(self.owner, &self.row_key)
    }
}

/// The rows of `column` with a value, after `after` (by `id`), at most `limit`.
async fn batch(
    conn: &impl ConnectionTrait,
    column: SecretColumn,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Row>, RotationError> {
    let row_key = match column.row_key() {
        RowKey::RefId => "ref_id",
        RowKey::Channel => "channel",
    };
    // Table and column names come from the registry's constants, never from input.
    let sql = format!(
        "SELECT id, ref_id, tenant_id, {row_key}::text AS row_key, {col} AS sealed \
         FROM {table} \
         WHERE {col} IS NOT NULL AND {col} <> '' AND ($1::uuid IS NULL OR id > $1::uuid) \
         ORDER BY id LIMIT $2",
        table = column.table(),
        col = column.column(),
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = conn
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            [after.into(), limit.into()],
        ))
        .await?;
    rows.iter().map(Row::from_result).collect()
}

/// Decrypts every value of every column: the refusal when any fails, else how many values of
/// each column are under an old key and how many are current.
#[tracing::instrument(level = "info", skip_all)]
pub async fn verify(
    conn: &DatabaseConnection,
    ring: &KeyRing,
    batch_size: u64,
) -> Result<Vec<ColumnReport>, RotationError> {
    let mut failures = Vec::new();
    let mut reports = Vec::new();
    for column in SecretColumn::ALL {
        let mut report = ColumnReport {
            column,
            rotated: 0,
            already_current: 0,
            changed_concurrently: 0,
        };
        let mut failed = Undecryptable {
            column,
            count: 0,
            ref_ids: Vec::new(),
        };
        let mut after = None;
        loop {
            let rows = batch(conn, column, after, batch_size).await?;
            let Some(last) = rows.last() else { break };
            after = Some(last.id);
            for row in &rows {
                if ring.decrypt(&row.sealed, &row.context(column)).is_err() {
                    failed.count += 1;
                    if failed.ref_ids.len() < NAMED_ROWS {
                        failed.ref_ids.push(row.ref_id.clone());
                    }
                } else if ring.needs_reencryption(&row.sealed) {
                    report.rotated += 1;
                } else {
                    report.already_current += 1;
                }
            }
        }
        if failed.count > 0 {
            failures.push(failed);
        }
        reports.push(report);
    }
    if failures.is_empty() {
        Ok(reports)
    } else {
        Err(RotationError::Undecryptable(failures))
    }
}

/// Verifies every stored secret, then (unless a dry run) re-encrypts each one that is not under
/// the ring's newest key. See the module's documentation for the procedure and its guarantees.
#[tracing::instrument(level = "info", skip_all, fields(batch_size = options.batch_size, dry_run = options.dry_run))]
pub async fn rotate_keys(
    conn: &DatabaseConnection,
    ring: &KeyRing,
    options: RotationOptions,
) -> Result<RotationReport, RotationError> {
    if !(1..=MAX_BATCH_SIZE).contains(&options.batch_size) {
        return Err(RotationError::Options(format!(
            "the batch size must be 1 to {MAX_BATCH_SIZE}"
        )));
    }
    let verified = verify(conn, ring, options.batch_size).await?;
    let current_kid = ring.current_kid().to_owned();
    if options.dry_run {
        return Ok(RotationReport {
            current_kid,
            dry_run: true,
            columns: verified,
        });
    }
    let mut columns = Vec::new();
    for column in SecretColumn::ALL {
        let report = rotate_column(conn, ring, column, options.batch_size).await?;
        tracing::info!(
            table = column.table(),
            column = column.column(),
            rotated = report.rotated,
            already_current = report.already_current,
            changed_concurrently = report.changed_concurrently,
            "secret column rotated"
        );
        columns.push(report);
    }
    Ok(RotationReport {
        current_kid,
        dry_run: false,
        columns,
    })
}

/// Re-encrypts the values of one column under the newest key, batch by batch.
async fn rotate_column(
    conn: &DatabaseConnection,
    ring: &KeyRing,
    column: SecretColumn,
    batch_size: u64,
) -> Result<ColumnReport, RotationError> {
    let mut report = ColumnReport {
        column,
        rotated: 0,
        already_current: 0,
        changed_concurrently: 0,
    };
    let update = format!(
        "UPDATE {table} SET {col} = $1 WHERE id = $2 AND {col} = $3",
        table = column.table(),
        col = column.column(),
    );
    let mut after = None;
    loop {
        let tx = conn.begin().await?;
        let rows = batch(&tx, column, after, batch_size).await?;
        let Some(last) = rows.last() else {
            tx.commit().await?;
            break;
        };
        after = Some(last.id);
        for row in rows {
            if !ring.needs_reencryption(&row.sealed) {
                report.already_current += 1;
                continue;
            }
            let context = row.context(column);
            // Verified above; a value that fails now was rewritten meanwhile (and so is not
            // what was verified): the compare-and-swap below would skip it anyway.
            let Ok(plaintext) = ring.decrypt(&row.sealed, &context) else {
                report.changed_concurrently += 1;
                continue;
            };
            let resealed = ring
                .encrypt(&plaintext, &context)
                .map_err(|error| RotationError::Options(error.to_string()))?;
            drop(plaintext);
            let result = tx
                .execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    update.as_str(),
                    [resealed.into(), row.id.into(), row.sealed.into()],
                ))
                .await?;
            if result.rows_affected() == 1 {
                report.rotated += 1;
            } else {
                report.changed_concurrently += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}
