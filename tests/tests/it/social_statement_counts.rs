//! N+1 proven gone for social posts: `socialPosts` with each post's channel, request and body
//! (its copy, from the document store) runs the same number of SQL statements for 10 posts and
//! for 100 (ten requests over ten channels), and exactly one document-store read either way.

use crate::api_social::{APPROVE, SET_COPY, SUBMIT, connect, create, text};
use leadmetrics_tests::api::{call, data, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use serde_json::json;

const POSTS: &str = "query($filter: SocialPostFilter) {
  socialPosts(filter: $filter, first: 100) {
    nodes { id platform status channel { id name } request { id topic } body { id inlineBody } } } }";

/// The statements [`POSTS`] runs, whatever the number of posts:
///
/// - 1: the caller's user and tenant, looked up by the token's subject (platform role);
/// - 2: the page, in a transaction of the tenant (`set_config`, then the page);
/// - 2 × 2: one loader batch per relation, each in a short transaction of its own
///   (`set_config`, then one statement): the channels by id, the requests by id.
const POSTS_STATEMENTS: u64 = 7;

/// Runs [`POSTS`] with `filter`; checks it returns `posts` posts with every relation and
/// returns `(SQL statements, document reads)` it cost.
async fn cost(
    world: &ContentWorld,
    headers: &leadmetrics_tests::api::Headers,
    filter: serde_json::Value,
    posts: usize,
) -> (u64, u64) {
    let documents = &world.content.services().documents;
    let statements = world.content.statements_executed();
    let reads = documents.reads_executed();
    let body = call(&world.content, headers, POSTS, json!({ "filter": filter })).await;
    let cost = (
        world.content.statements_executed() - statements,
        documents.reads_executed() - reads,
    );
    ok(&body);
    let nodes = data(&body, "/data/socialPosts/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(nodes.len(), posts);
    for node in &nodes {
        assert!(node["channel"]["id"].is_string(), "{node}");
        assert!(node["request"]["id"].is_string(), "{node}");
        assert!(node["body"]["inlineBody"].is_string(), "{node}");
    }
    cost
}

#[tokio::test]
async fn social_posts_with_channel_request_and_body_cost_the_same_for_10_and_100_posts() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let mut channels = Vec::new();
    for n in 0..10 {
        channels.push(connect(&world.content, &admin, "LINKEDIN", &format!("page-{n}")).await);
    }
    let targets: Vec<&str> = channels.iter().map(String::as_str).collect();
    let mut requests = Vec::new();
    let mut posts = Vec::new();
    for _ in 0..10 {
        let body = create(&world.content, &admin, &targets, json!({})).await;
        ok(&body);
        let request = text(&body, "/data/createSocialMediaRequest/id");
        ok(&call(&world.content, &admin, SUBMIT, json!({ "id": request })).await);
        let approved = call(&world.content, &admin, APPROVE, json!({ "id": request })).await;
        ok(&approved);
        for post in data(&approved, "/data/approveSocialMediaRequest/posts")
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            posts.push(text(&post, "/id"));
        }
        requests.push(request);
    }
    assert_eq!(posts.len(), 100);
    for (n, post) in posts.iter().enumerate() {
        let body = call(
            &world.content,
            &admin,
            SET_COPY,
            json!({ "id": post, "copy": format!("Post number {n}. #demo") }),
        )
        .await;
        ok(&body);
    }
    let ten_filter = json!({ "socialMediaRequestId": requests[0] });
    cost(&world, &admin, ten_filter.clone(), 10).await;
    let ten = cost(&world, &admin, ten_filter, 10).await;
    let hundred = cost(&world, &admin, json!({}), 100).await;
    println!("socialPosts: {ten:?} (statements, document reads) for 10 posts, {hundred:?} for 100");
    assert_eq!(ten, hundred, "the cost grows with the posts");
    assert_eq!(ten.1, 1, "one document-store read for every body");
    assert_eq!(ten.0, POSTS_STATEMENTS, "the statements changed");
}
