//! Backlinks through the content subgraph: recording (with a deliverable and an activity),
//! changing, the outreach pipeline with its stamped dates and refused moves, liveness checks of
//! published links only, the filters, soft deletion — each change read back, every refusal
//! changing nothing.

use leadmetrics_tests::api::{Headers, assert_bad_input, call, data, ids, ok};
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::server::{TestServer, error_code};
use leadmetrics_tests::world::table_rows;
use leadmetrics_tests::{TestDatabase, get, query_one};
use serde_json::{Value, json};

const FIELDS: &str = "id targetUrl sourceUrl anchorText domainAuthority linkType outreachStatus
  outreachSentOn linkPublishedOn lastCheckedOn isLive isIndexed checkResult notes deletedOn
  activity { id } deliverable { id }";

fn create_mutation() -> String {
    format!(
        "mutation($input: CreateBacklinkInput!) {{ createBacklink(input: $input) {{ {FIELDS} }} }}"
    )
}
fn update_mutation() -> String {
    format!(
        "mutation($id: ID!, $input: UpdateBacklinkInput!) {{ updateBacklink(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}
fn move_mutation() -> String {
    format!(
        "mutation($id: ID!, $status: BacklinkOutreachStatus!) {{
           moveBacklinkOutreach(id: $id, status: $status) {{ {FIELDS} }} }}"
    )
}
fn check_mutation() -> String {
    format!(
        "mutation($id: ID!, $input: RecordBacklinkCheckInput!) {{
           recordBacklinkCheck(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}
const LIST: &str = "query($filter: BacklinkFilter) {
  backlinks(filter: $filter, first: 100) { nodes { id } } }";
const ONE: &str = "query($id: ID!) { backlink(id: $id) { id outreachStatus deletedOn } }";
const DELETE: &str = "mutation($id: ID!) { deleteBacklink(id: $id) }";

/// The public id of the first live (not soft-deleted) row of `table` of tenant `slug`.
pub async fn first_ref(db: &TestDatabase, table: &str, slug: &str) -> String {
    let row = query_one(
        &db.owner,
        &format!(
            "SELECT x.ref_id FROM {table} x JOIN tenants t ON t.id = x.tenant_id
             WHERE t.slug = $1 AND (to_jsonb(x) ->> 'deleted_on') IS NULL
             ORDER BY x.ref_id LIMIT 1"
        ),
        [slug.into()],
    )
    .await;
    get(&row, "ref_id")
}

async fn create(server: &TestServer, who: &Headers, input: Value) -> Value {
    let body = call(server, who, &create_mutation(), json!({ "input": input })).await;
    ok(&body);
    data(&body, "/data/createBacklink").clone()
}

async fn move_to(server: &TestServer, who: &Headers, id: &str, status: &str) -> Value {
    call(
        server,
        who,
        &move_mutation(),
        json!({ "id": id, "status": status }),
    )
    .await
}

async fn listed(server: &TestServer, who: &Headers, filter: Value) -> Vec<String> {
    let body = call(server, who, LIST, json!({ "filter": filter })).await;
    ok(&body);
    ids(data(&body, "/data/backlinks/nodes"))
}

#[tokio::test]
async fn a_backlink_goes_through_the_outreach_pipeline_and_is_checked_once_published() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let deliverable = first_ref(&world.db, "deliverables", "acme").await;
    let activity = first_ref(&world.db, "activities", "acme").await;
    let link = create(
        &world.content,
        &member,
        json!({ "targetUrl": "https://blog.example.test/guide", "sourceUrl": "https://acme.test/",
                "anchorText": "acme guide", "domainAuthority": 54, "linkType": "DOFOLLOW",
                "notes": "Found via SERP", "deliverableId": deliverable, "activityId": activity }),
    )
    .await;
    assert_eq!(link["outreachStatus"], "PROSPECTING");
    assert_eq!(link["deliverable"]["id"], deliverable.as_str());
    assert_eq!(link["activity"]["id"], activity.as_str());
    assert_eq!(link["domainAuthority"], 54);
    assert_eq!(link["isLive"], false);
    let id = link["id"].as_str().unwrap_or_default().to_owned();

    // Checks before publication are refused.
    let early = call(
        &world.content,
        &member,
        &check_mutation(),
        json!({ "id": id, "input": { "isLive": true, "isIndexed": true } }),
    )
    .await;
    assert_eq!(error_code(&early), Some("CONFLICT"), "{early}");

    // Skipping a step is refused; one step at a time stamps the dates.
    let skipped = move_to(&world.content, &member, &id, "PUBLISHED").await;
    assert_eq!(error_code(&skipped), Some("CONFLICT"), "{skipped}");
    let sent = move_to(&world.content, &member, &id, "OUTREACH_SENT").await;
    ok(&sent);
    assert!(data(&sent, "/data/moveBacklinkOutreach/outreachSentOn").is_string());
    for status in ["RESPONDED", "AGREED"] {
        let body = move_to(&world.content, &member, &id, status).await;
        ok(&body);
        assert_eq!(
            data(&body, "/data/moveBacklinkOutreach/outreachStatus"),
            status
        );
    }
    let published = move_to(&world.content, &member, &id, "PUBLISHED").await;
    ok(&published);
    assert!(data(&published, "/data/moveBacklinkOutreach/linkPublishedOn").is_string());
    // Published is final.
    let back = move_to(&world.content, &member, &id, "REJECTED").await;
    assert_eq!(error_code(&back), Some("CONFLICT"), "{back}");

    // Liveness.
    let checked = call(
        &world.content,
        &member,
        &check_mutation(),
        json!({ "id": id, "input": { "isLive": true, "isIndexed": false,
                                      "checkResult": { "status_code": 200 } } }),
    )
    .await;
    ok(&checked);
    let checked = data(&checked, "/data/recordBacklinkCheck");
    assert_eq!(checked["isLive"], true);
    assert_eq!(checked["isIndexed"], false);
    assert_eq!(checked["checkResult"], json!({ "status_code": 200 }));
    assert!(checked["lastCheckedOn"].is_string());
    let too_big = call(
        &world.content,
        &member,
        &check_mutation(),
        json!({ "id": id, "input": { "isLive": true, "isIndexed": true,
                                      "checkResult": { "x": "y".repeat(64 * 1024) } } }),
    )
    .await;
    assert_bad_input(&too_big, "checkResult");

    // Filters.
    assert_eq!(
        listed(
            &world.content,
            &member,
            json!({ "outreachStatus": "PUBLISHED", "isLive": true })
        )
        .await,
        vec![id.clone()]
    );
    assert_eq!(
        listed(
            &world.content,
            &member,
            json!({ "deliverableId": deliverable })
        )
        .await,
        vec![id.clone()]
    );
    assert_eq!(
        listed(
            &world.content,
            &member,
            json!({ "activityId": activity, "isIndexed": false, "linkType": "DOFOLLOW" })
        )
        .await,
        vec![id.clone()]
    );
    assert!(
        listed(&world.content, &member, json!({ "isIndexed": true }))
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn closed_outreach_reopens_and_updates_and_deletes_read_back() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let admin = world.user("admin@acme.test").await;
    let id = create(
        &world.content,
        &member,
        json!({ "targetUrl": "https://news.example.test/a" }),
    )
    .await["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // Not contacted yet: no NO_RESPONSE; REJECTED is fine, then reopened.
    let body = move_to(&world.content, &member, &id, "NO_RESPONSE").await;
    assert_eq!(error_code(&body), Some("CONFLICT"), "{body}");
    ok(&move_to(&world.content, &member, &id, "OUTREACH_SENT").await);
    ok(&move_to(&world.content, &member, &id, "NO_RESPONSE").await);
    // A follow-up.
    let follow_up = move_to(&world.content, &member, &id, "OUTREACH_SENT").await;
    ok(&follow_up);
    ok(&move_to(&world.content, &member, &id, "REJECTED").await);
    let reopened = move_to(&world.content, &member, &id, "PROSPECTING").await;
    ok(&reopened);
    assert_eq!(
        data(&reopened, "/data/moveBacklinkOutreach/outreachSentOn"),
        &Value::Null
    );

    // Updates.
    let body = call(
        &world.content,
        &member,
        &update_mutation(),
        json!({ "id": id, "input": { "anchorText": "new anchor", "domainAuthority": 0,
                                      "linkType": "NOFOLLOW", "notes": "Called them" } }),
    )
    .await;
    ok(&body);
    let updated = data(&body, "/data/updateBacklink");
    assert_eq!(updated["anchorText"], "new anchor");
    assert_eq!(updated["domainAuthority"], 0);
    assert_eq!(updated["linkType"], "NOFOLLOW");
    assert_eq!(updated["targetUrl"], "https://news.example.test/a");

    // Refusals change nothing.
    let before = table_rows(&world.db, &["backlinks"], &[]).await;
    for (input, field) in [
        (json!({ "targetUrl": "ftp://x.test" }), "targetUrl"),
        (
            json!({ "targetUrl": format!("https://x.test/{}", "a".repeat(1000)) }),
            "targetUrl",
        ),
        (json!({ "sourceUrl": "javascript:alert(1)" }), "sourceUrl"),
        (json!({ "domainAuthority": 101 }), "domainAuthority"),
        (json!({ "domainAuthority": -1 }), "domainAuthority"),
        (json!({ "anchorText": "a".repeat(501) }), "anchorText"),
        (
            json!({ "deliverableId": leadmetrics_tests::api::UNKNOWN_ID }),
            "deliverableId",
        ),
        (json!({ "activityId": "not-an-id" }), "activityId"),
    ] {
        let body = call(
            &world.content,
            &member,
            &update_mutation(),
            json!({ "id": id, "input": input }),
        )
        .await;
        assert_bad_input(&body, field);
    }
    let body = call(
        &world.content,
        &member,
        &create_mutation(),
        json!({ "input": { "targetUrl": "https://x.test", "domainAuthority": 400 } }),
    )
    .await;
    assert_bad_input(&body, "domainAuthority");
    let reviewer = world.user("reviewer@acme.test").await;
    let body = call(&world.content, &reviewer, DELETE, json!({ "id": id })).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    let read_only = world.api_key("admin@acme.test", &["READ"]).await;
    let body = call(
        &world.content,
        &read_only,
        &create_mutation(),
        json!({ "input": { "targetUrl": "https://x.test" } }),
    )
    .await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(table_rows(&world.db, &["backlinks"], &[]).await, before);

    // An agent's write key may record backlinks.
    let agent = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    create(
        &world.content,
        &agent,
        json!({ "targetUrl": "https://agent.example.test/" }),
    )
    .await;

    // Soft delete: hidden from the list and from members; admins still see it.
    let body = call(&world.content, &member, DELETE, json!({ "id": id })).await;
    ok(&body);
    assert!(
        !listed(&world.content, &member, json!({}))
            .await
            .contains(&id)
    );
    let body = call(&world.content, &member, ONE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/backlink"), &Value::Null);
    let body = call(&world.content, &admin, ONE, json!({ "id": id })).await;
    assert!(
        data(&body, "/data/backlink/deletedOn").is_string(),
        "{body}"
    );
    let again = move_to(&world.content, &member, &id, "OUTREACH_SENT").await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");
}
