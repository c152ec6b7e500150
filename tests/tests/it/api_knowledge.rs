//! The knowledge base through the content subgraph: datasets (embedding settings fixed after
//! creation, the collection derived from the id), files (overrides falling back to the
//! dataset's defaults, pipeline progress, enabling, deleting) with the dataset's counts kept in
//! step, and crawl jobs (progress, completion, cancelling) — each change read back, every
//! refusal changing nothing, roles enforced (members read, admins write, agents report
//! progress).

use leadmetrics_tests::api::{Headers, assert_bad_input, call, data, ids, ok};
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::server::{TestServer, error_code};
use leadmetrics_tests::world::table_rows;
use serde_json::{Value, json};

const DATASET_FIELDS: &str = "id name description embeddingProvider embeddingModel vectorSize
  chunkSize chunkOverlap parseType parserEngine allowedAgentRoles qdrantCollection status
  totalFiles totalChunks deletedOn";
const FILE_FIELDS: &str = "id fileName mimeType fileSizeBytes storagePath chunkSize chunkOverlap
  parseType parserEngine effectiveChunkSize effectiveChunkOverlap effectiveParseType
  effectiveParserEngine status errorMessage chunksCount enabled source dataset { id totalFiles totalChunks }";
const CRAWL_FIELDS: &str = "id startUrl maxPages maxDepth urlPathFilter status pagesCrawled
  pagesIndexed pagesFailed errorMessage completedAt dataset { id }";

/// Every table a knowledge request may change.
const TABLES: [&str; 3] = ["rag_datasets", "rag_files", "rag_crawl_jobs"];

fn create_dataset() -> String {
    format!(
        "mutation($input: CreateRagDatasetInput!) {{ createRagDataset(input: $input) {{ {DATASET_FIELDS} }} }}"
    )
}
fn update_dataset() -> String {
    format!(
        "mutation($id: ID!, $input: UpdateRagDatasetInput!) {{ updateRagDataset(id: $id, input: $input) {{ {DATASET_FIELDS} }} }}"
    )
}
fn dataset_query() -> String {
    format!(
        "query($id: ID!) {{ ragDataset(id: $id) {{ {DATASET_FIELDS}
           files(first: 10) {{ nodes {{ id effectiveChunkSize }} pageInfo {{ hasNextPage endCursor }} }}
           crawlJobs {{ id status }} }} }}"
    )
}
fn add_file() -> String {
    format!(
        "mutation($input: AddRagFileInput!) {{ addRagFile(input: $input) {{ {FILE_FIELDS} }} }}"
    )
}
fn progress() -> String {
    format!(
        "mutation($id: ID!, $input: RecordRagFileProgressInput!) {{ recordRagFileProgress(id: $id, input: $input) {{ {FILE_FIELDS} }} }}"
    )
}
fn create_crawl() -> String {
    format!(
        "mutation($input: CreateRagCrawlJobInput!) {{ createRagCrawlJob(input: $input) {{ {CRAWL_FIELDS} }} }}"
    )
}
fn crawl_progress() -> String {
    format!(
        "mutation($id: ID!, $input: RecordRagCrawlProgressInput!) {{ recordRagCrawlProgress(id: $id, input: $input) {{ {CRAWL_FIELDS} }} }}"
    )
}
fn cancel_crawl() -> String {
    format!("mutation($id: ID!) {{ cancelRagCrawlJob(id: $id) {{ {CRAWL_FIELDS} }} }}")
}
const FILES: &str = "query($datasetId: ID!, $filter: RagFileFilter, $after: String) {
  ragFiles(datasetId: $datasetId, filter: $filter, first: 2, after: $after) {
    nodes { id } pageInfo { hasNextPage endCursor } } }";
const CRAWLS: &str = "query($datasetId: ID!, $filter: RagCrawlJobFilter) {
  ragCrawlJobs(datasetId: $datasetId, filter: $filter, first: 100) { nodes { id status } } }";
const DATASETS: &str = "query($filter: RagDatasetFilter) { ragDatasets(filter: $filter, first: 100) { nodes { id } } }";
const ENABLE: &str = "mutation($id: ID!, $enabled: Boolean!) { setRagFileEnabled(id: $id, enabled: $enabled) { id enabled } }";
const DELETE_FILE: &str = "mutation($id: ID!) { deleteRagFile(id: $id) }";
const DELETE_DATASET: &str = "mutation($id: ID!) { deleteRagDataset(id: $id) }";

fn docs_input(name: &str) -> Value {
    json!({ "name": name, "description": "Brand documents", "embeddingProvider": "openai",
            "embeddingModel": "text-embedding-3-small", "vectorSize": 1536,
            "chunkSize": 800, "chunkOverlap": 100, "parseType": "MARKDOWN",
            "allowedAgentRoles": ["content_writer", " content_writer ", "seo"] })
}

async fn run(server: &TestServer, who: &Headers, query: &str, variables: Value, at: &str) -> Value {
    let body = call(server, who, query, variables).await;
    ok(&body);
    data(&body, at).clone()
}

fn id(value: &Value) -> String {
    value["id"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_dataset_keeps_its_embedding_settings_and_its_files_inherit_its_defaults() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    run(
        &world.content,
        &admin,
        &create_dataset(),
        json!({ "input": docs_input("client_docs") }),
        "/data/createRagDataset",
    )
    .await;
    let body = call(
        &world.content,
        &admin,
        &create_dataset(),
        json!({ "input": docs_input("website_content") }),
    )
    .await;
    ok(&body);
    let created = data(&body, "/data/createRagDataset").clone();
    let dataset_id = id(&created);
    assert_eq!(
        created["qdrantCollection"],
        format!("ds_{}", dataset_id.to_lowercase())
    );
    assert_eq!(
        created["allowedAgentRoles"],
        json!(["content_writer", "seo"])
    );
    assert_eq!(created["parserEngine"], "NODE_NATIVE");
    assert_eq!(created["status"], "ACTIVE");
    assert_eq!(created["totalFiles"], 0);

    // A taken name is CONFLICT.
    let taken = call(
        &world.content,
        &admin,
        &create_dataset(),
        json!({ "input": docs_input("client_docs") }),
    )
    .await;
    assert_eq!(error_code(&taken), Some("CONFLICT"), "{taken}");

    // Fixed embedding settings: the same value is fine, another is refused on its field.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    for (input, field) in [
        (json!({ "vectorSize": 768 }), "vectorSize"),
        (
            json!({ "embeddingModel": "text-embedding-3-large" }),
            "embeddingModel",
        ),
        (
            json!({ "embeddingProvider": "ollama", "name": "renamed" }),
            "embeddingProvider",
        ),
        (json!({ "chunkOverlap": 800 }), "chunkOverlap"),
        (json!({ "chunkSize": 0 }), "chunkSize"),
        (json!({ "name": " " }), "name"),
    ] {
        let body = call(
            &world.content,
            &admin,
            &update_dataset(),
            json!({ "id": dataset_id, "input": input }),
        )
        .await;
        assert_bad_input(&body, field);
    }
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
    let updated = run(
        &world.content,
        &admin,
        &update_dataset(),
        json!({ "id": dataset_id, "input": { "vectorSize": 1536, "embeddingProvider": "openai",
               "chunkSize": 600, "chunkOverlap": 50, "parserEngine": "DOCLING",
               "description": "Site pages", "status": "BUILDING" } }),
        "/data/updateRagDataset",
    )
    .await;
    assert_eq!(updated["chunkSize"], 600);
    assert_eq!(updated["parserEngine"], "DOCLING");
    assert_eq!(updated["vectorSize"], 1536);
    assert_eq!(updated["status"], "BUILDING");

    // Files: no overrides → the dataset's; overrides → their own.
    let plain = run(
        &world.content,
        &admin,
        &add_file(),
        json!({ "input": { "datasetId": dataset_id, "fileName": "about.html",
                           "mimeType": "text/html", "fileSizeBytes": 1200 } }),
        "/data/addRagFile",
    )
    .await;
    assert_eq!(plain["chunkSize"], Value::Null);
    assert_eq!(plain["effectiveChunkSize"], 600);
    assert_eq!(plain["effectiveChunkOverlap"], 50);
    assert_eq!(plain["effectiveParseType"], "MARKDOWN");
    assert_eq!(plain["effectiveParserEngine"], "DOCLING");
    assert_eq!(plain["status"], "PENDING");
    assert_eq!(plain["source"], "UPLOAD");
    assert_eq!(plain["dataset"]["totalFiles"], 1);
    let own = run(
        &world.content,
        &admin,
        &add_file(),
        json!({ "input": { "datasetId": dataset_id, "fileName": "faq.md", "chunkSize": 200,
                           "parseType": "NAIVE", "parserEngine": "NODE_NATIVE",
                           "source": "WEBSITE_CRAWL" } }),
        "/data/addRagFile",
    )
    .await;
    assert_eq!(own["effectiveChunkSize"], 200);
    assert_eq!(own["effectiveChunkOverlap"], 50);
    assert_eq!(own["effectiveParseType"], "NAIVE");
    assert_eq!(own["effectiveParserEngine"], "NODE_NATIVE");
    assert_eq!(own["dataset"]["totalFiles"], 2);

    // Overrides that do not fit together with the defaults are refused.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    for (input, field) in [
        (json!({ "chunkSize": 40 }), "chunkOverlap"),
        (json!({ "chunkOverlap": 600 }), "chunkOverlap"),
        (json!({ "chunkSize": 0 }), "chunkSize"),
        (json!({ "fileSizeBytes": -1 }), "fileSizeBytes"),
        (json!({ "fileName": "" }), "fileName"),
    ] {
        let mut input = input;
        input["datasetId"] = json!(dataset_id);
        if input.get("fileName").is_none() {
            input["fileName"] = json!("x.txt");
        }
        let body = call(
            &world.content,
            &admin,
            &add_file(),
            json!({ "input": input }),
        )
        .await;
        assert_bad_input(&body, field);
    }
    let body = call(
        &world.content,
        &admin,
        &add_file(),
        json!({ "input": { "datasetId": leadmetrics_tests::api::UNKNOWN_ID, "fileName": "x" } }),
    )
    .await;
    assert_bad_input(&body, "datasetId");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    // Paging the files, through the root list and the dataset.
    let first = call(
        &world.content,
        &admin,
        FILES,
        json!({ "datasetId": dataset_id }),
    )
    .await;
    ok(&first);
    assert_eq!(
        ids(data(&first, "/data/ragFiles/nodes")),
        vec![id(&plain), id(&own)]
    );
    let read = run(
        &world.content,
        &admin,
        &dataset_query(),
        json!({ "id": dataset_id }),
        "/data/ragDataset",
    )
    .await;
    assert_eq!(ids(&read["files"]["nodes"]), vec![id(&plain), id(&own)]);
    let datasets = call(
        &world.content,
        &admin,
        DATASETS,
        json!({ "filter": { "status": "BUILDING" } }),
    )
    .await;
    assert_eq!(
        ids(data(&datasets, "/data/ragDatasets/nodes")),
        vec![dataset_id.clone()]
    );
}

#[tokio::test]
async fn file_progress_keeps_the_datasets_counts_and_agents_report_it() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let agent = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let dataset = run(
        &world.content,
        &admin,
        &create_dataset(),
        json!({ "input": docs_input("docs") }),
        "/data/createRagDataset",
    )
    .await;
    let dataset_id = id(&dataset);
    let mut files = Vec::new();
    for name in ["a.pdf", "b.pdf", "c.pdf"] {
        // Agents may add files (the crawler does).
        files.push(id(&run(
            &world.content,
            &agent,
            &add_file(),
            json!({ "input": { "datasetId": dataset_id, "fileName": name } }),
            "/data/addRagFile",
        )
        .await));
    }
    for (file, chunks) in [(&files[0], 30), (&files[1], 12)] {
        let done = run(
            &world.content,
            &agent,
            &progress(),
            json!({ "id": file, "input": { "status": "INDEXED", "chunksCount": chunks } }),
            "/data/recordRagFileProgress",
        )
        .await;
        assert_eq!(done["status"], "INDEXED");
    }
    // Re-indexed with fewer chunks: the total follows.
    let redone = run(
        &world.content,
        &agent,
        &progress(),
        json!({ "id": files[0], "input": { "status": "INDEXED", "chunksCount": 20 } }),
        "/data/recordRagFileProgress",
    )
    .await;
    assert_eq!(redone["dataset"]["totalChunks"], 32);
    let failed = run(
        &world.content,
        &agent,
        &progress(),
        json!({ "id": files[2], "input": { "status": "ERROR", "errorMessage": "bad PDF" } }),
        "/data/recordRagFileProgress",
    )
    .await;
    assert_eq!(failed["errorMessage"], "bad PDF");
    assert_eq!(failed["dataset"]["totalFiles"], 3);

    // Members read but do not write; bad counts are refused.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    for (query, variables) in [
        (
            progress(),
            json!({ "id": files[0], "input": { "status": "INDEXED", "chunksCount": 1 } }),
        ),
        (
            ENABLE.to_owned(),
            json!({ "id": files[0], "enabled": false }),
        ),
        (DELETE_FILE.to_owned(), json!({ "id": files[0] })),
        (create_dataset(), json!({ "input": docs_input("other") })),
        (
            add_file(),
            json!({ "input": { "datasetId": dataset_id, "fileName": "x" } }),
        ),
    ] {
        let body = call(&world.content, &member, &query, variables).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{query}: {body}");
    }
    let body = call(
        &world.content,
        &agent,
        &progress(),
        json!({ "id": files[0], "input": { "status": "INDEXED", "chunksCount": -1 } }),
    )
    .await;
    assert_bad_input(&body, "chunksCount");
    let body = call(
        &world.content,
        &agent,
        DELETE_DATASET,
        json!({ "id": dataset_id }),
    )
    .await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
    let read = run(
        &world.content,
        &member,
        &dataset_query(),
        json!({ "id": dataset_id }),
        "/data/ragDataset",
    )
    .await;
    assert_eq!(read["totalChunks"], 32);

    // Disabled files stay counted; deleting one takes its chunks off.
    let body = call(
        &world.content,
        &admin,
        ENABLE,
        json!({ "id": files[1], "enabled": false }),
    )
    .await;
    ok(&body);
    assert_eq!(data(&body, "/data/setRagFileEnabled/enabled"), false);
    let disabled = call(
        &world.content,
        &admin,
        FILES,
        json!({ "datasetId": dataset_id, "filter": { "enabled": false } }),
    )
    .await;
    assert_eq!(
        ids(data(&disabled, "/data/ragFiles/nodes")),
        vec![files[1].clone()]
    );
    ok(&call(
        &world.content,
        &admin,
        DELETE_FILE,
        json!({ "id": files[0] }),
    )
    .await);
    let read = run(
        &world.content,
        &admin,
        &dataset_query(),
        json!({ "id": dataset_id }),
        "/data/ragDataset",
    )
    .await;
    assert_eq!(read["totalFiles"], 2);
    assert_eq!(read["totalChunks"], 12);
    assert_eq!(
        ids(&read["files"]["nodes"]),
        vec![files[1].clone(), files[2].clone()]
    );
    let again = call(
        &world.content,
        &admin,
        DELETE_FILE,
        json!({ "id": files[0] }),
    )
    .await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");

    // Deleting the dataset hides it and its files.
    ok(&call(
        &world.content,
        &admin,
        DELETE_DATASET,
        json!({ "id": dataset_id }),
    )
    .await);
    let gone = call(
        &world.content,
        &member,
        &dataset_query(),
        json!({ "id": dataset_id }),
    )
    .await;
    assert_eq!(data(&gone, "/data/ragDataset"), &Value::Null);
    let none = call(
        &world.content,
        &admin,
        FILES,
        json!({ "datasetId": dataset_id }),
    )
    .await;
    ok(&none);
    assert!(ids(data(&none, "/data/ragFiles/nodes")).is_empty());
}

#[tokio::test]
async fn crawl_jobs_run_once_complete_or_fail_and_can_be_cancelled() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let agent = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let dataset_id = id(&run(
        &world.content,
        &admin,
        &create_dataset(),
        json!({ "input": docs_input("site") }),
        "/data/createRagDataset",
    )
    .await);
    let job = run(
        &world.content,
        &admin,
        &create_crawl(),
        json!({ "input": { "datasetId": dataset_id, "startUrl": "https://acme.test/",
                           "maxPages": 50, "maxDepth": 2, "urlPathFilter": "/blog" } }),
        "/data/createRagCrawlJob",
    )
    .await;
    assert_eq!(job["status"], "QUEUED");
    assert_eq!(job["dataset"]["id"], dataset_id.as_str());
    let job_id = id(&job);

    let before = table_rows(&world.db, &TABLES, &[]).await;
    for (input, field) in [
        (json!({ "startUrl": "file:///etc/passwd" }), "startUrl"),
        (
            json!({ "startUrl": "https://a.test", "maxPages": 0 }),
            "maxPages",
        ),
        (
            json!({ "startUrl": "https://a.test", "maxPages": 10001 }),
            "maxPages",
        ),
        (
            json!({ "startUrl": "https://a.test", "maxDepth": 11 }),
            "maxDepth",
        ),
        (
            json!({ "startUrl": "https://a.test", "maxDepth": -1 }),
            "maxDepth",
        ),
        (
            json!({ "startUrl": "https://a.test", "urlPathFilter": "blog" }),
            "urlPathFilter",
        ),
    ] {
        let mut input = input;
        input["datasetId"] = json!(dataset_id);
        let body = call(
            &world.content,
            &admin,
            &create_crawl(),
            json!({ "input": input }),
        )
        .await;
        assert_bad_input(&body, field);
    }
    let early = call(
        &world.content,
        &agent,
        &crawl_progress(),
        json!({ "id": job_id, "input": { "status": "COMPLETED" } }),
    )
    .await;
    assert_eq!(error_code(&early), Some("CONFLICT"), "{early}");
    let negative = call(
        &world.content,
        &agent,
        &crawl_progress(),
        json!({ "id": job_id, "input": { "status": "RUNNING", "pagesCrawled": -3 } }),
    )
    .await;
    assert_bad_input(&negative, "pagesCrawled");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    let running = run(
        &world.content,
        &agent,
        &crawl_progress(),
        json!({ "id": job_id, "input": { "status": "RUNNING", "pagesCrawled": 10, "pagesIndexed": 8 } }),
        "/data/recordRagCrawlProgress",
    )
    .await;
    assert_eq!(running["pagesCrawled"], 10);
    assert_eq!(running["completedAt"], Value::Null);
    let done = run(
        &world.content,
        &agent,
        &crawl_progress(),
        json!({ "id": job_id, "input": { "status": "COMPLETED", "pagesCrawled": 20,
                                          "pagesIndexed": 19, "pagesFailed": 1 } }),
        "/data/recordRagCrawlProgress",
    )
    .await;
    assert!(done["completedAt"].is_string());
    assert_eq!(done["pagesFailed"], 1);
    let late = call(
        &world.content,
        &admin,
        &cancel_crawl(),
        json!({ "id": job_id }),
    )
    .await;
    assert_eq!(error_code(&late), Some("CONFLICT"), "{late}");

    let second = id(&run(
        &world.content,
        &admin,
        &create_crawl(),
        json!({ "input": { "datasetId": dataset_id, "startUrl": "https://acme.test/docs" } }),
        "/data/createRagCrawlJob",
    )
    .await);
    let cancelled = run(
        &world.content,
        &admin,
        &cancel_crawl(),
        json!({ "id": second }),
        "/data/cancelRagCrawlJob",
    )
    .await;
    assert_eq!(cancelled["status"], "FAILED");
    assert_eq!(cancelled["errorMessage"], "cancelled");
    assert_eq!(cancelled["maxPages"], 200);
    assert_eq!(cancelled["maxDepth"], 3);
    let failed = call(
        &world.content,
        &admin,
        CRAWLS,
        json!({ "datasetId": dataset_id, "filter": { "status": "FAILED" } }),
    )
    .await;
    assert_eq!(
        ids(data(&failed, "/data/ragCrawlJobs/nodes")),
        vec![second.clone()]
    );
    let read = run(
        &world.content,
        &admin,
        &dataset_query(),
        json!({ "id": dataset_id }),
        "/data/ragDataset",
    )
    .await;
    assert_eq!(ids(&read["crawlJobs"]), vec![second, job_id]);
}
