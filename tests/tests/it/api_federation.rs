//! Federation as a gateway uses it: `_entities` requests with hundreds of representations are
//! resolved in one transaction with one statement per entity type, bounded in size, and blind to
//! other tenants; and responses come back in selection-set order, byte for byte the same each
//! time.

use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, seed_demo_with};
use leadmetrics_tests::{TestDatabase, get, query_all};
use serde_json::{Value, json};

const ENTITIES: &str = "query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Activity { id title }
    ... on Goal { id name }
    ... on User { id email }
  }
}";

/// The public ids of `table`'s rows of the tenant with `slug`, oldest first.
async fn ids_of(db: &TestDatabase, table: &str, slug: &str) -> Vec<String> {
    let rows = query_all(
        &db.owner,
        &format!(
            "SELECT t.ref_id FROM {table} t JOIN tenants ON tenants.id = t.tenant_id
             WHERE tenants.slug = $1 ORDER BY t.ref_id"
        ),
        [slug.into()],
    )
    .await;
    rows.iter()
        .map(|row| get::<String>(row, "ref_id"))
        .collect()
}

/// `count` representations of each of Activity, Goal and User, cycling through `ids`.
fn representations(
    activities: &[String],
    goals: &[String],
    users: &[String],
    count: usize,
) -> Vec<Value> {
    let mut all = Vec::with_capacity(3 * count);
    for (typename, ids) in [("Activity", activities), ("Goal", goals), ("User", users)] {
        for index in 0..count {
            all.push(json!({ "__typename": typename, "id": ids[index % ids.len()] }));
        }
    }
    all
}

struct World {
    db: TestDatabase,
    server: TestServer,
    token: String,
    activities: Vec<String>,
    goals: Vec<String>,
    users: Vec<String>,
}

async fn world() -> World {
    let db = TestDatabase::new().await;
    seed_demo_with(&db, 40).await;
    let server = TestServer::start(&db).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let activities = ids_of(&db, "activities", "acme").await;
    let goals = ids_of(&db, "goals", "acme").await;
    let users = ids_of(&db, "users", "acme").await;
    assert!(activities.len() >= 100 && !goals.is_empty() && !users.is_empty());
    World {
        db,
        server,
        token,
        activities,
        goals,
        users,
    }
}

impl World {
    /// Runs `_entities` for `representations`; returns the statements it cost and the body.
    async fn entities(&self, representations: Vec<Value>) -> (u64, Value) {
        let before = self.server.statements_executed();
        let body = self
            .server
            .gql(
                Some(&self.token),
                ENTITIES,
                json!({ "representations": representations }),
            )
            .await;
        (self.server.statements_executed() - before, body)
    }
}

#[tokio::test]
async fn three_hundred_representations_of_three_types_cost_as_many_statements_as_thirty() {
    let world = world().await;
    let small = representations(&world.activities, &world.goals, &world.users, 10);
    let large = representations(&world.activities, &world.goals, &world.users, 100);
    // Warm-up, so neither count depends on first-use work.
    let _ = world.entities(small.clone()).await;

    let (small_statements, small_body) = world.entities(small).await;
    let (large_statements, large_body) = world.entities(large.clone()).await;
    for body in [&small_body, &large_body] {
        assert!(body.get("errors").is_none(), "{body}");
    }
    let entities = large_body["data"]["_entities"]
        .as_array()
        .unwrap_or_else(|| panic!("{large_body}"));
    assert_eq!(entities.len(), 300);
    for (entity, representation) in entities.iter().zip(&large) {
        assert_eq!(entity["__typename"], representation["__typename"]);
        assert_eq!(entity["id"], representation["id"]);
    }
    println!(
        "_entities: {small_statements} statements for 30 representations, {large_statements} for 300"
    );
    // Credentials (1); then one batch of every representation in one transaction:
    // `set_config` (1) and one select per entity type (3).
    assert_eq!(small_statements, 5);
    assert_eq!(large_statements, small_statements);
}

fn assert_refused_by_the_representation_limit(body: &Value) {
    assert_eq!(error_code(body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["limit"], "entity_representations",
        "{body}"
    );
    assert!(body.get("data").is_none_or(Value::is_null), "{body}");
}

#[tokio::test]
async fn more_representations_than_the_limit_are_refused_before_any_entity_is_looked_up() {
    let world = world().await;
    let too_many = representations(&world.activities, &world.goals, &world.users, 1_667);
    assert!(too_many.len() > 5_000);
    let (statements, body) = world.entities(too_many).await;
    assert_refused_by_the_representation_limit(&body);
    // Only the credentials were read.
    assert_eq!(statements, 1);

    // The limit (1,000) is inclusive.
    let mut at_limit = representations(&world.activities, &world.goals, &world.users, 334);
    at_limit.truncate(1_000);
    let (_, body) = world.entities(at_limit.clone()).await;
    assert!(body.get("errors").is_none(), "{body}");
    at_limit.push(at_limit[0].clone());
    let (_, body) = world.entities(at_limit).await;
    assert_refused_by_the_representation_limit(&body);

    let goal = r#"{__typename: "Goal", id: "01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#;
    let list = |count: usize| vec![goal; count].join(",");
    for query in [
        // Inline.
        format!(
            "{{ _entities(representations: [{}]) {{ __typename }} }}",
            list(1_001)
        ),
        // Split over aliases.
        format!(
            "{{ a: _entities(representations: [{0}]) {{ __typename }} b: _entities(representations: [{0}]) {{ __typename }} }}",
            list(600)
        ),
        // Through a fragment at the root.
        format!(
            "{{ ...Many }} fragment Many on Query {{ _entities(representations: [{}]) {{ __typename }} }}",
            list(1_001)
        ),
        // In a variable's default value.
        format!(
            "query($r: [_Any!]! = [{}]) {{ _entities(representations: $r) {{ __typename }} }}",
            list(1_001)
        ),
    ] {
        let body = world
            .server
            .gql(Some(&world.token), &query, json!({}))
            .await;
        assert_refused_by_the_representation_limit(&body);
    }

    // Counting never expands a fragment cycle (refused, quickly, by the expanded-fields limit).
    let body = world
        .server
        .gql(None, "{ ...A } fragment A on Query { ...A ...A _entities(representations: []) { __typename } }", json!({}))
        .await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn another_tenants_ids_among_many_representations_resolve_to_null() {
    let world = world().await;
    let other_activities = ids_of(&world.db, "activities", "globex").await;
    let other_goals = ids_of(&world.db, "goals", "globex").await;
    let other_users = ids_of(&world.db, "users", "globex").await;
    assert!(!other_activities.is_empty() && !other_goals.is_empty() && !other_users.is_empty());
    let own = representations(&world.activities, &world.goals, &world.users, 50);
    let other = representations(&other_activities, &other_goals, &other_users, 50);
    let mixed: Vec<Value> = own
        .iter()
        .zip(&other)
        .flat_map(|(own, other)| [own.clone(), other.clone()])
        .collect();
    let (_, body) = world.entities(mixed).await;
    assert!(body.get("errors").is_none(), "{body}");
    let entities = body["data"]["_entities"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(entities.len(), 300);
    for (index, entity) in entities.iter().enumerate() {
        if index % 2 == 0 {
            assert!(entity["id"].is_string(), "own entity {index}: {entity}");
        } else {
            assert_eq!(entity, &Value::Null, "other tenant's entity {index}");
        }
    }
}

const NESTED: &str = "
query Nested {
  activeStrategy {
    version
    id
    goals {
      priority
      progress { percent target current baseline }
      name
      id
      deliverables {
        name
        periods { progress { target completed } id periodStart }
        id
      }
      ... on Goal { status metric }
    }
    status
  }
  me { tenant { slug name } user { role email } }
}";

#[tokio::test]
async fn the_same_nested_query_twenty_times_gives_byte_identical_responses_in_selection_order() {
    let world = world().await;
    let mut first: Option<String> = None;
    for _ in 0..20 {
        let (_, text) = world
            .server
            .post_raw(
                json!({ "query": NESTED }),
                &[("authorization", &format!("Bearer {}", world.token))],
            )
            .await;
        match &first {
            None => first = Some(text),
            Some(first) => assert_eq!(&text, first),
        }
    }
    let text = first.unwrap_or_default();
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("{text}"));
    let goals = body["data"]["activeStrategy"]["goals"]
        .as_array()
        .map_or(0, Vec::len);
    let deliverables: usize = body["data"]["activeStrategy"]["goals"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|goal| goal["deliverables"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(goals > 1 && deliverables > 1, "{text}");
    // Every object starts with its first selected key and its keys follow the selection.
    assert!(
        text.starts_with(r#"{"data":{"activeStrategy":{"version":"#),
        "{text}"
    );
    assert_eq!(text.matches(r#"{"priority":"#).count(), goals, "{text}");
    assert!(
        text.matches(r#"},"name":"#).count() >= goals,
        "goal names follow progress: {text}"
    );
    assert_eq!(text.matches(r#"{"name":"#).count(), deliverables, "{text}");
    assert!(
        text.contains(r#""status":"ACTIVE"},"me":{"tenant":{"slug":"#),
        "{text}"
    );
    assert!(
        text.ends_with(r#""user":{"role":"ADMIN","email":"admin@acme.test"}}}}"#),
        "{text}"
    );
}

#[tokio::test]
async fn many_concurrent_requests_mixing_loaders_and_root_transactions_never_starve_a_small_pool() {
    let db = TestDatabase::new().await;
    seed_demo_with(&db, 5).await;
    let server = TestServer::start_with(&db, &[("DATABASE_MAX_CONNECTIONS", "2")]).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let goal = ids_of(&db, "goals", "acme").await[0].clone();
    let query = "query($goal: ID!) {
      goal(id: $goal) { id name deliverables { id periods { id activities { id assignee { id } } } } }
      activeStrategy { id goals { id strategy { id } } }
      activities(first: 5) { nodes { id goal { id } } }
      tenant { id }
    }";
    let requests = (0..40).map(|_| server.gql(Some(&token), query, json!({ "goal": goal })));
    for body in futures::future::join_all(requests).await {
        assert!(body.get("errors").is_none(), "{body}");
        assert_eq!(body["data"]["goal"]["id"], json!(goal));
    }
}
