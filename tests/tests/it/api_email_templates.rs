//! Email templates through the content subgraph: the global templates every tenant reads, a
//! tenant's overrides (one per slug; the effective list shows the override instead of the
//! global one; deleting it reverts to the global), its own custom templates, placeholders
//! checked against declared variables, previews with HTML-escaped values — and global templates
//! read-only to tenants. Every refusal changes nothing.

use leadmetrics_tests::api::{
    Caller, Headers, assert_bad_input, assert_code, assert_refused_unchanged, call, data, id_of,
};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

const LIST: &str = "query($filter: EmailTemplateFilter) {
  emailTemplates(filter: $filter, first: 100) {
    nodes { id slug subject isGlobal isOverride sourceTemplate { id } } } }";
const TEMPLATE: &str = "query($id: ID!) { emailTemplate(id: $id) { id slug subject bodyHtml
  bodyText category isGlobal isOverride variables { key description required }
  sourceTemplate { id } } }";
const CUSTOMIZE: &str = "mutation($id: ID!) { customizeEmailTemplate(globalTemplateId: $id) {
  id slug subject isGlobal isOverride category sourceTemplate { id } } }";
const CREATE: &str = "mutation($input: CreateEmailTemplateInput!) {
  createEmailTemplate(input: $input) { id slug category isOverride variables { key required } } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateEmailTemplateInput!) {
  updateEmailTemplate(id: $id, input: $input) { id subject bodyText variables { key } } }";
const DELETE: &str = "mutation($id: ID!) { deleteEmailTemplate(id: $id) }";
const PREVIEW: &str =
    "query($id: ID!, $values: JSON) { previewEmailTemplate(id: $id, values: $values) {
  subject bodyHtml bodyText missingRequired sampled } }";

/// The tables a template request may change.
const TABLES: [&str; 1] = ["email_templates"];

/// The public id of the global template `slug`.
async fn global_id(world: &ContentWorld, slug: &str) -> String {
    let row = query_one(
        &world.db.owner,
        "SELECT ref_id FROM email_templates WHERE tenant_id IS NULL AND slug = $1",
        [slug.into()],
    )
    .await;
    get(&row, "ref_id")
}

/// The slugs and ids of a list.
fn listed(body: &Value) -> Vec<(String, String)> {
    data(body, "/data/emailTemplates/nodes")
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .map(|node| {
                    (
                        node["slug"].as_str().unwrap_or_default().to_owned(),
                        id_of(node),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

async fn list(world: &ContentWorld, who: &Headers, filter: Value) -> Vec<(String, String)> {
    listed(&call(&world.content, who, LIST, json!({ "filter": filter })).await)
}

fn custom(slug: &str, subject: &str, html: &str, variables: Value) -> Value {
    json!({ "name": "Custom", "slug": slug, "subject": subject, "bodyHtml": html,
            "variables": variables })
}

#[tokio::test]
async fn the_effective_templates_are_the_tenants_overrides_else_the_global_ones() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let monthly = global_id(&world, "report.monthly-delivery").await;
    let welcome = global_id(&world, "welcome").await;

    let globals = list(&world, &member, json!({ "scope": "GLOBAL" })).await;
    let mut global_slugs: Vec<&str> = globals.iter().map(|(slug, _)| slug.as_str()).collect();
    global_slugs.sort_unstable();
    assert_eq!(
        global_slugs,
        ["approval.request", "report.monthly-delivery", "welcome"]
    );
    // acme's seeded override of the monthly report replaces the global one.
    let own = list(&world, &member, json!({ "scope": "TENANT" })).await;
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0].0, "report.monthly-delivery");
    let effective = list(&world, &member, json!({})).await;
    let ids: Vec<&str> = effective.iter().map(|(_, id)| id.as_str()).collect();
    assert!(ids.contains(&own[0].1.as_str()));
    assert!(!ids.contains(&monthly.as_str()));
    assert!(ids.contains(&welcome.as_str()));
    assert_eq!(effective.len(), 3);
    let by_slug = list(
        &world,
        &member,
        json!({ "slug": "report.monthly-delivery", "scope": "EFFECTIVE" }),
    )
    .await;
    assert_eq!(by_slug, own);
    let by_category = list(&world, &member, json!({ "category": "ONBOARDING" })).await;
    assert_eq!(by_category, vec![("welcome".to_owned(), welcome.clone())]);

    let body = call(&world.content, &member, TEMPLATE, json!({ "id": own[0].1 })).await;
    let template = data(&body, "/data/emailTemplate");
    assert_eq!(template["isOverride"], true);
    assert_eq!(template["isGlobal"], false);
    assert_eq!(template["sourceTemplate"]["id"], monthly.as_str());
    assert_eq!(template["variables"][0]["key"], "tenant_name");

    // globex (another tenant) sees the global monthly template, not acme's override.
    let rows = query_one(
        &world.db.owner,
        "SELECT count(*) AS n FROM email_templates e JOIN tenants t ON t.id = e.tenant_id
         WHERE t.slug = 'globex'",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&rows, "n"), 0);
}

#[tokio::test]
async fn an_admin_customizes_a_global_template_once_and_deleting_the_override_reverts_to_it() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let admin_caller = Caller::with_headers(&world.content, "admin", admin.clone());
    let member_caller = Caller::with_headers(&world.content, "member", member.clone());
    let welcome = global_id(&world, "welcome").await;

    assert_refused_unchanged(
        &world.db,
        &member_caller,
        &TABLES,
        CUSTOMIZE,
        json!({ "id": welcome }),
        "FORBIDDEN",
        None,
    )
    .await;
    let body = call(&world.content, &admin, CUSTOMIZE, json!({ "id": welcome })).await;
    let copy = data(&body, "/data/customizeEmailTemplate").clone();
    assert_eq!(copy["slug"], "welcome");
    assert_eq!(copy["isOverride"], true);
    assert_eq!(copy["isGlobal"], false);
    assert_eq!(copy["category"], "ONBOARDING");
    assert_eq!(copy["sourceTemplate"]["id"], welcome.as_str());
    let copy_id = id_of(&copy);

    // One override per slug: customizing again is a CONFLICT.
    assert_refused_unchanged(
        &world.db,
        &admin_caller,
        &TABLES,
        CUSTOMIZE,
        json!({ "id": welcome }),
        "CONFLICT",
        None,
    )
    .await;
    // Only global templates are customized.
    assert_refused_unchanged(
        &world.db,
        &admin_caller,
        &TABLES,
        CUSTOMIZE,
        json!({ "id": copy_id }),
        "BAD_USER_INPUT",
        Some("globalTemplateId"),
    )
    .await;

    // The override changes; the global one does not.
    let body = call(
        &world.content,
        &admin,
        UPDATE,
        json!({ "id": copy_id, "input": { "subject": "Hello {{ first_name }}!", "bodyText": null } }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/updateEmailTemplate/subject"),
        "Hello {{ first_name }}!"
    );
    assert_eq!(
        data(&body, "/data/updateEmailTemplate/bodyText"),
        &Value::Null
    );
    let effective = list(&world, &member, json!({ "slug": "welcome" })).await;
    assert_eq!(effective, vec![("welcome".to_owned(), copy_id.clone())]);

    // Global templates are read-only: FORBIDDEN.
    for (query, variables) in [
        (
            UPDATE,
            json!({ "id": welcome, "input": { "subject": "Hacked" } }),
        ),
        (DELETE, json!({ "id": welcome })),
    ] {
        assert_refused_unchanged(
            &world.db,
            &admin_caller,
            &TABLES,
            query,
            variables,
            "FORBIDDEN",
            None,
        )
        .await;
    }

    // Deleting the override reverts to the global one; it can be customized again.
    assert_refused_unchanged(
        &world.db,
        &member_caller,
        &TABLES,
        DELETE,
        json!({ "id": copy_id }),
        "FORBIDDEN",
        None,
    )
    .await;
    let body = call(&world.content, &admin, DELETE, json!({ "id": copy_id })).await;
    assert_eq!(data(&body, "/data/deleteEmailTemplate"), copy_id.as_str());
    let effective = list(&world, &member, json!({ "slug": "welcome" })).await;
    assert_eq!(effective, vec![("welcome".to_owned(), welcome.clone())]);
    let body = call(&world.content, &admin, CUSTOMIZE, json!({ "id": welcome })).await;
    let again = data(&body, "/data/customizeEmailTemplate");
    assert_eq!(again["subject"], "Welcome to Leadmetrics, {{ first_name }}");
    let effective = list(&world, &member, json!({ "slug": "welcome" })).await;
    assert_eq!(effective, vec![("welcome".to_owned(), id_of(again))]);
}

#[tokio::test]
async fn placeholders_must_be_declared_and_required_variables_used() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let caller = Caller::with_headers(&world.content, "admin", admin.clone());
    let name = json!([{ "key": "name", "description": "Sam", "required": true }]);
    for (input, field, mentions) in [
        (
            custom(
                "promo",
                "Hi {{ name }}",
                "<p>{{ name }} {{ coupon }}</p>",
                name.clone(),
            ),
            "bodyHtml",
            "coupon",
        ),
        (
            custom("promo", "Hi {{ other }}", "<p>{{ name }}</p>", name.clone()),
            "subject",
            "other",
        ),
        (
            custom("promo", "Hi", "<p>Hello</p>", name.clone()),
            "variables",
            "name",
        ),
        (
            custom("promo", "Hi {{ name", "<p>{{ name }}</p>", name.clone()),
            "subject",
            "{{",
        ),
        (
            custom("promo", "Hi name }}", "<p>{{ name }}</p>", name.clone()),
            "subject",
            "}}",
        ),
        (
            custom("promo", "Hi {{ na me }}", "<p>{{ name }}</p>", name.clone()),
            "subject",
            "na me",
        ),
        (
            custom(
                "promo",
                "Hi {{ name }}",
                "<p>{{ name }}</p>",
                json!([{ "key": "name" }, { "key": "name" }]),
            ),
            "variables",
            "twice",
        ),
        (
            custom("promo", "Hi", "<p>Hi</p>", json!([{ "key": "1st" }])),
            "variables",
            "1st",
        ),
        (
            custom("Promo!", "Hi {{ name }}", "<p>x</p>", name.clone()),
            "slug",
            "slug",
        ),
        (
            custom("promo", " ", "<p>x</p>", json!([])),
            "subject",
            "subject",
        ),
    ] {
        let body = assert_refused_unchanged(
            &world.db,
            &caller,
            &TABLES,
            CREATE,
            json!({ "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(mentions),
            "{message} should name {mentions}"
        );
    }
    let mut text = custom("promo", "Hi {{name}}", "<p>{{ name }}</p>", name.clone());
    text["bodyText"] = json!("Hi {{ unknown }}");
    assert_refused_unchanged(
        &world.db,
        &caller,
        &TABLES,
        CREATE,
        json!({ "input": text }),
        "BAD_USER_INPUT",
        Some("bodyText"),
    )
    .await;

    // A good one; then updates are checked against the merged template.
    let body = call(
        &world.content,
        &admin,
        CREATE,
        json!({ "input": custom("promo.winter", "Hi {{name}}", "<style>p{color:red}</style><p>{{ name }}</p>", name.clone()) }),
    )
    .await;
    let created = data(&body, "/data/createEmailTemplate").clone();
    assert_eq!(created["category"], "CUSTOM");
    assert_eq!(created["isOverride"], false);
    assert_eq!(created["variables"][0]["required"], true);
    let id = id_of(&created);
    for (input, field) in [
        (
            json!({ "bodyHtml": "<p>{{ name }} {{ code }}</p>" }),
            "bodyHtml",
        ),
        (json!({ "variables": [] }), "subject"),
        (
            json!({ "subject": "Hi" , "bodyHtml": "<p>Hi</p>" }),
            "variables",
        ),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &TABLES,
            UPDATE,
            json!({ "id": id, "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    let body = call(
        &world.content,
        &admin,
        UPDATE,
        json!({ "id": id, "input": { "bodyText": "Code {{ code }} for {{ name }}",
            "variables": [{ "key": "name", "required": true }, { "key": "code" }] } }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/updateEmailTemplate/variables/1/key"),
        "code"
    );

    // Slugs: one per tenant, and a global template's slug is customized, not created.
    for slug in ["promo.winter", "welcome"] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &TABLES,
            CREATE,
            json!({ "input": custom(slug, "Hi", "<p>Hi</p>", json!([])) }),
            "CONFLICT",
            None,
        )
        .await;
    }
    // A member does not manage templates.
    let member = world.user("member@acme.test").await;
    let body = call(
        &world.content,
        &member,
        CREATE,
        json!({ "input": custom("mine", "Hi", "<p>Hi</p>", json!([])) }),
    )
    .await;
    assert_code(&body, "FORBIDDEN");
}

#[tokio::test]
async fn a_preview_renders_sample_values_and_escapes_values_in_html() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let approval = global_id(&world, "approval.request").await;
    let body = call(
        &world.content,
        &member,
        PREVIEW,
        json!({ "id": approval, "values": {
            "approval_title": "<script>alert('x')</script> & more",
            "review_url": "https://portal.test/a?x=1&y=2",
            "expires_at": 5 } }),
    )
    .await;
    let preview = data(&body, "/data/previewEmailTemplate");
    assert_eq!(
        preview["subject"],
        "Approval needed: <script>alert('x')</script> & more"
    );
    let html = preview["bodyHtml"].as_str().unwrap_or_default();
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"),
        "{html}"
    );
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("href=\"https://portal.test/a?x=1&amp;y=2\""),
        "{html}"
    );
    assert!(html.contains("until 5."), "{html}");
    // The missing required reviewer_name got its description as sample and is listed.
    assert!(html.contains("Hi Riya Reviewer,"), "{html}");
    assert_eq!(preview["missingRequired"], json!(["reviewer_name"]));
    assert_eq!(preview["sampled"], json!(["reviewer_name"]));
    let text = preview["bodyText"].as_str().unwrap_or_default();
    assert!(
        text.contains("<script>"),
        "the text body is not escaped: {text}"
    );

    // No values: everything sampled; bad values refused.
    let body = call(&world.content, &member, PREVIEW, json!({ "id": approval })).await;
    assert_eq!(
        data(&body, "/data/previewEmailTemplate/missingRequired"),
        &json!(["reviewer_name", "approval_title", "review_url"])
    );
    for values in [json!([1]), json!({ "review_url": { "a": 1 } })] {
        let body = call(
            &world.content,
            &member,
            PREVIEW,
            json!({ "id": approval, "values": values }),
        )
        .await;
        assert_bad_input(&body, "values");
    }
    let unknown = call(
        &world.content,
        &member,
        PREVIEW,
        json!({ "id": leadmetrics_tests::api::UNKNOWN_ID }),
    )
    .await;
    assert_code(&unknown, "NOT_FOUND");
}
