//! Demo integrations, backlinks and knowledge base of a tenant: two integrations (SEMrush and
//! DataForSEO; **without credentials**: the seed has no key ring, so keys are set through
//! `setIntegration`, which encrypts them), backlinks in several outreach states (the published
//! ones checked), and a dataset with files in several pipeline states (its counts matching them)
//! and a crawl job. Idempotent: each row is inserted only when the tenant has none like it.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// Statements seeding tenant `$1`'s integrations, backlinks and knowledge base.
const STATEMENTS: [&str; 5] = [
    "INSERT INTO integrations (tenant_id, integration_type, name, extra_config, status)
     SELECT t.id, v.kind::integration_type, v.name, v.config::jsonb, 'connected'::integration_status
     FROM tenants t
     CROSS JOIN (VALUES ('semrush', 'SEMrush (demo, no key)', '{\"database\": \"in\"}'),
                        ('dataforseo', 'DataForSEO (demo, no key)', '{\"location\": 2356}'))
           AS v(kind, name, config)
     WHERE t.slug = $1
     ON CONFLICT (tenant_id, integration_type) WHERE integration_type <> 'custom' DO NOTHING",
    "INSERT INTO backlinks (tenant_id, deliverable_id, target_url, source_url, anchor_text,
                            domain_authority, link_type, outreach_status, outreach_sent_on,
                            link_published_on, last_checked_on, is_live, is_indexed)
     SELECT t.id, (SELECT d.id FROM deliverables d WHERE d.tenant_id = t.id ORDER BY d.ref_id LIMIT 1),
            'https://blog.example-' || v.n || '.test/' || t.slug || '-guide',
            'https://www.' || t.slug || '.test/', 'marketing for ' || t.slug, v.da,
            'dofollow'::backlink_link_type, v.status::backlink_outreach_status,
            CASE WHEN v.status <> 'prospecting' THEN now() - interval '20 days' END,
            CASE WHEN v.status = 'published' THEN now() - interval '5 days' END,
            CASE WHEN v.status = 'published' THEN now() - interval '1 day' END,
            v.status = 'published' AND v.n <> 5, v.status = 'published'
     FROM tenants t
     CROSS JOIN (VALUES (1, 'prospecting', 35), (2, 'outreach_sent', 48), (3, 'agreed', 52),
                        (4, 'published', 61), (5, 'published', 44), (6, 'rejected', 30))
           AS v(n, status, da)
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM backlinks b WHERE b.tenant_id = t.id)",
    "WITH r AS (SELECT gen_ulid() AS ref_id)
     INSERT INTO rag_datasets (ref_id, tenant_id, name, description, embedding_provider,
                               embedding_model, vector_size, allowed_agent_roles,
                               qdrant_collection, total_files, total_chunks)
     SELECT r.ref_id, t.id, 'client_docs', 'Brand guidelines and product documents', 'openai',
            'text-embedding-3-small', 1536, ARRAY['content_writer', 'seo_specialist'],
            'ds_' || lower(r.ref_id), 3, 42
     FROM tenants t CROSS JOIN r
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM rag_datasets d WHERE d.tenant_id = t.id AND d.name = 'client_docs')",
    "INSERT INTO rag_files (tenant_id, dataset_id, file_name, mime_type, file_size_bytes,
                           storage_path, chunk_size, status, chunks_count, error_message)
     SELECT t.id, d.id, v.name, v.mime, v.size, 'demo/' || t.slug || '/' || v.name, v.chunk_size,
            v.status, v.chunks, v.error
     FROM tenants t
     JOIN rag_datasets d ON d.tenant_id = t.id AND d.name = 'client_docs' AND d.deleted_on IS NULL
     CROSS JOIN (VALUES ('brand-guidelines.pdf', 'application/pdf', 482133, NULL::int, 'indexed', 30, NULL),
                        ('product-faq.md', 'text/markdown', 9120, 256, 'indexed', 12, NULL),
                        ('pricing.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                         20480, NULL, 'error', 0, 'unsupported embedded object'))
           AS v(name, mime, size, chunk_size, status, chunks, error)
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM rag_files f WHERE f.dataset_id = d.id)",
    "INSERT INTO rag_crawl_jobs (tenant_id, dataset_id, start_url, max_pages, max_depth,
                                url_path_filter, status, pages_crawled, pages_indexed,
                                pages_failed, completed_at)
     SELECT t.id, d.id, 'https://www.' || t.slug || '.test/', 50, 2, '/blog', 'completed', 18, 17, 1,
            now() - interval '2 days'
     FROM tenants t
     JOIN rag_datasets d ON d.tenant_id = t.id AND d.name = 'client_docs' AND d.deleted_on IS NULL
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM rag_crawl_jobs c WHERE c.dataset_id = d.id)",
];

/// Seeds tenant `slug`'s integrations, backlinks and knowledge base (see the module
/// documentation).
pub async fn knowledge(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into()]).await?;
    }
    Ok(())
}
