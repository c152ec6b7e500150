//! A tenant's life cycle, end to end (issue 14): a paid registration completed into a whole
//! tenant (once, however often the payment webhook calls), whose admin signs in, reads and
//! accepts the generated contract; an operator's supersession of a contract version; and the
//! onboarding run whose approved context file unlocks strategy drafting.

use base64::Engine as _;
use graph_core::lifecycle::complete_registration;
use leadmetrics_tests::api::{Caller, UNKNOWN_ID, assert_bad_input, assert_code, data, string_at};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, tenant_ref_id};
use leadmetrics_tests::world::start;
use leadmetrics_tests::{TestDatabase, exec, exec_with, get, query_one};
use serde_json::{Value, json};

const PASSWORD: &str = "Brand-new-admin-2026!";

const CONTRACT: &str = "{ contract { id templateVersion status text pdfBase64 } }";
const CONTRACT_HISTORY: &str = "{ contractHistory { id templateVersion status } }";
const ACCEPT: &str = "mutation { acceptContract { id status } }";
const SUPERSEDE: &str = "mutation($v: String!) { supersedeContractVersion(version: $v) { fromVersion toVersion tenantCount } }";
const CREATE_STRATEGY: &str =
    "mutation { createStrategy(input: { summary: \"Grow\" }) { id version } }";
const RUN: &str = "query($id: ID!) { onboardingRun(id: $id) { id status researchOutput reviewedOn reviewedBy { email } contextFile { id name content version } } }";
const RUNS: &str = "{ onboardingRuns { nodes { id status } } }";
const START: &str = "mutation($id: ID!) { startOnboardingResearch(id: $id) { id status } }";
const SUBMIT: &str = "mutation($id: ID!, $input: SubmitOnboardingResearchInput!) { submitOnboardingResearch(id: $id, input: $input) { id status contextFile { version content } } }";
const APPROVE: &str = "mutation($id: ID!) { approveOnboardingContextFile(id: $id) { id status reviewedOn reviewedBy { email } } }";

/// Global templates (one active and one archived of each kind) and a global default Anthropic
/// provider, as the platform would have them.
async fn seed_globals(db: &TestDatabase) {
    exec(
        &db.owner,
        "INSERT INTO activity_templates (deliverable_type, name, steps, version, is_active)
         VALUES ('blog_posts', 'Standard blog pipeline', '[{\"key\":\"write\",\"name\":\"Write\",\"activityType\":\"write\",\"assigneeType\":\"agent\",\"agentRole\":\"copywriter\",\"approvalGate\":false,\"dependsOn\":[]}]', 3, true),
                ('social_posts', 'Retired social pipeline', '[]', 1, false);
         INSERT INTO recurring_task_templates (name, assignee_type, agent_role, periodicity, trigger,
                                               cron_expression, variables, is_active)
         VALUES ('Weekly GBP update', 'agent', 'seo_specialist', 'weekly', 'cron', '0 9 * * 1',
                 '[{\"key\":\"city\",\"label\":\"City\",\"type\":\"TEXT\",\"required\":true}]', true),
                ('Retired task', 'agent', 'copywriter', 'monthly', 'manual', NULL, '[]', false);
         INSERT INTO llm_providers (name, provider_type, default_model, available_models, is_global_default)
         VALUES ('Anthropic', 'anthropic', 'claude-sonnet-4-6', ARRAY['claude-sonnet-4-6'], true);",
    )
    .await;
}

/// A registration that has reached the payment step, with `email`; returns its public id.
async fn paid_registration(db: &TestDatabase, email: &str, extra_contact: Value) -> String {
    let hash = graph_core::auth::password::hash_password(PASSWORD).expect("hash");
    let mut contact = json!({
        "country": "India", "title": "Ms.", "firstName": "Asha", "lastName": "Rao",
        "email": email, "phone": "+919876543210", "passwordHash": hash,
    });
    if let (Some(contact), Some(extra)) = (contact.as_object_mut(), extra_contact.as_object()) {
        contact.extend(extra.clone());
    }
    let row = query_one(
        &db.owner,
        "INSERT INTO registration_sessions (session_token, current_step, contact_data, company_data,
             location_data, plan_selected, billing_data, expires_at)
         VALUES (md5(random()::text) || md5(random()::text), 4, $1, $2, $3, 'professional', $4,
                 now() + interval '1 day')
         RETURNING ref_id",
        [
            contact.into(),
            json!({ "legalName": "Bright Sparks Private Limited", "brandName": "Bright Sparks", "panNumber": "AAGCB7383J" }).into(),
            json!({ "state": "Karnataka", "hasGst": true, "gstNumber": "29AAGCB7383J1Z4" }).into(),
            json!({ "name": "Bright Sparks", "address": "1 MG Road", "city": "Bengaluru", "postalCode": "560001", "state": "Karnataka", "country": "India" }).into(),
        ],
    )
    .await;
    get(&row, "ref_id")
}

async fn count(db: &TestDatabase, sql: &str, tenant: &str) -> i64 {
    let row = query_one(&db.owner, sql, [tenant.into()]).await;
    get(&row, "n")
}

async fn signed_in<'a>(server: &'a TestServer, email: &str, password: &str) -> Caller<'a> {
    let token = server.login(email, password).await;
    Caller::with_headers(
        server,
        email,
        vec![("authorization", format!("Bearer {token}"))],
    )
}

#[tokio::test]
async fn completing_a_registration_twice_at_once_makes_one_whole_tenant_whose_admin_signs_in_and_accepts_its_contract()
 {
    let (db, server) = start().await;
    seed_globals(&db).await;
    let registration = paid_registration(&db, "asha@brightsparks.test", json!({})).await;

    let services = server.services();
    let (first, second) = tokio::join!(
        complete_registration(services, &registration),
        complete_registration(services, &registration)
    );
    let (first, second) = (first.expect("first"), second.expect("second"));
    assert_eq!(first.tenant_ref_id, second.tenant_ref_id);
    assert_eq!(first.admin_ref_id, second.admin_ref_id);
    assert!(
        first.created != second.created,
        "exactly one call creates the tenant"
    );
    let again = complete_registration(services, &registration.to_lowercase())
        .await
        .expect("a retried webhook");
    assert!(!again.created);
    assert_eq!(again.tenant_ref_id, first.tenant_ref_id);

    let tenant = first.tenant_ref_id.clone();
    let made = query_one(
        &db.owner,
        "SELECT slug, name, legal_name, plan::text AS plan, status::text AS status, has_gst, gst_number,
                pan_number, billing_city, contract_accepted_on IS NULL AS pending,
                (SELECT count(*) FROM tenants WHERE registration_ref_id = $2) AS tenants
         FROM tenants WHERE ref_id = $1",
        [tenant.clone().into(), registration.clone().into()],
    )
    .await;
    assert_eq!(get::<i64>(&made, "tenants"), 1);
    assert_eq!(get::<String>(&made, "slug"), "bright-sparks");
    assert_eq!(get::<String>(&made, "name"), "Bright Sparks");
    assert_eq!(
        get::<String>(&made, "legal_name"),
        "Bright Sparks Private Limited"
    );
    assert_eq!(get::<String>(&made, "plan"), "professional");
    assert_eq!(get::<String>(&made, "status"), "active");
    assert!(get::<bool>(&made, "has_gst"));
    assert_eq!(get::<String>(&made, "gst_number"), "29AAGCB7383J1Z4");
    assert_eq!(get::<String>(&made, "billing_city"), "Bengaluru");
    assert!(get::<bool>(&made, "pending"));

    let of_tenant = |table: &str| {
        format!(
            "SELECT count(*) AS n FROM {table} x JOIN tenants t ON t.id = x.tenant_id WHERE t.ref_id = $1"
        )
    };
    assert_eq!(count(&db, &of_tenant("users"), &tenant).await, 1);
    assert_eq!(
        count(&db, &of_tenant("agent_configs"), &tenant).await,
        graph_core::agents::AGENT_ROLES.len() as i64
    );
    assert_eq!(
        count(
            &db,
            &(of_tenant("agent_configs") + " AND x.model_id = 'claude-sonnet-4-6'"),
            &tenant
        )
        .await,
        graph_core::agents::AGENT_ROLES.len() as i64,
        "agents start on the global default provider's model"
    );
    assert_eq!(
        count(
            &db,
            &(of_tenant("credit_balances") + " AND x.credits_available = 5000"),
            &tenant
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            &(of_tenant("credit_ledger") + " AND x.type = 'allocated' AND x.credits = 5000"),
            &tenant
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            &(of_tenant("onboarding_runs") + " AND x.status = 'pending'"),
            &tenant
        )
        .await,
        1
    );
    assert_eq!(count(&db, &(of_tenant("contracts") + " AND x.status = 'pending_acceptance' AND x.document_ref IS NOT NULL AND x.template_version = 'v1.1'"), &tenant).await, 1);
    // Copies of the active globals only, each pointing at its source, at version 1.
    assert_eq!(
        count(&db, &(of_tenant("activity_templates") + " AND x.source_template_id IS NOT NULL AND x.version = 1 AND x.name = 'Standard blog pipeline'"), &tenant).await,
        1
    );
    assert_eq!(
        count(&db, &of_tenant("activity_templates"), &tenant).await,
        1
    );
    assert_eq!(
        count(&db, &(of_tenant("recurring_task_templates") + " AND x.source_template_id IS NOT NULL AND x.cron_expression = '0 9 * * 1' AND x.variable_values IS NULL"), &tenant).await,
        1
    );
    assert_eq!(
        count(&db, &of_tenant("recurring_task_templates"), &tenant).await,
        1
    );
    let sessions = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE ref_id = $1",
        [registration.clone().into()],
    )
    .await;
    assert_eq!(get::<i64>(&sessions, "n"), 0, "the session is deleted");

    // The admin signs in with the password chosen in step 1; until the contract is accepted
    // only the contract and `me` answer.
    let admin = signed_in(&server, "asha@brightsparks.test", PASSWORD).await;
    let me = admin
        .run("{ me { user { email role } tenant { id } } }", json!({}))
        .await;
    assert_eq!(data(&me, "/data/me/user/role"), "ADMIN");
    assert_eq!(data(&me, "/data/me/tenant/id"), tenant.as_str());
    assert_code(
        &admin.run("{ tenant { id } }", json!({})).await,
        "CONTRACT_NOT_ACCEPTED",
    );
    let contract = admin.run(CONTRACT, json!({})).await;
    assert_eq!(data(&contract, "/data/contract/templateVersion"), "v1.1");
    let text = string_at(&contract, "/data/contract/text");
    for expected in [
        "Bright Sparks Private Limited",
        "29AAGCB7383J1Z4",
        "AAGCB7383J",
        "Professional",
        "1 MG Road, Bengaluru, 560001",
        tenant.as_str(),
    ] {
        assert!(
            text.contains(expected),
            "the contract names {expected}: {text}"
        );
    }
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(string_at(&contract, "/data/contract/pdfBase64"))
        .expect("base64");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    assert!(String::from_utf8_lossy(&pdf).contains("Bright Sparks Private Limited"));

    let accepted = admin.run(ACCEPT, json!({})).await;
    assert_eq!(data(&accepted, "/data/acceptContract/status"), "ACCEPTED");
    let opened = admin.run("{ tenant { id name } }", json!({})).await;
    assert_eq!(data(&opened, "/data/tenant/name"), "Bright Sparks");
}

#[tokio::test]
async fn a_registration_that_is_unknown_unfinished_or_for_an_existing_account_does_not_complete_and_changes_nothing()
 {
    let (db, server) = start().await;
    let services = server.services();
    let tenants_before = query_one(&db.owner, "SELECT count(*) AS n FROM tenants", []).await;
    let tenants_before: i64 = get(&tenants_before, "n");

    let unknown = complete_registration(services, UNKNOWN_ID).await;
    assert!(
        matches!(unknown, Err(graph_core::error::ApiError::NotFound(_))),
        "{unknown:?}"
    );

    let unfinished = paid_registration(&db, "step3@new.test", json!({})).await;
    exec_with(
        &db.owner,
        "UPDATE registration_sessions SET current_step = 3 WHERE ref_id = $1",
        [unfinished.clone().into()],
    )
    .await
    .ok();
    let refused = complete_registration(services, &unfinished).await;
    assert!(
        matches!(refused, Err(graph_core::error::ApiError::Conflict(_))),
        "{refused:?}"
    );

    // Step 1 marked the address as registered (the wizard answered as usual).
    let marked = paid_registration(&db, "someone@new.test", json!({ "emailInUse": true })).await;
    let refused = complete_registration(services, &marked).await;
    assert!(
        matches!(refused, Err(graph_core::error::ApiError::Conflict(_))),
        "{refused:?}"
    );

    // The address became an account's between step 1 and the payment.
    let taken = paid_registration(&db, "ADMIN@acme.test", json!({})).await;
    let refused = complete_registration(services, &taken).await;
    assert!(
        matches!(refused, Err(graph_core::error::ApiError::Conflict(_))),
        "{refused:?}"
    );

    let tenants_after = query_one(&db.owner, "SELECT count(*) AS n FROM tenants", []).await;
    assert_eq!(get::<i64>(&tenants_after, "n"), tenants_before);
    let sessions = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions",
        [],
    )
    .await;
    assert_eq!(
        get::<i64>(&sessions, "n"),
        3,
        "refused registrations are kept"
    );
}

#[tokio::test]
async fn an_operator_supersedes_a_contract_version_and_every_tenant_on_it_must_accept_the_newest_again()
 {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let operator = Caller::user(&server, "super-admin@leadmetrics.test").await;
    let acme_admin = Caller::user(&server, "admin@acme.test").await;

    // Only a platform operator working as themselves may; versions are checked.
    assert_code(
        &acme_admin.run(SUPERSEDE, json!({ "v": "v1.0" })).await,
        "FORBIDDEN",
    );
    let acting = Caller::operator(&server, &acme).await;
    assert_code(
        &acting.run(SUPERSEDE, json!({ "v": "v1.0" })).await,
        "FORBIDDEN",
    );
    assert_bad_input(
        &operator.run(SUPERSEDE, json!({ "v": "v9.9" })).await,
        "version",
    );
    assert_bad_input(
        &operator.run(SUPERSEDE, json!({ "v": "v1.1" })).await,
        "version",
    );
    ok_tenant(&acme_admin).await;

    let audit_before = count(&db, "SELECT count(*) AS n FROM operator_audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.ref_id = $1", &acme).await;
    let done = operator.run(SUPERSEDE, json!({ "v": "v1.0" })).await;
    assert_eq!(
        data(&done, "/data/supersedeContractVersion/toVersion"),
        "v1.1"
    );
    let moved = data(&done, "/data/supersedeContractVersion/tenantCount")
        .as_u64()
        .unwrap_or(0);
    let on_old = query_one(&db.owner, "SELECT count(*) AS n FROM contracts WHERE template_version = 'v1.0' AND status = 'superseded'", []).await;
    assert_eq!(get::<i64>(&on_old, "n") as u64, moved);
    assert!(moved >= 2, "acme and globex were on v1.0");
    assert_eq!(
        count(&db, "SELECT count(*) AS n FROM operator_audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.ref_id = $1 AND a.operation_name LIKE 'supersedeContractVersion%'", &acme).await,
        1
    );
    assert!(count(&db, "SELECT count(*) AS n FROM operator_audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.ref_id = $1", &acme).await > audit_before);

    // acme is closed again until its admin accepts the new version.
    assert_code(
        &acme_admin.run("{ tenant { id } }", json!({})).await,
        "CONTRACT_NOT_ACCEPTED",
    );
    let contract = acme_admin.run(CONTRACT, json!({})).await;
    assert_eq!(data(&contract, "/data/contract/templateVersion"), "v1.1");
    assert_eq!(
        data(&contract, "/data/contract/status"),
        "PENDING_ACCEPTANCE"
    );
    assert!(string_at(&contract, "/data/contract/text").contains("Acme"));
    let history = acme_admin.run(CONTRACT_HISTORY, json!({})).await;
    let statuses: Vec<&str> = data(&history, "/data/contractHistory")
        .as_array()
        .map(|list| list.iter().filter_map(|c| c["status"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(statuses, ["PENDING_ACCEPTANCE", "SUPERSEDED"]);
    assert_eq!(
        data(
            &acme_admin.run(ACCEPT, json!({})).await,
            "/data/acceptContract/status"
        ),
        "ACCEPTED"
    );
    ok_tenant(&acme_admin).await;

    // Nothing is left on v1.0: a second run moves nobody.
    let again = operator.run(SUPERSEDE, json!({ "v": "v1.0" })).await;
    assert_eq!(
        data(&again, "/data/supersedeContractVersion/tenantCount"),
        0
    );
}

async fn ok_tenant(caller: &Caller<'_>) {
    let body = caller.run("{ tenant { id } }", json!({})).await;
    data(&body, "/data/tenant/id");
}

/// A pending onboarding run of `slug`; returns its id.
async fn pending_run(db: &TestDatabase, slug: &str) -> String {
    let row = query_one(
        &db.owner,
        "INSERT INTO onboarding_runs (tenant_id, status) SELECT id, 'pending' FROM tenants WHERE slug = $1 RETURNING ref_id",
        [slug.into()],
    )
    .await;
    get(&row, "ref_id")
}

#[tokio::test]
async fn an_approved_onboarding_context_file_unlocks_strategy_drafting() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    let agent = Caller::api_key(&server, &["READ", "WRITE"]).await;
    // A tenant without onboarding runs (provisioned, not registered) is not held back.
    data(
        &admin.run(CREATE_STRATEGY, json!({})).await,
        "/data/createStrategy/id",
    );

    let run = pending_run(&db, "acme").await;
    assert_code(&admin.run(CREATE_STRATEGY, json!({})).await, "CONFLICT");
    assert_code(&admin.run(APPROVE, json!({ "id": run })).await, "CONFLICT");

    let started = agent.run(START, json!({ "id": run })).await;
    assert_eq!(
        data(&started, "/data/startOnboardingResearch/status"),
        "RESEARCHING"
    );
    assert_code(&agent.run(START, json!({ "id": run })).await, "CONFLICT");
    let blank = agent
        .run(
            SUBMIT,
            json!({ "id": run, "input": { "researchOutput": " ", "contextFile": "# Context" } }),
        )
        .await;
    assert_bad_input(&blank, "researchOutput");
    let input = json!({ "researchOutput": "## Competitors\n- Globex", "contextFile": "# Acme\nSells anvils." });
    let submitted = agent
        .run(SUBMIT, json!({ "id": run, "input": input }))
        .await;
    assert_eq!(
        data(&submitted, "/data/submitOnboardingResearch/status"),
        "REVIEW"
    );
    assert_eq!(
        data(
            &submitted,
            "/data/submitOnboardingResearch/contextFile/version"
        ),
        1
    );
    let input = json!({ "researchOutput": "## Competitors\n- Globex\n- Initech", "contextFile": "# Acme\nSells anvils and rockets." });
    let resubmitted = agent
        .run(SUBMIT, json!({ "id": run, "input": input }))
        .await;
    assert_eq!(
        data(
            &resubmitted,
            "/data/submitOnboardingResearch/contextFile/version"
        ),
        2
    );

    let read = admin.run(RUN, json!({ "id": run })).await;
    assert_eq!(
        data(&read, "/data/onboardingRun/contextFile/content"),
        "# Acme\nSells anvils and rockets."
    );
    assert_eq!(
        data(&read, "/data/onboardingRun/contextFile/name"),
        "context"
    );
    assert!(string_at(&read, "/data/onboardingRun/researchOutput").contains("Initech"));
    assert_eq!(data(&read, "/data/onboardingRun/reviewedBy"), &Value::Null);

    // Only an admin user approves.
    assert_code(
        &reviewer.run(APPROVE, json!({ "id": run })).await,
        "FORBIDDEN",
    );
    assert_code(&agent.run(APPROVE, json!({ "id": run })).await, "FORBIDDEN");
    let approved = admin.run(APPROVE, json!({ "id": run })).await;
    assert_eq!(
        data(&approved, "/data/approveOnboardingContextFile/status"),
        "COMPLETED"
    );
    assert_eq!(
        data(
            &approved,
            "/data/approveOnboardingContextFile/reviewedBy/email"
        ),
        "admin@acme.test"
    );
    assert_code(
        &agent
            .run(SUBMIT, json!({ "id": run, "input": input }))
            .await,
        "CONFLICT",
    );
    data(
        &admin.run(CREATE_STRATEGY, json!({})).await,
        "/data/createStrategy/id",
    );
    let runs = admin.run(RUNS, json!({})).await;
    assert_eq!(
        data(&runs, "/data/onboardingRuns/nodes/0/status"),
        "COMPLETED"
    );
}

#[tokio::test]
async fn another_tenants_onboarding_runs_and_contract_documents_are_out_of_reach() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let agent = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let theirs = pending_run(&db, "globex").await;
    let input = json!({ "researchOutput": "x", "contextFile": "y" });

    assert_eq!(
        data(
            &admin.run(RUN, json!({ "id": theirs })).await,
            "/data/onboardingRun"
        ),
        &Value::Null
    );
    assert_eq!(
        data(
            &admin.run(RUNS, json!({})).await,
            "/data/onboardingRuns/nodes"
        ),
        &json!([])
    );
    assert_code(
        &agent.run(START, json!({ "id": theirs })).await,
        "NOT_FOUND",
    );
    assert_code(
        &agent
            .run(SUBMIT, json!({ "id": theirs, "input": input }))
            .await,
        "NOT_FOUND",
    );
    assert_code(
        &admin.run(APPROVE, json!({ "id": theirs })).await,
        "NOT_FOUND",
    );
    let status = query_one(
        &db.owner,
        "SELECT status::text AS s FROM onboarding_runs WHERE ref_id = $1",
        [theirs.into()],
    )
    .await;
    assert_eq!(get::<String>(&status, "s"), "pending");

    // A document reference of another tenant written into acme's rows never resolves: the
    // context file and the contract text are read with acme's tenant as well as the id.
    let operator = Caller::user(&server, "super-admin@leadmetrics.test").await;
    data(
        &operator.run(SUPERSEDE, json!({ "v": "v1.0" })).await,
        "/data/supersedeContractVersion/tenantCount",
    );
    exec(
        &db.owner,
        "UPDATE contracts SET document_ref = (SELECT c.document_ref FROM contracts c JOIN tenants t ON t.id = c.tenant_id
                                             WHERE t.slug = 'globex' AND c.status = 'pending_acceptance')
         WHERE status = 'pending_acceptance' AND tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')",
    )
    .await;
    let contract = admin.run(CONTRACT, json!({})).await;
    assert_eq!(data(&contract, "/data/contract/text"), &Value::Null);
    assert_eq!(data(&contract, "/data/contract/pdfBase64"), &Value::Null);
    let _ = DEMO_PASSWORD;
}

#[tokio::test]
async fn onboarding_runs_with_their_reviewers_and_context_files_cost_the_same_for_10_and_100_runs()
{
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let list = "{ onboardingRuns(first: 100) { nodes { id reviewedBy { email } contextFile { content } } } }";
    let mut costs = Vec::new();
    for (added, total) in [(10, 10), (90, 100)] {
        exec_with(
            &db.owner,
            "INSERT INTO onboarding_runs (tenant_id, status, research_output, context_file_id, reviewed_by, reviewed_on)
             SELECT t.id, 'completed', 'r', lpad(to_hex(g), 24, '0'),
                    (SELECT u.id FROM users u WHERE u.tenant_id = t.id AND u.role = 'admin'), now()
             FROM tenants t, generate_series(1, $1) AS g WHERE t.slug = 'acme'",
            [added.into()],
        )
        .await
        .ok();
        let statements = server.statements_executed();
        let reads = server.services().documents.reads_executed();
        let body = admin.run(list, json!({})).await;
        let nodes = data(&body, "/data/onboardingRuns/nodes")
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(nodes.len(), total);
        assert!(
            nodes
                .iter()
                .all(|node| node["reviewedBy"]["email"] == "admin@acme.test")
        );
        costs.push((
            server.statements_executed() - statements,
            server.services().documents.reads_executed() - reads,
        ));
    }
    assert_eq!(
        costs[0], costs[1],
        "statements and document reads for 10 and 100 runs: {costs:?}"
    );
    assert_eq!(
        costs[0].1, 1,
        "one document read for every context file of the page"
    );
}

/// Runs one wizard step over HTTP with the registration token (when given) in its header.
async fn wizard(server: &TestServer, token: Option<&str>, query: &str, input: Value) -> Value {
    let headers: Vec<(&str, &str)> = token
        .map(|token| ("x-registration-token", token))
        .into_iter()
        .collect();
    server
        .post(
            json!({ "query": query, "variables": { "input": input } }),
            &headers,
        )
        .await
        .1
}

#[tokio::test]
async fn a_registration_walked_through_the_wizard_completes_into_a_tenant_whose_admin_sees_its_template_copies()
 {
    let (db, server) = start().await;
    seed_globals(&db).await;
    let step = |field: &str, input: &str| {
        format!(
            "mutation($input: {input}!) {{ {field}(input: $input) {{ currentStep awaitingPayment registrationId token }} }}"
        )
    };
    let first = wizard(
        &server,
        None,
        &step("registerContact", "RegisterContactInput"),
        json!({
            "country": "India", "title": "MS", "firstName": "Meera", "lastName": "Iyer",
            "email": "meera@iyer.test", "phone": "+919812300000", "password": PASSWORD,
        }),
    )
    .await;
    let token = string_at(&first, "/data/registerContact/token");
    let registration = string_at(&first, "/data/registerContact/registrationId");
    data(
        &wizard(
            &server,
            Some(&token),
            &step("registerCompany", "RegisterCompanyInput"),
            json!({
        "legalName": "Iyer Studio LLP", "brandName": "Iyer Studio" }),
        )
        .await,
        "/data",
    );
    data(
        &wizard(
            &server,
            Some(&token),
            &step("registerLocation", "RegisterLocationInput"),
            json!({
        "state": "Maharashtra", "hasGst": false }),
        )
        .await,
        "/data",
    );
    let paid = wizard(&server, Some(&token), &step("registerPlan", "RegisterPlanInput"), json!({
        "plan": "STARTER", "billing": { "name": "Iyer Studio", "address": "4 Hill Road", "city": "Mumbai",
        "postalCode": "400050", "state": "Maharashtra", "country": "India" } }))
    .await;
    assert_eq!(data(&paid, "/data/registerPlan/currentStep"), 4);
    assert_eq!(data(&paid, "/data/registerPlan/awaitingPayment"), true);

    // The payment webhook, delivered twice.
    let made = complete_registration(server.services(), &registration)
        .await
        .expect("completes");
    let again = complete_registration(server.services(), &registration)
        .await
        .expect("again");
    assert!(made.created && !again.created);
    assert_eq!(made.tenant_ref_id, again.tenant_ref_id);
    // The token no longer resumes anything.
    let resumed = server
        .post(
            json!({ "query": "{ registration { id } }" }),
            &[("x-registration-token", token.as_str())],
        )
        .await
        .1;
    assert!(
        resumed.get("errors").is_some() || resumed["data"]["registration"].is_null(),
        "{resumed}"
    );

    let admin = signed_in(&server, "meera@iyer.test", PASSWORD).await;
    let contract = admin.run(CONTRACT, json!({})).await;
    let text = string_at(&contract, "/data/contract/text");
    assert!(
        text.contains("Iyer Studio LLP")
            && text.contains("Not registered for GST")
            && text.contains("Starter"),
        "{text}"
    );
    assert_code(
        &admin
            .run("{ activityTemplates { nodes { id } } }", json!({}))
            .await,
        "CONTRACT_NOT_ACCEPTED",
    );
    data(
        &admin.run(ACCEPT, json!({})).await,
        "/data/acceptContract/id",
    );

    let copies = admin
        .run(
            "{ activityTemplates(filter: { scope: TENANT }) { nodes { name version isGlobal sourceTemplate { name isGlobal } } }
               recurringTaskTemplates(filter: { scope: TENANT }) { nodes { name isActive sourceTemplate { name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&copies, "/data/activityTemplates/nodes"),
        &json!([{ "name": "Standard blog pipeline", "version": 1, "isGlobal": false,
                  "sourceTemplate": { "name": "Standard blog pipeline", "isGlobal": true } }])
    );
    assert_eq!(
        data(&copies, "/data/recurringTaskTemplates/nodes"),
        &json!([{ "name": "Weekly GBP update", "isActive": false,
                  "sourceTemplate": { "name": "Weekly GBP update" } }]),
        "a copy whose required variables are not given yet starts switched off"
    );
    let configs = admin
        .run("{ agentConfigs { agentRole modelId } }", json!({}))
        .await;
    assert_eq!(
        data(&configs, "/data/agentConfigs")
            .as_array()
            .map(Vec::len),
        Some(graph_core::agents::AGENT_ROLES.len())
    );
}
