//! Cross-tenant isolation of the blog pipeline, end to end: tenant A (acme), as its admin, its
//! reviewer and a read-write API key, armed with every blog request, post, channel,
//! deliverable, period and activity id of tenant B (globex), sees nothing of B's blog and
//! changes nothing of it — through the lists (B's ids as filters and cursors), the by-id
//! fields, `_entities` and every mutation — and gets exactly the answer an id that exists
//! nowhere gets. A `content_ref` of B's document written into A's post row never resolves.

use crate::api_blog::{approved_post, channel, request_input};
use leadmetrics_tests::api::{Headers, UNKNOWN_ID, bearer_headers, call, data, ids, string_at};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::{DEMO_PASSWORD, error_code};
use leadmetrics_tests::world::{snapshot, table_rows, tenant_uuid};
use leadmetrics_tests::{exec_with, get, query_all};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use uuid::Uuid;

const REQUESTS: &str = "query($filter: BlogRequestFilter, $after: String, $before: String, $last: Int, $first: Int) {
  blogRequests(filter: $filter, first: $first, after: $after, before: $before, last: $last) {
    nodes { id targetChannel { id } deliverable { id } deliverablePeriod { id } activity { id } post { id } } } }";
const POSTS: &str =
    "query($filter: BlogPostFilter, $after: String, $before: String, $last: Int, $first: Int) {
  blogPosts(filter: $filter, first: $first, after: $after, before: $before, last: $last) {
    nodes { id contentRef channel { id } request { id } body { id } } } }";
const REQUEST: &str = "query($id: ID!) { blogRequest(id: $id) { id } }";
const POST: &str = "query($id: ID!) { blogPost(id: $id) { id } }";
const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on BlogRequest { id post { id } } ... on BlogPost { id body { id } } } }";

/// One demo tenant with a blog pipeline.
struct Tenant {
    uuid: Uuid,
    admin: Headers,
    reviewer: Headers,
    key: Headers,
    /// A CMS channel.
    channel: String,
    /// A draft request, a pending one, an approved one (with its post).
    requests: Vec<String>,
    /// The approved request's post (with a body).
    post: String,
    /// The post's body document.
    content_ref: String,
    /// A deliverable, its period, an activity.
    plan: Vec<String>,
}

impl Tenant {
    fn known_ids(&self) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = self.requests.iter().cloned().collect();
        known.insert(self.post.clone());
        known.insert(self.channel.clone());
        known.extend(self.plan.iter().cloned());
        known
    }
}

async fn prepare(world: &ContentWorld, slug: &str) -> Tenant {
    let token = world
        .tenant
        .login(&format!("admin@{slug}.test"), DEMO_PASSWORD)
        .await;
    let admin = bearer_headers(&token);
    let contract = call(&world.tenant, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        let body = call(
            &world.tenant,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await;
        data(&body, "/data/acceptContract");
    }
    let member = world.user(&format!("member@{slug}.test")).await;
    let reviewer = world.user(&format!("reviewer@{slug}.test")).await;
    let key = world
        .api_key(&format!("admin@{slug}.test"), &["READ", "WRITE"])
        .await;
    let channel = channel(&world.content, &admin, "WORDPRESS", &format!("{slug}-blog")).await;
    let rows = query_all(
        &world.db.owner,
        "SELECT d.ref_id AS deliverable, p.ref_id AS period,
                (SELECT a.ref_id FROM activities a WHERE a.tenant_id = t.id AND a.deleted_on IS NULL
                 ORDER BY a.ref_id LIMIT 1) AS activity
         FROM deliverable_periods p JOIN deliverables d ON d.id = p.deliverable_id
         JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = $1 AND d.deleted_on IS NULL
         ORDER BY p.ref_id LIMIT 1",
        [slug.into()],
    )
    .await;
    let row = &rows[0];
    let plan: Vec<String> = ["deliverable", "period", "activity"]
        .iter()
        .map(|column| get::<String>(row, column))
        .collect();
    let mut input = request_input(&channel, "Draft");
    input["deliverableId"] = json!(plan[0]);
    input["deliverablePeriodId"] = json!(plan[1]);
    input["activityId"] = json!(plan[2]);
    let body = call(
        &world.content,
        &member,
        "mutation($input: CreateBlogRequestInput!) { createBlogRequest(input: $input) { id } }",
        json!({ "input": input }),
    )
    .await;
    let draft = string_at(&body, "/data/createBlogRequest/id");
    let body = call(
        &world.content,
        &member,
        "mutation($input: CreateBlogRequestInput!) { createBlogRequest(input: $input) { id } }",
        json!({ "input": request_input(&channel, "Pending") }),
    )
    .await;
    let pending = string_at(&body, "/data/createBlogRequest/id");
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { submitBlogRequest(id: $id) { id } }",
        json!({ "id": pending }),
    )
    .await;
    data(&body, "/data/submitBlogRequest");
    let (approved, post) =
        approved_post(&world.content, &member, &reviewer, &channel, "Approved").await;
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { setBlogPostBody(id: $id, markdown: \"# Secret body\") { contentRef } }",
        json!({ "id": post }),
    )
    .await;
    let content_ref = string_at(&body, "/data/setBlogPostBody/contentRef");
    Tenant {
        uuid: tenant_uuid(&world.db, slug).await,
        admin,
        reviewer,
        key,
        channel,
        requests: vec![draft, pending, approved],
        post,
        content_ref,
        plan,
    }
}

fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) if text.len() == 26 || text.len() == 24 => {
            found.insert(text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| ids_in(item, found)),
        Value::Object(fields) => fields.values().for_each(|item| ids_in(item, found)),
        _ => {}
    }
}

#[track_caller]
fn reveals_nothing_of(body: &Value, b: &Tenant) {
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    let mut known = b.known_ids();
    known.insert(b.content_ref.clone());
    let leaked: Vec<&String> = found.intersection(&known).collect();
    assert!(leaked.is_empty(), "leaked {leaked:?}: {body}");
}

/// `variables` with every id of `b` replaced by an id that exists nowhere.
fn nowhere(variables: &Value, b: &Tenant) -> Value {
    let mut text = variables.to_string();
    for id in b.known_ids() {
        text = text.replace(&id, UNKNOWN_ID);
    }
    serde_json::from_str(&text).unwrap_or_default()
}

#[tokio::test]
async fn tenant_a_sees_none_of_tenant_bs_blog_through_any_query_filter_cursor_or_look_up() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    for headers in [&a.admin, &a.reviewer, &a.key] {
        let body = call(&world.content, headers, REQUESTS, json!({ "first": 100 })).await;
        assert_eq!(ids(data(&body, "/data/blogRequests/nodes")), a.requests);
        reveals_nothing_of(&body, &b);
        let body = call(&world.content, headers, POSTS, json!({ "first": 100 })).await;
        assert_eq!(
            ids(data(&body, "/data/blogPosts/nodes")),
            vec![a.post.clone()]
        );
        reveals_nothing_of(&body, &b);
        for filter in [
            json!({ "deliverableId": b.plan[0] }),
            json!({ "deliverablePeriodId": b.plan[1] }),
            json!({ "activityId": b.plan[2] }),
            json!({ "targetChannelId": b.channel }),
        ] {
            let body = call(
                &world.content,
                headers,
                REQUESTS,
                json!({ "filter": filter }),
            )
            .await;
            assert!(
                ids(data(&body, "/data/blogRequests/nodes")).is_empty(),
                "{body}"
            );
        }
        for filter in [
            json!({ "channelId": b.channel }),
            json!({ "blogRequestId": b.requests[2] }),
        ] {
            let body = call(&world.content, headers, POSTS, json!({ "filter": filter })).await;
            assert!(
                ids(data(&body, "/data/blogPosts/nodes")).is_empty(),
                "{body}"
            );
        }
        for cursor in b.requests.iter().chain([&b.post]) {
            for (list, pointer) in [
                (REQUESTS, "/data/blogRequests/nodes"),
                (POSTS, "/data/blogPosts/nodes"),
            ] {
                for variables in [
                    json!({ "after": cursor, "first": 100 }),
                    json!({ "before": cursor, "last": 100 }),
                ] {
                    let body = call(&world.content, headers, list, variables).await;
                    data(&body, pointer);
                    reveals_nothing_of(&body, &b);
                }
            }
        }
        for id in b.requests.iter().chain([&UNKNOWN_ID.to_owned()]) {
            let body = call(&world.content, headers, REQUEST, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { "blogRequest": null } }));
        }
        for id in [&b.post, &UNKNOWN_ID.to_owned()] {
            let body = call(&world.content, headers, POST, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { "blogPost": null } }));
        }
        let mut representations: Vec<Value> = b
            .requests
            .iter()
            .map(|id| json!({ "__typename": "BlogRequest", "id": id }))
            .collect();
        representations.push(json!({ "__typename": "BlogPost", "id": b.post }));
        let count = representations.len();
        let body = call(
            &world.content,
            headers,
            ENTITIES,
            json!({ "r": representations }),
        )
        .await;
        assert_eq!(
            data(&body, "/data/_entities"),
            &json!(vec![Value::Null; count])
        );
        // A's own look-ups resolve, with A's relations only.
        let body = call(
            &world.content,
            headers,
            ENTITIES,
            json!({ "r": [{ "__typename": "BlogRequest", "id": a.requests[2] },
                          { "__typename": "BlogPost", "id": a.post }] }),
        )
        .await;
        assert_eq!(data(&body, "/data/_entities/0/post/id"), &json!(a.post));
        assert_eq!(
            data(&body, "/data/_entities/1/body/id"),
            &json!(a.content_ref)
        );
        reveals_nothing_of(&body, &b);
    }
}

#[tokio::test]
async fn tenant_a_changes_none_of_tenant_bs_blog_through_any_mutation() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let before = snapshot(&world.db, b.uuid, &[]).await;
    let a_before = table_rows(&world.db, &["blog_requests", "blog_posts", "channels"], &[]).await;
    let mut cases: Vec<(&str, Value)> = Vec::new();
    for id in &b.requests {
        cases.extend([
            ("mutation($id: ID!) { updateBlogRequest(id: $id, input: { title: \"Mine\" }) { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { submitBlogRequest(id: $id) { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { approveBlogRequest(id: $id) { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { rejectBlogRequest(id: $id, notes: \"No\") { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { startBlogRequest(id: $id) { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { completeBlogRequest(id: $id) { id } }", json!({ "id": id })),
            ("mutation($id: ID!) { deleteBlogRequest(id: $id) }", json!({ "id": id })),
        ]);
    }
    let post = &b.post;
    cases.extend([
        ("mutation($id: ID!) { updateBlogPost(id: $id, input: { title: \"Mine\" }) { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { setBlogPostBody(id: $id, markdown: \"Mine\") { id } }", json!({ "id": post })),
        ("mutation($id: ID!, $ref: String!) { attachBlogPostContent(id: $id, contentRef: $ref) { id } }", json!({ "id": post, "ref": a.content_ref })),
        ("mutation($id: ID!) { startBlogPostWriting(id: $id) { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { submitBlogPostForReview(id: $id) { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { approveBlogPost(id: $id) { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { rejectBlogPost(id: $id) { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { scheduleBlogPost(id: $id, scheduledFor: \"2099-01-01T00:00:00Z\") { id } }", json!({ "id": post })),
        ("mutation($id: ID!) { publishBlogPost(id: $id, input: { publishedUrl: \"https://x.example\", cmsPostId: \"1\" }) { id } }", json!({ "id": post })),
    ]);
    // B's channel, deliverable, period and activity in A's new request and A's draft.
    for (field, id) in [
        ("targetChannelId", &b.channel),
        ("deliverableId", &b.plan[0]),
        ("deliverablePeriodId", &b.plan[1]),
        ("activityId", &b.plan[2]),
    ] {
        let mut input = request_input(&a.channel, "Mine");
        input[field] = json!(id);
        cases.push((
            "mutation($input: CreateBlogRequestInput!) { createBlogRequest(input: $input) { id } }",
            json!({ "input": input }),
        ));
        cases.push((
            "mutation($id: ID!, $input: UpdateBlogRequestInput!) { updateBlogRequest(id: $id, input: $input) { id } }",
            json!({ "id": a.requests[0], "input": { field: id } }),
        ));
    }
    // B's document attached to A's post.
    cases.push((
        "mutation($id: ID!, $ref: String!) { attachBlogPostContent(id: $id, contentRef: $ref) { id } }",
        json!({ "id": a.post, "ref": b.content_ref }),
    ));
    for headers in [&a.admin, &a.reviewer, &a.key] {
        for (query, variables) in &cases {
            let body = call(&world.content, headers, query, variables.clone()).await;
            let code = error_code(&body);
            assert!(
                matches!(code, Some("NOT_FOUND" | "BAD_USER_INPUT" | "FORBIDDEN")),
                "{query} {variables}: {body}"
            );
            assert_eq!(body["data"], Value::Null, "{body}");
            reveals_nothing_of(&body, &b);
            let expected = call(&world.content, headers, query, nowhere(variables, &b)).await;
            let message = |body: &Value| {
                let text = body["errors"][0]["message"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                b.known_ids()
                    .iter()
                    .chain([&b.content_ref])
                    .fold(text, |text, id| text.replace(id.as_str(), UNKNOWN_ID))
            };
            if !variables.to_string().contains(&b.content_ref) {
                assert_eq!(
                    (error_code(&body), message(&body)),
                    (error_code(&expected), message(&expected)),
                    "{query}"
                );
            }
        }
    }
    assert_eq!(snapshot(&world.db, b.uuid, &[]).await, before);
    assert_eq!(
        table_rows(&world.db, &["blog_requests", "blog_posts", "channels"], &[]).await,
        a_before
    );
    // B's own reviewer still decides B's request.
    let body = call(
        &world.content,
        &b.reviewer,
        "mutation($id: ID!) { approveBlogRequest(id: $id) { status } }",
        json!({ "id": b.requests[1] }),
    )
    .await;
    assert_eq!(data(&body, "/data/approveBlogRequest/status"), "APPROVED");
}

#[tokio::test]
async fn another_tenants_content_ref_written_into_a_post_row_never_resolves_its_body() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let changed = exec_with(
        &world.db.owner,
        "UPDATE blog_posts SET content_ref = $1 WHERE ref_id = $2",
        [b.content_ref.clone().into(), a.post.clone().into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
    for headers in [&a.admin, &a.reviewer, &a.key] {
        let body = call(
            &world.content,
            headers,
            "query($id: ID!) { blogPost(id: $id) { id contentRef body { id inlineBody } } }",
            json!({ "id": a.post }),
        )
        .await;
        assert_eq!(data(&body, "/data/blogPost/body"), &Value::Null, "{body}");
        assert!(!body.to_string().contains("Secret body"), "{body}");
        let body = call(&world.content, headers, POSTS, json!({ "first": 100 })).await;
        assert_eq!(
            data(&body, "/data/blogPosts/nodes/0/body"),
            &Value::Null,
            "{body}"
        );
    }
}
