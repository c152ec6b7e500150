//! The blog pipeline through the content subgraph, end to end: a member drafts and submits a
//! request, a reviewer approves it and its draft post exists (made in the same transaction);
//! a request gated by an activity waits for that activity's approval (decided on the tenant
//! subgraph with `approveApproval`); the post moves through writing, review, scheduling and
//! publishing with every refusal changing nothing; its body is written to the document store
//! and read back; an agent's API key is recorded as the requester.

use leadmetrics_tests::api::{
    Headers, assert_bad_input, assert_code, call, data, id_of, string_at,
};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{table_rows, user_ref_id};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

const CONNECT: &str =
    "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }";
const CREATE: &str = "mutation($input: CreateBlogRequestInput!) {
  createBlogRequest(input: $input) { id status requestedByType requestedById title priority
    targetChannel { id } deliverable { id } deliverablePeriod { id } activity { id } post { id } } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateBlogRequestInput!) {
  updateBlogRequest(id: $id, input: $input) { id status title rejectionNotes } }";
const SUBMIT: &str = "mutation($id: ID!) { submitBlogRequest(id: $id) { id status } }";
const APPROVE: &str = "mutation($id: ID!) { approveBlogRequest(id: $id) { id status
  post { id status title focusKeyword channel { id } request { id } } } }";
const REJECT: &str = "mutation($id: ID!, $notes: String!) { rejectBlogRequest(id: $id, notes: $notes) { id status rejectionNotes } }";
const POST: &str = "query($id: ID!) { blogPost(id: $id) { id status title slug metaDescription
  contentRef wordCount scheduledFor publishedOn publishedUrl cmsPostId
  body { id format inlineBody wordCount } request { id status } } }";
const UPDATE_POST: &str = "mutation($id: ID!, $input: UpdateBlogPostInput!) {
  updateBlogPost(id: $id, input: $input) { id slug metaDescription } }";
const SET_BODY: &str = "mutation($id: ID!, $markdown: String!) {
  setBlogPostBody(id: $id, markdown: $markdown) { id contentRef wordCount } }";
const ATTACH: &str = "mutation($id: ID!, $ref: String!) {
  attachBlogPostContent(id: $id, contentRef: $ref) { id contentRef } }";
const START_WRITING: &str = "mutation($id: ID!) { startBlogPostWriting(id: $id) { id status } }";
const TO_REVIEW: &str = "mutation($id: ID!) { submitBlogPostForReview(id: $id) { id status } }";
const APPROVE_POST: &str = "mutation($id: ID!) { approveBlogPost(id: $id) { id status } }";
const REJECT_POST: &str = "mutation($id: ID!) { rejectBlogPost(id: $id) { id status } }";
const SCHEDULE: &str = "mutation($id: ID!, $at: DateTime!) {
  scheduleBlogPost(id: $id, scheduledFor: $at) { id status scheduledFor } }";
const PUBLISH: &str = "mutation($id: ID!, $input: PublishBlogPostInput!) {
  publishBlogPost(id: $id, input: $input) { id status publishedUrl cmsPostId publishedOn } }";

/// The tables a blog request or post mutation may change.
const TABLES: [&str; 2] = ["blog_requests", "blog_posts"];

/// Connects a channel of `platform` as `admin`; returns its id.
pub async fn channel(
    server: &TestServer,
    admin: &Headers,
    platform: &str,
    external: &str,
) -> String {
    let body = call(
        server,
        admin,
        CONNECT,
        json!({ "input": { "platform": platform, "name": format!("{platform} {external}"),
                           "externalId": external, "accessToken": "token-value-123" } }),
    )
    .await;
    string_at(&body, "/data/connectChannel/id")
}

/// A complete request's input for `channel`.
pub fn request_input(channel: &str, title: &str) -> Value {
    json!({
        "title": title,
        "topicBrief": "Ten signs that a site needs an SEO audit, with examples.",
        "targetKeyword": "seo audit",
        "secondaryKeywords": ["technical seo", "site audit"],
        "searchIntent": "INFORMATIONAL",
        "targetChannelId": channel,
        "targetWordCount": 1500,
        "priority": "HIGH"
    })
}

/// Creates a request as `who` and returns it.
async fn create(world: &ContentWorld, who: &Headers, input: Value) -> Value {
    let body = call(&world.content, who, CREATE, json!({ "input": input })).await;
    data(&body, "/data/createBlogRequest").clone()
}

/// Drafts, submits and approves a request; returns the post's id.
pub async fn approved_post(
    server: &TestServer,
    member: &Headers,
    reviewer: &Headers,
    channel: &str,
    title: &str,
) -> (String, String) {
    let body = call(
        server,
        member,
        CREATE,
        json!({ "input": request_input(channel, title) }),
    )
    .await;
    let request = string_at(&body, "/data/createBlogRequest/id");
    let body = call(server, member, SUBMIT, json!({ "id": request })).await;
    data(&body, "/data/submitBlogRequest");
    let body = call(server, reviewer, APPROVE, json!({ "id": request })).await;
    (
        request,
        string_at(&body, "/data/approveBlogRequest/post/id"),
    )
}

#[tokio::test]
async fn a_members_request_approved_by_a_reviewer_creates_its_draft_post_in_the_same_transaction() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;

    let request = create(
        &world,
        &member,
        request_input(&wordpress, "Ten signs you need an SEO audit"),
    )
    .await;
    assert_eq!(request["status"], "DRAFT");
    assert_eq!(request["requestedByType"], "HUMAN");
    assert_eq!(
        request["requestedById"],
        json!(user_ref_id(&world.db, "member@acme.test").await)
    );
    assert_eq!(request["targetChannel"]["id"], json!(wordpress));
    assert_eq!(request["post"], Value::Null);
    let id = id_of(&request);

    // A reviewer cannot approve a draft; a member cannot approve at all.
    let body = call(&world.content, &reviewer, APPROVE, json!({ "id": id })).await;
    assert_code(&body, "CONFLICT");
    let body = call(&world.content, &member, SUBMIT, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/submitBlogRequest/status"),
        "PENDING_APPROVAL"
    );
    let body = call(&world.content, &member, APPROVE, json!({ "id": id })).await;
    assert_code(&body, "FORBIDDEN");
    let body = call(
        &world.content,
        &member,
        UPDATE,
        json!({ "id": id, "input": { "title": "x" } }),
    )
    .await;
    assert_code(&body, "CONFLICT");

    let body = call(&world.content, &reviewer, APPROVE, json!({ "id": id })).await;
    let approved = data(&body, "/data/approveBlogRequest");
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["post"]["status"], "DRAFT");
    assert_eq!(approved["post"]["title"], "Ten signs you need an SEO audit");
    assert_eq!(approved["post"]["focusKeyword"], "seo audit");
    assert_eq!(approved["post"]["channel"]["id"], json!(wordpress));
    assert_eq!(approved["post"]["request"]["id"], json!(id));
    let row = query_one(
        &world.db.owner,
        "SELECT count(*) AS n FROM blog_posts p JOIN blog_requests r ON r.id = p.blog_request_id
         WHERE r.ref_id = $1 AND r.status = 'approved'",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 1);

    // Approved twice: CONFLICT, still one post.
    let body = call(&world.content, &reviewer, APPROVE, json!({ "id": id })).await;
    assert_code(&body, "CONFLICT");
    let body = call(
        &world.content,
        &member,
        "query($id: ID!) { blogPosts(filter: { blogRequestId: $id }) { nodes { id } } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/blogPosts/nodes")
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    // Started and completed by a member.
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { startBlogRequest(id: $id) { status } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(data(&body, "/data/startBlogRequest/status"), "IN_PROGRESS");
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { completeBlogRequest(id: $id) { status } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(data(&body, "/data/completeBlogRequest/status"), "COMPLETED");
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { deleteBlogRequest(id: $id) }",
        json!({ "id": id }),
    )
    .await;
    assert_code(&body, "CONFLICT");
}

#[tokio::test]
async fn a_rejected_request_goes_back_to_draft_when_edited_and_drafts_can_be_deleted() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    let id = id_of(&create(&world, &member, request_input(&wordpress, "Link building")).await);
    let body = call(&world.content, &member, SUBMIT, json!({ "id": id })).await;
    data(&body, "/data/submitBlogRequest");
    let body = call(
        &world.content,
        &reviewer,
        REJECT,
        json!({ "id": id, "notes": " " }),
    )
    .await;
    assert_bad_input(&body, "notes");
    let body = call(
        &world.content,
        &reviewer,
        REJECT,
        json!({ "id": id, "notes": "Off-brand." }),
    )
    .await;
    assert_eq!(data(&body, "/data/rejectBlogRequest/status"), "REJECTED");
    assert_eq!(
        data(&body, "/data/rejectBlogRequest/rejectionNotes"),
        "Off-brand."
    );
    let body = call(
        &world.content,
        &member,
        UPDATE,
        json!({ "id": id, "input": { "title": "Link earning" } }),
    )
    .await;
    assert_eq!(data(&body, "/data/updateBlogRequest/status"), "DRAFT");
    assert_eq!(
        data(&body, "/data/updateBlogRequest/rejectionNotes"),
        "Off-brand."
    );
    let body = call(&world.content, &member, SUBMIT, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/submitBlogRequest/status"),
        "PENDING_APPROVAL"
    );

    // A draft without a brief is not submitted; it is deleted.
    let draft = id_of(&create(&world, &member, json!({ "title": "Just an idea" })).await);
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let body = call(&world.content, &member, SUBMIT, json!({ "id": draft })).await;
    assert_bad_input(&body, "topicBrief");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { deleteBlogRequest(id: $id) }",
        json!({ "id": draft }),
    )
    .await;
    assert_eq!(data(&body, "/data/deleteBlogRequest"), &json!(draft));
    let body = call(
        &world.content,
        &member,
        "query($id: ID!) { blogRequest(id: $id) { id } }",
        json!({ "id": draft }),
    )
    .await;
    assert_eq!(data(&body, "/data/blogRequest"), &Value::Null);
}

#[tokio::test]
async fn bad_request_input_is_refused_on_its_field_and_changes_nothing() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    let linkedin = channel(&world.content, &admin, "LINKEDIN", "acme-page").await;
    let plan = leadmetrics_tests::query_all(
        &world.db.owner,
        "SELECT d.ref_id AS deliverable, p.ref_id AS period FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = 'acme' AND d.deleted_on IS NULL ORDER BY d.ref_id, p.ref_id",
        [],
    )
    .await;
    let first_deliverable: String = get(&plan[0], "deliverable");
    let other_period: String = plan
        .iter()
        .map(|row| {
            (
                get::<String>(row, "deliverable"),
                get::<String>(row, "period"),
            )
        })
        .find(|(deliverable, _)| *deliverable != first_deliverable)
        .map(|(_, period)| period)
        .unwrap_or_default();
    let base = request_input(&wordpress, "A post");
    let with = |field: &str, value: Value| {
        let mut input = base.clone();
        input[field] = value;
        input
    };
    let cases = [
        (with("title", json!(" ")), "title"),
        (with("title", json!("t".repeat(501))), "title"),
        (with("targetChannelId", json!(linkedin)), "targetChannelId"),
        (
            with("targetChannelId", json!(leadmetrics_tests::api::UNKNOWN_ID)),
            "targetChannelId",
        ),
        (
            with("targetChannelId", json!("not-an-id")),
            "targetChannelId",
        ),
        (with("targetWordCount", json!(5)), "targetWordCount"),
        (
            with("secondaryKeywords", json!(vec!["k"; 21])),
            "secondaryKeywords",
        ),
        (
            with("deliverableId", json!(leadmetrics_tests::api::UNKNOWN_ID)),
            "deliverableId",
        ),
        (
            with("activityId", json!(leadmetrics_tests::api::UNKNOWN_ID)),
            "activityId",
        ),
        (
            {
                let mut input = with("deliverableId", json!(first_deliverable));
                input["deliverablePeriodId"] = json!(other_period);
                input
            },
            "deliverablePeriodId",
        ),
    ];
    let before = table_rows(&world.db, &TABLES, &[]).await;
    for (input, field) in cases {
        let body = call(&world.content, &member, CREATE, json!({ "input": input })).await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null, "{body}");
    }
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    // A period alone brings its deliverable.
    let period: String = get(&plan[0], "period");
    let request = create(&world, &member, with("deliverablePeriodId", json!(period))).await;
    assert_eq!(request["deliverablePeriod"]["id"], json!(period));
    assert_eq!(request["deliverable"]["id"], json!(first_deliverable));
}

#[tokio::test]
async fn a_request_gated_by_an_activity_is_approved_only_after_its_approval_is() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    // An activity in progress with a pending approval, on the tenant subgraph.
    let body = call(
        &world.tenant,
        &admin,
        "mutation { createActivity(input: { title: \"Blog request review\", type: WRITE,
           assignee: { type: AGENT, agentRole: \"copywriter\" } }) { id } }",
        json!({}),
    )
    .await;
    let activity = string_at(&body, "/data/createActivity/id");
    let body = call(
        &world.tenant,
        &admin,
        "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { id } }",
        json!({ "id": activity }),
    )
    .await;
    data(&body, "/data/changeActivityStatus");
    let body = call(
        &world.tenant,
        &admin,
        "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id status } }",
        json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW", "title": "Approve the blog request" } }),
    )
    .await;
    let approval = string_at(&body, "/data/createApproval/id");

    let mut input = request_input(&wordpress, "Gated post");
    input["activityId"] = json!(activity);
    let request = create(&world, &member, input).await;
    assert_eq!(request["activity"]["id"], json!(activity));
    let id = id_of(&request);
    let body = call(&world.content, &member, SUBMIT, json!({ "id": id })).await;
    data(&body, "/data/submitBlogRequest");
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let body = call(&world.content, &reviewer, APPROVE, json!({ "id": id })).await;
    assert_code(&body, "CONFLICT");
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("approveApproval"), "{body}");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    let body = call(
        &world.tenant,
        &reviewer,
        "mutation($id: ID!) { approveApproval(id: $id) { id status } }",
        json!({ "id": approval }),
    )
    .await;
    assert_eq!(data(&body, "/data/approveApproval/status"), "APPROVED");
    let body = call(&world.content, &reviewer, APPROVE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/approveBlogRequest/status"), "APPROVED");
    assert_eq!(data(&body, "/data/approveBlogRequest/post/status"), "DRAFT");
}

#[tokio::test]
async fn a_post_moves_through_writing_review_scheduling_and_publishing_with_its_body_read_back() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    let (_, post) =
        approved_post(&world.content, &member, &reviewer, &wordpress, "SEO audit").await;
    let run = |headers: &Headers, query: &'static str, variables: Value| {
        let server = &world.content;
        let headers = headers.clone();
        async move { call(server, &headers, query, variables).await }
    };

    // Refusals change nothing.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let body = run(
        &member,
        UPDATE_POST,
        json!({ "id": post, "input": { "metaDescription": "m".repeat(161) } }),
    )
    .await;
    assert_bad_input(&body, "metaDescription");
    let body = run(
        &member,
        UPDATE_POST,
        json!({ "id": post, "input": { "slug": "Not A Slug" } }),
    )
    .await;
    assert_bad_input(&body, "slug");
    let body = run(&member, TO_REVIEW, json!({ "id": post })).await;
    assert_code(&body, "CONFLICT");
    let body = run(
        &member,
        ATTACH,
        json!({ "id": post, "ref": "65a1b2c3d4e5f60718293a4b" }),
    )
    .await;
    assert_bad_input(&body, "contentRef");
    let body = run(&member, ATTACH, json!({ "id": post, "ref": "nope" })).await;
    assert_bad_input(&body, "contentRef");
    let body = run(&member, SET_BODY, json!({ "id": post, "markdown": "  " })).await;
    assert_bad_input(&body, "markdown");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    let body = run(
        &member,
        UPDATE_POST,
        json!({ "id": post, "input": {
        "slug": "ten-signs-of-seo", "metaDescription": "m".repeat(160) } }),
    )
    .await;
    assert_eq!(data(&body, "/data/updateBlogPost/slug"), "ten-signs-of-seo");
    let body = run(&member, START_WRITING, json!({ "id": post })).await;
    assert_eq!(data(&body, "/data/startBlogPostWriting/status"), "WRITING");
    let body = run(&member, TO_REVIEW, json!({ "id": post })).await;
    assert_code(&body, "CONFLICT");
    let markdown = "# Ten signs\n\nTraffic fell and nobody knows why.\n";
    let body = run(
        &member,
        SET_BODY,
        json!({ "id": post, "markdown": markdown }),
    )
    .await;
    let content_ref = string_at(&body, "/data/setBlogPostBody/contentRef");
    assert_eq!(content_ref.len(), 24);
    assert_eq!(data(&body, "/data/setBlogPostBody/wordCount"), 8);
    // The body is one document of the tenant (counted in the collection: the store's write
    // counter also sees the audit log's background inserts).
    let stored = world
        .content
        .services()
        .documents
        .platform_collection::<graph_core::documents::ActivityOutput>()
        .count_documents(mongodb::bson::doc! {
            "_id": mongodb::bson::oid::ObjectId::parse_str(&content_ref).unwrap_or_default()
        })
        .await
        .unwrap_or_default();
    assert_eq!(stored, 1);
    let body = run(&member, POST, json!({ "id": post })).await;
    assert_eq!(data(&body, "/data/blogPost/body/inlineBody"), markdown);
    assert_eq!(data(&body, "/data/blogPost/body/wordCount"), 8);
    assert_eq!(data(&body, "/data/blogPost/body/format"), "markdown");
    assert_eq!(data(&body, "/data/blogPost/body/id"), &json!(content_ref));
    // The same document attached again (as an agent that wrote it would).
    let body = run(
        &member,
        ATTACH,
        json!({ "id": post, "ref": content_ref.to_uppercase() }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/attachBlogPostContent/contentRef"),
        &json!(content_ref)
    );

    let body = run(&member, TO_REVIEW, json!({ "id": post })).await;
    assert_eq!(
        data(&body, "/data/submitBlogPostForReview/status"),
        "REVIEW"
    );
    let body = run(&member, APPROVE_POST, json!({ "id": post })).await;
    assert_code(&body, "FORBIDDEN");
    let body = run(&reviewer, REJECT_POST, json!({ "id": post })).await;
    assert_eq!(data(&body, "/data/rejectBlogPost/status"), "REJECTED");
    let body = run(&member, START_WRITING, json!({ "id": post })).await;
    assert_eq!(data(&body, "/data/startBlogPostWriting/status"), "WRITING");
    let body = run(&member, TO_REVIEW, json!({ "id": post })).await;
    data(&body, "/data/submitBlogPostForReview");
    let body = run(&reviewer, APPROVE_POST, json!({ "id": post })).await;
    assert_eq!(data(&body, "/data/approveBlogPost/status"), "APPROVED");

    // Approved: no more edits; scheduled in the future only; published with an http(s) URL.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let body = run(
        &member,
        UPDATE_POST,
        json!({ "id": post, "input": { "title": "Changed" } }),
    )
    .await;
    assert_code(&body, "CONFLICT");
    let body = run(
        &member,
        SCHEDULE,
        json!({ "id": post, "at": "2020-01-01T00:00:00Z" }),
    )
    .await;
    assert_bad_input(&body, "scheduledFor");
    let body = run(
        &member,
        PUBLISH,
        json!({ "id": post, "input": { "publishedUrl": "ftp://x", "cmsPostId": "1" } }),
    )
    .await;
    assert_bad_input(&body, "publishedUrl");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
    let at = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    let body = run(&member, SCHEDULE, json!({ "id": post, "at": at })).await;
    assert_eq!(data(&body, "/data/scheduleBlogPost/status"), "SCHEDULED");
    let body = run(
        &member,
        PUBLISH,
        json!({ "id": post, "input": {
        "publishedUrl": "https://acme.example/blog/ten-signs-of-seo", "cmsPostId": "1042" } }),
    )
    .await;
    assert_eq!(data(&body, "/data/publishBlogPost/status"), "PUBLISHED");
    assert!(
        data(&body, "/data/publishBlogPost/publishedOn").is_string(),
        "{body}"
    );
    let body = run(
        &member,
        PUBLISH,
        json!({ "id": post, "input": {
        "publishedUrl": "https://acme.example/blog/again", "cmsPostId": "1043" } }),
    )
    .await;
    assert_code(&body, "CONFLICT");
}

#[tokio::test]
async fn an_agents_api_key_is_recorded_as_the_requester_and_a_read_only_key_is_refused() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let wordpress = channel(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    let key = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let request = create(
        &world,
        &key,
        request_input(&wordpress, "Written by an agent"),
    )
    .await;
    assert_eq!(request["requestedByType"], "AGENT");
    let stored = query_one(
        &world.db.owner,
        "SELECT requested_by_id FROM blog_requests WHERE ref_id = $1",
        [id_of(&request).into()],
    )
    .await;
    assert_eq!(
        json!(get::<String>(&stored, "requested_by_id")),
        request["requestedById"]
    );
    let body = call(
        &world.content,
        &key,
        "query { blogRequests(filter: { requestedByType: AGENT }) { nodes { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(data(&body, "/data/blogRequests/nodes/0/id"), &request["id"]);

    let read_only = world.api_key("admin@acme.test", &["READ"]).await;
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let body = call(
        &world.content,
        &read_only,
        CREATE,
        json!({ "input": request_input(&wordpress, "No") }),
    )
    .await;
    assert_code(&body, "FORBIDDEN");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
}

#[tokio::test]
async fn the_demo_seed_gives_each_tenant_a_blog_pipeline_with_a_published_post_and_its_body() {
    use leadmetrics_tests::TestDatabase;
    use leadmetrics_tests::api::bearer_headers;
    use leadmetrics_tests::server::DEMO_PASSWORD;
    let db = TestDatabase::new().await;
    let platform = db.connect_as("app_platform").await;
    let count = || async {
        let row = query_one(
            &db.owner,
            "SELECT (SELECT count(*) FROM blog_requests) + (SELECT count(*) FROM blog_posts)
                  + (SELECT count(*) FROM channels) AS n",
            [],
        )
        .await;
        get::<i64>(&row, "n")
    };
    for _ in 0..2 {
        if let Err(error) = subgraphs::seed::demo(&platform).await {
            panic!("seeding failed: {error}");
        }
    }
    let first = count().await;
    assert!(first > 0);
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding again failed: {error}");
    }
    assert_eq!(count().await, first, "the blog seed is not idempotent");
    let tenant = TestServer::start(&db).await;
    let content = TestServer::start_subgraph(&db, "content", &[]).await;
    for _ in 0..2 {
        if let Err(error) =
            subgraphs::seed::blog_bodies(&platform, &content.services().documents).await
        {
            panic!("writing the bodies failed: {error}");
        }
    }
    let admin = bearer_headers(&tenant.login("admin@acme.test", DEMO_PASSWORD).await);
    let body = call(
        &content,
        &admin,
        "{ blogRequests(first: 100) { nodes { status post { status } } }
           blogPosts(filter: { status: PUBLISHED }) { nodes { title publishedUrl body { wordCount inlineBody } } } }",
        json!({}),
    )
    .await;
    let statuses: std::collections::BTreeSet<&str> = data(&body, "/data/blogRequests/nodes")
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .filter_map(|node| node["status"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(statuses.len(), 6, "{body}");
    let published = data(&body, "/data/blogPosts/nodes/0");
    assert_eq!(published["title"], subgraphs::seed::PUBLISHED_TITLE);
    assert_eq!(published["body"]["wordCount"], 45, "{body}");
    assert!(
        published["body"]["inlineBody"]
            .as_str()
            .is_some_and(|text| text.starts_with("# Ten signs")),
        "{body}"
    );
}
