//! The identity API of the tenant subgraph end to end, over real HTTP against the demo seed: who
//! is calling (`me`), the tenant, its contract, users and API keys, Relay pagination, the
//! contract gate, the suspended (read-only) state and the federation entity look-ups. Every
//! rejected mutation is followed by a read-back proving it changed nothing.

use leadmetrics_tests::api::{
    UNKNOWN_ID, assert_bad_input, assert_code, bearer, data, next_millisecond,
};
use leadmetrics_tests::server::{
    DEMO_PASSWORD, TestServer, error_code, set_tenant_status, tenant_ref_id,
};
use leadmetrics_tests::world::{start, start_with, table_rows, user_ref_id};
use leadmetrics_tests::{TestDatabase, exec_with, get, query_one};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const ME: &str = "{ me { user { id email role status firstName lastName name } apiKey { id name scopes } tenant { id slug status contractAcceptedOn } actingAsOperator } }";

const TENANT: &str = "{ tenant { id slug name legalName industry website country state panNumber hasGst gstNumber plan status dataPrivacyLevel activePlatforms billingAddress { name address city postalCode state country } deploymentMode contractAcceptedOn createdOn updatedOn } }";

const CONTRACT: &str = "{ contract { id templateVersion status generatedOn acceptedOn acceptedIp acceptedBy { id email } } }";

const USERS: &str =
    "query($status: UserStatus, $role: UserRole, $includeDeactivated: Boolean! = false) {
  users(status: $status, role: $role, includeDeactivated: $includeDeactivated) {
    nodes { email status } } }";

const USERS_PAGE: &str =
    "query($first: Int, $after: String, $last: Int, $before: String, $status: UserStatus) {
  users(first: $first, after: $after, last: $last, before: $before, status: $status) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { email } } } }";

const USER: &str = "query($id: ID!) { user(id: $id) { id email title firstName lastName name phone role appAccess status deactivatedOn } }";

const API_KEYS: &str = "query($includeRevoked: Boolean! = false, $first: Int, $after: String) {
  apiKeys(includeRevoked: $includeRevoked, first: $first, after: $after) {
    pageInfo { hasPreviousPage hasNextPage }
    nodes { id name isActive } } }";

const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } ... on ApiKey { id name } ... on Tenant { id slug } } }";

const ACCEPT_CONTRACT: &str =
    "mutation { acceptContract { id status acceptedOn acceptedIp acceptedBy { email } } }";

const UPDATE_PROFILE: &str = "mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { name legalName industry website country state updatedOn } }";

const UPDATE_BILLING: &str = "mutation($input: BillingAddressInput!) { updateBillingAddress(input: $input) { billingAddress { name address city postalCode state country } } }";

const UPDATE_TAX: &str = "mutation($input: TaxDetailsInput!) { updateTaxDetails(input: $input) { panNumber hasGst gstNumber } }";

const INVITE: &str = "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email title firstName lastName name phone role appAccess status deactivatedOn } }";

const CHANGE_ROLE: &str = "mutation($id: ID!, $role: UserRole!) { changeUserRole(id: $id, role: $role) { id role status updatedOn } }";

const DEACTIVATE: &str =
    "mutation($id: ID!) { deactivateUser(id: $id) { id status deactivatedOn updatedOn } }";

const REACTIVATE: &str =
    "mutation($id: ID!) { reactivateUser(id: $id) { id status deactivatedOn updatedOn } }";

const CREATE_KEY: &str = "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix scopes lastUsedOn expiresOn revokedOn isActive } } }";

const REVOKE_KEY: &str = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedOn isActive } }";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Every row of the identity tables, read as the owner (row-level security does not apply):
/// comparing it before and after a request proves the request changed nothing. `last_used_on`
/// of API keys is left out: it records that a key was used, not a change made by a request.
async fn identity_state(db: &TestDatabase) -> Value {
    table_rows(
        db,
        &["tenants", "users", "contracts", "api_keys"],
        &["last_used_on"],
    )
    .await
}

/// The emails of a tenant's live users in id (creation) order, as the database sees them.
async fn emails_in_id_order(db: &TestDatabase, slug: &str) -> Vec<String> {
    let row = query_one(
        &db.owner,
        "SELECT coalesce(string_agg(u.email, ',' ORDER BY u.ref_id), '') AS emails
         FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE t.slug = $1 AND u.deleted_on IS NULL",
        [slug.into()],
    )
    .await;
    let emails: String = get(&row, "emails");
    emails.split(',').map(str::to_owned).collect()
}

/// The emails of a `users { nodes { email } }` response.
#[track_caller]
fn emails(body: &Value) -> Vec<String> {
    match data(body, "/data/users/nodes").as_array() {
        Some(nodes) => nodes
            .iter()
            .map(|node| node["email"].as_str().unwrap_or_default().to_owned())
            .collect(),
        None => panic!("no user nodes: {body}"),
    }
}

/// Invites a user as the admin holding `token`; returns the new user's id.
async fn invite(server: &TestServer, token: &str, email: &str, role: &str) -> String {
    let body = server
        .gql(
            Some(token),
            INVITE,
            json!({ "input": {
                "email": email, "firstName": "Invited", "lastName": "Person",
                "role": role, "appAccess": ["DASHBOARD"]
            } }),
        )
        .await;
    match data(&body, "/data/inviteUser/id").as_str() {
        Some(id) => id.to_owned(),
        None => panic!("inviting {email} failed: {body}"),
    }
}

/// Deactivates a user as the admin holding `token`.
async fn deactivate(server: &TestServer, token: &str, id: &str) {
    let body = server
        .gql(Some(token), DEACTIVATE, json!({ "id": id }))
        .await;
    assert_eq!(
        data(&body, "/data/deactivateUser/status"),
        "DEACTIVATED",
        "{body}"
    );
}

/// Records the admin mutations act on.
struct Targets {
    /// An active member (`member@acme.test`).
    member: String,
    /// A deactivated user.
    deactivated: String,
    /// An active API key.
    api_key: String,
}

/// Prepares targets in acme as its admin: a deactivated user and an API key.
async fn acme_targets(db: &TestDatabase, server: &TestServer, admin: &str) -> Targets {
    let deactivated = invite(server, admin, "former@acme.test", "MEMBER").await;
    deactivate(server, admin, &deactivated).await;
    let (_, api_key) = server.create_api_key(admin, &["READ"]).await;
    Targets {
        member: user_ref_id(db, "member@acme.test").await,
        deactivated,
        api_key,
    }
}

/// Every mutation that changes the tenant, with valid input that would change something.
fn admin_mutations(targets: &Targets) -> Vec<(&'static str, &'static str, Value)> {
    vec![
        ("acceptContract", ACCEPT_CONTRACT, json!({})),
        (
            "updateTenantProfile",
            UPDATE_PROFILE,
            json!({ "input": { "name": "Renamed", "industry": "Retail" } }),
        ),
        (
            "updateBillingAddress",
            UPDATE_BILLING,
            json!({ "input": {
                "name": "Acme Corp", "address": "1 Main St", "city": "Kochi",
                "postalCode": "682001", "state": "Kerala", "country": "India"
            } }),
        ),
        (
            "updateTaxDetails",
            UPDATE_TAX,
            json!({ "input": { "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z5" } }),
        ),
        (
            "inviteUser",
            INVITE,
            json!({ "input": {
                "email": "newcomer@acme.test", "firstName": "New", "lastName": "Comer",
                "role": "MEMBER", "appAccess": []
            } }),
        ),
        (
            "changeUserRole",
            CHANGE_ROLE,
            json!({ "id": targets.member, "role": "REVIEWER" }),
        ),
        (
            "deactivateUser",
            DEACTIVATE,
            json!({ "id": targets.member }),
        ),
        (
            "reactivateUser",
            REACTIVATE,
            json!({ "id": targets.deactivated }),
        ),
        (
            "createApiKey",
            CREATE_KEY,
            json!({ "input": { "name": "another key", "scopes": ["READ"] } }),
        ),
        ("revokeApiKey", REVOKE_KEY, json!({ "id": targets.api_key })),
    ]
}

/// Runs every admin mutation with `headers` and asserts each fails with `code` and changes
/// nothing.
async fn assert_every_mutation_refused(
    db: &TestDatabase,
    server: &TestServer,
    headers: &[(&str, &str)],
    mutations: &[(&'static str, &'static str, Value)],
    code: &str,
) {
    let before = identity_state(db).await;
    for (name, query, variables) in mutations {
        let body = server.gql_with(headers, query, variables.clone()).await;
        assert_eq!(
            error_code(&body),
            Some(code),
            "{name} with {headers:?}: {body}"
        );
        assert_eq!(body["data"], Value::Null, "{name}: {body}");
        assert_eq!(identity_state(db).await, before, "{name} changed something");
    }
}

/// Walks `users` in pages of `size`, forward (`first`/`after`) or backward (`last`/`before`),
/// checking each page's `pageInfo`; returns the emails in list order and the page sizes.
async fn walk_users(
    server: &TestServer,
    token: &str,
    size: i32,
    forward: bool,
    status: Option<&str>,
) -> (Vec<String>, Vec<usize>) {
    let mut pages: Vec<Vec<String>> = Vec::new();
    let mut cursor = Value::Null;
    loop {
        assert!(pages.len() < 20, "pagination does not end");
        let variables = if forward {
            json!({ "first": size, "after": cursor, "status": status })
        } else {
            json!({ "last": size, "before": cursor, "status": status })
        };
        let body = server.gql(Some(token), USERS_PAGE, variables).await;
        let connection = data(&body, "/data/users");
        let edges = connection["edges"].as_array().cloned().unwrap_or_default();
        let info = &connection["pageInfo"];
        let page: Vec<String> = edges
            .iter()
            .map(|edge| {
                edge["node"]["email"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        assert!(!page.is_empty(), "an empty page in the middle: {body}");
        assert_eq!(info["startCursor"], edges[0]["cursor"], "{body}");
        assert_eq!(
            info["endCursor"],
            edges[edges.len() - 1]["cursor"],
            "{body}"
        );
        let first_page = pages.is_empty();
        let (more, came_from) = if forward {
            (&info["hasNextPage"], &info["hasPreviousPage"])
        } else {
            (&info["hasPreviousPage"], &info["hasNextPage"])
        };
        assert_eq!(came_from, &json!(!first_page), "{body}");
        pages.push(page);
        if more != &json!(true) {
            break;
        }
        cursor = if forward {
            info["endCursor"].clone()
        } else {
            info["startCursor"].clone()
        };
    }
    if !forward {
        pages.reverse();
    }
    let sizes = pages.iter().map(Vec::len).collect();
    (pages.concat(), sizes)
}

// ---------------------------------------------------------------------------------------------
// me
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn me_returns_the_signed_in_user_and_their_tenant_without_the_operator_flag() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    for (email, role, first_name) in [
        ("admin@acme.test", "ADMIN", "Admin"),
        ("member@acme.test", "MEMBER", "Member"),
        ("reviewer@acme.test", "REVIEWER", "Reviewer"),
    ] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let body = server.gql(Some(&token), ME, json!({})).await;
        let accepted_on = data(&body, "/data/me/tenant/contractAcceptedOn").clone();
        assert!(accepted_on.is_string(), "{body}");
        assert_eq!(
            body,
            json!({ "data": { "me": {
                "user": {
                    "id": user_ref_id(&db, email).await, "email": email, "role": role,
                    "status": "ACTIVE", "firstName": first_name, "lastName": "Acme",
                    "name": format!("{first_name} Acme")
                },
                "apiKey": null,
                "tenant": { "id": acme, "slug": "acme", "status": "ACTIVE", "contractAcceptedOn": accepted_on },
                "actingAsOperator": false
            } } })
        );
    }
}

#[tokio::test]
async fn me_with_an_api_key_returns_the_key_and_no_user() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, key_id) = server.create_api_key(&admin, &["READ"]).await;
    let authorization = format!("ApiKey {key}");
    for headers in [
        [("x-api-key", key.as_str())],
        [("authorization", authorization.as_str())],
    ] {
        let body = server
            .gql_with(
                &headers,
                "{ me { user { id } apiKey { id name scopes } tenant { slug } actingAsOperator } }",
                json!({}),
            )
            .await;
        assert_eq!(
            body,
            json!({ "data": { "me": {
                "user": null,
                "apiKey": { "id": key_id, "name": "test key", "scopes": ["READ"] },
                "tenant": { "slug": "acme" },
                "actingAsOperator": false
            } } })
        );
    }
}

#[tokio::test]
async fn an_operator_acting_for_a_tenant_sees_their_own_user_and_the_operator_flag() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let authorization = bearer(&operator);
    let body = server
        .gql_with(
            &[
                ("authorization", authorization.as_str()),
                ("x-act-for-tenant", acme.as_str()),
            ],
            "{ me { user { email role } apiKey { id } tenant { slug } actingAsOperator } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "me": {
            "user": { "email": "super-admin@leadmetrics.test", "role": "SUPER_ADMIN" },
            "apiKey": null,
            "tenant": { "slug": "acme" },
            "actingAsOperator": true
        } } })
    );
}

#[tokio::test]
async fn every_identity_query_without_credentials_is_unauthenticated() {
    let (_db, server) = start().await;
    for query in [ME, TENANT, CONTRACT, USERS, API_KEYS] {
        let body = server.gql(None, query, json!({})).await;
        assert_code(&body, "UNAUTHENTICATED");
    }
    let body = server.gql(None, USER, json!({ "id": UNKNOWN_ID })).await;
    assert_code(&body, "UNAUTHENTICATED");
}

// ---------------------------------------------------------------------------------------------
// tenant and contract
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn tenant_returns_every_field_of_the_callers_own_tenant() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    for email in ["admin@acme.test", "member@acme.test", "reviewer@acme.test"] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let body = server.gql(Some(&token), TENANT, json!({})).await;
        let accepted_on = data(&body, "/data/tenant/contractAcceptedOn").clone();
        let created_on = data(&body, "/data/tenant/createdOn").clone();
        assert!(accepted_on.is_string() && created_on.is_string(), "{body}");
        assert_eq!(
            body,
            json!({ "data": { "tenant": {
                "id": acme, "slug": "acme", "name": "Acme Corp", "legalName": "Acme Corp",
                "industry": null, "website": null, "country": "India", "state": null,
                "panNumber": null, "hasGst": false, "gstNumber": null,
                "plan": "PROFESSIONAL", "status": "ACTIVE", "dataPrivacyLevel": "CLOUD_OK",
                "activePlatforms": [], "billingAddress": null, "deploymentMode": "SAAS",
                "contractAcceptedOn": accepted_on, "createdOn": created_on, "updatedOn": null
            } } }),
            "as {email}"
        );
    }
}

#[tokio::test]
async fn the_contract_of_an_accepted_tenant_is_returned_as_accepted() {
    let (db, server) = start().await;
    let row = query_one(
        &db.owner,
        "SELECT c.ref_id FROM contracts c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'acme'",
        [],
    )
    .await;
    let contract_id: String = get(&row, "ref_id");
    for email in ["admin@acme.test", "member@acme.test"] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let body = server.gql(Some(&token), CONTRACT, json!({})).await;
        let generated_on = data(&body, "/data/contract/generatedOn").clone();
        let accepted_on = data(&body, "/data/contract/acceptedOn").clone();
        assert!(
            generated_on.is_string() && accepted_on.is_string(),
            "{body}"
        );
        // The demo seed accepts acme's contract directly in the database: nobody is recorded.
        assert_eq!(
            body,
            json!({ "data": { "contract": {
                "id": contract_id, "templateVersion": "v1.0", "status": "ACCEPTED",
                "generatedOn": generated_on, "acceptedOn": accepted_on,
                "acceptedIp": null, "acceptedBy": null
            } } })
        );
    }
}

// ---------------------------------------------------------------------------------------------
// users and user
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn users_lists_only_the_tenants_own_users_oldest_first_with_filters() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let all = emails_in_id_order(&db, "acme").await;
    assert_eq!(all.len(), 3);
    for token in [&admin, &member] {
        let body = server.gql(Some(token), USERS, json!({})).await;
        assert_eq!(emails(&body), all);
    }

    let body = server
        .gql(Some(&member), USERS, json!({ "role": "MEMBER" }))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "users": { "nodes": [{ "email": "member@acme.test", "status": "ACTIVE" }] } } })
    );
    let body = server
        .gql(Some(&member), USERS, json!({ "status": "INVITED" }))
        .await;
    assert_eq!(emails(&body), Vec::<String>::new());

    invite(&server, &admin, "invitee@acme.test", "REVIEWER").await;
    let body = server
        .gql(Some(&member), USERS, json!({ "status": "INVITED" }))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "users": { "nodes": [{ "email": "invitee@acme.test", "status": "INVITED" }] } } })
    );
    let body = server
        .gql(
            Some(&member),
            USERS,
            json!({ "status": "ACTIVE", "role": "REVIEWER" }),
        )
        .await;
    assert_eq!(emails(&body), ["reviewer@acme.test"]);
    let body = server.gql(Some(&member), USERS, json!({})).await;
    assert_eq!(emails(&body), emails_in_id_order(&db, "acme").await);
    assert_eq!(emails(&body).len(), 4);
}

#[tokio::test]
async fn deactivated_users_are_hidden_unless_an_admin_asks_for_them() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    deactivate(&server, &admin, &reviewer_id).await;

    for token in [&admin, &member] {
        let body = server.gql(Some(token), USERS, json!({})).await;
        // Seeded in the same millisecond: their relative order is not defined.
        let mut listed = emails(&body);
        listed.sort();
        assert_eq!(listed, ["admin@acme.test", "member@acme.test"]);
        let body = server
            .gql(Some(token), USERS, json!({ "status": "DEACTIVATED" }))
            .await;
        assert_eq!(emails(&body), Vec::<String>::new());
    }

    let body = server
        .gql(Some(&admin), USERS, json!({ "includeDeactivated": true }))
        .await;
    let mut listed = emails(&body);
    listed.sort();
    assert_eq!(
        listed,
        ["admin@acme.test", "member@acme.test", "reviewer@acme.test"]
    );
    let body = server
        .gql(
            Some(&admin),
            USERS,
            json!({ "includeDeactivated": true, "status": "DEACTIVATED" }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "users": { "nodes": [{ "email": "reviewer@acme.test", "status": "DEACTIVATED" }] } } })
    );

    let body = server
        .gql(Some(&member), USERS, json!({ "includeDeactivated": true }))
        .await;
    assert_code(&body, "FORBIDDEN");
    assert_eq!(body["data"], Value::Null);
}

#[tokio::test]
async fn user_returns_a_user_of_the_tenant_and_null_for_unknown_or_foreign_ids() {
    let (db, server) = start().await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let body = server
        .gql(Some(&member), USER, json!({ "id": reviewer_id }))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "user": {
            "id": reviewer_id, "email": "reviewer@acme.test", "title": null,
            "firstName": "Reviewer", "lastName": "Acme", "name": "Reviewer Acme", "phone": null,
            "role": "REVIEWER", "appAccess": ["DASHBOARD", "DM_PORTAL", "MANAGE"],
            "status": "ACTIVE", "deactivatedOn": null
        } } })
    );

    let globex_admin = user_ref_id(&db, "admin@globex.test").await;
    for id in [UNKNOWN_ID, globex_admin.as_str()] {
        let body = server.gql(Some(&member), USER, json!({ "id": id })).await;
        assert_eq!(body, json!({ "data": { "user": null } }), "{id}");
    }
}

#[tokio::test]
async fn a_malformed_user_id_is_bad_user_input_naming_the_id() {
    let (db, server) = start().await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    for id in ["not-an-id", "", "81ARZ3NDEKTSV4RRFFQ69G5FAV"] {
        let body = server.gql(Some(&member), USER, json!({ "id": id })).await;
        assert_bad_input(&body, "id");
        assert_eq!(body["data"]["user"], Value::Null, "{id}: {body}");
    }
    // Ids are case-insensitive, as the ULID spec says: a lowercase id finds the same user.
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    let body = server
        .gql(
            Some(&member),
            USER,
            json!({ "id": admin_id.to_lowercase() }),
        )
        .await;
    assert_eq!(body["data"]["user"]["id"], json!(admin_id), "{body}");
}

#[tokio::test]
async fn a_deactivated_user_is_visible_by_id_to_admins_only() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    deactivate(&server, &admin, &reviewer_id).await;

    let body = server
        .gql(Some(&admin), USER, json!({ "id": reviewer_id }))
        .await;
    assert_eq!(data(&body, "/data/user/status"), "DEACTIVATED");
    assert!(
        data(&body, "/data/user/deactivatedOn").is_string(),
        "{body}"
    );

    let body = server
        .gql(Some(&member), USER, json!({ "id": reviewer_id }))
        .await;
    assert_eq!(body, json!({ "data": { "user": null } }));
}

// ---------------------------------------------------------------------------------------------
// apiKeys
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn api_keys_are_listed_to_admins_only() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (read_key, read_id) = server.create_api_key(&admin, &["READ"]).await;
    next_millisecond().await;
    let (write_key, write_id) = server.create_api_key(&admin, &["READ", "WRITE"]).await;

    let body = server.gql(Some(&admin), API_KEYS, json!({})).await;
    assert_eq!(
        body,
        json!({ "data": { "apiKeys": {
            "pageInfo": { "hasPreviousPage": false, "hasNextPage": false },
            "nodes": [
                { "id": read_id, "name": "test key", "isActive": true },
                { "id": write_id, "name": "test key", "isActive": true }
            ]
        } } })
    );
    let body = server
        .gql(Some(&admin), API_KEYS, json!({ "first": 1 }))
        .await;
    assert_eq!(
        data(&body, "/data/apiKeys"),
        &json!({
            "pageInfo": { "hasPreviousPage": false, "hasNextPage": true },
            "nodes": [{ "id": read_id, "name": "test key", "isActive": true }]
        })
    );

    for email in ["member@acme.test", "reviewer@acme.test"] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let body = server.gql(Some(&token), API_KEYS, json!({})).await;
        assert_code(&body, "FORBIDDEN");
        assert_eq!(body["data"], Value::Null);
    }
    for key in [&read_key, &write_key] {
        let body = server
            .gql_with(&[("x-api-key", key.as_str())], API_KEYS, json!({}))
            .await;
        assert_code(&body, "FORBIDDEN");
    }
}

// ---------------------------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn walking_users_in_pages_of_three_forward_and_backward_visits_everyone_once_in_order() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let mut invited = Vec::new();
    for n in 1..=7 {
        let email = format!("page{n}@acme.test");
        invite(&server, &admin, &email, "MEMBER").await;
        invited.push(email);
        next_millisecond().await;
    }
    let expected = emails_in_id_order(&db, "acme").await;
    assert_eq!(expected.len(), 10);

    let (forward, sizes) = walk_users(&server, &admin, 3, true, None).await;
    assert_eq!(forward, expected);
    assert_eq!(sizes, [3, 3, 3, 1]);

    let (backward, sizes) = walk_users(&server, &admin, 3, false, None).await;
    assert_eq!(backward, expected);
    assert_eq!(sizes, [1, 3, 3, 3]);

    // Oldest first: the invited users come in the order they were invited.
    let (forward, sizes) = walk_users(&server, &admin, 3, true, Some("INVITED")).await;
    assert_eq!(forward, invited);
    assert_eq!(sizes, [3, 3, 1]);
    let (backward, _) = walk_users(&server, &admin, 3, false, Some("INVITED")).await;
    assert_eq!(backward, invited);

    // Past the end: an empty page, no cursors.
    let last_id = user_ref_id(&db, &expected[9]).await;
    let body = server
        .gql(
            Some(&admin),
            USERS_PAGE,
            json!({ "first": 3, "after": last_id }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "users": {
            "pageInfo": { "hasPreviousPage": true, "hasNextPage": false, "startCursor": null, "endCursor": null },
            "edges": []
        } } })
    );
}

#[tokio::test]
async fn a_page_larger_than_the_configured_maximum_is_bad_user_input() {
    let (_db, server) = start_with(&[("GRAPHQL_MAX_PAGE_SIZE", "5")]).await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    for n in 1..=3 {
        invite(&server, &admin, &format!("extra{n}@acme.test"), "MEMBER").await;
    }

    for (argument, field) in [("first", "first"), ("last", "last")] {
        let body = server
            .gql(Some(&admin), USERS_PAGE, json!({ argument: 6 }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null);
        let body = server
            .gql(Some(&admin), USERS_PAGE, json!({ argument: 5 }))
            .await;
        assert_eq!(
            data(&body, "/data/users/edges").as_array().map(Vec::len),
            Some(5)
        );
    }
    let body = server
        .gql(Some(&admin), API_KEYS, json!({ "first": 6 }))
        .await;
    assert_bad_input(&body, "first");

    // Without first or last, a page is the default size capped at the maximum.
    let body = server.gql(Some(&admin), USERS_PAGE, json!({})).await;
    assert_eq!(
        data(&body, "/data/users/edges").as_array().map(Vec::len),
        Some(5)
    );
    assert_eq!(
        data(&body, "/data/users/pageInfo/hasNextPage"),
        &json!(true)
    );
}

#[tokio::test]
async fn negative_page_sizes_and_garbage_cursors_are_bad_user_input() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    for (variables, field) in [
        (json!({ "first": -1 }), "first"),
        (json!({ "last": -3 }), "last"),
        (json!({ "first": 3, "after": "garbage" }), "after"),
        (json!({ "last": 3, "before": "not-a-cursor" }), "before"),
        (json!({ "after": "" }), "after"),
    ] {
        let body = server.gql(Some(&admin), USERS_PAGE, variables).await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null);
    }
    let body = server
        .gql(Some(&admin), API_KEYS, json!({ "after": "garbage" }))
        .await;
    assert_bad_input(&body, "after");
}

#[tokio::test]
async fn asking_for_both_first_and_last_is_bad_user_input() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(Some(&admin), USERS_PAGE, json!({ "first": 2, "last": 2 }))
        .await;
    assert_bad_input(&body, "first");
    assert_eq!(body["data"], Value::Null);
}

// ---------------------------------------------------------------------------------------------
// The contract gate
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_tenant_with_a_pending_contract_can_only_read_me_and_its_contract() {
    let (db, server) = start().await;
    let globex = tenant_ref_id(&db, "globex").await;
    let admin = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let member = server.login("member@globex.test", DEMO_PASSWORD).await;

    let body = server.gql(Some(&admin), ME, json!({})).await;
    assert_eq!(data(&body, "/data/me/user/email"), "admin@globex.test");
    assert_eq!(
        data(&body, "/data/me/tenant"),
        &json!({ "id": globex, "slug": "globex", "status": "TRIALING", "contractAcceptedOn": null })
    );
    let body = server.gql(Some(&member), CONTRACT, json!({})).await;
    assert_eq!(data(&body, "/data/contract/status"), "PENDING_ACCEPTANCE");
    assert_eq!(data(&body, "/data/contract/acceptedOn"), &Value::Null);
    assert_eq!(data(&body, "/data/contract/acceptedBy"), &Value::Null);
    let body = server
        .gql(
            Some(&admin),
            ENTITIES,
            json!({ "r": [{ "__typename": "Tenant", "id": globex }] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [{ "id": globex, "slug": "globex" }] } })
    );

    let member_id = user_ref_id(&db, "member@globex.test").await;
    for token in [&admin, &member] {
        for query in [TENANT, USERS, API_KEYS] {
            let body = server.gql(Some(token), query, json!({})).await;
            assert_code(&body, "CONTRACT_NOT_ACCEPTED");
        }
        let body = server
            .gql(Some(token), USER, json!({ "id": member_id }))
            .await;
        assert_code(&body, "CONTRACT_NOT_ACCEPTED");
    }

    let targets = Targets {
        member: member_id.clone(),
        deactivated: member_id,
        api_key: UNKNOWN_ID.to_owned(),
    };
    let mutations: Vec<_> = admin_mutations(&targets)
        .into_iter()
        .filter(|(name, _, _)| *name != "acceptContract")
        .collect();
    let authorization = bearer(&admin);
    assert_every_mutation_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        &mutations,
        "CONTRACT_NOT_ACCEPTED",
    )
    .await;
}

#[tokio::test]
async fn only_an_admin_of_the_tenant_can_accept_its_contract() {
    let (db, server) = start().await;
    let globex = tenant_ref_id(&db, "globex").await;
    let before = identity_state(&db).await;
    for email in ["member@globex.test", "reviewer@globex.test"] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let body = server.gql(Some(&token), ACCEPT_CONTRACT, json!({})).await;
        assert_code(&body, "FORBIDDEN");
        assert_eq!(identity_state(&db).await, before, "{email}");
    }
    // Not even a platform operator acting for the tenant.
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let authorization = bearer(&operator);
    let body = server
        .gql_with(
            &[
                ("authorization", authorization.as_str()),
                ("x-act-for-tenant", globex.as_str()),
            ],
            ACCEPT_CONTRACT,
            json!({}),
        )
        .await;
    assert_code(&body, "FORBIDDEN");
    assert_eq!(identity_state(&db).await, before);

    let member = server.login("member@globex.test", DEMO_PASSWORD).await;
    let body = server.gql(Some(&member), CONTRACT, json!({})).await;
    assert_eq!(data(&body, "/data/contract/status"), "PENDING_ACCEPTANCE");
}

#[tokio::test]
async fn an_admin_accepting_the_contract_records_who_when_and_where_and_unlocks_the_api() {
    let (db, server) = start().await;
    let admin = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let admin_id = user_ref_id(&db, "admin@globex.test").await;
    let authorization = bearer(&admin);
    let headers = [
        ("authorization", authorization.as_str()),
        // A client-written first entry, then the address the (one, trusted) proxy saw.
        ("x-forwarded-for", "10.0.0.2, 203.0.113.7"),
        ("user-agent", "api-identity-test/1.0"),
    ];
    let body = server.gql_with(&headers, ACCEPT_CONTRACT, json!({})).await;
    let accepted = data(&body, "/data/acceptContract");
    let accepted_on = accepted["acceptedOn"].clone();
    assert!(accepted_on.is_string(), "{body}");
    assert_eq!(
        accepted,
        &json!({
            "id": accepted["id"], "status": "ACCEPTED", "acceptedOn": accepted_on,
            "acceptedIp": "203.0.113.7", "acceptedBy": { "email": "admin@globex.test" }
        })
    );
    let row = query_one(
        &db.owner,
        "SELECT c.accepted_user_agent, u.ref_id AS accepted_by FROM contracts c
         JOIN tenants t ON t.id = c.tenant_id JOIN users u ON u.id = c.accepted_by
         WHERE t.slug = 'globex'",
        [],
    )
    .await;
    assert_eq!(
        get::<String>(&row, "accepted_user_agent"),
        "api-identity-test/1.0"
    );
    assert_eq!(get::<String>(&row, "accepted_by"), admin_id);

    // The same token now reaches everything.
    let body = server
        .gql(
            Some(&admin),
            "{ tenant { contractAcceptedOn } contract { status acceptedOn acceptedIp acceptedBy { id } } users { nodes { email } } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&body, "/data/tenant/contractAcceptedOn"), &accepted_on);
    assert_eq!(
        data(&body, "/data/contract"),
        &json!({ "status": "ACCEPTED", "acceptedOn": accepted_on, "acceptedIp": "203.0.113.7", "acceptedBy": { "id": admin_id } })
    );
    assert_eq!(emails(&body), emails_in_id_order(&db, "globex").await);
    let member = server.login("member@globex.test", DEMO_PASSWORD).await;
    let body = server
        .gql(Some(&member), "{ tenant { slug } }", json!({}))
        .await;
    assert_eq!(body, json!({ "data": { "tenant": { "slug": "globex" } } }));

    // Accepting again: nothing is waiting.
    let before = identity_state(&db).await;
    let body = server.gql_with(&headers, ACCEPT_CONTRACT, json!({})).await;
    assert_code(&body, "CONFLICT");
    assert_eq!(identity_state(&db).await, before);
}

#[tokio::test]
async fn accepting_an_already_accepted_contract_is_a_conflict() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let before = identity_state(&db).await;
    let body = server.gql(Some(&admin), ACCEPT_CONTRACT, json!({})).await;
    assert_code(&body, "CONFLICT");
    assert_eq!(body["data"], Value::Null);
    assert_eq!(identity_state(&db).await, before);
}

// ---------------------------------------------------------------------------------------------
// Admins only
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn members_reviewers_and_api_keys_cannot_run_any_admin_mutation() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let targets = acme_targets(&db, &server, &admin).await;
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let mutations = admin_mutations(&targets);
    for email in ["member@acme.test", "reviewer@acme.test"] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let authorization = bearer(&token);
        assert_every_mutation_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            &mutations,
            "FORBIDDEN",
        )
        .await;
    }
    for key in [&read_key, &write_key] {
        assert_every_mutation_refused(
            &db,
            &server,
            &[("x-api-key", key.as_str())],
            &mutations,
            "FORBIDDEN",
        )
        .await;
    }
}

// ---------------------------------------------------------------------------------------------
// updateTenantProfile
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn updating_the_profile_changes_only_the_given_fields() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": {
                "name": "  Acme Industries ", "legalName": "Acme Industries Pvt Ltd",
                "industry": "Manufacturing", "website": "https://acme.example/about",
                "country": "India", "state": "Kerala"
            } }),
        )
        .await;
    let updated_on = data(&body, "/data/updateTenantProfile/updatedOn").clone();
    assert!(updated_on.is_string(), "{body}");
    let full = json!({
        "name": "Acme Industries", "legalName": "Acme Industries Pvt Ltd",
        "industry": "Manufacturing", "website": "https://acme.example/about",
        "country": "India", "state": "Kerala", "updatedOn": updated_on
    });
    assert_eq!(data(&body, "/data/updateTenantProfile"), &full);

    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "industry": "Retail" } }),
        )
        .await;
    let mut expected = full.clone();
    expected["industry"] = json!("Retail");
    expected["updatedOn"] = data(&body, "/data/updateTenantProfile/updatedOn").clone();
    assert_eq!(data(&body, "/data/updateTenantProfile"), &expected);

    let body = server
        .gql(
            Some(&admin),
            "{ tenant { name legalName industry website country state updatedOn } }",
            json!({}),
        )
        .await;
    assert_eq!(data(&body, "/data/tenant"), &expected);
}

#[tokio::test]
async fn null_or_blank_clears_optional_profile_fields_but_never_the_name() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": {
                "legalName": "Acme Legal", "industry": "Retail", "website": "http://acme.example",
                "country": "India", "state": "Kerala"
            } }),
        )
        .await;
    data(&body, "/data/updateTenantProfile");

    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "legalName": null, "website": "   ", "state": "", "industry": null } }),
        )
        .await;
    let updated_on = data(&body, "/data/updateTenantProfile/updatedOn").clone();
    assert_eq!(
        data(&body, "/data/updateTenantProfile"),
        &json!({
            "name": "Acme Corp", "legalName": null, "industry": null, "website": null,
            "country": "India", "state": null, "updatedOn": updated_on
        })
    );

    // A blank name is refused; an explicit null name is not a way to clear it either.
    let before = identity_state(&db).await;
    for name in ["", "   "] {
        let body = server
            .gql(
                Some(&admin),
                UPDATE_PROFILE,
                json!({ "input": { "name": name } }),
            )
            .await;
        assert_bad_input(&body, "name");
        assert_eq!(identity_state(&db).await, before);
    }
    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "name": null } }),
        )
        .await;
    // The server treats a null name like an omitted one: left as it is.
    assert_eq!(data(&body, "/data/updateTenantProfile/name"), "Acme Corp");
    let body = server
        .gql(Some(&admin), "{ tenant { name } }", json!({}))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "tenant": { "name": "Acme Corp" } } })
    );
}

#[tokio::test]
async fn invalid_profile_values_are_bad_user_input_naming_the_field_and_change_nothing() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let before = identity_state(&db).await;
    let long_site = format!("https://{}.example", "a".repeat(490));
    for (input, field) in [
        (json!({ "website": "acme.example" }), "website"),
        (json!({ "website": "ftp://acme.example" }), "website"),
        (json!({ "website": "https://" }), "website"),
        (json!({ "website": "https://acme .example" }), "website"),
        (json!({ "website": long_site }), "website"),
        (json!({ "name": "n".repeat(256) }), "name"),
        (json!({ "legalName": "l".repeat(501) }), "legalName"),
        (json!({ "industry": "i".repeat(101) }), "industry"),
        (json!({ "country": "c".repeat(101) }), "country"),
        (json!({ "state": "s".repeat(101) }), "state"),
        // One bad field and the valid ones are not applied either.
        (
            json!({ "name": "Valid Name", "industry": "Retail", "website": "acme.example" }),
            "website",
        ),
    ] {
        let body = server
            .gql(Some(&admin), UPDATE_PROFILE, json!({ "input": input }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null);
        assert_eq!(identity_state(&db).await, before, "{input}");
    }
    // At the limits, values are accepted.
    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "name": "n".repeat(255), "state": "s".repeat(100) } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateTenantProfile/name"),
        &json!("n".repeat(255))
    );
}

// ---------------------------------------------------------------------------------------------
// updateBillingAddress
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_billing_address_is_replaced_whole_and_its_state_is_optional() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_BILLING,
            json!({ "input": {
                "name": " Acme Corp ", "address": "1 Main St\nFloor 2", "city": "Kochi",
                "postalCode": "682001", "state": "Kerala", "country": "India"
            } }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "updateBillingAddress": { "billingAddress": {
            "name": "Acme Corp", "address": "1 Main St\nFloor 2", "city": "Kochi",
            "postalCode": "682001", "state": "Kerala", "country": "India"
        } } } })
    );

    // Replaced whole: an omitted, null or blank state is no state.
    for state in [None, Some(Value::Null), Some(json!("  "))] {
        let mut input = json!({
            "name": "Acme GmbH", "address": "Hauptstr. 1", "city": "Berlin",
            "postalCode": "10115", "country": "Germany"
        });
        if let Some(state) = state {
            input["state"] = state;
        }
        let body = server
            .gql(Some(&admin), UPDATE_BILLING, json!({ "input": input }))
            .await;
        assert_eq!(
            data(&body, "/data/updateBillingAddress/billingAddress"),
            &json!({
                "name": "Acme GmbH", "address": "Hauptstr. 1", "city": "Berlin",
                "postalCode": "10115", "state": null, "country": "Germany"
            })
        );
    }
    let body = server
        .gql(
            Some(&admin),
            "{ tenant { billingAddress { city state country } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&body, "/data/tenant/billingAddress"),
        &json!({ "city": "Berlin", "state": null, "country": "Germany" })
    );
}

#[tokio::test]
async fn a_billing_address_with_a_blank_or_too_long_part_is_bad_user_input_naming_it() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let valid = json!({
        "name": "Acme Corp", "address": "1 Main St", "city": "Kochi",
        "postalCode": "682001", "state": "Kerala", "country": "India"
    });
    let body = server
        .gql(Some(&admin), UPDATE_BILLING, json!({ "input": valid }))
        .await;
    data(&body, "/data/updateBillingAddress");
    let before = identity_state(&db).await;
    for (field, value) in [
        ("name", json!(" ")),
        ("address", json!("")),
        ("city", json!("  ")),
        ("postalCode", json!("")),
        ("country", json!(" ")),
        ("name", json!("n".repeat(256))),
        ("address", json!("a".repeat(1001))),
        ("city", json!("c".repeat(101))),
        ("postalCode", json!("6".repeat(21))),
        ("state", json!("s".repeat(101))),
        ("country", json!("c".repeat(101))),
    ] {
        let mut input = valid.clone();
        input[field] = value;
        let body = server
            .gql(Some(&admin), UPDATE_BILLING, json!({ "input": input }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(identity_state(&db).await, before, "{field}");
    }
}

// ---------------------------------------------------------------------------------------------
// updateTaxDetails
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn valid_tax_details_are_stored_uppercased() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_TAX,
            json!({ "input": { "panNumber": " aaapl1234c ", "hasGst": true, "gstNumber": " 27aaapl1234c1z5 " } }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "updateTaxDetails": {
            "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z5"
        } } })
    );
    let body = server
        .gql(
            Some(&admin),
            "{ tenant { panNumber hasGst gstNumber } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&body, "/data/tenant"),
        &json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z5" })
    );
    // A GSTIN alone (no PAN given) is accepted.
    let body = server
        .gql(
            Some(&admin),
            UPDATE_TAX,
            json!({ "input": { "hasGst": true, "gstNumber": "29ABCDE1234F2Z9" } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateTaxDetails"),
        &json!({ "panNumber": null, "hasGst": true, "gstNumber": "29ABCDE1234F2Z9" })
    );
}

#[tokio::test]
async fn turning_gst_off_clears_the_gstin_and_a_blank_pan_clears_the_pan() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_TAX,
            json!({ "input": { "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z5" } }),
        )
        .await;
    data(&body, "/data/updateTaxDetails");
    let body = server
        .gql(
            Some(&admin),
            UPDATE_TAX,
            json!({ "input": { "panNumber": "AAAPL1234C", "hasGst": false, "gstNumber": "27AAAPL1234C1Z5" } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateTaxDetails"),
        &json!({ "panNumber": "AAAPL1234C", "hasGst": false, "gstNumber": null })
    );
    for pan in [json!(null), json!("  ")] {
        let body = server
            .gql(
                Some(&admin),
                UPDATE_TAX,
                json!({ "input": { "panNumber": pan, "hasGst": false } }),
            )
            .await;
        assert_eq!(
            data(&body, "/data/updateTaxDetails"),
            &json!({ "panNumber": null, "hasGst": false, "gstNumber": null })
        );
    }
}

#[tokio::test]
async fn invalid_tax_details_are_bad_user_input_and_change_nothing() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_TAX,
            json!({ "input": { "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z5" } }),
        )
        .await;
    data(&body, "/data/updateTaxDetails");
    let before = identity_state(&db).await;
    for (input, field) in [
        (
            json!({ "panNumber": "AAAP1234C", "hasGst": false }),
            "panNumber",
        ),
        (
            json!({ "panNumber": "AAAPL12345", "hasGst": false }),
            "panNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234CX", "hasGst": false }),
            "panNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true }),
            "gstNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": " " }),
            "gstNumber",
        ),
        // The GSTIN must embed the PAN.
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27ZZZZZ9999Z1Z5" }),
            "gstNumber",
        ),
        // Not the GSTIN layout: state code, entity number, the Z, the length.
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "99AAAPL1234C1Z5" }),
            "gstNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C0Z5" }),
            "gstNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Y5" }),
            "gstNumber",
        ),
        (
            json!({ "panNumber": "AAAPL1234C", "hasGst": true, "gstNumber": "27AAAPL1234C1Z" }),
            "gstNumber",
        ),
        (
            json!({ "hasGst": true, "gstNumber": "not-a-gstin" }),
            "gstNumber",
        ),
    ] {
        let body = server
            .gql(Some(&admin), UPDATE_TAX, json!({ "input": input }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null);
        assert_eq!(identity_state(&db).await, before, "{input}");
    }
}

// ---------------------------------------------------------------------------------------------
// inviteUser
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn inviting_a_user_creates_them_invited_with_their_role_and_apps() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            INVITE,
            json!({ "input": {
                "email": "  Jane.Doe@Example.COM ", "firstName": " Jane ", "lastName": "Doe",
                "title": "Dr.", "phone": "+919876543210", "role": "REVIEWER",
                "appAccess": ["DM_PORTAL", "DASHBOARD", "DM_PORTAL"]
            } }),
        )
        .await;
    let id = data(&body, "/data/inviteUser/id").clone();
    let expected = json!({
        "id": id, "email": "jane.doe@example.com", "title": "Dr.", "firstName": "Jane",
        "lastName": "Doe", "name": "Jane Doe", "phone": "+919876543210", "role": "REVIEWER",
        "appAccess": ["DASHBOARD", "DM_PORTAL"], "status": "INVITED", "deactivatedOn": null
    });
    assert_eq!(data(&body, "/data/inviteUser"), &expected);
    let body = server.gql(Some(&admin), USER, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/user"), &expected);
    let row = query_one(
        &db.owner,
        "SELECT u.password_hash IS NULL AS no_password, t.slug FROM users u
         JOIN tenants t ON t.id = u.tenant_id WHERE u.email = 'jane.doe@example.com'",
        [],
    )
    .await;
    assert!(get::<bool>(&row, "no_password"));
    assert_eq!(get::<String>(&row, "slug"), "acme");

    // No password yet: the invited user cannot sign in.
    let body = server
        .gql(
            None,
            "mutation($input: LoginInput!) { login(input: $input) { token } }",
            json!({ "input": { "email": "jane.doe@example.com", "password": DEMO_PASSWORD } }),
        )
        .await;
    assert_code(&body, "UNAUTHENTICATED");

    // Optional parts may be left out, apps may be empty.
    let body = server
        .gql(
            Some(&admin),
            INVITE,
            json!({ "input": {
                "email": "plain@acme.test", "firstName": "Plain", "lastName": "User",
                "title": "", "role": "ADMIN", "appAccess": []
            } }),
        )
        .await;
    let user = data(&body, "/data/inviteUser");
    assert_eq!(
        (
            &user["title"],
            &user["phone"],
            &user["role"],
            &user["appAccess"],
            &user["status"]
        ),
        (
            &Value::Null,
            &Value::Null,
            &json!("ADMIN"),
            &json!([]),
            &json!("INVITED")
        )
    );
}

#[tokio::test]
async fn inviting_an_email_already_in_this_tenant_is_a_conflict_and_creates_nothing() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let former = invite(&server, &admin, "former@acme.test", "MEMBER").await;
    deactivate(&server, &admin, &former).await;
    let before = identity_state(&db).await;
    for email in [
        "member@acme.test",
        "MEMBER@Acme.Test",
        " member@acme.test ",
        // (Another tenant's address is invited like an unused one: see
        // api_cross_tenant::inviting_an_email_of_tenant_b_is_answered_like_an_unused_one….)
        // A deactivated user keeps their email.
        "former@acme.test",
    ] {
        let body = server
            .gql(
                Some(&admin),
                INVITE,
                json!({ "input": {
                    "email": email, "firstName": "Dup", "lastName": "Licate",
                    "role": "MEMBER", "appAccess": []
                } }),
            )
            .await;
        assert_code(&body, "CONFLICT");
        assert_eq!(body["data"], Value::Null);
        assert_eq!(identity_state(&db).await, before, "{email}");
    }
}

#[tokio::test]
async fn invalid_invitations_are_bad_user_input_naming_the_field() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let valid = json!({
        "email": "valid@acme.test", "firstName": "Valid", "lastName": "Person",
        "title": "Ms.", "phone": "+14155550123", "role": "MEMBER", "appAccess": ["DASHBOARD"]
    });
    let before = identity_state(&db).await;
    for (field, value) in [
        ("email", json!("not-an-email")),
        ("email", json!("jane@example")),
        ("email", json!("ja ne@example.com")),
        ("email", json!(format!("{}@example.com", "a".repeat(244)))),
        ("firstName", json!("  ")),
        ("lastName", json!("x".repeat(256))),
        ("title", json!("Sir")),
        ("title", json!("Dr")),
        ("phone", json!("98765")),
        ("phone", json!("+91 98765 43210")),
        ("phone", json!("+0123456")),
    ] {
        let mut input = valid.clone();
        input[field] = value;
        let body = server
            .gql(Some(&admin), INVITE, json!({ "input": input }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(identity_state(&db).await, before, "{field}: {input}");
    }
    let body = server
        .gql(Some(&admin), INVITE, json!({ "input": valid }))
        .await;
    assert_eq!(data(&body, "/data/inviteUser/email"), "valid@acme.test");
}

#[tokio::test]
async fn a_tenant_admin_cannot_grant_or_touch_the_super_admin_role() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let before = identity_state(&db).await;
    let body = server
        .gql(
            Some(&admin),
            INVITE,
            json!({ "input": {
                "email": "boss@acme.test", "firstName": "Big", "lastName": "Boss",
                "role": "SUPER_ADMIN", "appAccess": []
            } }),
        )
        .await;
    assert_code(&body, "FORBIDDEN");
    assert_eq!(identity_state(&db).await, before);
    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": member_id, "role": "SUPER_ADMIN" }),
        )
        .await;
    assert_code(&body, "FORBIDDEN");
    assert_eq!(identity_state(&db).await, before);

    // Not even a platform operator grants it outside the platform tenant
    // (access_hardening::the_super_admin_role_is_granted_in_the_platform_tenant_only). A
    // super_admin already in the tenant (put there by SQL) is still out of the admin's reach.
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let authorization = bearer(&operator);
    let body = server
        .gql_with(
            &[
                ("authorization", authorization.as_str()),
                ("x-act-for-tenant", acme.as_str()),
            ],
            CHANGE_ROLE,
            json!({ "id": member_id, "role": "SUPER_ADMIN" }),
        )
        .await;
    assert_code(&body, "FORBIDDEN");
    leadmetrics_tests::exec(
        &db.owner,
        "UPDATE users SET role = 'super_admin' WHERE email = 'member@acme.test'",
    )
    .await;
    let before = identity_state(&db).await;
    for (query, variables) in [
        (CHANGE_ROLE, json!({ "id": member_id, "role": "MEMBER" })),
        (DEACTIVATE, json!({ "id": member_id })),
    ] {
        let body = server.gql(Some(&admin), query, variables).await;
        assert_code(&body, "FORBIDDEN");
        assert_eq!(identity_state(&db).await, before);
    }
}

// ---------------------------------------------------------------------------------------------
// changeUserRole
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn changing_a_users_role_takes_effect_at_once() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;

    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": member_id, "role": "REVIEWER" }),
        )
        .await;
    let updated_on = data(&body, "/data/changeUserRole/updatedOn").clone();
    assert!(updated_on.is_string(), "{body}");
    assert_eq!(
        data(&body, "/data/changeUserRole"),
        &json!({ "id": member_id, "role": "REVIEWER", "status": "ACTIVE", "updatedOn": updated_on })
    );
    // The same role again changes nothing.
    let before = identity_state(&db).await;
    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": member_id, "role": "REVIEWER" }),
        )
        .await;
    assert_eq!(data(&body, "/data/changeUserRole/updatedOn"), &updated_on);
    assert_eq!(identity_state(&db).await, before);

    // Roles are read on every request: the promoted user's existing token manages at once…
    let body = server.gql(Some(&member), API_KEYS, json!({})).await;
    assert_code(&body, "FORBIDDEN");
    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": member_id, "role": "ADMIN" }),
        )
        .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "ADMIN");
    let body = server.gql(Some(&member), API_KEYS, json!({})).await;
    data(&body, "/data/apiKeys");

    // …and, with another active admin now, the first admin may step down, losing access.
    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": admin_id, "role": "MEMBER" }),
        )
        .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "MEMBER");
    let body = server.gql(Some(&admin), API_KEYS, json!({})).await;
    assert_code(&body, "FORBIDDEN");
}

#[tokio::test]
async fn demoting_the_last_active_admin_is_a_conflict() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    // An invited admin is not an active one.
    invite(&server, &admin, "second-admin@acme.test", "ADMIN").await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let operator_authorization = bearer(&operator);
    let admin_authorization = bearer(&admin);
    let before = identity_state(&db).await;
    for headers in [
        vec![("authorization", admin_authorization.as_str())],
        vec![
            ("authorization", operator_authorization.as_str()),
            ("x-act-for-tenant", acme.as_str()),
        ],
    ] {
        for role in ["MEMBER", "REVIEWER"] {
            let body = server
                .gql_with(
                    &headers,
                    CHANGE_ROLE,
                    json!({ "id": admin_id, "role": role }),
                )
                .await;
            assert_code(&body, "CONFLICT");
            assert_eq!(body["data"], Value::Null);
            assert_eq!(identity_state(&db).await, before);
        }
    }
    let body = server.gql(Some(&admin), ME, json!({})).await;
    assert_eq!(data(&body, "/data/me/user/role"), "ADMIN");
}

#[tokio::test]
async fn two_admins_removing_each_other_at_once_leave_exactly_one_active_admin() {
    let (db, server) = start().await;
    let first = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let first_id = user_ref_id(&db, "admin@acme.test").await;
    let second_id = user_ref_id(&db, "member@acme.test").await;
    let body = server
        .gql(
            Some(&first),
            CHANGE_ROLE,
            json!({ "id": second_id, "role": "ADMIN" }),
        )
        .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "ADMIN");
    let second = server.login("member@acme.test", DEMO_PASSWORD).await;

    // Each removes the other in the same instant: whichever runs second must be refused
    // (CONFLICT; or FORBIDDEN when its caller was already demoted before it was authenticated).
    let (a, b) = tokio::join!(
        server.gql(
            Some(&first),
            CHANGE_ROLE,
            json!({ "id": second_id, "role": "MEMBER" })
        ),
        server.gql(
            Some(&second),
            CHANGE_ROLE,
            json!({ "id": first_id, "role": "MEMBER" })
        ),
    );
    let codes = [error_code(&a), error_code(&b)];
    assert!(
        matches!(
            codes,
            [None, Some("CONFLICT" | "FORBIDDEN")] | [Some("CONFLICT" | "FORBIDDEN"), None]
        ),
        "exactly one demotion succeeds: {a} {b}"
    );
    let row = query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE t.slug = 'acme' AND u.status = 'active' AND u.role IN ('admin', 'super_admin')",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&row, "n"), 1);

    // The same for deactivation: make both admins again, then each deactivates the other
    // (the loser gets CONFLICT, or UNAUTHENTICATED when already deactivated on arrival).
    let remaining = if codes[0].is_none() { &first } else { &second };
    let demoted_id = if codes[0].is_none() {
        &second_id
    } else {
        &first_id
    };
    let body = server
        .gql(
            Some(remaining),
            CHANGE_ROLE,
            json!({ "id": demoted_id, "role": "ADMIN" }),
        )
        .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "ADMIN");
    let (a, b) = tokio::join!(
        server.gql(Some(&first), DEACTIVATE, json!({ "id": second_id })),
        server.gql(Some(&second), DEACTIVATE, json!({ "id": first_id })),
    );
    let codes = [error_code(&a), error_code(&b)];
    assert!(
        matches!(
            codes,
            [None, Some("CONFLICT" | "UNAUTHENTICATED")]
                | [Some("CONFLICT" | "UNAUTHENTICATED"), None]
        ),
        "exactly one deactivation succeeds: {a} {b}"
    );
    let row = query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE t.slug = 'acme' AND u.status = 'active' AND u.role IN ('admin', 'super_admin')",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&row, "n"), 1);
}

#[tokio::test]
async fn changing_the_role_of_an_unknown_or_foreign_user_is_not_found() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let globex_member = user_ref_id(&db, "member@globex.test").await;
    let before = identity_state(&db).await;
    for id in [UNKNOWN_ID, globex_member.as_str()] {
        let body = server
            .gql(
                Some(&admin),
                CHANGE_ROLE,
                json!({ "id": id, "role": "REVIEWER" }),
            )
            .await;
        assert_code(&body, "NOT_FOUND");
        assert_eq!(identity_state(&db).await, before);
    }
    let body = server
        .gql(
            Some(&admin),
            CHANGE_ROLE,
            json!({ "id": "nope", "role": "REVIEWER" }),
        )
        .await;
    assert_bad_input(&body, "id");
    assert_eq!(identity_state(&db).await, before);
}

// ---------------------------------------------------------------------------------------------
// deactivateUser and reactivateUser
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn deactivating_a_user_hides_them_and_stops_their_sign_in() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let member_id = user_ref_id(&db, "member@acme.test").await;

    let body = server
        .gql(Some(&admin), DEACTIVATE, json!({ "id": member_id }))
        .await;
    let deactivated = data(&body, "/data/deactivateUser").clone();
    assert_eq!(deactivated["status"], "DEACTIVATED");
    assert!(deactivated["deactivatedOn"].is_string(), "{body}");
    assert_eq!(deactivated["updatedOn"], deactivated["deactivatedOn"]);

    let body = server.gql(Some(&admin), USERS, json!({})).await;
    assert!(
        !emails(&body).contains(&"member@acme.test".to_owned()),
        "{body}"
    );

    // Their token stops working and they cannot sign in again.
    let (status, body) = server
        .post(
            json!({ "query": ME }),
            &[("authorization", bearer(&member).as_str())],
        )
        .await;
    assert_eq!(status, 401, "{body}");
    assert_code(&body, "UNAUTHENTICATED");
    let body = server
        .gql(
            None,
            "mutation($input: LoginInput!) { login(input: $input) { token } }",
            json!({ "input": { "email": "member@acme.test", "password": DEMO_PASSWORD } }),
        )
        .await;
    assert_code(&body, "UNAUTHENTICATED");

    // Deactivating again returns the user unchanged.
    let before = identity_state(&db).await;
    let body = server
        .gql(Some(&admin), DEACTIVATE, json!({ "id": member_id }))
        .await;
    assert_eq!(data(&body, "/data/deactivateUser"), &deactivated);
    assert_eq!(identity_state(&db).await, before);
}

#[tokio::test]
async fn deactivating_yourself_or_the_last_active_admin_is_a_conflict() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    let before = identity_state(&db).await;

    let body = server
        .gql(Some(&admin), DEACTIVATE, json!({ "id": admin_id }))
        .await;
    assert_code(&body, "CONFLICT");
    assert_eq!(identity_state(&db).await, before);

    // A platform operator acting for acme cannot remove its only active admin either.
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let authorization = bearer(&operator);
    let body = server
        .gql_with(
            &[
                ("authorization", authorization.as_str()),
                ("x-act-for-tenant", acme.as_str()),
            ],
            DEACTIVATE,
            json!({ "id": admin_id }),
        )
        .await;
    assert_code(&body, "CONFLICT");
    assert_eq!(identity_state(&db).await, before);
    let body = server.gql(Some(&admin), ME, json!({})).await;
    assert_eq!(data(&body, "/data/me/user/status"), "ACTIVE");
}

#[tokio::test]
async fn deactivating_or_reactivating_an_unknown_or_foreign_user_is_not_found() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let globex_member = user_ref_id(&db, "member@globex.test").await;
    let before = identity_state(&db).await;
    for query in [DEACTIVATE, REACTIVATE] {
        for id in [UNKNOWN_ID, globex_member.as_str()] {
            let body = server.gql(Some(&admin), query, json!({ "id": id })).await;
            assert_code(&body, "NOT_FOUND");
            assert_eq!(identity_state(&db).await, before);
        }
        let body = server
            .gql(Some(&admin), query, json!({ "id": "garbage" }))
            .await;
        assert_bad_input(&body, "id");
        assert_eq!(identity_state(&db).await, before);
    }
}

#[tokio::test]
async fn reactivating_restores_active_or_invited_depending_on_the_password() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let invited_id = invite(&server, &admin, "invitee@acme.test", "MEMBER").await;
    deactivate(&server, &admin, &member_id).await;
    deactivate(&server, &admin, &invited_id).await;

    let body = server
        .gql(Some(&admin), REACTIVATE, json!({ "id": member_id }))
        .await;
    let reactivated = data(&body, "/data/reactivateUser").clone();
    assert_eq!(
        (&reactivated["status"], &reactivated["deactivatedOn"]),
        (&json!("ACTIVE"), &Value::Null),
        "{body}"
    );
    let body = server
        .gql(Some(&admin), REACTIVATE, json!({ "id": invited_id }))
        .await;
    assert_eq!(
        (
            data(&body, "/data/reactivateUser/status"),
            data(&body, "/data/reactivateUser/deactivatedOn")
        ),
        (&json!("INVITED"), &Value::Null)
    );

    // Back in the list, and the member can sign in again.
    let body = server.gql(Some(&admin), USERS, json!({})).await;
    assert_eq!(emails(&body), emails_in_id_order(&db, "acme").await);
    assert_eq!(emails(&body).len(), 4);
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let body = server.gql(Some(&member), ME, json!({})).await;
    assert_eq!(data(&body, "/data/me/user/status"), "ACTIVE");

    // Reactivating a user who is not deactivated returns them unchanged.
    let before = identity_state(&db).await;
    let body = server
        .gql(Some(&admin), REACTIVATE, json!({ "id": member_id }))
        .await;
    assert_eq!(data(&body, "/data/reactivateUser"), &reactivated);
    assert_eq!(identity_state(&db).await, before);
}

// ---------------------------------------------------------------------------------------------
// createApiKey and revokeApiKey
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn creating_an_api_key_shows_the_key_once_and_write_implies_read() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            CREATE_KEY,
            json!({ "input": { "name": "  CRM sync ", "scopes": ["WRITE"] } }),
        )
        .await;
    let created = data(&body, "/data/createApiKey").clone();
    let key = created["key"].as_str().unwrap_or_default().to_owned();
    let id = created["apiKey"]["id"].clone();
    assert!(key.starts_with("lmk_"), "{key}");
    assert_eq!(key.len(), 56, "lmk_ + 8 + _ + 43: {key}");
    assert_eq!(
        created["apiKey"],
        json!({
            "id": id, "name": "CRM sync", "prefix": key[4..12], "scopes": ["READ", "WRITE"],
            "lastUsedOn": null, "expiresOn": null, "revokedOn": null, "isActive": true
        })
    );
    // Only a hash of the key is stored.
    let row = query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM api_keys WHERE key_hash = $1 OR key_prefix = $1",
        [key.clone().into()],
    )
    .await;
    assert_eq!(get::<i32>(&row, "n"), 0);

    // The key works, and using it is recorded.
    let body = server
        .gql_with(
            &[("x-api-key", key.as_str())],
            "{ me { apiKey { id scopes } } users { nodes { email } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data(&body, "/data/me/apiKey"),
        &json!({ "id": id, "scopes": ["READ", "WRITE"] })
    );
    let body = server
        .gql(
            Some(&admin),
            "{ apiKeys { nodes { id lastUsedOn isActive } } }",
            json!({}),
        )
        .await;
    let nodes = data(&body, "/data/apiKeys/nodes");
    assert_eq!(nodes[0]["id"], id);
    assert!(nodes[0]["lastUsedOn"].is_string(), "{body}");

    // Scopes are deduplicated; a future expiry is kept.
    let body = server
        .gql(
            Some(&admin),
            CREATE_KEY,
            json!({ "input": { "name": "reporting", "scopes": ["READ", "READ"], "expiresOn": "2999-01-01T00:00:00Z" } }),
        )
        .await;
    let api_key = data(&body, "/data/createApiKey/apiKey");
    assert_eq!(api_key["scopes"], json!(["READ"]));
    assert_eq!(api_key["isActive"], json!(true));
    assert!(
        api_key["expiresOn"]
            .as_str()
            .is_some_and(|at| at.starts_with("2999-01-01T00:00:00")),
        "{body}"
    );
}

#[tokio::test]
async fn invalid_api_key_requests_are_bad_user_input_and_create_nothing() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let before = identity_state(&db).await;
    for (input, field) in [
        (json!({ "name": "no scopes", "scopes": [] }), "scopes"),
        (
            json!({ "name": "expired", "scopes": ["READ"], "expiresOn": "2000-01-01T00:00:00Z" }),
            "expiresOn",
        ),
        (json!({ "name": "   ", "scopes": ["READ"] }), "name"),
        (json!({ "name": "", "scopes": ["READ"] }), "name"),
        (
            json!({ "name": "k".repeat(256), "scopes": ["READ"] }),
            "name",
        ),
    ] {
        let body = server
            .gql(Some(&admin), CREATE_KEY, json!({ "input": input }))
            .await;
        assert_bad_input(&body, field);
        assert_eq!(body["data"], Value::Null);
        assert_eq!(identity_state(&db).await, before, "{input}");
    }
}

#[tokio::test]
async fn revoking_an_api_key_stops_it_at_once_and_hides_it() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    next_millisecond().await;
    let (_, other_id) = server.create_api_key(&admin, &["READ"]).await;

    let body = server
        .gql(Some(&admin), REVOKE_KEY, json!({ "id": id }))
        .await;
    let revoked = data(&body, "/data/revokeApiKey").clone();
    assert!(revoked["revokedOn"].is_string(), "{body}");
    assert_eq!(
        revoked,
        json!({ "id": id, "revokedOn": revoked["revokedOn"], "isActive": false })
    );

    let (status, body) = server
        .post(json!({ "query": ME }), &[("x-api-key", key.as_str())])
        .await;
    assert_eq!(status, 401, "{body}");
    assert_code(&body, "UNAUTHENTICATED");

    let body = server.gql(Some(&admin), API_KEYS, json!({})).await;
    assert_eq!(
        data(&body, "/data/apiKeys/nodes"),
        &json!([{ "id": other_id, "name": "test key", "isActive": true }])
    );
    let body = server
        .gql(Some(&admin), API_KEYS, json!({ "includeRevoked": true }))
        .await;
    assert_eq!(
        data(&body, "/data/apiKeys/nodes"),
        &json!([
            { "id": id, "name": "test key", "isActive": false },
            { "id": other_id, "name": "test key", "isActive": true }
        ])
    );

    // Revoking again returns the key unchanged.
    let before = identity_state(&db).await;
    let body = server
        .gql(Some(&admin), REVOKE_KEY, json!({ "id": id }))
        .await;
    assert_eq!(data(&body, "/data/revokeApiKey"), &revoked);
    assert_eq!(identity_state(&db).await, before);

    let body = server
        .gql(Some(&admin), REVOKE_KEY, json!({ "id": UNKNOWN_ID }))
        .await;
    assert_code(&body, "NOT_FOUND");
    assert_eq!(identity_state(&db).await, before);
    let body = server
        .gql(Some(&admin), REVOKE_KEY, json!({ "id": "lmk_nope" }))
        .await;
    assert_bad_input(&body, "id");
    assert_eq!(identity_state(&db).await, before);
}

#[tokio::test]
async fn another_tenants_api_key_cannot_be_revoked() {
    let (db, server) = start().await;
    let acme_admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&acme_admin, &["READ"]).await;
    // Globex accepts its contract so its admin can reach the mutation.
    let globex_admin = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let body = server
        .gql(Some(&globex_admin), ACCEPT_CONTRACT, json!({}))
        .await;
    data(&body, "/data/acceptContract");
    let before = identity_state(&db).await;
    let body = server
        .gql(Some(&globex_admin), REVOKE_KEY, json!({ "id": id }))
        .await;
    assert_code(&body, "NOT_FOUND");
    assert_eq!(identity_state(&db).await, before);
    let body = server
        .gql_with(
            &[("x-api-key", key.as_str())],
            "{ tenant { slug } }",
            json!({}),
        )
        .await;
    assert_eq!(body, json!({ "data": { "tenant": { "slug": "acme" } } }));
}

#[tokio::test]
async fn an_expired_api_key_is_listed_as_inactive_and_no_longer_authenticates() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            CREATE_KEY,
            json!({ "input": { "name": "short-lived", "scopes": ["READ"], "expiresOn": "2999-01-01T00:00:00Z" } }),
        )
        .await;
    let key = data(&body, "/data/createApiKey/key")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let id = data(&body, "/data/createApiKey/apiKey/id").clone();
    let body = server
        .gql_with(
            &[("x-api-key", key.as_str())],
            "{ tenant { slug } }",
            json!({}),
        )
        .await;
    assert_eq!(body, json!({ "data": { "tenant": { "slug": "acme" } } }));

    // Time passes: the expiry is now behind us.
    let expired = exec_with(
        &db.owner,
        "UPDATE api_keys SET expires_on = created_on + interval '1 microsecond' WHERE ref_id = $1",
        [id.as_str().unwrap_or_default().into()],
    )
    .await;
    assert_eq!(expired.ok(), Some(1));

    let (status, body) = server
        .post(
            json!({ "query": "{ tenant { slug } }" }),
            &[("x-api-key", key.as_str())],
        )
        .await;
    assert_eq!(status, 401, "{body}");
    assert_code(&body, "UNAUTHENTICATED");
    // Expired is not revoked: still listed, as inactive.
    let body = server.gql(Some(&admin), API_KEYS, json!({})).await;
    assert_eq!(
        data(&body, "/data/apiKeys/nodes"),
        &json!([{ "id": id, "name": "short-lived", "isActive": false }])
    );
}

// ---------------------------------------------------------------------------------------------
// Input PostgreSQL cannot store
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_nul_character_in_a_text_input_is_bad_user_input_naming_the_field() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let before = identity_state(&db).await;
    for (query, variables, field) in [
        (
            UPDATE_PROFILE,
            json!({ "input": { "industry": "Re\u{0}tail" } }),
            "industry",
        ),
        (
            UPDATE_PROFILE,
            json!({ "input": { "name": "Acme\u{0}" } }),
            "name",
        ),
        (
            UPDATE_BILLING,
            json!({ "input": {
                "name": "Acme Corp", "address": "1 Main St", "city": "Ko\u{0}chi",
                "postalCode": "682001", "country": "India"
            } }),
            "city",
        ),
        (
            INVITE,
            json!({ "input": {
                "email": "nul@acme.test", "firstName": "N\u{0}ul", "lastName": "Person",
                "role": "MEMBER", "appAccess": []
            } }),
            "firstName",
        ),
        (
            CREATE_KEY,
            json!({ "input": { "name": "key\u{0}", "scopes": ["READ"] } }),
            "name",
        ),
    ] {
        let body = server.gql(Some(&admin), query, variables).await;
        assert_bad_input(&body, field);
        assert_eq!(identity_state(&db).await, before, "{field}");
    }
    // Signing in fails the one documented way, whatever the input.
    let body = server
        .gql(
            None,
            "mutation($input: LoginInput!) { login(input: $input) { token } }",
            json!({ "input": { "email": "admin\u{0}@acme.test", "password": DEMO_PASSWORD } }),
        )
        .await;
    assert_code(&body, "UNAUTHENTICATED");
}

// ---------------------------------------------------------------------------------------------
// Suspended tenant
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_suspended_tenant_can_read_but_every_mutation_is_refused() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let targets = acme_targets(&db, &server, &admin).await;
    set_tenant_status(&db, "acme", "suspended").await;

    let mutations = admin_mutations(&targets);
    for token in [&admin, &member] {
        let authorization = bearer(token);
        assert_every_mutation_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            &mutations,
            "TENANT_SUSPENDED",
        )
        .await;
    }

    // Reads still work, for tokens issued before and after the suspension.
    let fresh = server.login("admin@acme.test", DEMO_PASSWORD).await;
    for token in [&admin, &fresh] {
        let body = server
            .gql(
                Some(token),
                "query($id: ID!) { me { tenant { status } } tenant { slug status } contract { status }
                   users { nodes { email } } user(id: $id) { email } apiKeys { nodes { id } } }",
                json!({ "id": targets.member }),
            )
            .await;
        assert_eq!(
            data(&body, "/data/me"),
            &json!({ "tenant": { "status": "SUSPENDED" } })
        );
        assert_eq!(
            data(&body, "/data/tenant"),
            &json!({ "slug": "acme", "status": "SUSPENDED" })
        );
        assert_eq!(data(&body, "/data/contract/status"), "ACCEPTED");
        assert_eq!(emails(&body), emails_in_id_order(&db, "acme").await);
        assert_eq!(data(&body, "/data/user/email"), "member@acme.test");
        assert_eq!(
            data(&body, "/data/apiKeys/nodes"),
            &json!([{ "id": targets.api_key }])
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Federation
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn entities_resolve_the_callers_own_records_and_null_for_anything_else() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let globex = tenant_ref_id(&db, "globex").await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let globex_admin = user_ref_id(&db, "admin@globex.test").await;
    let (_, key_id) = server.create_api_key(&admin, &["READ"]).await;
    // Deactivated users still resolve, so references from other records do.
    deactivate(&server, &admin, &reviewer_id).await;

    let body = server
        .gql(
            Some(&admin),
            ENTITIES,
            json!({ "r": [
                { "__typename": "Tenant", "id": acme },
                { "__typename": "User", "id": admin_id },
                { "__typename": "User", "id": reviewer_id },
                { "__typename": "ApiKey", "id": key_id },
                { "__typename": "Tenant", "id": globex },
                { "__typename": "User", "id": globex_admin },
                { "__typename": "User", "id": UNKNOWN_ID },
                { "__typename": "User", "id": "not-an-id" },
                { "__typename": "ApiKey", "id": UNKNOWN_ID },
                { "__typename": "ApiKey", "id": "not-an-id" }
            ] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [
            { "id": acme, "slug": "acme" },
            { "id": admin_id, "email": "admin@acme.test" },
            { "id": reviewer_id, "email": "reviewer@acme.test" },
            { "id": key_id, "name": "test key" },
            null, null, null, null, null, null
        ] } })
    );

    // API keys are for admins only, as in `apiKeys`.
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&member),
            ENTITIES,
            json!({ "r": [{ "__typename": "User", "id": admin_id }] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [{ "id": admin_id, "email": "admin@acme.test" }] } })
    );
    let body = server
        .gql(
            Some(&member),
            ENTITIES,
            json!({ "r": [{ "__typename": "ApiKey", "id": key_id }] }),
        )
        .await;
    assert_code(&body, "FORBIDDEN");
}
