//! The demo's blog pipeline: in each demo tenant, a WordPress channel and blog requests in
//! every status — drafted by a member, by an agent, submitted, rejected, approved, in progress
//! and completed — with the posts their approval made (a draft, a post being written, a
//! published one). The published post's body is a document of the document store, which plain
//! SQL cannot write: its `content_ref` is fixed here (derived from the post's request) and
//! [`blog_bodies`] writes the document it points at. Idempotent, like the rest of the seed.

use super::run;
use graph_core::documents::{ActivityOutput, DocumentStore};
use mongodb::bson::{self, doc, oid::ObjectId};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};

/// The title of the demo's published post (how [`blog_bodies`] finds it).
pub const PUBLISHED_TITLE: &str = "Ten signs you need an SEO audit";

/// The Markdown body of the demo's published post.
const PUBLISHED_BODY: &str = "# Ten signs you need an SEO audit\n\n\
Traffic fell and you do not know why. Pages you care about do not rank. \
Your site got slower after a redesign.\n\n\
## 1. Organic traffic is falling\n\nCompare the last three months with the same months last year.\n";

/// The statements, in order; `$1` is the tenant's slug, `$2` [`PUBLISHED_TITLE`].
const STATEMENTS: &[&str] = &[
    "INSERT INTO channels (tenant_id, platform, channel_type, name, external_id, external_url, status)
     SELECT t.id, 'wordpress', 'cms', t.name || ' Blog', 'demo-wordpress',
            'https://' || t.slug || '.example/blog', 'connected'
     FROM tenants t
     WHERE t.slug = $1 AND NOT EXISTS (
         SELECT 1 FROM channels c WHERE c.tenant_id = t.id AND c.external_id = 'demo-wordpress')",
    "INSERT INTO blog_requests (tenant_id, deliverable_id, deliverable_period_id, requested_by_type,
                                requested_by_id, title, topic_brief, target_keyword,
                                secondary_keywords, search_intent, target_audience,
                                target_channel_id, target_word_count, priority, status,
                                rejection_notes)
     SELECT t.id, p.deliverable_id, p.id, v.requester::requester_type,
            CASE WHEN v.requester = 'human' THEN u.ref_id ELSE 'seo-writer' END,
            v.title, 'What the post should cover: ' || lower(v.title) || '.', v.keyword,
            ARRAY['seo', 'marketing'], 'informational', 'Marketing leads of B2B companies',
            c.id, 1500, v.priority::request_priority, v.status::request_status, v.rejection
     FROM tenants t
     JOIN (VALUES
        ('A guide to local SEO', 'draft', 'normal', 'human', 'local seo', NULL),
        ('How AI changes keyword research', 'draft', 'high', 'agent', 'ai keyword research', NULL),
        ('Link building in 2026', 'pending_approval', 'urgent', 'agent', 'link building', NULL),
        ('Why we stopped buying links', 'rejected', 'normal', 'human', 'buying links',
         'Off-brand: we never bought links. Pick another angle.'),
        ('Core Web Vitals explained', 'approved', 'normal', 'agent', 'core web vitals', NULL),
        ('Technical SEO checklist', 'in_progress', 'high', 'agent', 'technical seo', NULL),
        ($2, 'completed', 'normal', 'human', 'seo audit', NULL))
        AS v(title, status, priority, requester, keyword, rejection) ON true
     CROSS JOIN LATERAL (SELECT u.ref_id FROM users u WHERE u.tenant_id = t.id AND u.role = 'member'
                         ORDER BY u.email LIMIT 1) AS u
     JOIN channels c ON c.tenant_id = t.id AND c.external_id = 'demo-wordpress'
     LEFT JOIN LATERAL (SELECT p.id, p.deliverable_id FROM deliverable_periods p
                        JOIN deliverables d ON d.id = p.deliverable_id
                        WHERE p.tenant_id = t.id AND p.period_start <= current_date
                          AND p.period_end >= current_date
                        ORDER BY d.ref_id, p.ref_id LIMIT 1) AS p ON true
     WHERE t.slug = $1 AND NOT EXISTS (
         SELECT 1 FROM blog_requests r WHERE r.tenant_id = t.id AND r.title = v.title)",
    // The posts their approval made: a draft, one being written, a published one (with a body).
    "INSERT INTO blog_posts (tenant_id, blog_request_id, channel_id, title, slug, meta_description,
                             focus_keyword, content_ref, word_count, status, published_on,
                             published_url, cms_post_id)
     SELECT r.tenant_id, r.id, r.target_channel_id, r.title,
            CASE WHEN r.status = 'completed' THEN 'ten-signs-you-need-an-seo-audit' END,
            CASE WHEN r.status = 'completed'
                 THEN 'Falling traffic, pages that do not rank, a slow site: ten signs it is time for an SEO audit.' END,
            r.target_keyword,
            CASE WHEN r.status = 'completed' THEN substr(md5(r.id::text), 1, 24) END,
            CASE WHEN r.status = 'completed' THEN 45 END,
            CASE r.status WHEN 'approved' THEN 'draft' WHEN 'in_progress' THEN 'writing'
                          ELSE 'published' END::blog_post_status,
            CASE WHEN r.status = 'completed' THEN now() - interval '3 days' END,
            CASE WHEN r.status = 'completed'
                 THEN 'https://' || t.slug || '.example/blog/ten-signs-you-need-an-seo-audit' END,
            CASE WHEN r.status = 'completed' THEN '1042' END
     FROM blog_requests r JOIN tenants t ON t.id = r.tenant_id
     WHERE t.slug = $1 AND r.status IN ('approved', 'in_progress', 'completed')
     ON CONFLICT (tenant_id, blog_request_id) DO NOTHING",
];

/// Seeds the blog pipeline of demo tenant `slug` (PostgreSQL rows; the published post's body
/// is written by [`blog_bodies`]). Does nothing for what already exists.
pub async fn blog(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into(), PUBLISHED_TITLE.into()]).await?;
    }
    Ok(())
}

/// Writes the body document of every seeded published post (found by [`PUBLISHED_TITLE`])
/// into `documents`, under the post's tenant and with the id its `content_ref` holds; a
/// document that exists is replaced by the same content (idempotent). `db` is the platform
/// role's connection (the posts of every demo tenant).
pub async fn blog_bodies(db: &DatabaseConnection, documents: &DocumentStore) -> Result<(), DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT tenant_id::text AS tenant, content_ref, title FROM blog_posts
             WHERE title = $1 AND content_ref IS NOT NULL",
            [PUBLISHED_TITLE.into()],
        ))
        .await?;
    let collection = documents.platform_collection::<ActivityOutput>();
    for row in rows {
        let tenant: String = row.try_get("", "tenant")?;
        let reference: String = row.try_get("", "content_ref")?;
        let title: String = row.try_get("", "title")?;
        let id =
            ObjectId::parse_str(&reference).map_err(|error| DbErr::Custom(error.to_string()))?;
        let document = ActivityOutput {
            id,
            tenant_id: tenant,
            activity_id: None,
            format: "markdown".to_owned(),
            title: Some(title),
            content_type: "text/markdown".to_owned(),
            s3_key: None,
            size_bytes: i64::try_from(PUBLISHED_BODY.len()).ok(),
            body: Some(PUBLISHED_BODY.to_owned()),
            word_count: Some(45),
            created_at: bson::DateTime::now(),
        };
        collection
            .replace_one(doc! { "_id": id }, document)
            .upsert(true)
            .await
            .map_err(|error| DbErr::Custom(format!("writing a demo blog body: {error}")))?;
    }
    Ok(())
}
