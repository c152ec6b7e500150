//! The demo's documents and secrets, which plain SQL cannot write: an `activity_outputs`
//! document for each finished activity and for every blog post, social post and report
//! without a body yet (the rows point at them), and encrypted OAuth tokens for the demo
//! channels. Run by `seed --demo` and `seed --scale` after the SQL seed; idempotent (only rows
//! without a reference, or channels without a token, are touched).

use super::run;
use graph_core::crypto::KeyRing;
use graph_core::documents::{ActivityOutput, ContractDocument, DocumentStore, Skill};
use graph_core::lifecycle::contract_template;
use graph_core::lifecycle::contracts::contract_document;
use graph_core::secrets::SecretColumn;
use mongodb::bson::DateTime;
use mongodb::bson::oid::ObjectId;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use uuid::Uuid;

/// `(table, reference column, which rows)` of every row kind with a body.
const BODIES: &[(&str, &str, &str)] = &[
    ("activities", "output_ref", "status = 'completed'"),
    ("blog_posts", "content_ref", "true"),
    ("social_posts", "content_ref", "true"),
    ("reports", "content_ref", "true"),
];

/// Bodies written per table and tenant at most (a scale seed of thousands of tenants stays
/// quick).
const BODIES_PER_TABLE: i64 = 25;

/// What was written.
#[derive(Debug, Default)]
pub struct DocumentSeed {
    /// `activity_outputs` documents written (and rows pointed at them).
    pub bodies: u64,
    /// Channels whose demo tokens were set.
    pub channel_tokens: u64,
    /// Contract documents written (text and PDF of contracts that had none).
    pub contracts: u64,
    /// Onboarding context files written (runs in review or completed that had none).
    pub context_files: u64,
}

fn markdown_for(table: &str, title: &str) -> String {
    match table {
        "social_posts" => format!("{title} — new this month. #marketing #growth"),
        _ => format!(
            "# {title}\n\nWritten by the agent for the demo.\n\n- What we did\n- What we found\n- What comes next\n"
        ),
    }
}

/// Writes the bodies of the tenants whose slug is `LIKE` `slug_pattern`.
pub async fn bodies(
    db: &DatabaseConnection,
    store: &DocumentStore,
    slug_pattern: &str,
) -> Result<u64, String> {
    let mut written = 0;
    for (table, column, filter) in BODIES {
        let title = if *table == "social_posts" {
            "'Post'"
        } else {
            "coalesce(x.title, 'Output')"
        };
        let sql = format!(
            "SELECT x.id, x.tenant_id, x.ref_id, {title} AS title
             FROM (SELECT t.id AS tenant FROM tenants t WHERE t.slug LIKE $1) AS tenants
             CROSS JOIN LATERAL (SELECT * FROM {table} r
                                 WHERE r.tenant_id = tenants.tenant AND r.{column} IS NULL AND {filter}
                                 ORDER BY r.ref_id LIMIT {BODIES_PER_TABLE}) AS x"
        );
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                &sql,
                [slug_pattern.into()],
            ))
            .await
            .map_err(|error| format!("{table}: {error}"))?;
        let collection = store.platform_collection::<ActivityOutput>();
        for row in rows {
            let id: Uuid = row.try_get("", "id").map_err(|error| error.to_string())?;
            let tenant: Uuid = row
                .try_get("", "tenant_id")
                .map_err(|error| error.to_string())?;
            let ref_id: String = row
                .try_get("", "ref_id")
                .map_err(|error| error.to_string())?;
            let title: String = row
                .try_get("", "title")
                .map_err(|error| error.to_string())?;
            let body = markdown_for(table, &title);
            let document_id = ObjectId::new();
            let document = ActivityOutput {
                id: document_id,
                tenant_id: tenant.to_string(),
                activity_id: (*table == "activities").then(|| ref_id.clone()),
                format: "markdown".to_owned(),
                title: Some(title.clone()),
                content_type: "text/markdown".to_owned(),
                s3_key: Some(format!("{tenant}/outputs/{}.md", document_id.to_hex())),
                size_bytes: Some(body.len() as i64),
                word_count: Some(body.split_whitespace().count() as i32),
                body: Some(body),
                created_at: DateTime::now(),
            };
            collection
                .insert_one(document)
                .await
                .map_err(|error| format!("the document store: {error}"))?;
            run(
                db,
                &format!("UPDATE {table} SET {column} = $1 WHERE id = $2 AND {column} IS NULL"),
                vec![document_id.to_hex().into(), id.into()],
            )
            .await
            .map_err(|error| format!("{table}: {error}"))?;
            written += 1;
        }
    }
    Ok(written)
}

/// Encrypted demo tokens for the connected channels without one, of the tenants whose slug is
/// `LIKE` `slug_pattern` (the contexts are the API's: `graph_core::secrets`).
pub async fn channel_tokens(
    db: &DatabaseConnection,
    key_ring: &KeyRing,
    slug_pattern: &str,
) -> Result<u64, String> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT c.id, c.ref_id, c.tenant_id FROM channels c JOIN tenants t ON t.id = c.tenant_id
             WHERE t.slug LIKE $1 AND c.status = 'connected' AND c.access_token IS NULL",
            [slug_pattern.into()],
        ))
        .await
        .map_err(|error| error.to_string())?;
    let mut set = 0;
    for row in rows {
        let id: Uuid = row.try_get("", "id").map_err(|error| error.to_string())?;
        let ref_id: String = row
            .try_get("", "ref_id")
            .map_err(|error| error.to_string())?;
        let tenant: Uuid = row
            .try_get("", "tenant_id")
            .map_err(|error| error.to_string())?;
        let seal = |column: SecretColumn, token: &str| {
            key_ring
                .encrypt(
                    token.as_bytes(),
                    &column.context_for_owner(Some(tenant), &ref_id),
                )
                .map_err(|error| error.to_string())
        };
        let access = seal(
            SecretColumn::ChannelAccessToken,
            &format!("demo-access-token-{ref_id}"),
        )?;
        let refresh = seal(
            SecretColumn::ChannelRefreshToken,
            &format!("demo-refresh-token-{ref_id}"),
        )?;
        run(
            db,
            "UPDATE channels SET access_token = $1, refresh_token = $2,
                    token_expires_at = now() + interval '60 days'
             WHERE id = $3 AND access_token IS NULL",
            vec![access.into(), refresh.into(), id.into()],
        )
        .await
        .map_err(|error| error.to_string())?;
        set += 1;
    }
    Ok(set)
}

/// The documents of the contracts without one (seeded as rows only), rendered from their own
/// template version, of the tenants whose slug is `LIKE` `slug_pattern`.
pub async fn contracts(
    db: &DatabaseConnection,
    store: &DocumentStore,
    slug_pattern: &str,
) -> Result<u64, String> {
    use entities::{contracts, tenants};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let rows = contracts::Entity::find()
        .find_also_related(tenants::Entity)
        .filter(tenants::Column::Slug.like(slug_pattern))
        .filter(contracts::Column::DocumentRef.is_null())
        .all(db)
        .await
        .map_err(|error| format!("contracts: {error}"))?;
    let collection = store.platform_collection::<ContractDocument>();
    let today = chrono::Utc::now().date_naive();
    let mut written = 0;
    for (contract, tenant) in rows {
        let Some(tenant) = tenant else { continue };
        let template = match contract_template::find(&contract.template_version) {
            Some(template) => template,
            None => contract_template::newest().map_err(|error| format!("{error:?}"))?,
        };
        let mut document = contract_document(&tenant, template, &contract.ref_id, today)
            .map_err(|error| format!("{error:?}"))?;
        document.tenant_id = tenant.id.to_string();
        let document_id = document.id;
        collection
            .insert_one(document)
            .await
            .map_err(|error| format!("the document store: {error}"))?;
        run(
            db,
            "UPDATE contracts SET document_ref = $1 WHERE id = $2 AND document_ref IS NULL",
            vec![document_id.to_hex().into(), contract.id.into()],
        )
        .await
        .map_err(|error| format!("contracts: {error}"))?;
        written += 1;
    }
    Ok(written)
}

/// The context files of the onboarding runs in review or completed that have none, of the
/// tenants whose slug is `LIKE` `slug_pattern`.
pub async fn context_files(
    db: &DatabaseConnection,
    store: &DocumentStore,
    slug_pattern: &str,
) -> Result<u64, String> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT r.id, r.tenant_id, t.name FROM onboarding_runs r JOIN tenants t ON t.id = r.tenant_id
             WHERE t.slug LIKE $1 AND r.status IN ('review', 'completed') AND r.context_file_id IS NULL",
            [slug_pattern.into()],
        ))
        .await
        .map_err(|error| error.to_string())?;
    let collection = store.platform_collection::<Skill>();
    let mut written = 0;
    for row in rows {
        let id: Uuid = row.try_get("", "id").map_err(|error| error.to_string())?;
        let tenant: Uuid = row
            .try_get("", "tenant_id")
            .map_err(|error| error.to_string())?;
        let name: String = row.try_get("", "name").map_err(|error| error.to_string())?;
        let file = Skill {
            id: ObjectId::new(),
            tenant_id: tenant.to_string(),
            name: "context".to_owned(),
            content: format!(
                "# {name}\n\n## Business\nWhat {name} sells, to whom, and why they buy.\n\n## Voice\nPlain, confident, no jargon.\n\n## Goals\n- More qualified leads\n- A stronger search presence\n"
            ),
            version: 1,
            created_at: DateTime::now(),
        };
        let file_id = file.id;
        collection
            .insert_one(file)
            .await
            .map_err(|error| format!("the document store: {error}"))?;
        run(
            db,
            "UPDATE onboarding_runs SET context_file_id = $1 WHERE id = $2 AND context_file_id IS NULL",
            vec![file_id.to_hex().into(), id.into()],
        )
        .await
        .map_err(|error| error.to_string())?;
        written += 1;
    }
    Ok(written)
}

/// [`bodies`], [`channel_tokens`], [`contracts`] and [`context_files`] for the tenants whose slug is `LIKE` `slug_pattern`.
pub async fn seed(
    db: &DatabaseConnection,
    store: &DocumentStore,
    key_ring: &KeyRing,
    slug_pattern: &str,
) -> Result<DocumentSeed, String> {
    Ok(DocumentSeed {
        bodies: bodies(db, store, slug_pattern).await?,
        channel_tokens: channel_tokens(db, key_ring, slug_pattern).await?,
        contracts: contracts(db, store, slug_pattern).await?,
        context_files: context_files(db, store, slug_pattern).await?,
    })
}
