//! N+1 proven gone for backlinks and the knowledge base: a page of backlinks with their
//! activity and deliverable, and a page of datasets with their files (each file's dataset and
//! inherited settings) and crawl jobs, run the same number of SQL statements for 10 rows as for
//! 100. Statements are counted by the server's database driver.

use leadmetrics_tests::api::{call, data, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::exec_with;
use serde_json::json;

const BACKLINKS: &str = "{ backlinks(first: 100) { nodes { id outreachStatus
  activity { id } deliverable { id } } } }";

const DATASETS: &str = "{ ragDatasets(first: 100) { nodes { id name totalFiles
  files(first: 10) { nodes { id effectiveChunkSize effectiveParseType dataset { id } } }
  crawlJobs { id status dataset { id } } } } }";

/// Adds `count` backlinks to acme, each linked to one of its activities and deliverables.
async fn add_backlinks(world: &ContentWorld, count: i64) {
    let inserted = exec_with(
        &world.db.owner,
        "INSERT INTO backlinks (tenant_id, target_url, activity_id, deliverable_id)
         SELECT t.id, 'https://links.test/' || g,
                (SELECT a.id FROM activities a WHERE a.tenant_id = t.id ORDER BY md5(a.id::text || g) LIMIT 1),
                (SELECT d.id FROM deliverables d WHERE d.tenant_id = t.id ORDER BY md5(d.id::text || g) LIMIT 1)
         FROM tenants t CROSS JOIN generate_series(1, $2::int) g
         WHERE t.slug = $1",
        ["acme".into(), count.into()],
    )
    .await;
    assert!(inserted.is_ok(), "{inserted:?}");
}

/// Adds `count` datasets (named with `prefix`) to acme, each with three files and a crawl job.
async fn add_datasets(world: &ContentWorld, prefix: &str, count: i64) {
    for sql in [
        "INSERT INTO rag_datasets (ref_id, tenant_id, name, embedding_provider, embedding_model,
                                   vector_size, qdrant_collection)
         SELECT u.r, t.id, $3 || g, 'openai', 'text-embedding-3-small', 1536, 'ds_' || lower(u.r)
         FROM tenants t CROSS JOIN generate_series(1, $2::int) g
         CROSS JOIN LATERAL (SELECT gen_ulid() AS r WHERE g IS NOT NULL) u
         WHERE t.slug = $1",
        "INSERT INTO rag_files (tenant_id, dataset_id, file_name, chunk_size)
         SELECT d.tenant_id, d.id, 'file-' || f || '.pdf', CASE WHEN f = 1 THEN 256 END
         FROM rag_datasets d JOIN tenants t ON t.id = d.tenant_id
         CROSS JOIN generate_series(1, 3) f
         WHERE t.slug = $1 AND d.name LIKE $3 || '%' AND $2::int > 0",
        "INSERT INTO rag_crawl_jobs (tenant_id, dataset_id, start_url)
         SELECT d.tenant_id, d.id, 'https://acme.test/'
         FROM rag_datasets d JOIN tenants t ON t.id = d.tenant_id
         WHERE t.slug = $1 AND d.name LIKE $3 || '%' AND $2::int > 0",
    ] {
        let done = exec_with(
            &world.db.owner,
            sql,
            ["acme".into(), count.into(), prefix.into()],
        )
        .await;
        assert!(done.is_ok(), "{done:?}");
    }
}

/// The statements `query` runs as acme's admin, and how many nodes its list returned.
async fn statements(world: &ContentWorld, query: &str, list: &str) -> (u64, usize) {
    let admin = world.user("admin@acme.test").await;
    let (body, statements) = world
        .content
        .statements_of(call(&world.content, &admin, query, json!({})))
        .await;
    ok(&body);
    let rows = data(&body, list).as_array().map_or(0, Vec::len);
    (statements.len() as u64, rows)
}

#[tokio::test]
async fn backlinks_with_their_activity_and_deliverable_cost_the_same_for_10_and_100() {
    let world = start_content().await;
    add_backlinks(&world, 10).await;
    let (ten, rows) = statements(&world, BACKLINKS, "/data/backlinks/nodes").await;
    assert_eq!(rows, 10);
    add_backlinks(&world, 90).await;
    let (hundred, rows) = statements(&world, BACKLINKS, "/data/backlinks/nodes").await;
    assert_eq!(rows, 100);
    assert_eq!(ten, hundred, "statements grew with the rows");
}

#[tokio::test]
async fn datasets_with_their_files_and_crawl_jobs_cost_the_same_for_10_and_100() {
    let world = start_content().await;
    add_datasets(&world, "small-", 10).await;
    let (ten, rows) = statements(&world, DATASETS, "/data/ragDatasets/nodes").await;
    assert_eq!(rows, 10);
    add_datasets(&world, "large-", 90).await;
    let (hundred, rows) = statements(&world, DATASETS, "/data/ragDatasets/nodes").await;
    assert_eq!(rows, 100);
    assert_eq!(ten, hundred, "statements grew with the rows");
}
