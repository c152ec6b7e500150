//! The demo's documents and secrets, which plain SQL cannot write: an `activity_outputs`
//! document for each finished activity and for every blog post, social post and report
//! without a body yet (the rows point at them), and encrypted OAuth tokens for the demo
//! channels. Run by `seed --demo` and `seed --scale` after the SQL seed; idempotent (only rows
//! without a reference, or channels without a token, are touched).

use super::run;
use graph_core::crypto::KeyRing;
use graph_core::documents::{ActivityOutput, DocumentStore};
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
/// `LIKE` `slug_pattern` (the contexts are the API's: `graph_content::channels::secrets`).
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
        let seal = |column: &str, token: &str| {
            key_ring
                .encrypt(
                    token.as_bytes(),
                    &format!("channels.{column}:{tenant}:{ref_id}"),
                )
                .map_err(|error| error.to_string())
        };
        let access = seal("access_token", &format!("demo-access-token-{ref_id}"))?;
        let refresh = seal("refresh_token", &format!("demo-refresh-token-{ref_id}"))?;
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

/// [`bodies`] and [`channel_tokens`] for the tenants whose slug is `LIKE` `slug_pattern`.
pub async fn seed(
    db: &DatabaseConnection,
    store: &DocumentStore,
    key_ring: &KeyRing,
    slug_pattern: &str,
) -> Result<DocumentSeed, String> {
    Ok(DocumentSeed {
        bodies: bodies(db, store, slug_pattern).await?,
        channel_tokens: channel_tokens(db, key_ring, slug_pattern).await?,
    })
}
