//! Dashboards (readonly_user) read one tenant they cannot choose, and never a secret column
//! (migration `m20261130_000009_tenant_readers`, issue 11 item 3). A tenant reader is a login
//! that is a member of readonly_user and mapped to one tenant in `app_security.tenant_readers`;
//! readonly_user's policies follow that mapping of `session_user`, not `app.tenant_id`.
//! The tables and columns come from the catalog, so a new table or a new secret-looking column
//! is checked the moment its migration lands.

use leadmetrics_tests::catalog::{application_tables, tenant_scoped_tables};
use leadmetrics_tests::fixtures::seed_two_tenants;
use leadmetrics_tests::server::{seed_demo, tenant_ref_id};
use leadmetrics_tests::world::{count, tenant_uuid};
use leadmetrics_tests::{
    TestDatabase, database_url, exec, exec_with, get, query_all, query_one,
    run_as_admin_outside_async, sql_state,
};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, TransactionTrait,
};
use std::time::Duration;
use uuid::Uuid;

/// Columns whose names look like a secret (see [`SECRET_LOOKING`]) but hold none, each with
/// the reason. Anything else with such a name must be listed in `app_security.secret_columns`.
const NOT_SECRET: [(&str, &str, &str); 9] = [
    ("activity_runs", "input_tokens", "a count of LLM tokens"),
    ("activity_runs", "output_tokens", "a count of LLM tokens"),
    ("llm_calls", "input_tokens", "a count of LLM tokens"),
    ("llm_calls", "output_tokens", "a count of LLM tokens"),
    ("sessions", "token_count", "a count of LLM tokens"),
    (
        "channels",
        "token_expires_at",
        "when the OAuth token expires, not the token",
    ),
    (
        "llm_calls",
        "prompt_hash",
        "a SHA-256 of the prompt, kept instead of the prompt; no credential",
    ),
    (
        "llm_calls",
        "response_hash",
        "a content hash of the response, no credential",
    ),
    (
        "operator_audit_log",
        "document_hash",
        "a hash of the GraphQL document an operator ran, no credential",
    ),
];

/// What a column holding a credential, its hash, a token or an encrypted secret is called.
const SECRET_LOOKING: &str = "(hash|token|secret|password|api_key|env_secrets)";

/// A dashboard login mapped to one tenant. The role is cluster-wide (shared by every test
/// database), so each reader has a name of its own and is dropped with this value.
struct Reader {
    name: String,
}

impl Reader {
    /// Creates a reader of the tenant with public id `tenant_ref`, the way an operator does.
    async fn of(db: &TestDatabase, tenant_ref: &str) -> Self {
        let name = format!("lm_test_reader_{}", Uuid::new_v4().simple());
        let granted = exec_with(
            &db.owner,
            "SELECT app_grant_tenant_reader($1, $2)",
            [name.clone().into(), tenant_ref.into()],
        )
        .await;
        if let Err(error) = granted {
            panic!("cannot create reader {name}: {error}");
        }
        Self { name }
    }

    /// Creates a reader of the tenant with internal id `tenant`.
    async fn of_tenant(db: &TestDatabase, tenant: Uuid) -> Self {
        let row = query_one(
            &db.owner,
            "SELECT ref_id FROM tenants WHERE id = $1",
            [tenant.into()],
        )
        .await;
        Self::of(db, &get::<String>(&row, "ref_id")).await
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if !run_as_admin_outside_async(format!("DROP ROLE IF EXISTS {}", self.name)) {
            eprintln!("could not drop role {}", self.name);
        }
    }
}

/// One connection as `role`: a session-level setting made on it stays for the next statement.
async fn session_as(db: &TestDatabase, role: &str) -> DatabaseConnection {
    let url = database_url(role, db.name());
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(1)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    match Database::connect(options).await {
        Ok(connection) => connection,
        Err(error) => panic!("cannot connect to {url}: {error}"),
    }
}

/// Rows of `table` that belong to `tenant` (plus the global rows, which every tenant reads),
/// counted by the owner past row-level security.
async fn rows_of(db: &TestDatabase, table: &str, tenant: Uuid) -> i64 {
    let column = if table == "tenants" {
        "id"
    } else {
        "tenant_id"
    };
    let global = if table == "tenants" {
        String::new()
    } else {
        format!(" OR {column} IS NULL")
    };
    count(
        &db.owner,
        &format!("SELECT count(*) AS n FROM {table} WHERE {column} = $1{global}"),
        [tenant.into()],
    )
    .await
}

/// What `connection` sees of `table`: (every visible row, visible rows of `other`).
async fn visible(connection: &impl ConnectionTrait, table: &str, other: Uuid) -> (i64, i64) {
    let column = if table == "tenants" {
        "id"
    } else {
        "tenant_id"
    };
    let all = count(
        connection,
        &format!("SELECT count(*) AS n FROM {table}"),
        [],
    )
    .await;
    let of_other = count(
        connection,
        &format!("SELECT count(*) AS n FROM {table} WHERE {column} = $1"),
        [other.into()],
    )
    .await;
    (all, of_other)
}

/// The tables a reader may read rows of: every tenant-scoped table and `tenants`.
async fn readable_tables(db: &TestDatabase) -> Vec<String> {
    let mut tables = tenant_scoped_tables(&db.owner).await;
    tables.push("tenants".to_owned());
    tables
}

/// The rows of `app_security.secret_columns` as (table, column).
async fn secret_columns(db: &TestDatabase) -> Vec<(String, String)> {
    query_all(
        &db.owner,
        "SELECT table_name, column_name FROM app_security.secret_columns ORDER BY 1, 2",
        [],
    )
    .await
    .iter()
    .map(|row| (get(row, "table_name"), get(row, "column_name")))
    .collect()
}

/// Whether `table.column` exists in the public schema.
async fn column_exists(db: &TestDatabase, table: &str, column: &str) -> bool {
    get::<bool>(
        &query_one(
            &db.owner,
            "SELECT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = $1 AND a.attname = $2
                 AND a.attnum > 0 AND NOT a.attisdropped) AS ok",
            [table.into(), column.into()],
        )
        .await,
        "ok",
    )
}

/// Whether a statement failed for lack of a privilege (SQLSTATE 42501).
fn is_denied(result: &Result<impl std::fmt::Debug, DbErr>) -> bool {
    result
        .as_ref()
        .err()
        .and_then(sql_state)
        .is_some_and(|state| state == "42501")
}

#[tokio::test]
async fn a_reader_of_acme_that_sets_app_tenant_id_to_globex_still_reads_only_acme_rows() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (acme, globex) = (
        tenant_uuid(&db, "acme").await,
        tenant_uuid(&db, "globex").await,
    );
    for table in ["users", "activities", "goals", "strategies", "contracts"] {
        assert!(
            rows_of(&db, table, acme).await > 0 && rows_of(&db, table, globex).await > 0,
            "{table}: the demo seeds both tenants"
        );
    }
    let reader = Reader::of(&db, &tenant_ref_id(&db, "acme").await).await;
    let tables = readable_tables(&db).await;

    // The attack of the finding: a session-level setting, on one connection.
    let session = session_as(&db, &reader.name).await;
    exec_with(
        &session,
        "SELECT set_config('app.tenant_id', $1, false)",
        [globex.to_string().into()],
    )
    .await
    .expect("any role may set a custom setting");
    let setting = query_one(
        &session,
        "SELECT current_setting('app.tenant_id') AS tenant",
        [],
    )
    .await;
    assert_eq!(get::<String>(&setting, "tenant"), globex.to_string());
    for table in &tables {
        assert_eq!(
            visible(&session, table, globex).await,
            (rows_of(&db, table, acme).await, 0),
            "{table}: with app.tenant_id set to globex for the session"
        );
    }
    let emails: Vec<String> = query_all(&session, "SELECT email FROM users ORDER BY email", [])
        .await
        .iter()
        .map(|row| get(row, "email"))
        .collect();
    let acme_emails: Vec<String> = query_all(
        &db.owner,
        "SELECT email FROM users WHERE tenant_id = $1 ORDER BY email",
        [acme.into()],
    )
    .await
    .iter()
    .map(|row| get(row, "email"))
    .collect();
    assert_eq!(emails, acme_emails);

    // The same, transaction-local, the way the server sets its tenant.
    let transaction = session.begin().await.expect("begin");
    exec_with(
        &transaction,
        "SELECT set_config('app.tenant_id', $1, true)",
        [globex.to_string().into()],
    )
    .await
    .expect("set_config");
    for table in &tables {
        assert_eq!(
            visible(&transaction, table, globex).await,
            (rows_of(&db, table, acme).await, 0),
            "{table}: with app.tenant_id set to globex in the transaction"
        );
    }
    transaction.rollback().await.expect("rollback");

    // Nor does taking on readonly_user itself: SET ROLE changes current_user, and the reader's
    // tenant follows session_user.
    exec(&session, "SET ROLE readonly_user").await;
    assert_eq!(
        visible(&session, "users", globex).await,
        (rows_of(&db, "users", acme).await, 0),
        "users: after SET ROLE readonly_user"
    );
    session.close().await.ok();
}

#[tokio::test]
async fn a_reader_reads_exactly_its_tenants_rows_and_the_global_rows_in_every_tenant_scoped_table()
{
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let reader = Reader::of_tenant(&db, a).await;
    let session = session_as(&db, &reader.name).await;
    exec(
        &session,
        &format!("SELECT set_config('app.tenant_id', '{b}', false)"),
    )
    .await;
    for table in readable_tables(&db).await {
        let own = rows_of(&db, &table, a).await;
        assert!(
            own > 0 && rows_of(&db, &table, b).await > 0,
            "{table}: add rows to tests/fixtures/tenant_rows.sql"
        );
        assert_eq!(
            visible(&session, &table, b).await,
            (own, 0),
            "{table}: the reader of A, with app.tenant_id set to B"
        );
    }
    session.close().await.ok();
}

#[tokio::test]
async fn plain_readonly_user_sees_no_tenant_row_whatever_tenant_it_sets() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let session = session_as(&db, "readonly_user").await;
    exec(
        &session,
        &format!("SELECT set_config('app.tenant_id', '{a}', false)"),
    )
    .await;
    for table in readable_tables(&db).await {
        assert_eq!(
            visible(&session, &table, b).await,
            (0, 0),
            "{table}: readonly_user with app.tenant_id set for the session"
        );
        let transaction = session.begin().await.expect("begin");
        exec(
            &transaction,
            &format!("SELECT set_config('app.tenant_id', '{b}', true)"),
        )
        .await;
        let seen = visible(&transaction, &table, b).await;
        transaction.rollback().await.expect("rollback");
        assert_eq!(
            seen,
            (0, 0),
            "{table}: readonly_user with app.tenant_id set in the transaction"
        );
    }
    session.close().await.ok();
}

#[tokio::test]
async fn every_secret_column_is_permission_denied_for_a_reader_even_in_its_own_tenant() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;
    let reader = Reader::of_tenant(&db, a).await;
    let secrets = secret_columns(&db).await;
    let listed: Vec<String> = secrets
        .iter()
        .map(|(table, column)| format!("{table}.{column}"))
        .collect();
    for expected in [
        "users.password_hash",
        "api_keys.key_hash",
        "channels.access_token",
        "channels.refresh_token",
        "integrations.api_key",
        "integrations.api_secret",
        "integrations.extra_config",
        "llm_providers.api_key",
        "notification_providers.config",
        "agent_configs.env_secrets",
        "registration_sessions.session_token",
        "registration_sessions.contact_data",
    ] {
        assert!(
            listed.iter().any(|column| column == expected),
            "{expected} is not listed as secret: {listed:?}"
        );
    }
    for (table, column) in &secrets {
        for role in [reader.name.as_str(), "readonly_user"] {
            let row = query_one(
                &db.owner,
                "SELECT has_column_privilege($1, $2, $3, 'SELECT') AS ok",
                [role.into(), table.as_str().into(), column.as_str().into()],
            )
            .await;
            assert!(!get::<bool>(&row, "ok"), "{role} may read {table}.{column}");
        }
    }

    let session = session_as(&db, &reader.name).await;
    for statement in [
        "SELECT password_hash FROM users",
        "SELECT * FROM users",
        "SELECT count(password_hash) FROM users",
        "SELECT email FROM users WHERE password_hash IS NOT NULL",
        "SELECT key_hash FROM api_keys",
        "SELECT access_token FROM channels",
        "SELECT count(*) FROM registration_sessions",
    ] {
        let result = session.execute_unprepared(statement).await;
        assert!(is_denied(&result), "{statement}: {result:?}");
    }
    // The other columns of the same rows stay readable: the reader is refused the secret, not
    // the table.
    let emails = count(
        &session,
        "SELECT count(email) AS n FROM users WHERE tenant_id = $1",
        [a.into()],
    )
    .await;
    assert_eq!(emails, 1);
    session.close().await.ok();
}

#[tokio::test]
async fn readonly_user_may_read_every_column_that_is_not_secret_and_no_table_as_a_whole() {
    let db = TestDatabase::new().await;
    let secrets = secret_columns(&db).await;
    let mut wrong = Vec::new();
    for table in application_tables(&db.owner).await {
        let whole = query_one(
            &db.owner,
            "SELECT has_table_privilege('readonly_user', $1, 'SELECT') AS ok",
            [table.as_str().into()],
        )
        .await;
        assert!(
            !get::<bool>(&whole, "ok"),
            "readonly_user holds table-level SELECT on {table}: it covers every column"
        );
        let columns = query_all(
            &db.owner,
            "SELECT a.attname::text AS name, has_column_privilege('readonly_user', a.attrelid, a.attnum, 'SELECT') AS ok
             FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum",
            [table.as_str().into()],
        )
        .await;
        for column in columns {
            let name: String = get(&column, "name");
            let secret = table == "registration_sessions"
                || secrets.iter().any(|(t, c)| *t == table && *c == name);
            if get::<bool>(&column, "ok") == secret {
                wrong.push(format!("{table}.{name} (secret: {secret})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "readable although secret, or not readable although not secret (after ALTER TABLE … ADD COLUMN run SELECT app_grant_reader_columns('<table>')): {wrong:?}"
    );
}

#[tokio::test]
async fn every_column_named_like_a_secret_is_listed_as_secret_or_allowed_with_a_reason() {
    let db = TestDatabase::new().await;
    let secrets = secret_columns(&db).await;
    let named_like_secrets: Vec<(String, String)> = query_all(
        &db.owner,
        "SELECT c.relname::text AS table_name, a.attname::text AS column_name
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND a.attnum > 0 AND NOT a.attisdropped AND a.attname ~* $1
         ORDER BY 1, 2",
        [SECRET_LOOKING.into()],
    )
    .await
    .iter()
    .map(|row| (get(row, "table_name"), get(row, "column_name")))
    .collect();
    assert!(
        named_like_secrets.len() >= 10,
        "the pattern finds the known secrets: {named_like_secrets:?}"
    );
    let unclassified: Vec<String> = named_like_secrets
        .iter()
        .filter(|(table, column)| {
            !secrets.iter().any(|(t, c)| t == table && c == column)
                && !NOT_SECRET.iter().any(|(t, c, _)| t == table && c == column)
        })
        .map(|(table, column)| format!("{table}.{column}"))
        .collect();
    assert!(
        unclassified.is_empty(),
        "columns named like secrets: list them in app_security.secret_columns (in the migration that adds them, before app_grant_table) or, if they hold no secret, in NOT_SECRET with the reason: {unclassified:?}"
    );

    // Neither list names a column that does not exist, and no column is on both.
    for (table, column) in &secrets {
        assert!(
            column_exists(&db, table, column).await,
            "app_security.secret_columns lists {table}.{column}, which does not exist"
        );
    }
    for (table, column, reason) in NOT_SECRET {
        assert!(!reason.is_empty());
        assert!(
            column_exists(&db, table, column).await,
            "NOT_SECRET lists {table}.{column}, which does not exist"
        );
        assert!(
            !secrets.iter().any(|(t, c)| t == table && c == column),
            "{table}.{column} is both secret and allowed"
        );
    }
}

#[tokio::test]
async fn a_reader_cannot_insert_update_or_delete_anything_nor_remap_itself() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let reader = Reader::of_tenant(&db, a).await;
    let session = session_as(&db, &reader.name).await;
    for table in readable_tables(&db).await {
        // INSERT and UPDATE can also be granted per column; DELETE and TRUNCATE only per table.
        for (privilege, sql) in [
            (
                "INSERT",
                "SELECT has_any_column_privilege($1, $2, $3) AS ok",
            ),
            (
                "UPDATE",
                "SELECT has_any_column_privilege($1, $2, $3) AS ok",
            ),
            ("DELETE", "SELECT has_table_privilege($1, $2, $3) AS ok"),
            ("TRUNCATE", "SELECT has_table_privilege($1, $2, $3) AS ok"),
        ] {
            let row = query_one(
                &db.owner,
                sql,
                [
                    reader.name.as_str().into(),
                    table.as_str().into(),
                    privilege.into(),
                ],
            )
            .await;
            assert!(
                !get::<bool>(&row, "ok"),
                "the reader may {privilege} {table}"
            );
        }
        let column = if table == "tenants" {
            "id"
        } else {
            "tenant_id"
        };
        for statement in [
            format!("INSERT INTO {table} DEFAULT VALUES"),
            format!("UPDATE {table} SET {column} = {column}"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table}"),
        ] {
            let result = session.execute_unprepared(&statement).await;
            assert!(is_denied(&result), "{statement}: {result:?}");
        }
    }

    // Nor can it pick another tenant through the mapping.
    let globex_ref: String = get(
        &query_one(
            &db.owner,
            "SELECT ref_id FROM tenants WHERE id = $1",
            [b.into()],
        )
        .await,
        "ref_id",
    );
    for statement in [
        format!("SELECT app_grant_tenant_reader(session_user, '{globex_ref}')"),
        "SELECT app_revoke_tenant_reader(session_user)".to_owned(),
        format!("UPDATE app_security.tenant_readers SET tenant_id = '{b}'"),
        "SELECT * FROM app_security.tenant_readers".to_owned(),
    ] {
        let result = session.execute_unprepared(&statement).await;
        assert!(is_denied(&result), "{statement}: {result:?}");
    }
    assert_eq!(
        visible(&session, "goals", b).await,
        (rows_of(&db, "goals", a).await, 0)
    );
    session.close().await.ok();
}

#[tokio::test]
async fn a_revoked_or_remapped_reader_follows_its_mapping_and_an_unknown_tenant_is_refused() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let reader = Reader::of_tenant(&db, a).await;
    let session = session_as(&db, &reader.name).await;
    assert_eq!(visible(&session, "users", b).await, (1, 0), "mapped to A");

    // Mapped again, to B: the mapping moves (the ref_id is case-insensitive, like every id).
    let b_ref: String = get(
        &query_one(
            &db.owner,
            "SELECT lower(ref_id) AS r FROM tenants WHERE id = $1",
            [b.into()],
        )
        .await,
        "r",
    );
    exec_with(
        &db.owner,
        "SELECT app_grant_tenant_reader($1, $2)",
        [reader.name.as_str().into(), b_ref.into()],
    )
    .await
    .expect("remap");
    assert_eq!(visible(&session, "users", a).await, (1, 0), "mapped to B");

    let revoked = query_one(
        &db.owner,
        "SELECT app_revoke_tenant_reader($1) AS revoked",
        [reader.name.as_str().into()],
    )
    .await;
    assert!(get::<bool>(&revoked, "revoked"));
    assert_eq!(visible(&session, "users", a).await, (0, 0), "revoked");
    session.close().await.ok();

    // Refusals, each with a clear message.
    for (role, tenant_ref, message) in [
        (
            reader.name.as_str(),
            "01ZZZZZZZZZZZZZZZZZZZZZZZZ",
            "no tenant has ref_id",
        ),
        (
            "readonly_user",
            "01ZZZZZZZZZZZZZZZZZZZZZZZZ",
            "platform role",
        ),
        ("app_user", "01ZZZZZZZZZZZZZZZZZZZZZZZZ", "platform role"),
    ] {
        let result = exec_with(
            &db.owner,
            "SELECT app_grant_tenant_reader($1, $2)",
            [role.into(), tenant_ref.into()],
        )
        .await;
        let error = result.expect_err(&format!("{role} mapped to {tenant_ref}"));
        assert!(error.to_string().contains(message), "{role}: {error}");
    }
    // An existing login that can SET ROLE to a role bypassing row-level security (through any
    // chain of memberships) is refused too.
    let escape = format!("{}_escape", db.name());
    let bypass = format!("{}_bypass", db.name());
    let a_ref: String = get(
        &query_one(
            &db.owner,
            "SELECT ref_id FROM tenants WHERE id = $1",
            [a.into()],
        )
        .await,
        "ref_id",
    );
    exec(
        &db.owner,
        &format!(
            "CREATE ROLE {bypass} NOLOGIN BYPASSRLS; CREATE ROLE {escape} LOGIN;
             GRANT {bypass} TO {escape};"
        ),
    )
    .await;
    let result = exec_with(
        &db.owner,
        "SELECT app_grant_tenant_reader($1, $2)",
        [escape.as_str().into(), a_ref.into()],
    )
    .await;
    exec(
        &db.owner,
        &format!("DROP ROLE {escape}; DROP ROLE {bypass};"),
    )
    .await;
    let error = result.expect_err("a login that can become a BYPASSRLS role was mapped");
    assert!(error.to_string().contains("can become"), "{error}");
    let mapped = count(
        &db.owner,
        "SELECT count(*) AS n FROM app_security.tenant_readers",
        [],
    )
    .await;
    assert_eq!(mapped, 0);
}

#[tokio::test]
async fn a_reader_reads_llm_calls_through_the_parent_also_in_partitions_created_later() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let platform = db.connect_as("app_platform").await;
    let created = query_one(
        &platform,
        "SELECT create_llm_calls_partitions(DATE '2031-01-01', 2) AS n",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&created, "n"), 2);
    for tenant in [a, b] {
        exec(
            &db.owner,
            &format!(
                "INSERT INTO llm_calls (tenant_id, activity_run_id, adapter_type, model_id, input_tokens,
                                        output_tokens, cost_usd, duration_ms, created_on)
                 VALUES ('{tenant}', md5('{tenant}:activity_runs')::uuid, 'claude', 'claude-sonnet-4-6', 10, 20,
                         0.001, 5, TIMESTAMPTZ '2031-02-14 12:00:00+00')"
            ),
        )
        .await;
    }
    let reader = Reader::of_tenant(&db, a).await;
    let session = session_as(&db, &reader.name).await;
    let later = count(
        &session,
        "SELECT count(*) AS n FROM llm_calls WHERE created_on = TIMESTAMPTZ '2031-02-14 12:00:00+00'",
        [],
    )
    .await;
    assert_eq!(later, 1, "A's call in the new partition, not B's");
    assert_eq!(
        visible(&session, "llm_calls", b).await,
        (rows_of(&db, "llm_calls", a).await, 0)
    );
    let direct = session
        .execute_unprepared("SELECT count(*) FROM llm_calls_y2031m02")
        .await;
    assert!(is_denied(&direct), "a partition read directly: {direct:?}");
    session.close().await.ok();
}
