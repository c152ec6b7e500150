//! No N+1 in channels: the channel list with each channel's score history runs the same number
//! of SQL statements for 10 channels and for 100 (the history of every channel of the page in
//! one loader batch).

use leadmetrics_tests::api::call;
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::exec_with;
use serde_json::json;

const LIST: &str = "{ channels(first: 100) { nodes { id name score { value delta }
  scoreHistory { score period } } } }";

#[tokio::test]
async fn the_channel_list_with_score_histories_costs_the_same_for_10_and_100_channels() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let mut costs = Vec::new();
    for (start, count) in [(1, 10), (11, 90)] {
        let added = exec_with(
            &world.db.owner,
            "INSERT INTO channels (tenant_id, platform, channel_type, name, external_id, status, metadata)
             SELECT t.id, 'linkedin', 'social', 'Page ' || g, 'page-' || g, 'connected', '{}'
             FROM tenants t, generate_series($1::int, $2::int) AS g WHERE t.slug = 'acme'",
            [start.into(), (start + count - 1).into()],
        )
        .await;
        assert!(added.is_ok(), "{added:?}");
        let scored = exec_with(
            &world.db.owner,
            "INSERT INTO channel_scores (tenant_id, channel_id, score, period)
             SELECT c.tenant_id, c.id, 50, p FROM channels c, unnest(ARRAY['2026-09', '2026-10']) AS p
             WHERE c.external_id LIKE 'page-%'
               AND NOT EXISTS (SELECT 1 FROM channel_scores s WHERE s.channel_id = c.id)",
            [],
        )
        .await;
        assert!(scored.is_ok(), "{scored:?}");
        let before = world.content.statements_executed();
        let body = call(&world.content, &admin, LIST, json!({})).await;
        assert!(body.get("errors").is_none(), "{body}");
        let nodes = body["data"]["channels"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(nodes.len(), start as usize + count as usize - 1);
        assert!(
            nodes
                .iter()
                .all(|node| node["scoreHistory"].as_array().map(Vec::len) == Some(2))
        );
        costs.push(world.content.statements_executed() - before);
    }
    assert_eq!(
        costs[0], costs[1],
        "statements for 10 and for 100 channels: {costs:?}"
    );
}
