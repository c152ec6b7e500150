//! The registration wizard end to end, over real HTTP: the four unauthenticated steps, resuming
//! by header and by cookie (and the cookie's attributes), every invalid field refused by name
//! with nothing changed, steps out of order, an address that already has an account answered
//! exactly like a new one (its owner notified instead), registrations kept apart from each other
//! and from signed-in users, the per-address rate limit, and the token kept out of the logs.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::api::{assert_bad_input, assert_code, data, string_at};
use leadmetrics_tests::child::ChildServer;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer};
use leadmetrics_tests::world::{count, start, start_with, table_rows};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const REGISTRATION_FIELDS: &str = "id currentStep status expiresAt
    contact { country title firstName lastName email phone }
    company { legalName brandName panNumber }
    location { state hasGst gstNumber }
    plan billing { name address city postalCode state country }";

fn step(field: &str, input: &str) -> String {
    format!(
        "mutation($input: {input}!) {{ {field}(input: $input) {{ currentStep awaitingPayment registrationId token registration {{ {REGISTRATION_FIELDS} }} }} }}"
    )
}

fn contact_step() -> String {
    step("registerContact", "RegisterContactInput")
}

fn company_step() -> String {
    step("registerCompany", "RegisterCompanyInput")
}

fn location_step() -> String {
    step("registerLocation", "RegisterLocationInput")
}

fn plan_step() -> String {
    step("registerPlan", "RegisterPlanInput")
}

fn resume() -> String {
    format!("{{ registration {{ {REGISTRATION_FIELDS} }} }}")
}

/// A strong enough password (12+ characters).
const PASSWORD: &str = "a registration password";

fn contact(email: &str) -> Value {
    json!({
        "country": "India", "title": "DR", "firstName": "Asha", "lastName": "Rao",
        "email": email, "phone": "+919876543210", "password": PASSWORD,
    })
}

fn company() -> Value {
    json!({ "legalName": "Rao Digital Private Limited", "brandName": "Rao Digital", "panNumber": "abcpe1234f" })
}

/// A GSTIN whose check character is right (state 27, PAN AAPFU0939F).
const GSTIN: &str = "27AAPFU0939F1ZV";

fn location() -> Value {
    json!({ "state": "Maharashtra", "hasGst": true, "gstNumber": GSTIN })
}

fn plan() -> Value {
    json!({ "plan": "PROFESSIONAL", "billing": {
        "name": "Rao Digital", "address": "12 MG Road\nFort", "city": "Mumbai",
        "postalCode": "400001", "state": "Maharashtra", "country": "India" } })
}

/// POSTs `query` with `input` and the registration token (when given) in its header; returns
/// status, response headers and body.
async fn send(
    server: &TestServer,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let headers: Vec<(&str, &str)> = token
        .map(|token| ("x-registration-token", token))
        .into_iter()
        .collect();
    server
        .post_with_headers(json!({ "query": query, "variables": variables }), &headers)
        .await
}

/// Runs a step with the token in its header; returns the body.
async fn run(server: &TestServer, token: Option<&str>, query: &str, input: Value) -> Value {
    send(server, token, query, json!({ "input": input }))
        .await
        .2
}

/// Starts a registration for `email`; returns the token from the answer.
async fn start_registration(server: &TestServer, email: &str) -> String {
    let body = run(server, None, &contact_step(), contact(email)).await;
    string_at(&body, "/data/registerContact/token")
}

/// Walks steps 1–3 for `email`; returns the token.
async fn through_step_3(server: &TestServer, email: &str) -> String {
    let token = start_registration(server, email).await;
    data(
        &run(server, Some(&token), &company_step(), company()).await,
        "/data",
    );
    data(
        &run(server, Some(&token), &location_step(), location()).await,
        "/data",
    );
    token
}

async fn sessions(db: &TestDatabase) -> i64 {
    count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions",
        [],
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// The wizard
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_registration_walks_all_four_steps_and_then_awaits_its_payment() {
    let (db, server) = start().await;
    let first = run(
        &server,
        None,
        &contact_step(),
        contact("  Asha@Example.COM "),
    )
    .await;
    let answer = data(&first, "/data/registerContact");
    assert_eq!(answer["currentStep"], 1, "{first}");
    assert_eq!(answer["awaitingPayment"], false);
    let token = string_at(&first, "/data/registerContact/token");
    let id = string_at(&first, "/data/registerContact/registrationId");
    assert_eq!(answer["registration"]["id"], id.as_str());
    assert_eq!(answer["registration"]["status"], "IN_PROGRESS");
    assert_eq!(
        answer["registration"]["contact"],
        json!({ "country": "India", "title": "DR", "firstName": "Asha", "lastName": "Rao",
                "email": "asha@example.com", "phone": "+919876543210" })
    );
    assert_eq!(answer["registration"]["company"], Value::Null);

    for (query, input, reached) in [
        (company_step(), company(), 2),
        (location_step(), location(), 3),
        (plan_step(), plan(), 4),
    ] {
        let body = run(&server, Some(&token), &query, input).await;
        let answer = data(&body, "/data")
            .as_object()
            .and_then(|o| o.values().next().cloned());
        let answer = answer.unwrap_or_default();
        assert_eq!(answer["currentStep"], reached, "{body}");
        assert_eq!(answer["registrationId"], id.as_str());
        // The token is given once, by the step that starts the registration.
        assert_eq!(answer["token"], Value::Null);
    }

    let (_, _, resumed) = send(&server, Some(&token), &resume(), json!({})).await;
    let registration = data(&resumed, "/data/registration");
    assert_eq!(registration["currentStep"], 4);
    assert_eq!(registration["status"], "AWAITING_PAYMENT");
    assert_eq!(
        registration["company"],
        json!({ "legalName": "Rao Digital Private Limited", "brandName": "Rao Digital", "panNumber": "ABCPE1234F" })
    );
    assert_eq!(
        registration["location"],
        json!({ "state": "Maharashtra", "hasGst": true, "gstNumber": GSTIN })
    );
    assert_eq!(registration["plan"], "PROFESSIONAL");
    assert_eq!(registration["billing"]["address"], "12 MG Road\nFort");
    assert!(!resumed.to_string().contains("argon2"), "{resumed}");

    // Stored in the shapes the completion reads (graph_core::registration::data).
    let row = query_one(
        &db.owner,
        "SELECT ref_id, current_step, contact_data::text AS contact, company_data::text AS company, \
         location_data::text AS location, plan_selected, billing_data::text AS billing, \
         expires_at - created_on BETWEEN interval '23 hours 59 minutes' AND interval '24 hours 1 minute' AS day \
         FROM registration_sessions",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "ref_id"), id);
    assert_eq!(get::<i16>(&row, "current_step"), 4);
    assert!(get::<bool>(&row, "day"), "expires 24 hours after creation");
    let contact: graph_core::registration::data::ContactData =
        serde_json::from_str(&get::<String>(&row, "contact")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(contact.email, "asha@example.com");
    assert_eq!(contact.title.as_deref(), Some("Dr."));
    assert!(!contact.email_in_use);
    assert!(
        graph_core::auth::password::verify_password(PASSWORD, Some(&contact.password_hash)),
        "the stored hash is the password's"
    );
    let _: graph_core::registration::data::CompanyData =
        serde_json::from_str(&get::<String>(&row, "company")).unwrap_or_else(|e| panic!("{e}"));
    let _: graph_core::registration::data::LocationData =
        serde_json::from_str(&get::<String>(&row, "location")).unwrap_or_else(|e| panic!("{e}"));
    let _: graph_core::registration::data::BillingData =
        serde_json::from_str(&get::<String>(&row, "billing")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(get::<String>(&row, "plan_selected"), "professional");
    assert!(!get::<String>(&row, "contact").contains("emailInUse"));
}

#[tokio::test]
async fn a_registration_resumes_by_header_and_by_the_cookie_its_first_step_set() {
    let (_db, server) = start().await;
    let (status, headers, body) = send(
        &server,
        None,
        &contact_step(),
        json!({ "input": contact("cookie@example.com") }),
    )
    .await;
    assert_eq!(status, 200);
    let token = string_at(&body, "/data/registerContact/token");
    let cookies: Vec<&str> = headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    assert_eq!(cookies.len(), 1, "{cookies:?}");
    let cookie = cookies[0];
    assert!(
        cookie.starts_with(&format!("lm_registration={token};")),
        "{cookie}"
    );
    for attribute in [
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/",
        "Max-Age=86400",
    ] {
        assert!(
            cookie.split(';').any(|part| part.trim() == attribute),
            "{attribute} missing from {cookie}"
        );
    }

    // By header.
    let (_, _, by_header) = send(&server, Some(&token), &resume(), json!({})).await;
    assert_eq!(data(&by_header, "/data/registration/currentStep"), 1);
    // By cookie, as a browser sends it back (among its other cookies), for a read and a step.
    let cookie_header = format!("theme=dark; lm_registration={token}; other=1");
    let by_cookie = server
        .gql_with(&[("cookie", cookie_header.as_str())], &resume(), json!({}))
        .await;
    assert_eq!(data(&by_cookie, "/data/registration/currentStep"), 1);
    let (_, later_headers, step2) = server
        .post_with_headers(
            json!({ "query": company_step(), "variables": { "input": company() } }),
            &[("cookie", cookie_header.as_str())],
        )
        .await;
    assert_eq!(data(&step2, "/data/registerCompany/currentStep"), 2);
    assert!(
        later_headers.get("set-cookie").is_none(),
        "only the step that starts a registration sets the cookie"
    );
    // The header wins over the cookie; a garbage token is no registration.
    let garbage = server
        .gql_with(
            &[
                ("x-registration-token", "garbage"),
                ("cookie", cookie_header.as_str()),
            ],
            &resume(),
            json!({}),
        )
        .await;
    assert_eq!(data(&garbage, "/data/registration"), &Value::Null);
    let none = server.gql_with(&[], &resume(), json!({})).await;
    assert_eq!(data(&none, "/data/registration"), &Value::Null);
}

#[tokio::test]
async fn every_invalid_field_is_refused_by_name_and_changes_nothing() {
    let (db, server) = start().await;
    let token = start_registration(&server, "fields@example.com").await;
    data(
        &run(&server, Some(&token), &company_step(), company()).await,
        "/data",
    );
    data(
        &run(&server, Some(&token), &location_step(), location()).await,
        "/data",
    );
    let tables = [
        "registration_sessions",
        "notifications",
        "notification_dispatch_log",
    ];
    let before = table_rows(&db, &tables, &[]).await;

    let with = |base: Value, pointer: &str, value: Value| {
        let mut input = base;
        if let Some(slot) = input.pointer_mut(pointer) {
            *slot = value;
        }
        input
    };
    let long = |n: usize| json!("x".repeat(n));
    let contact_cases = [
        ("/country", json!(" "), "country"),
        ("/country", long(101), "country"),
        ("/firstName", json!(""), "firstName"),
        ("/firstName", long(256), "firstName"),
        ("/lastName", json!("  "), "lastName"),
        ("/lastName", json!("bad\u{0}name"), "lastName"),
        ("/email", json!("not-an-email"), "email"),
        ("/email", json!("a@b"), "email"),
        ("/phone", json!("9876543210"), "phone"),
        ("/phone", json!("+0123"), "phone"),
        ("/phone", json!(""), "phone"),
        ("/password", json!("too short"), "password"),
        ("/password", json!(" ".repeat(20)), "password"),
        ("/password", long(129), "password"),
    ];
    // With a token (an edit) and without (a new registration): neither changes anything.
    for token in [Some(token.as_str()), None] {
        for (pointer, value, field) in &contact_cases {
            let body = run(
                &server,
                token,
                &contact_step(),
                with(contact("fields@example.com"), pointer, value.clone()),
            )
            .await;
            assert_bad_input(&body, field);
            assert_eq!(body["data"], Value::Null, "{body}");
            assert!(!body.to_string().contains(PASSWORD));
        }
    }
    let company_cases = [
        ("/legalName", json!(""), "legalName"),
        ("/legalName", long(501), "legalName"),
        ("/brandName", json!(" "), "brandName"),
        ("/brandName", long(256), "brandName"),
        ("/panNumber", json!("ABCDE12345"), "panNumber"),
        ("/panNumber", json!("ABCXE1234F"), "panNumber"),
    ];
    for (pointer, value, field) in company_cases {
        let body = run(
            &server,
            Some(&token),
            &company_step(),
            with(company(), pointer, value),
        )
        .await;
        assert_bad_input(&body, field);
    }
    let location_cases = [
        (json!({ "state": "", "hasGst": false }), "state"),
        (
            json!({ "state": "x".repeat(101), "hasGst": false }),
            "state",
        ),
        (json!({ "state": "Goa", "hasGst": true }), "gstNumber"),
        (
            json!({ "state": "Goa", "hasGst": true, "gstNumber": " " }),
            "gstNumber",
        ),
        (
            json!({ "state": "Goa", "hasGst": false, "gstNumber": GSTIN }),
            "gstNumber",
        ),
        // A wrong check character, then a wrong shape.
        (
            json!({ "state": "Goa", "hasGst": true, "gstNumber": "27AAPFU0939F1ZW" }),
            "gstNumber",
        ),
        (
            json!({ "state": "Goa", "hasGst": true, "gstNumber": "27AAPFU0939F1" }),
            "gstNumber",
        ),
    ];
    for (input, field) in location_cases {
        let body = run(&server, Some(&token), &location_step(), input).await;
        assert_bad_input(&body, field);
    }
    let plan_cases = [
        ("/billing/name", json!(""), "name"),
        ("/billing/name", long(256), "name"),
        ("/billing/address", json!(" "), "address"),
        ("/billing/address", long(1001), "address"),
        ("/billing/city", json!(""), "city"),
        ("/billing/postalCode", json!(""), "postalCode"),
        ("/billing/postalCode", long(21), "postalCode"),
        ("/billing/state", json!(""), "state"),
        ("/billing/country", json!(""), "country"),
    ];
    for (pointer, value, field) in plan_cases {
        let body = run(
            &server,
            Some(&token),
            &plan_step(),
            with(plan(), pointer, value),
        )
        .await;
        assert_bad_input(&body, field);
    }
    // An unknown plan or title never coerces.
    let body = run(
        &server,
        Some(&token),
        &plan_step(),
        with(plan(), "/plan", json!("ENTERPRISE")),
    )
    .await;
    assert_code(&body, "BAD_USER_INPUT");
    let body = run(
        &server,
        Some(&token),
        &contact_step(),
        with(contact("x@example.com"), "/title", json!("SIR")),
    )
    .await;
    assert_code(&body, "BAD_USER_INPUT");

    assert_eq!(
        table_rows(&db, &tables, &[]).await,
        before,
        "a refusal changed something"
    );
}

#[tokio::test]
async fn steps_out_of_order_are_refused_and_earlier_steps_are_edited_in_place() {
    let (db, server) = start().await;
    // No registration at all: a later step is refused like an unknown token.
    let body = run(&server, None, &company_step(), company()).await;
    assert_code(&body, "UNAUTHENTICATED");
    let unknown = "A".repeat(43);
    let body = run(&server, Some(&unknown), &company_step(), company()).await;
    assert_code(&body, "UNAUTHENTICATED");

    let token = start_registration(&server, "order@example.com").await;
    let tables = ["registration_sessions"];
    let before = table_rows(&db, &tables, &[]).await;
    for (query, input) in [(location_step(), location()), (plan_step(), plan())] {
        let body = run(&server, Some(&token), &query, input).await;
        assert_code(&body, "CONFLICT");
    }
    assert_eq!(table_rows(&db, &tables, &[]).await, before);

    data(
        &run(&server, Some(&token), &company_step(), company()).await,
        "/data",
    );
    let body = run(&server, Some(&token), &plan_step(), plan()).await;
    assert_code(&body, "CONFLICT");
    data(
        &run(&server, Some(&token), &location_step(), location()).await,
        "/data",
    );

    // Re-submitting step 1 with the token edits it: same registration, no new token, the step
    // reached kept.
    let mut edited = contact("order@example.com");
    edited["firstName"] = json!("Asha Devi");
    let body = run(&server, Some(&token), &contact_step(), edited).await;
    let answer = data(&body, "/data/registerContact");
    assert_eq!(answer["currentStep"], 3, "{body}");
    assert_eq!(answer["token"], Value::Null);
    assert_eq!(answer["registration"]["contact"]["firstName"], "Asha Devi");
    let mut changed = company();
    changed["panNumber"] = Value::Null;
    let body = run(&server, Some(&token), &company_step(), changed).await;
    assert_eq!(data(&body, "/data/registerCompany/currentStep"), 3);
    assert_eq!(
        data(
            &body,
            "/data/registerCompany/registration/company/panNumber"
        ),
        &Value::Null
    );
    assert_eq!(sessions(&db).await, 1);
    // Now step 4 may follow; then the registration awaits payment, and stays editable.
    let body = run(&server, Some(&token), &plan_step(), plan()).await;
    assert_eq!(data(&body, "/data/registerPlan/awaitingPayment"), true);
    let mut starter = plan();
    starter["plan"] = json!("STARTER");
    let body = run(&server, Some(&token), &plan_step(), starter).await;
    assert_eq!(
        data(&body, "/data/registerPlan/registration/plan"),
        "STARTER"
    );
}

// ---------------------------------------------------------------------------------------------
// No enumeration
// ---------------------------------------------------------------------------------------------

/// The answer with every value that differs between two registrations blanked (ids, token,
/// email, expiry): what remains is what a caller could compare.
fn shape(body: &Value) -> Value {
    let mut body = body.clone();
    for pointer in [
        "/data/registerContact/registrationId",
        "/data/registerContact/token",
        "/data/registerContact/registration/id",
        "/data/registerContact/registration/expiresAt",
        "/data/registerContact/registration/contact/email",
    ] {
        if let Some(value) = body.pointer_mut(pointer) {
            assert!(value.is_string(), "{pointer} in {value}");
            *value = json!("…");
        }
    }
    body
}

#[tokio::test]
async fn an_address_that_already_has_an_account_gets_the_same_answer_and_its_owner_a_notification()
{
    let (db, server) = start().await;
    let variables = |email: &str| json!({ "input": contact(email) });
    let ((new_status, new_headers, new_body), new_statements) = server
        .statements_of(send(
            &server,
            None,
            &contact_step(),
            variables("someone-new@example.com"),
        ))
        .await;
    // The seeded admin of acme, typed in another case.
    let ((taken_status, taken_headers, taken_body), taken_statements) = server
        .statements_of(send(
            &server,
            None,
            &contact_step(),
            variables("Admin@Acme.test"),
        ))
        .await;
    assert_eq!(new_status, taken_status);
    // The same statements either way (so the same round trips, and both hash the password).
    let sql = |statements: &[sea_orm::Statement]| -> Vec<String> {
        statements
            .iter()
            .map(|statement| statement.sql.clone())
            .collect()
    };
    assert!(new_statements.len() >= 4, "{:?}", sql(&new_statements));
    assert_eq!(sql(&new_statements), sql(&taken_statements));
    assert_eq!(shape(&new_body), shape(&taken_body));
    let names = |headers: &reqwest::header::HeaderMap| {
        let mut names: Vec<String> = headers
            .keys()
            .map(|name| name.as_str().to_owned())
            .filter(|name| !matches!(name.as_str(), "date" | "content-length" | "x-request-id"))
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&new_headers), names(&taken_headers));
    let cookie_attributes = |headers: &reqwest::header::HeaderMap| {
        let cookie = headers
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        cookie.split_once(';').map(|(_, rest)| rest.to_owned())
    };
    assert_eq!(
        cookie_attributes(&new_headers),
        cookie_attributes(&taken_headers)
    );
    assert!(cookie_attributes(&taken_headers).is_some());

    // The owner of the address is told, in their tenant; nobody else.
    let row = query_one(
        &db.owner,
        "SELECT count(*) AS n, min(n.message) AS message, bool_and(u.email = 'admin@acme.test') AS owner \
         FROM notifications n JOIN users u ON u.id = n.user_id AND u.tenant_id = n.tenant_id \
         WHERE n.type = 'registration_attempt'",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 1);
    assert!(get::<bool>(&row, "owner"));
    assert!(get::<String>(&row, "message").contains("tried to register"));
    let dispatched = count(
        &db.owner,
        "SELECT count(*) AS n FROM notification_dispatch_log d JOIN tenants t ON t.id = d.tenant_id \
         WHERE d.type = 'registration_attempt' AND t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(dispatched, 1);
    // The owner reads it through the API.
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let mine = server
        .gql(
            Some(&admin),
            "{ notifications { nodes { type message } } }",
            json!({}),
        )
        .await;
    let types: Vec<&str> = data(&mine, "/data/notifications/nodes")
        .as_array()
        .map(|nodes| nodes.iter().filter_map(|n| n["type"].as_str()).collect())
        .unwrap_or_default();
    assert!(types.contains(&"registration_attempt"), "{mine}");

    // The session is marked server-side so it can never complete into a second account; the
    // other one is not.
    let marked = count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE (contact_data ->> 'emailInUse')::boolean",
        [],
    )
    .await;
    assert_eq!(marked, 1);
    let marked_email: String = get(
        &query_one(
            &db.owner,
            "SELECT contact_data ->> 'email' AS email FROM registration_sessions WHERE contact_data ? 'emailInUse'",
            [],
        )
        .await,
        "email",
    );
    assert_eq!(marked_email, "admin@acme.test");
    // Resuming it reveals nothing either.
    let token = string_at(&taken_body, "/data/registerContact/token");
    let (_, _, resumed) = send(&server, Some(&token), &resume(), json!({})).await;
    assert!(!resumed.to_string().contains("emailInUse"), "{resumed}");

    // Editing step 1 of the fresh registration to the taken address marks it too; back to a
    // free one unmarks it.
    let fresh = string_at(&new_body, "/data/registerContact/token");
    data(
        &run(
            &server,
            Some(&fresh),
            &contact_step(),
            contact("admin@acme.test"),
        )
        .await,
        "/data",
    );
    let marked = count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE contact_data ? 'emailInUse'",
        [],
    )
    .await;
    assert_eq!(marked, 2);
    data(
        &run(
            &server,
            Some(&fresh),
            &contact_step(),
            contact("free@example.com"),
        )
        .await,
        "/data",
    );
    let marked = count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE contact_data ? 'emailInUse'",
        [],
    )
    .await;
    assert_eq!(marked, 1);
}

// ---------------------------------------------------------------------------------------------
// Isolation
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_registration_is_reached_only_with_its_own_token_never_by_a_signed_in_user() {
    let (_db, server) = start().await;
    let first = through_step_3(&server, "first@example.com").await;
    let second = start_registration(&server, "second@example.com").await;
    let (_, _, mine) = send(&server, Some(&second), &resume(), json!({})).await;
    assert_eq!(
        data(&mine, "/data/registration/contact/email"),
        "second@example.com"
    );
    assert_eq!(data(&mine, "/data/registration/currentStep"), 1);
    let (_, _, theirs) = send(&server, Some(&first), &resume(), json!({})).await;
    assert_eq!(
        data(&theirs, "/data/registration/contact/email"),
        "first@example.com"
    );
    // A tenant's admin, without a registration token, sees no registration and cannot advance
    // one.
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server.gql(Some(&admin), &resume(), json!({})).await;
    assert_eq!(data(&body, "/data/registration"), &Value::Null);
    let body = server
        .gql(Some(&admin), &plan_step(), json!({ "input": plan() }))
        .await;
    assert_code(&body, "UNAUTHENTICATED");
    // The stored hash is not a token.
    let row_hash: String = get(
        &query_one(
            &_db.owner,
            "SELECT session_token FROM registration_sessions WHERE contact_data ->> 'email' = 'first@example.com'",
            [],
        )
        .await,
        "session_token",
    );
    let (_, _, by_hash) = send(&server, Some(&row_hash), &resume(), json!({})).await;
    assert_eq!(data(&by_hash, "/data/registration"), &Value::Null);
}

// ---------------------------------------------------------------------------------------------
// Abuse controls and secrecy
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn registration_calls_past_the_limit_of_an_address_are_rate_limited() {
    let (db, server) =
        start_with(&[("RATE_LIMIT_REGISTRATIONS_PER_MINUTE_PER_ADDRESS", "3")]).await;
    let body =
        |email: &str| json!({ "query": contact_step(), "variables": { "input": contact(email) } });
    let from = |address: &'static str| [("x-forwarded-for", address)];
    for n in 0..3 {
        let (status, answer) = server
            .post(
                body(&format!("limit{n}@example.com")),
                &from("198.51.100.7"),
            )
            .await;
        assert_eq!(status, 200);
        data(&answer, "/data/registerContact");
    }
    let (_, headers, refused) = server
        .post_with_headers(body("limit4@example.com"), &from("198.51.100.7"))
        .await;
    assert_code(&refused, "RATE_LIMITED");
    assert!(
        refused.pointer("/errors/0/extensions/retryAfter").is_some(),
        "{refused}"
    );
    assert!(headers.get("retry-after").is_some());
    // Reading counts too; nothing was written by the refused call; another address is free.
    let (_, read) = server
        .post(json!({ "query": resume() }), &from("198.51.100.7"))
        .await;
    assert_code(&read, "RATE_LIMITED");
    assert_eq!(sessions(&db).await, 3);
    let (_, other) = server
        .post(body("elsewhere@example.com"), &from("203.0.113.9"))
        .await;
    data(&other, "/data/registerContact");
}

#[tokio::test]
async fn registration_tokens_and_passwords_never_appear_in_the_servers_logs() {
    let db = TestDatabase::new().await;
    leadmetrics_tests::server::seed_demo(&db).await;
    let child = ChildServer::spawn(&db, "live_subscriptions::a_server_in_a_child_process").await;
    let client = reqwest::Client::new();
    let post = |query: String, variables: Value, headers: Vec<(&'static str, String)>| {
        let mut request = client
            .post(format!("{}/graphql", child.base_url))
            .json(&json!({ "query": query, "variables": variables }));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move {
            let response = request
                .send()
                .await
                .unwrap_or_else(|error| panic!("request failed: {error}"));
            let text = response.text().await.unwrap_or_default();
            serde_json::from_str::<Value>(&text).unwrap_or(Value::Null)
        }
    };
    let started = post(
        contact_step(),
        json!({ "input": contact("logs@example.com") }),
        vec![],
    )
    .await;
    let token = string_at(&started, "/data/registerContact/token");
    data(
        &post(
            company_step(),
            json!({ "input": company() }),
            vec![("x-registration-token", token.clone())],
        )
        .await,
        "/data",
    );
    data(
        &post(
            resume(),
            json!({}),
            vec![("cookie", format!("lm_registration={token}"))],
        )
        .await,
        "/data/registration",
    );
    // A refused step and an address in use are logged too, without either.
    post(
        contact_step(),
        json!({ "input": contact("admin@acme.test") }),
        vec![],
    )
    .await;
    let mut short = contact("logs@example.com");
    short["password"] = json!("short");
    post(
        contact_step(),
        json!({ "input": short }),
        vec![("x-registration-token", token.clone())],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let logs = child.logs();
    assert!(
        logs.contains("registration started"),
        "the child logged its requests: {logs}"
    );
    assert!(!logs.contains(&token), "a registration token was logged");
    assert!(!logs.contains(PASSWORD), "a password was logged");
    assert!(!logs.contains("$argon2id$"), "a password hash was logged");
}
