//! N+1 proven gone for blog posts: the list of posts with each post's channel, request and
//! body runs the same, exactly known number of SQL statements for 10 posts and for 100 (on ten
//! times the channels), and reads the document store exactly once for all the bodies.

use leadmetrics_tests::api::{Headers, call, data};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::{exec_with, get, query_all};
use serde_json::json;

const POSTS: &str = "
query Posts {
  blogPosts(first: 100) {
    nodes {
      id title status
      channel { id name }
      request { id title status }
      body { id wordCount }
    }
  }
}";

/// The statements [`POSTS`] runs, whatever the number of posts:
///
/// - 1: the caller's user and tenant, looked up by the token's subject (platform role);
/// - 2: the page, in a transaction of the tenant (`set_config`, then the page);
/// - 2 × 2: one loader batch per relation, each in a short transaction of its own
///   (`set_config`, then one statement): the channels by id, the requests by id.
///
/// The bodies are one `find` of the document store, not a SQL statement.
const POSTS_STATEMENTS: u64 = 7;

/// Adds `channels` WordPress channels to acme, each with ten approved requests and their
/// posts, and writes every new post's body through the API.
async fn add_posts(world: &ContentWorld, admin: &Headers, channels: i64, from: i64) {
    let statements = [
        "INSERT INTO channels (tenant_id, platform, channel_type, name, external_id, status)
         SELECT t.id, 'wordpress', 'cms', 'Blog ' || g, 'count-' || g, 'connected'
         FROM tenants t CROSS JOIN generate_series($1::int, $1::int + $2::int - 1) g
         WHERE t.slug = 'acme'",
        "INSERT INTO blog_requests (tenant_id, requested_by_type, requested_by_id, title,
                                    target_keyword, target_channel_id, status)
         SELECT c.tenant_id, 'agent', 'seo-writer', c.name || ', post ' || k, 'seo', c.id, 'approved'
         FROM channels c CROSS JOIN generate_series(1, 10) k
         WHERE c.external_id LIKE 'count-%' AND $1::int IS NOT NULL AND $2::int IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM blog_requests r WHERE r.target_channel_id = c.id)",
        "INSERT INTO blog_posts (tenant_id, blog_request_id, channel_id, title, focus_keyword)
         SELECT r.tenant_id, r.id, r.target_channel_id, r.title, r.target_keyword
         FROM blog_requests r WHERE $1::int IS NOT NULL AND $2::int IS NOT NULL
         ON CONFLICT (tenant_id, blog_request_id) DO NOTHING",
    ];
    for sql in statements {
        if let Err(error) = exec_with(&world.db.owner, sql, [from.into(), channels.into()]).await {
            panic!("{sql}: {error}");
        }
    }
    let new_posts = query_all(
        &world.db.owner,
        "SELECT ref_id FROM blog_posts WHERE content_ref IS NULL ORDER BY ref_id",
        [],
    )
    .await;
    for row in new_posts {
        let id: String = get(&row, "ref_id");
        let body = call(
            &world.content,
            admin,
            "mutation($id: ID!, $markdown: String!) { setBlogPostBody(id: $id, markdown: $markdown) { id } }",
            json!({ "id": id, "markdown": format!("# Post {id}\n\nSome words of the post.") }),
        )
        .await;
        data(&body, "/data/setBlogPostBody");
    }
}

/// Runs [`POSTS`]; checks it returns `posts` posts with every relation and returns the SQL
/// statements and document-store reads it cost.
async fn cost(world: &ContentWorld, admin: &Headers, posts: usize) -> (u64, u64) {
    let documents = &world.content.services().documents;
    let reads = documents.reads_executed();
    let statements = world.content.statements_executed();
    let body = call(&world.content, admin, POSTS, json!({})).await;
    let statements = world.content.statements_executed() - statements;
    let reads = documents.reads_executed() - reads;
    let nodes = data(&body, "/data/blogPosts/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(nodes.len(), posts);
    for node in &nodes {
        assert!(node["channel"]["id"].is_string(), "{node}");
        assert!(node["request"]["id"].is_string(), "{node}");
        assert_eq!(node["body"]["wordCount"], 7, "{node}");
    }
    (statements, reads)
}

#[tokio::test]
async fn the_blog_posts_with_channel_request_and_body_cost_the_same_for_10_and_100_posts() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    add_posts(&world, &admin, 1, 1).await;
    cost(&world, &admin, 10).await;
    let ten = cost(&world, &admin, 10).await;
    add_posts(&world, &admin, 9, 2).await;
    let hundred = cost(&world, &admin, 100).await;
    println!("blog posts: {ten:?} (statements, document reads) for 10 posts, {hundred:?} for 100");
    assert_eq!(ten, hundred, "the cost grows with the posts");
    assert_eq!(ten.0, POSTS_STATEMENTS, "the list's statements changed");
    assert_eq!(ten.1, 1, "the bodies are one read of the document store");
}
