//! Cross-tenant isolation of the social pipeline, end to end: tenant A (acme), as its admin,
//! its reviewer and a read-write API key, armed with every id of tenant B (globex) — channels,
//! an approved request with posts, a draft, the deliverable, period and activity they belong to,
//! a post's document — sees nothing of B through every list (B's ids as filters and cursors),
//! by-id field and `_entities` look-up, and changes nothing of B through every mutation; each
//! refusal is exactly the answer an id that exists nowhere gets. B's channel cannot be a target
//! of A's request, and B's document written into A's post row never resolves as A's `body`.

use crate::api_social::{
    APPROVE, SET_COPY, SUBMIT, activity_with_pending_approval, connect, create, text,
};
use leadmetrics_tests::api::{Headers, bearer_headers, call, data, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::{DEMO_PASSWORD, error_code};
use leadmetrics_tests::world::{snapshot, tenant_uuid};
use leadmetrics_tests::{exec_with, get, query_one};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use uuid::Uuid;

/// One demo tenant's social pipeline.
struct Side {
    uuid: Uuid,
    admin: Headers,
    reviewer: Headers,
    key: Headers,
    /// LinkedIn and X channels.
    channels: Vec<String>,
    /// An approved request with its two posts.
    request: String,
    /// A draft request.
    draft: String,
    /// The approved request's posts (LinkedIn first).
    posts: Vec<String>,
    /// The document of the LinkedIn post's copy.
    content_ref: String,
    deliverable: String,
    period: String,
    activity: String,
}

impl Side {
    /// Every public id of the tenant's social pipeline and what it points at.
    fn known_ids(&self) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = self.channels.iter().cloned().collect();
        known.extend(self.posts.iter().cloned());
        known.extend([
            self.request.clone(),
            self.draft.clone(),
            self.deliverable.clone(),
            self.period.clone(),
            self.activity.clone(),
            self.content_ref.clone(),
        ]);
        known
    }
}

/// Accepts the tenant's contract if pending and builds its social pipeline.
async fn prepare(world: &ContentWorld, slug: &str) -> Side {
    let admin_email = format!("admin@{slug}.test");
    let admin = bearer_headers(&world.tenant.login(&admin_email, DEMO_PASSWORD).await);
    let contract = call(&world.tenant, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&call(
            &world.tenant,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await);
    }
    let reviewer = world.user(&format!("reviewer@{slug}.test")).await;
    let key = world.api_key(&admin_email, &["READ", "WRITE"]).await;
    let channels = vec![
        connect(&world.content, &admin, "LINKEDIN", &format!("{slug}-li")).await,
        connect(&world.content, &admin, "X_TWITTER", &format!("{slug}-x")).await,
    ];
    let row = query_one(
        &world.db.owner,
        "SELECT d.ref_id AS deliverable, p.ref_id AS period FROM deliverables d
         JOIN deliverable_periods p ON p.deliverable_id = d.id JOIN tenants t ON t.id = d.tenant_id
         WHERE t.slug = $1 AND d.name = 'Social Posts' ORDER BY p.period_start DESC LIMIT 1",
        [slug.into()],
    )
    .await;
    let (deliverable, period): (String, String) = (get(&row, "deliverable"), get(&row, "period"));
    let (activity, approval) = activity_with_pending_approval(&world.tenant, &admin).await;
    ok(&call(
        &world.tenant,
        &reviewer,
        "mutation($id: ID!) { approveApproval(id: $id) { status } }",
        json!({ "id": approval }),
    )
    .await);
    let targets: Vec<&str> = channels.iter().map(String::as_str).collect();
    let body = create(
        &world.content,
        &admin,
        &targets,
        json!({ "deliverableId": deliverable, "deliverablePeriodId": period, "activityId": activity }),
    )
    .await;
    ok(&body);
    let request = text(&body, "/data/createSocialMediaRequest/id");
    ok(&call(&world.content, &admin, SUBMIT, json!({ "id": request })).await);
    let approved = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    ok(&approved);
    let mut posts: Vec<(String, String)> = data(&approved, "/data/approveSocialMediaRequest/posts")
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|post| (text(post, "/platform"), text(post, "/id")))
        .collect();
    posts.sort();
    let posts: Vec<String> = posts.into_iter().map(|(_, id)| id).collect();
    let copy = call(
        &world.content,
        &admin,
        SET_COPY,
        json!({ "id": posts[0], "copy": format!("Hello from {slug}") }),
    )
    .await;
    ok(&copy);
    let content_ref = text(&copy, "/data/setSocialPostCopy/contentRef");
    let draft = create(&world.content, &admin, &targets[..1], json!({})).await;
    ok(&draft);
    Side {
        uuid: tenant_uuid(&world.db, slug).await,
        admin,
        reviewer,
        key,
        channels,
        request,
        draft: text(&draft, "/data/createSocialMediaRequest/id"),
        posts,
        content_ref,
        deliverable,
        period,
        activity,
    }
}

/// An id that exists nowhere and sorts like `id` among every real id (its last character
/// changed).
fn sibling(id: &str) -> String {
    let mut sibling = id[..id.len() - 1].to_owned();
    sibling.push(if id.ends_with('0') { '1' } else { '0' });
    sibling
}

/// Every id-like string (26-character ids and 24-character document ids) in a response.
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

/// Asserts a response holds none of `b`'s ids.
#[track_caller]
fn reveals_nothing_of(body: &Value, b: &Side) {
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    let known = b.known_ids();
    let leaked: Vec<&String> = found.intersection(&known).collect();
    assert!(leaked.is_empty(), "leaked {leaked:?}: {body}");
}

/// `body` with every occurrence of `from` replaced by `to` (to compare a refusal naming B's id
/// with one naming an unknown id).
fn renamed(body: &Value, from: &str, to: &str) -> Value {
    serde_json::from_str(&body.to_string().replace(from, to)).unwrap_or(Value::Null)
}

const REQUESTS: &str = "query($filter: SocialMediaRequestFilter, $after: String, $before: String) {
  socialMediaRequests(filter: $filter, first: 100, after: $after, before: $before) {
    nodes { id deliverable { id } deliverablePeriod { id } activity { id } targetChannels { id }
            posts { id body { id } } } } }";
const POSTS: &str = "query($filter: SocialPostFilter, $after: String, $before: String) {
  socialPosts(filter: $filter, first: 100, after: $after, before: $before) {
    nodes { id contentRef channel { id } request { id } body { id } } } }";
const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on SocialMediaRequest { id targetChannels { id } posts { id } }
    ... on SocialPost { id body { id } channel { id } } } }";

#[tokio::test]
async fn tenant_a_sees_none_of_tenant_bs_social_pipeline_through_any_list_filter_cursor_or_look_up()
{
    let world = start_content().await;
    let a = prepare(&world, "acme").await;
    let b = prepare(&world, "globex").await;
    for headers in [&a.admin, &a.reviewer, &a.key] {
        // A's own lists show A's requests and posts, none of B's.
        let own = call(&world.content, headers, REQUESTS, json!({})).await;
        ok(&own);
        reveals_nothing_of(&own, &b);
        assert!(own.to_string().contains(&a.request), "{own}");
        let own = call(&world.content, headers, POSTS, json!({})).await;
        ok(&own);
        reveals_nothing_of(&own, &b);
        assert_eq!(
            data(&own, "/data/socialPosts/nodes")
                .as_array()
                .map(Vec::len),
            Some(2)
        );

        // B's ids as filters and cursors: the answer an unknown id gets.
        let request_filters = [
            ("deliverableId", &b.deliverable),
            ("deliverablePeriodId", &b.period),
            ("activityId", &b.activity),
        ];
        for (field, id) in request_filters {
            let with_b = call(
                &world.content,
                headers,
                REQUESTS,
                json!({ "filter": { field: id } }),
            )
            .await;
            ok(&with_b);
            assert_eq!(
                data(&with_b, "/data/socialMediaRequests/nodes"),
                &json!([]),
                "{field}"
            );
            let unknown = call(
                &world.content,
                headers,
                REQUESTS,
                json!({ "filter": { field: sibling(id) } }),
            )
            .await;
            assert_eq!(with_b, unknown, "{field}");
        }
        let post_filters = [
            ("channelId", &b.channels[0]),
            ("channelId", &b.channels[1]),
            ("socialMediaRequestId", &b.request),
        ];
        for (field, id) in post_filters {
            let with_b = call(
                &world.content,
                headers,
                POSTS,
                json!({ "filter": { field: id } }),
            )
            .await;
            ok(&with_b);
            assert_eq!(
                data(&with_b, "/data/socialPosts/nodes"),
                &json!([]),
                "{field}"
            );
            let unknown = call(
                &world.content,
                headers,
                POSTS,
                json!({ "filter": { field: sibling(id) } }),
            )
            .await;
            assert_eq!(with_b, unknown, "{field}");
        }
        for cursor in [&b.request, &b.draft, &b.posts[0], &b.posts[1]] {
            for (query, direction) in [
                (REQUESTS, "after"),
                (REQUESTS, "before"),
                (POSTS, "after"),
                (POSTS, "before"),
            ] {
                let with_b =
                    call(&world.content, headers, query, json!({ direction: cursor })).await;
                ok(&with_b);
                reveals_nothing_of(&with_b, &b);
                let unknown = call(
                    &world.content,
                    headers,
                    query,
                    json!({ direction: sibling(cursor) }),
                )
                .await;
                assert_eq!(with_b, unknown, "{direction} {cursor}");
            }
        }

        // By id and through _entities: null, as for an unknown id.
        for (field, id) in [
            ("socialMediaRequest", &b.request),
            ("socialMediaRequest", &b.draft),
            ("socialPost", &b.posts[0]),
            ("socialPost", &b.posts[1]),
        ] {
            let query = format!("query($id: ID!) {{ {field}(id: $id) {{ id }} }}");
            let with_b = call(&world.content, headers, &query, json!({ "id": id })).await;
            ok(&with_b);
            assert_eq!(
                data(&with_b, &format!("/data/{field}")),
                &Value::Null,
                "{field}"
            );
            let unknown = call(
                &world.content,
                headers,
                &query,
                json!({ "id": sibling(id) }),
            )
            .await;
            assert_eq!(with_b, unknown);
        }
        let representations = json!([
            { "__typename": "SocialMediaRequest", "id": b.request },
            { "__typename": "SocialMediaRequest", "id": b.draft },
            { "__typename": "SocialPost", "id": b.posts[0] },
            { "__typename": "SocialPost", "id": b.posts[1] },
        ]);
        let with_b = call(
            &world.content,
            headers,
            ENTITIES,
            json!({ "r": representations }),
        )
        .await;
        ok(&with_b);
        assert_eq!(
            data(&with_b, "/data/_entities"),
            &json!([null, null, null, null])
        );
    }
}

#[tokio::test]
async fn tenant_a_changes_nothing_of_tenant_bs_social_pipeline_and_cannot_target_its_channels() {
    let world = start_content().await;
    let a = prepare(&world, "acme").await;
    let b = prepare(&world, "globex").await;
    let b_before = snapshot(&world.db, b.uuid, &[]).await;
    // API keys stamp their last use: not a change of the data.
    let a_before = snapshot(&world.db, a.uuid, &["last_used_on"]).await;
    let engagement = json!({ "likes": 1, "comments": 1, "shares": 1, "impressions": 1, "clicks": 1, "reach": 1 });
    let mutations: Vec<(&str, &str, Value)> = vec![
        (
            "update",
            "mutation($id: ID!) { updateSocialMediaRequest(id: $id, input: { topic: \"Mine\" }) { id } }",
            json!({ "id": b.draft }),
        ),
        ("submit", SUBMIT, json!({ "id": b.draft })),
        ("approve", APPROVE, json!({ "id": b.request })),
        (
            "reject",
            "mutation($id: ID!) { rejectSocialMediaRequest(id: $id, notes: \"No.\") { id } }",
            json!({ "id": b.draft }),
        ),
        (
            "start",
            "mutation($id: ID!) { startSocialMediaRequest(id: $id) { id } }",
            json!({ "id": b.request }),
        ),
        (
            "complete",
            "mutation($id: ID!) { completeSocialMediaRequest(id: $id) { id } }",
            json!({ "id": b.request }),
        ),
        (
            "delete",
            "mutation($id: ID!) { deleteSocialMediaRequest(id: $id) }",
            json!({ "id": b.draft }),
        ),
        (
            "write",
            "mutation($id: ID!) { startSocialPostWriting(id: $id) { id } }",
            json!({ "id": b.posts[1] }),
        ),
        (
            "copy",
            SET_COPY,
            json!({ "id": b.posts[1], "copy": "Mine now" }),
        ),
        (
            "attach",
            "mutation($id: ID!, $ref: String!) { attachSocialPostContent(id: $id, contentRef: $ref, charCount: 5) { id } }",
            json!({ "id": b.posts[0], "ref": a.content_ref }),
        ),
        (
            "approve post",
            "mutation($id: ID!) { approveSocialPost(id: $id) { id } }",
            json!({ "id": b.posts[0] }),
        ),
        (
            "reject post",
            "mutation($id: ID!) { rejectSocialPost(id: $id) { id } }",
            json!({ "id": b.posts[0] }),
        ),
        (
            "schedule",
            "mutation($id: ID!) { scheduleSocialPost(id: $id, scheduledFor: \"2099-01-01T00:00:00Z\") { id } }",
            json!({ "id": b.posts[0] }),
        ),
        (
            "publish",
            "mutation($id: ID!) { publishSocialPost(id: $id, publishedUrl: \"https://x.com/a/1\", platformPostId: \"1\") { id } }",
            json!({ "id": b.posts[0] }),
        ),
        (
            "fail",
            "mutation($id: ID!) { markSocialPostFailed(id: $id) { id } }",
            json!({ "id": b.posts[0] }),
        ),
        (
            "engagement",
            "mutation($id: ID!, $input: SocialPostEngagementInput!) { recordSocialPostEngagement(id: $id, input: $input) { id } }",
            json!({ "id": b.posts[0], "input": engagement }),
        ),
    ];
    for headers in [&a.admin, &a.reviewer, &a.key] {
        for (name, query, variables) in &mutations {
            let with_b = call(&world.content, headers, query, variables.clone()).await;
            let code = error_code(&with_b).map(str::to_owned);
            if code.as_deref() == Some("FORBIDDEN") {
                // The caller's role may not do this at all (the key approving, the reviewer
                // writing): refused before any look-up.
                continue;
            }
            assert_eq!(code.as_deref(), Some("NOT_FOUND"), "{name}: {with_b}");
            reveals_nothing_of(&with_b, &b);
            let id = variables["id"].as_str().unwrap_or_default();
            let mut unknown_variables = variables.clone();
            unknown_variables["id"] = json!(sibling(id));
            let unknown = call(&world.content, headers, query, unknown_variables).await;
            assert_eq!(with_b, unknown, "{name}");
        }
    }

    // B's channel, deliverable, period and activity in A's inputs: BAD_USER_INPUT on the field,
    // as an unknown id.
    let a_targets = [a.channels[0].as_str()];
    let cases: Vec<(&str, Vec<&str>, Value)> = vec![
        ("targetChannelIds", vec![b.channels[0].as_str()], json!({})),
        (
            "targetChannelIds",
            vec![a.channels[0].as_str(), b.channels[1].as_str()],
            json!({}),
        ),
        (
            "deliverableId",
            a_targets.to_vec(),
            json!({ "deliverableId": b.deliverable }),
        ),
        (
            "deliverablePeriodId",
            a_targets.to_vec(),
            json!({ "deliverablePeriodId": b.period }),
        ),
        (
            "activityId",
            a_targets.to_vec(),
            json!({ "activityId": b.activity }),
        ),
    ];
    for (field, targets, extra) in cases {
        let with_b = create(&world.content, &a.admin, &targets, extra.clone()).await;
        leadmetrics_tests::api::assert_bad_input(&with_b, field);
        let b_id = match field {
            "targetChannelIds" => targets
                .last()
                .map(|id| (*id).to_owned())
                .unwrap_or_default(),
            _ => extra[field].as_str().unwrap_or_default().to_owned(),
        };
        let unknown_id = sibling(&b_id);
        let unknown_targets: Vec<String> = targets
            .iter()
            .map(|id| {
                if *id == b_id {
                    unknown_id.clone()
                } else {
                    (*id).to_owned()
                }
            })
            .collect();
        let unknown_targets: Vec<&str> = unknown_targets.iter().map(String::as_str).collect();
        let mut unknown_extra = extra.clone();
        if field != "targetChannelIds" {
            unknown_extra[field] = json!(unknown_id);
        }
        let unknown = create(&world.content, &a.admin, &unknown_targets, unknown_extra).await;
        assert_eq!(renamed(&with_b, &b_id, &unknown_id), unknown, "{field}");
    }
    let retarget = call(
        &world.content,
        &a.admin,
        "mutation($id: ID!, $t: [ID!]!) { updateSocialMediaRequest(id: $id, input: { targetChannelIds: $t }) { id } }",
        json!({ "id": a.draft, "t": [b.channels[0]] }),
    )
    .await;
    leadmetrics_tests::api::assert_bad_input(&retarget, "targetChannelIds");
    // B's document cannot be attached to A's post: as an unknown document.
    let attach = "mutation($id: ID!, $ref: String!) { attachSocialPostContent(id: $id, contentRef: $ref, charCount: 5) { id } }";
    let with_b = call(
        &world.content,
        &a.admin,
        attach,
        json!({ "id": a.posts[1], "ref": b.content_ref }),
    )
    .await;
    leadmetrics_tests::api::assert_bad_input(&with_b, "contentRef");

    assert_eq!(
        snapshot(&world.db, b.uuid, &[]).await,
        b_before,
        "B changed"
    );
    assert_eq!(
        snapshot(&world.db, a.uuid, &["last_used_on"]).await,
        a_before,
        "a refused request changed A"
    );
}

#[tokio::test]
async fn a_document_of_tenant_b_written_into_tenant_as_post_row_never_resolves_as_as_body() {
    let world = start_content().await;
    let a = prepare(&world, "acme").await;
    let b = prepare(&world, "globex").await;
    let changed = exec_with(
        &world.db.owner,
        "UPDATE social_posts SET content_ref = $1 WHERE ref_id = $2",
        [b.content_ref.clone().into(), a.posts[1].clone().into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
    let query = "query($id: ID!) { socialPost(id: $id) { id contentRef body { id inlineBody } } }";
    for headers in [&a.admin, &a.reviewer, &a.key] {
        let body = call(&world.content, headers, query, json!({ "id": a.posts[1] })).await;
        ok(&body);
        assert_eq!(data(&body, "/data/socialPost/body"), &Value::Null, "{body}");
        assert!(!body.to_string().contains("Hello from globex"), "{body}");
        let list = call(&world.content, headers, POSTS, json!({})).await;
        ok(&list);
        assert!(!list.to_string().contains("Hello from globex"), "{list}");
    }
    // B still reads its own copy.
    let own = call(&world.content, &b.admin, query, json!({ "id": b.posts[0] })).await;
    ok(&own);
    assert_eq!(
        data(&own, "/data/socialPost/body/inlineBody"),
        "Hello from globex"
    );
}
