//! The social pipeline through the content subgraph, end to end: a request targeting LinkedIn
//! and X is created, submitted and approved behind its activity's approval (pending: refused,
//! decided on the tenant subgraph with `approveApproval`, then approved), which creates its
//! two posts in one transaction; copy over X's limit is refused and the same copy accepted for
//! LinkedIn; posts move through review, scheduling and publishing, their engagement is recorded
//! and read back; every refusal changes nothing. Also: the demo seed's social pipeline.

use leadmetrics_tests::api::{Headers, assert_bad_input, assert_code, call, data, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::table_rows;
use leadmetrics_tests::{TestDatabase, get, query_one};
use serde_json::{Value, json};

pub(crate) const CONNECT: &str = "mutation($input: ConnectChannelInput!) {
  connectChannel(input: $input) { id } }";
pub(crate) const CREATE: &str = "mutation($input: CreateSocialMediaRequestInput!) {
  createSocialMediaRequest(input: $input) { id status requestedByType postType
    targetChannels { id platform } posts { id } } }";
pub(crate) const SUBMIT: &str =
    "mutation($id: ID!) { submitSocialMediaRequest(id: $id) { id status } }";
pub(crate) const APPROVE: &str = "mutation($id: ID!) { approveSocialMediaRequest(id: $id) {
  id status posts { id platform status channel { id } request { id } } } }";
pub(crate) const SET_COPY: &str = "mutation($id: ID!, $copy: String!) {
  setSocialPostCopy(id: $id, copy: $copy) { id status charCount contentRef
    body { id inlineBody } } }";
const POST: &str = "query($id: ID!) { socialPost(id: $id) { id status charCount contentRef
  scheduledFor publishedUrl platformPostId lastEngagementOn
  engagement { likes comments shares impressions clicks reach recordedOn } } }";

/// The tables a social mutation may change.
pub(crate) const TABLES: [&str; 3] = ["social_media_requests", "social_posts", "channels"];

/// The value at `pointer` as a string (empty when absent).
pub(crate) fn text(body: &Value, pointer: &str) -> String {
    body.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Connects a channel of `platform` (`LINKEDIN`, `X_TWITTER`, …) named by `external_id`;
/// returns its id.
pub(crate) async fn connect(
    server: &TestServer,
    admin: &Headers,
    platform: &str,
    external_id: &str,
) -> String {
    let body = call(
        server,
        admin,
        CONNECT,
        json!({ "input": { "platform": platform, "name": format!("{platform} {external_id}"),
                           "externalId": external_id, "accessToken": "token-of-the-demo" } }),
    )
    .await;
    ok(&body);
    text(&body, "/data/connectChannel/id")
}

/// Creates a request for `targets` (with `extra` input fields) as `who`; returns the body.
pub(crate) async fn create(
    server: &TestServer,
    who: &Headers,
    targets: &[&str],
    extra: Value,
) -> Value {
    let mut input = json!({ "topic": "Launch week", "targetChannelIds": targets });
    if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
        input.extend(extra.clone());
    }
    call(server, who, CREATE, json!({ "input": input })).await
}

/// An activity of the tenant subgraph moved to `IN_PROGRESS`, with a pending approval;
/// returns `(activity, approval)`.
pub(crate) async fn activity_with_pending_approval(
    tenant: &TestServer,
    admin: &Headers,
) -> (String, String) {
    let created = call(
        tenant,
        admin,
        "mutation { createActivity(input: { title: \"Social posts\", type: WRITE,
           assignee: { type: AGENT, agentRole: \"copywriter\" } }) { id } }",
        json!({}),
    )
    .await;
    ok(&created);
    let activity = text(&created, "/data/createActivity/id");
    let moved = call(
        tenant,
        admin,
        "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { id } }",
        json!({ "id": activity }),
    )
    .await;
    ok(&moved);
    let approval = call(
        tenant,
        admin,
        "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }",
        json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW",
                           "title": "Review the launch posts" } }),
    )
    .await;
    ok(&approval);
    (activity, text(&approval, "/data/createApproval/id"))
}

/// Asserts `body` is a `BAD_USER_INPUT` on `field` and that `tables` are as `before`.
#[track_caller]
fn refused_on(body: &Value, field: &str) {
    assert_bad_input(body, field);
    assert_eq!(body["data"], Value::Null, "{body}");
}

/// The posts of request `id`, as `(id, platform)`, read back from the response of approve.
fn posts_of(body: &Value, pointer: &str) -> Vec<(String, String)> {
    data(body, pointer)
        .as_array()
        .map(|posts| {
            posts
                .iter()
                .map(|post| (text(post, "/id"), text(post, "/platform")))
                .collect()
        })
        .unwrap_or_default()
}

/// The `n` of a count query as the owner.
async fn count(db: &TestDatabase, sql: &str, id: &str) -> i64 {
    get::<i64>(&query_one(&db.owner, sql, [id.into()]).await, "n")
}

#[tokio::test]
async fn a_request_for_linkedin_and_x_is_approved_behind_its_approval_and_gets_two_posts_in_one_transaction()
 {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let linkedin = connect(&world.content, &admin, "LINKEDIN", "acme-li").await;
    let x = connect(&world.content, &admin, "X_TWITTER", "acme-x").await;
    let wordpress = connect(&world.content, &admin, "WORDPRESS", "acme-blog").await;
    let (activity, approval) = activity_with_pending_approval(&world.tenant, &admin).await;

    // Refused targets and types change nothing.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let bad = create(
        &world.content,
        &member,
        &[&linkedin, &x],
        json!({ "postType": "REEL" }),
    )
    .await;
    refused_on(&bad, "postType");
    let bad = create(&world.content, &member, &[&linkedin, &wordpress], json!({})).await;
    refused_on(&bad, "targetChannelIds");
    let bad = create(&world.content, &member, &[&linkedin, &linkedin], json!({})).await;
    refused_on(&bad, "targetChannelIds");
    let bad = create(&world.content, &member, &[], json!({})).await;
    refused_on(&bad, "targetChannelIds");
    let unknown = leadmetrics_tests::api::fresh_id();
    let bad = create(&world.content, &member, &[&unknown], json!({})).await;
    refused_on(&bad, "targetChannelIds");
    let bad = create(
        &world.content,
        &member,
        &[&x],
        json!({ "activityId": unknown }),
    )
    .await;
    refused_on(&bad, "activityId");
    let bad = create(&world.content, &member, &[&x], json!({ "topic": " " })).await;
    refused_on(&bad, "topic");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    // Created by a member: a draft, targets in the given order.
    let body = create(
        &world.content,
        &member,
        &[&linkedin, &x],
        json!({ "activityId": activity, "priority": "HIGH" }),
    )
    .await;
    ok(&body);
    let request = text(&body, "/data/createSocialMediaRequest/id");
    assert_eq!(
        data(&body, "/data/createSocialMediaRequest/status"),
        "DRAFT"
    );
    assert_eq!(
        data(&body, "/data/createSocialMediaRequest/requestedByType"),
        "HUMAN"
    );
    let targets: Vec<String> = data(&body, "/data/createSocialMediaRequest/targetChannels")
        .as_array()
        .map(|items| items.iter().map(|item| text(item, "/id")).collect())
        .unwrap_or_default();
    assert_eq!(targets, [linkedin.clone(), x.clone()]);

    // Not approvable before it is submitted; members may not approve.
    let early = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    assert_code(&early, "CONFLICT");
    let submitted = call(&world.content, &member, SUBMIT, json!({ "id": request })).await;
    ok(&submitted);
    assert_eq!(
        data(&submitted, "/data/submitSocialMediaRequest/status"),
        "PENDING_APPROVAL"
    );
    let forbidden = call(&world.content, &member, APPROVE, json!({ "id": request })).await;
    assert_code(&forbidden, "FORBIDDEN");

    // The activity's approval is pending: CONFLICT pointing at approveApproval, no posts.
    let gated = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    assert_code(&gated, "CONFLICT");
    assert!(gated.to_string().contains("approveApproval"), "{gated}");
    let posts_sql = "SELECT count(*) AS n FROM social_posts p JOIN social_media_requests r
                     ON r.id = p.social_media_request_id WHERE r.ref_id = $1";
    assert_eq!(count(&world.db, posts_sql, &request).await, 0);

    // Approved on the tenant subgraph; now the request is approved with its two posts.
    let decided = call(
        &world.tenant,
        &reviewer,
        "mutation($id: ID!) { approveApproval(id: $id) { status } }",
        json!({ "id": approval }),
    )
    .await;
    ok(&decided);
    let approved = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    ok(&approved);
    assert_eq!(
        data(&approved, "/data/approveSocialMediaRequest/status"),
        "APPROVED"
    );
    let mut posts = posts_of(&approved, "/data/approveSocialMediaRequest/posts");
    posts.sort_by(|a, b| a.1.cmp(&b.1));
    let platforms: Vec<&str> = posts
        .iter()
        .map(|(_, platform)| platform.as_str())
        .collect();
    assert_eq!(platforms, ["LINKEDIN", "X_TWITTER"]);
    for post in data(&approved, "/data/approveSocialMediaRequest/posts")
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        assert_eq!(post["status"], "DRAFT");
        assert_eq!(post["request"]["id"], request.as_str());
    }
    // One transaction: the posts and the request's new status were written by the same one.
    let writers = count(
        &world.db,
        "SELECT count(DISTINCT x) AS n FROM (
           SELECT p.xmin::text AS x FROM social_posts p JOIN social_media_requests r
             ON r.id = p.social_media_request_id WHERE r.ref_id = $1
           UNION ALL SELECT r.xmin::text FROM social_media_requests r WHERE r.ref_id = $1) w",
        &request,
    )
    .await;
    assert_eq!(writers, 1);
    assert_eq!(count(&world.db, posts_sql, &request).await, 2);

    // Approving again is a conflict and creates nothing.
    let again = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    assert_code(&again, "CONFLICT");
    assert_eq!(count(&world.db, posts_sql, &request).await, 2);

    // The request's posts are listed by request and by platform.
    let listed = call(
        &world.content,
        &member,
        "query($r: ID!, $a: ID!) {
           byRequest: socialPosts(filter: { socialMediaRequestId: $r }) { nodes { id } }
           onX: socialPosts(filter: { platform: X_TWITTER }) { nodes { id channel { id } } }
           requests: socialMediaRequests(filter: { activityId: $a, status: APPROVED }) { nodes { id } } }",
        json!({ "r": request, "a": activity }),
    )
    .await;
    ok(&listed);
    assert_eq!(
        data(&listed, "/data/byRequest/nodes")
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert_eq!(data(&listed, "/data/onX/nodes/0/channel/id"), x.as_str());
    assert_eq!(data(&listed, "/data/requests/nodes/0/id"), request.as_str());
}

/// A world with an approved request targeting LinkedIn and X (no activity); returns the
/// world, the member's and reviewer's headers, the request and its `(linkedin, x)` posts.
async fn approved_request() -> (ContentWorld, Headers, Headers, String, String, String) {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let linkedin = connect(&world.content, &admin, "LINKEDIN", "acme-li").await;
    let x = connect(&world.content, &admin, "X_TWITTER", "acme-x").await;
    let body = create(&world.content, &member, &[&linkedin, &x], json!({})).await;
    ok(&body);
    let request = text(&body, "/data/createSocialMediaRequest/id");
    ok(&call(&world.content, &member, SUBMIT, json!({ "id": request })).await);
    let approved = call(&world.content, &reviewer, APPROVE, json!({ "id": request })).await;
    ok(&approved);
    let posts = posts_of(&approved, "/data/approveSocialMediaRequest/posts");
    let post_on = |platform: &str| {
        posts
            .iter()
            .find(|(_, p)| p == platform)
            .map(|(id, _)| id.clone())
            .unwrap_or_default()
    };
    let (li_post, x_post) = (post_on("LINKEDIN"), post_on("X_TWITTER"));
    (world, member, reviewer, request, li_post, x_post)
}

#[tokio::test]
async fn copy_over_xs_limit_is_refused_and_the_same_copy_is_accepted_for_linkedin() {
    let (world, member, _reviewer, _request, li_post, x_post) = approved_request().await;
    let long = "é".repeat(281);
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let refused = call(
        &world.content,
        &member,
        SET_COPY,
        json!({ "id": x_post, "copy": long }),
    )
    .await;
    refused_on(&refused, "copy");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    let accepted = call(
        &world.content,
        &member,
        SET_COPY,
        json!({ "id": li_post, "copy": long }),
    )
    .await;
    ok(&accepted);
    let post = data(&accepted, "/data/setSocialPostCopy");
    assert_eq!(post["status"], "REVIEW");
    assert_eq!(post["charCount"], 281);
    assert_eq!(post["body"]["inlineBody"], long.as_str());
    assert_eq!(post["body"]["id"], post["contentRef"]);

    // 280 characters (scalar values, not bytes) fit X.
    let fits = "é".repeat(280);
    let accepted = call(
        &world.content,
        &member,
        SET_COPY,
        json!({ "id": x_post, "copy": fits }),
    )
    .await;
    ok(&accepted);
    assert_eq!(data(&accepted, "/data/setSocialPostCopy/charCount"), 280);

    // An agent's document: it must exist in the tenant and fit the platform.
    let li_ref = text(&accepted, "/data/setSocialPostCopy/contentRef");
    let attach = "mutation($id: ID!, $ref: String!, $n: Int!) {
      attachSocialPostContent(id: $id, contentRef: $ref, charCount: $n) { contentRef charCount status } }";
    let bad = call(
        &world.content,
        &member,
        attach,
        json!({ "id": x_post, "ref": li_ref, "n": 281 }),
    )
    .await;
    refused_on(&bad, "charCount");
    let bad = call(
        &world.content,
        &member,
        attach,
        json!({ "id": x_post, "ref": "0123456789abcdef01234567", "n": 10 }),
    )
    .await;
    refused_on(&bad, "contentRef");
    let bad = call(
        &world.content,
        &member,
        attach,
        json!({ "id": x_post, "ref": "nope", "n": 10 }),
    )
    .await;
    refused_on(&bad, "contentRef");
    let good = call(
        &world.content,
        &member,
        attach,
        json!({ "id": x_post, "ref": li_ref, "n": 120 }),
    )
    .await;
    ok(&good);
    assert_eq!(data(&good, "/data/attachSocialPostContent/charCount"), 120);
}

#[tokio::test]
async fn a_post_is_reviewed_scheduled_published_and_its_engagement_recorded_and_read_back() {
    let (world, member, reviewer, request, _li_post, x_post) = approved_request().await;
    let run = |who: &Headers, query: &str, variables: Value| {
        let who = who.clone();
        let query = query.to_owned();
        let server = &world.content;
        async move { call(server, &who, &query, variables).await }
    };
    let engagement = "mutation($id: ID!, $input: SocialPostEngagementInput!) {
      recordSocialPostEngagement(id: $id, input: $input) { id } }";
    let metrics = json!({ "likes": 5, "comments": 2, "shares": 1, "impressions": 900,
                          "clicks": 12, "reach": 700 });
    let publish = "mutation($id: ID!, $url: String!) {
      publishSocialPost(id: $id, publishedUrl: $url, platformPostId: \"1790\") { status publishedUrl } }";
    let schedule = "mutation($id: ID!, $at: DateTime!) { scheduleSocialPost(id: $id, scheduledFor: $at) { status } }";

    // Not before its time: no engagement, no publishing, no approval of a draft.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    assert_code(
        &run(
            &member,
            engagement,
            json!({ "id": x_post, "input": metrics }),
        )
        .await,
        "CONFLICT",
    );
    assert_code(
        &run(
            &member,
            publish,
            json!({ "id": x_post, "url": "https://x.com/acme/status/1790" }),
        )
        .await,
        "CONFLICT",
    );
    assert_code(
        &run(
            &reviewer,
            "mutation($id: ID!) { approveSocialPost(id: $id) { status } }",
            json!({ "id": x_post }),
        )
        .await,
        "CONFLICT",
    );
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);

    ok(&run(
        &member,
        "mutation($id: ID!) { startSocialPostWriting(id: $id) { status } }",
        json!({ "id": x_post }),
    )
    .await);
    ok(&run(
        &member,
        SET_COPY,
        json!({ "id": x_post, "copy": "We launched. #analytics" }),
    )
    .await);
    // Reviewers decide: a member may not approve; a rejection sends it back for new copy.
    assert_code(
        &run(
            &member,
            "mutation($id: ID!) { approveSocialPost(id: $id) { status } }",
            json!({ "id": x_post }),
        )
        .await,
        "FORBIDDEN",
    );
    let rejected = run(
        &reviewer,
        "mutation($id: ID!) { rejectSocialPost(id: $id) { status } }",
        json!({ "id": x_post }),
    )
    .await;
    ok(&rejected);
    assert_eq!(data(&rejected, "/data/rejectSocialPost/status"), "REJECTED");
    ok(&run(
        &member,
        SET_COPY,
        json!({ "id": x_post, "copy": "We launched today. #analytics" }),
    )
    .await);
    let approved = run(
        &reviewer,
        "mutation($id: ID!) { approveSocialPost(id: $id) { status } }",
        json!({ "id": x_post }),
    )
    .await;
    ok(&approved);
    assert_eq!(
        data(&approved, "/data/approveSocialPost/status"),
        "APPROVED"
    );

    // Scheduling in the past and publishing without a URL are refused.
    let past = run(
        &member,
        schedule,
        json!({ "id": x_post, "at": "2020-01-01T00:00:00Z" }),
    )
    .await;
    refused_on(&past, "scheduledFor");
    let scheduled = run(
        &member,
        schedule,
        json!({ "id": x_post, "at": "2099-01-01T09:00:00Z" }),
    )
    .await;
    ok(&scheduled);
    assert_eq!(
        data(&scheduled, "/data/scheduleSocialPost/status"),
        "SCHEDULED"
    );
    let bad_url = run(
        &member,
        publish,
        json!({ "id": x_post, "url": "not a url" }),
    )
    .await;
    refused_on(&bad_url, "publishedUrl");
    let published = run(
        &member,
        publish,
        json!({ "id": x_post, "url": "https://x.com/acme/status/1790" }),
    )
    .await;
    ok(&published);
    assert_eq!(
        data(&published, "/data/publishSocialPost/status"),
        "PUBLISHED"
    );

    // Engagement: negative metrics are refused; the snapshot is read back.
    let mut negative = metrics.clone();
    negative["likes"] = json!(-1);
    refused_on(
        &run(
            &member,
            engagement,
            json!({ "id": x_post, "input": negative }),
        )
        .await,
        "likes",
    );
    ok(&run(
        &member,
        engagement,
        json!({ "id": x_post, "input": metrics }),
    )
    .await);
    let read = run(&member, POST, json!({ "id": x_post })).await;
    ok(&read);
    let post = data(&read, "/data/socialPost");
    assert_eq!(post["status"], "PUBLISHED");
    assert_eq!(post["platformPostId"], "1790");
    assert_eq!(post["engagement"]["likes"], 5);
    assert_eq!(post["engagement"]["impressions"], 900);
    assert_eq!(post["engagement"]["reach"], 700);
    assert_eq!(post["engagement"]["clicks"], 12);
    assert!(post["lastEngagementOn"].is_string(), "{post}");
    assert_eq!(post["engagement"]["recordedOn"], post["lastEngagementOn"]);

    // The request: started, completed, then no longer deletable.
    let start = run(
        &member,
        "mutation($id: ID!) { startSocialMediaRequest(id: $id) { status } }",
        json!({ "id": request }),
    )
    .await;
    ok(&start);
    let done = run(
        &member,
        "mutation($id: ID!) { completeSocialMediaRequest(id: $id) { status } }",
        json!({ "id": request }),
    )
    .await;
    ok(&done);
    assert_eq!(
        data(&done, "/data/completeSocialMediaRequest/status"),
        "COMPLETED"
    );
    let delete = run(
        &member,
        "mutation($id: ID!) { deleteSocialMediaRequest(id: $id) }",
        json!({ "id": request }),
    )
    .await;
    assert_code(&delete, "CONFLICT");
}

#[tokio::test]
async fn drafts_are_changed_and_deleted_and_an_agent_key_is_recorded_as_the_requester() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let key = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let linkedin = connect(&world.content, &admin, "LINKEDIN", "acme-li").await;
    let x = connect(&world.content, &admin, "X_TWITTER", "acme-x").await;
    let body = create(
        &world.content,
        &key,
        &[&linkedin],
        json!({ "postType": "ARTICLE" }),
    )
    .await;
    ok(&body);
    assert_eq!(
        data(&body, "/data/createSocialMediaRequest/requestedByType"),
        "AGENT"
    );
    let request = text(&body, "/data/createSocialMediaRequest/id");
    let update = "mutation($id: ID!, $input: UpdateSocialMediaRequestInput!) {
      updateSocialMediaRequest(id: $id, input: $input) { topic postType targetChannels { id } notes } }";
    // An article cannot go to X: refused, nothing changed.
    let before = table_rows(&world.db, &TABLES, &[]).await;
    let bad = call(
        &world.content,
        &key,
        update,
        json!({ "id": request, "input": { "targetChannelIds": [linkedin, x] } }),
    )
    .await;
    refused_on(&bad, "postType");
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, before);
    let changed = call(
        &world.content,
        &key,
        update,
        json!({ "id": request, "input": { "postType": "STANDARD", "targetChannelIds": [x, linkedin],
                                          "notes": "No emoji.", "topic": "Launch day" } }),
    )
    .await;
    ok(&changed);
    assert_eq!(
        data(&changed, "/data/updateSocialMediaRequest/postType"),
        "STANDARD"
    );
    assert_eq!(
        data(
            &changed,
            "/data/updateSocialMediaRequest/targetChannels/0/id"
        ),
        x.as_str()
    );
    assert_eq!(
        data(&changed, "/data/updateSocialMediaRequest/notes"),
        "No emoji."
    );
    let deleted = call(
        &world.content,
        &key,
        "mutation($id: ID!) { deleteSocialMediaRequest(id: $id) }",
        json!({ "id": request }),
    )
    .await;
    ok(&deleted);
    let gone = call(
        &world.content,
        &key,
        "query($id: ID!) { socialMediaRequest(id: $id) { id } }",
        json!({ "id": request }),
    )
    .await;
    ok(&gone);
    assert_eq!(data(&gone, "/data/socialMediaRequest"), &Value::Null);
    // API keys are not reviewers.
    let body = create(&world.content, &key, &[&linkedin], json!({})).await;
    let other = text(&body, "/data/createSocialMediaRequest/id");
    ok(&call(&world.content, &key, SUBMIT, json!({ "id": other })).await);
    assert_code(
        &call(&world.content, &key, APPROVE, json!({ "id": other })).await,
        "FORBIDDEN",
    );
}

#[tokio::test]
async fn the_demo_seed_gives_both_tenants_requests_in_every_status_with_posts_and_is_idempotent() {
    let db = TestDatabase::new().await;
    let platform = db.connect_as("app_platform").await;
    let totals = "SELECT (SELECT count(*) FROM social_media_requests) * 1000
                       + (SELECT count(*) FROM social_posts) AS n";
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding failed: {error}");
    }
    let first = get::<i64>(&query_one(&db.owner, totals, []).await, "n");
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding again failed: {error}");
    }
    assert_eq!(
        get::<i64>(&query_one(&db.owner, totals, []).await, "n"),
        first
    );
    for slug in ["acme", "globex"] {
        let statuses = get::<i64>(
            &query_one(
                &db.owner,
                "SELECT count(DISTINCT r.status) AS n FROM social_media_requests r
                 JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $1",
                [slug.into()],
            )
            .await,
            "n",
        );
        assert_eq!(statuses, 6, "{slug}");
        let posts = get::<i64>(
            &query_one(
                &db.owner,
                "SELECT count(*) AS n FROM social_posts p JOIN tenants t ON t.id = p.tenant_id
                 WHERE t.slug = $1 AND p.status = 'published' AND p.engagement_snapshot IS NOT NULL",
                [slug.into()],
            )
            .await,
            "n",
        );
        assert_eq!(posts, 2, "{slug}");
    }
}
