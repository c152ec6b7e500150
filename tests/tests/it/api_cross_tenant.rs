//! Cross-tenant isolation through the API, end to end: tenant A (acme) armed with every id of
//! tenant B (globex) — public ids, internal UUIDs, cursors, forged tokens, `X-Act-For-Tenant` —
//! sees nothing of B and changes nothing of B, through every query, mutation and `_entities`
//! look-up, as an admin and as a read-write API key. A platform operator (super admin) acting
//! for B is audited on every request and still cannot reach A's records. Row-level security is
//! checked as the second wall behind the resolvers.

use leadmetrics_tests::api::{
    Headers, api_key_headers, bearer_headers, call, call_named, data, fresh_id, ok, text_field,
};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, seed_demo, tenant_ref_id};
use leadmetrics_tests::tenant_transaction;
use leadmetrics_tests::tokens::{forger, sign};
use leadmetrics_tests::world::{World, audit_rows, count, rollback, snapshot, tenant_uuid, world};
use leadmetrics_tests::{TestDatabase, exec_with, get, query_all, query_one, sql_state};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use uuid::Uuid;

const USER: &str = "query($id: ID!) { user(id: $id) { id email status } }";
const USERS: &str = "query($status: UserStatus, $role: UserRole, $all: Boolean!, $after: String, $last: Int) {
    users(first: null, last: $last, status: $status, role: $role, includeDeactivated: $all, after: $after) {
        nodes { id email }
    }
}";
const API_KEYS: &str = "query($revoked: Boolean!) { apiKeys(first: 100, includeRevoked: $revoked) { nodes { id name } } }";
const ENTITIES: &str = "query($representations: [_Any!]!) {
    _entities(representations: $representations) {
        ... on Tenant { id slug }
        ... on User { id email }
        ... on ApiKey { id name }
    }
}";
const CHANGE_ROLE: &str =
    "mutation($id: ID!, $role: UserRole!) { changeUserRole(id: $id, role: $role) { id role } }";
const DEACTIVATE: &str = "mutation($id: ID!) { deactivateUser(id: $id) { id status } }";
const REACTIVATE: &str = "mutation($id: ID!) { reactivateUser(id: $id) { id status } }";
const REVOKE: &str = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedOn } }";
const INVITE: &str =
    "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email } }";

/// One demo tenant, prepared so that every kind of id exists: an active admin and member, a
/// deactivated user (the reviewer), an invited user, an active and a revoked API key, an
/// accepted contract.
struct Tenant {
    slug: String,
    uuid: Uuid,
    ref_id: String,
    admin_token: String,
    /// A READ+WRITE API key of the tenant (the secret).
    rw_key: String,
    /// User public ids by email.
    users: BTreeMap<String, String>,
    active_key: String,
    revoked_key: String,
    contract: String,
}

impl Tenant {
    fn user(&self, role: &str) -> String {
        let email = format!("{role}@{}.test", self.slug);
        match self.users.get(&email) {
            Some(id) => id.clone(),
            None => panic!("{email} is not a user of {}: {:?}", self.slug, self.users),
        }
    }

    fn emails(&self) -> Vec<String> {
        self.users.keys().cloned().collect()
    }

    /// The public ids of every user: admin, member, deactivated, invited.
    fn user_ids(&self) -> Vec<String> {
        ["admin", "member", "reviewer", "invited"]
            .iter()
            .map(|role| self.user(role))
            .collect()
    }

    fn admin(&self) -> Headers {
        bearer_headers(&self.admin_token)
    }

    fn key(&self) -> Headers {
        api_key_headers(&self.rw_key)
    }
}

async fn prepare(db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    let admin_token = server
        .login(&format!("admin@{slug}.test"), DEMO_PASSWORD)
        .await;
    let admin = bearer_headers(&admin_token);
    let contract = call(server, &admin, "{ contract { id status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&call(
            server,
            &admin,
            "mutation { acceptContract { id } }",
            json!({}),
        )
        .await);
    }
    let contract = data(&contract, "/data/contract/id")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    ok(&call(
        server,
        &admin,
        INVITE,
        json!({ "input": {
            "email": format!("invited@{slug}.test"), "firstName": "Ina", "lastName": "Vited",
            "role": "MEMBER", "appAccess": ["DASHBOARD"]
        } }),
    )
    .await);
    let (rw_key, active_key) = server
        .create_api_key(&admin_token, &["READ", "WRITE"])
        .await;
    let (_, revoked_key) = server.create_api_key(&admin_token, &["READ"]).await;
    ok(&call(server, &admin, REVOKE, json!({ "id": revoked_key })).await);

    let listed = call(server, &admin, USERS, json!({ "all": true })).await;
    let users: BTreeMap<String, String> = nodes(&listed, "/data/users/nodes")
        .iter()
        .map(|node| (text_field(node, "email"), text_field(node, "id")))
        .collect();
    let reviewer = users
        .get(&format!("reviewer@{slug}.test"))
        .cloned()
        .unwrap_or_default();
    ok(&call(server, &admin, DEACTIVATE, json!({ "id": reviewer })).await);

    Tenant {
        slug: slug.to_owned(),
        uuid: tenant_uuid(db, slug).await,
        ref_id: tenant_ref_id(db, slug).await,
        admin_token,
        rw_key,
        users,
        active_key,
        revoked_key,
        contract,
    }
}

fn nodes(body: &Value, pointer: &str) -> Vec<Value> {
    match data(body, pointer).as_array() {
        Some(nodes) => nodes.clone(),
        None => panic!("not a list at {pointer}: {body}"),
    }
}

fn field_of(body: &Value, pointer: &str, field: &str) -> Vec<String> {
    nodes(body, pointer)
        .iter()
        .map(|node| text_field(node, field))
        .collect()
}

/// The response with the `path` of every error removed (the same failure at another field).
fn without_paths(body: &Value) -> Value {
    let mut body = body.clone();
    if let Some(errors) = body.get_mut("errors").and_then(Value::as_array_mut) {
        for error in errors {
            if let Some(error) = error.as_object_mut() {
                error.remove("path");
            }
        }
    }
    body
}

#[tokio::test]
async fn tenant_a_reading_with_tenant_b_ids_sees_only_its_own_records() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let b_emails = b.emails();

    for caller in [a.admin(), a.key()] {
        // One user by id: null, no error, for every B user (the deactivated one included).
        for id in b.user_ids() {
            let body = call(&server, &caller, USER, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { "user": null } }), "user({id})");
        }
        // The same call with A's own member resolves, so null is not a blanket answer.
        let own = call(&server, &caller, USER, json!({ "id": a.user("member") })).await;
        assert_eq!(
            data(&own, "/data/user/email"),
            &json!(format!("member@{}.test", a.slug))
        );

        // Lists: only A's users, with every filter, and with B's ids as cursors.
        let visible = field_of(
            &call(&server, &caller, USERS, json!({ "all": false })).await,
            "/data/users/nodes",
            "email",
        );
        let active_a: Vec<String> = a
            .emails()
            .into_iter()
            .filter(|email| !email.starts_with("reviewer@"))
            .collect();
        let mut sorted = visible.clone();
        sorted.sort();
        assert_eq!(sorted, active_a);
        for filters in [
            json!({ "all": false, "status": "ACTIVE" }),
            json!({ "all": false, "status": "INVITED" }),
            json!({ "all": false, "role": "ADMIN" }),
            json!({ "all": false, "role": "MEMBER" }),
            json!({ "all": false, "after": b.user("admin") }),
            json!({ "all": false, "after": "00000000000000000000000000" }),
            json!({ "all": false, "last": 100 }),
        ] {
            let body = call(&server, &caller, USERS, filters.clone()).await;
            for email in field_of(&body, "/data/users/nodes", "email") {
                assert!(
                    email.ends_with(&format!("@{}.test", a.slug)) && !b_emails.contains(&email),
                    "users({filters}) showed {email}"
                );
            }
        }

        // The caller's own tenant, viewer and contract, never B's.
        let body = call(
            &server,
            &caller,
            "{ tenant { id slug } me { tenant { id } } contract { id } }",
            json!({}),
        )
        .await;
        assert_eq!(
            data(&body, "/data"),
            &json!({
                "tenant": { "id": a.ref_id, "slug": "acme" },
                "me": { "tenant": { "id": a.ref_id } },
                "contract": { "id": a.contract },
            })
        );
    }

    // Admin-only reads: deactivated users and revoked keys, still only A's.
    let all = call(&server, &a.admin(), USERS, json!({ "all": true })).await;
    let mut emails = field_of(&all, "/data/users/nodes", "email");
    emails.sort();
    assert_eq!(emails, a.emails());
    for status in ["DEACTIVATED", "INVITED", "ACTIVE"] {
        let body = call(
            &server,
            &a.admin(),
            USERS,
            json!({ "all": true, "status": status }),
        )
        .await;
        let ids = field_of(&body, "/data/users/nodes", "id");
        assert_eq!(
            ids.len(),
            if status == "ACTIVE" { 2 } else { 1 },
            "{status}"
        );
        for id in ids {
            assert!(a.users.values().any(|own| *own == id), "{status}: {id}");
        }
    }
    let keys = call(&server, &a.admin(), API_KEYS, json!({ "revoked": true })).await;
    let mut ids = field_of(&keys, "/data/apiKeys/nodes", "id");
    ids.sort();
    let mut expected = vec![a.active_key.clone(), a.revoked_key.clone()];
    expected.sort();
    assert_eq!(ids, expected);
    let body = call(
        &server,
        &a.admin(),
        "{ me { user { id email } apiKey { id } actingAsOperator } }",
        json!({}),
    )
    .await;
    assert_eq!(
        data(&body, "/data/me"),
        &json!({
            "user": { "id": a.user("admin"), "email": "admin@acme.test" },
            "apiKey": null,
            "actingAsOperator": false,
        })
    );
    let body = call(
        &server,
        &a.key(),
        "{ me { user { id } apiKey { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        data(&body, "/data/me"),
        &json!({ "user": null, "apiKey": { "id": a.active_key } })
    );

    // What an API key may not read at all, it may not read for B either.
    for (query, variables) in [
        (USERS, json!({ "all": true })),
        (API_KEYS, json!({ "revoked": true })),
    ] {
        let body = call(&server, &a.key(), query, variables).await;
        assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    }

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "reading changed B"
    );
}

#[tokio::test]
async fn entity_lookups_of_tenant_b_ids_resolve_to_null_for_tenant_a() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;

    let mut representations = vec![json!({ "__typename": "Tenant", "id": b.ref_id })];
    for id in b.user_ids() {
        representations.push(json!({ "__typename": "User", "id": id }));
    }
    let keys: Vec<Value> = [&b.active_key, &b.revoked_key]
        .iter()
        .map(|id| json!({ "__typename": "ApiKey", "id": id }))
        .collect();

    // As A's admin: every B entity is null, without an error.
    let mut all = representations.clone();
    all.extend(keys.iter().cloned());
    let body = call(
        &server,
        &a.admin(),
        ENTITIES,
        json!({ "representations": all }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": vec![Value::Null; all.len()] } })
    );

    // Mixed lists: A's entity resolves, B's next to it is null.
    for (typename, own, foreign, shown) in [
        (
            "Tenant",
            a.ref_id.clone(),
            b.ref_id.clone(),
            json!({ "slug": "acme" }),
        ),
        (
            "User",
            a.user("reviewer"),
            b.user("reviewer"),
            json!({ "email": "reviewer@acme.test" }),
        ),
        (
            "ApiKey",
            a.revoked_key.clone(),
            b.revoked_key.clone(),
            json!({ "name": "test key" }),
        ),
    ] {
        let body = call(
            &server,
            &a.admin(),
            ENTITIES,
            json!({ "representations": [
                { "__typename": typename, "id": own },
                { "__typename": typename, "id": foreign },
            ] }),
        )
        .await;
        let mut expected = shown;
        expected["id"] = json!(own);
        assert_eq!(
            body,
            json!({ "data": { "_entities": [expected, null] } }),
            "{typename}"
        );
    }

    // As A's read-write key: tenants and users likewise; API keys are admin-only.
    let body = call(
        &server,
        &a.key(),
        ENTITIES,
        json!({ "representations": representations }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": vec![Value::Null; representations.len()] } })
    );
    let body = call(
        &server,
        &a.key(),
        ENTITIES,
        json!({ "representations": [
            { "__typename": "User", "id": a.user("member") },
            { "__typename": "User", "id": b.user("member") },
            { "__typename": "Tenant", "id": b.ref_id },
            { "__typename": "Tenant", "id": a.ref_id },
        ] }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [
            { "id": a.user("member"), "email": "member@acme.test" },
            null,
            null,
            { "id": a.ref_id, "slug": "acme" },
        ] } })
    );
    let body = call(
        &server,
        &a.key(),
        ENTITIES,
        json!({ "representations": keys }),
    )
    .await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(body["data"], Value::Null, "{body}");

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "entity look-ups changed B"
    );
}

#[tokio::test]
async fn tenant_a_mutating_tenant_b_ids_gets_the_unknown_id_error_and_changes_nothing() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;

    let mut attacks: Vec<(&str, Value)> = Vec::new();
    for id in b.user_ids() {
        for role in ["ADMIN", "MEMBER", "SUPER_ADMIN"] {
            attacks.push((CHANGE_ROLE, json!({ "id": id, "role": role })));
        }
        attacks.push((DEACTIVATE, json!({ "id": id })));
        attacks.push((REACTIVATE, json!({ "id": id })));
    }
    for id in [&b.active_key, &b.revoked_key] {
        attacks.push((REVOKE, json!({ "id": id })));
    }

    for (caller, expected_code) in [(a.admin(), "NOT_FOUND"), (a.key(), "FORBIDDEN")] {
        for (mutation, variables) in &attacks {
            let body = call(&server, &caller, mutation, variables.clone()).await;
            assert_eq!(
                error_code(&body),
                Some(expected_code),
                "{mutation} {variables}: {body}"
            );
            assert_eq!(body["data"], Value::Null, "{body}");
            // Exactly what an id that exists nowhere gets: B's ids are not even confirmed.
            let mut unknown = variables.clone();
            unknown["id"] = json!(fresh_id());
            let reference = call(&server, &caller, mutation, unknown).await;
            assert_eq!(
                without_paths(&body),
                without_paths(&reference),
                "{mutation} {variables}"
            );
        }
    }

    // A's own writes (which carry no id) touch only A.
    let renamed = call(
        &server,
        &a.admin(),
        "mutation { updateTenantProfile(input: { name: \"Acme Renamed\" }) { id name } }",
        json!({}),
    )
    .await;
    assert_eq!(
        data(&renamed, "/data/updateTenantProfile"),
        &json!({ "id": a.ref_id, "name": "Acme Renamed" })
    );

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "mutations changed B"
    );
}

#[tokio::test]
async fn internal_uuids_of_tenant_b_are_rejected_as_ids_and_never_resolve() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let uuids: Vec<String> = query_all(
        &db.owner,
        "SELECT id::text AS id FROM users WHERE tenant_id = $1::uuid
         UNION ALL SELECT id::text FROM api_keys WHERE tenant_id = $1::uuid
         UNION ALL SELECT $1",
        [b.uuid.to_string().into()],
    )
    .await
    .iter()
    .map(|row| get::<String>(row, "id"))
    .collect();
    assert_eq!(uuids.len(), 4 + 2 + 1);

    for uuid in &uuids {
        for form in [uuid.clone(), uuid.replace('-', ""), uuid.to_uppercase()] {
            let body = call(&server, &a.admin(), USER, json!({ "id": form })).await;
            assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
            assert_eq!(body["data"], Value::Null, "{body}");
            for (mutation, variables) in [
                (CHANGE_ROLE, json!({ "id": form, "role": "ADMIN" })),
                (DEACTIVATE, json!({ "id": form })),
                (REACTIVATE, json!({ "id": form })),
                (REVOKE, json!({ "id": form })),
            ] {
                let body = call(&server, &a.admin(), mutation, variables).await;
                assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
                assert_eq!(body["data"], Value::Null, "{body}");
            }
            let body = call(
                &server,
                &a.admin(),
                ENTITIES,
                json!({ "representations": [
                    { "__typename": "Tenant", "id": form },
                    { "__typename": "User", "id": form },
                    { "__typename": "ApiKey", "id": form },
                ] }),
            )
            .await;
            assert_eq!(
                body,
                json!({ "data": { "_entities": [null, null, null] } }),
                "{form}"
            );
        }
    }
    // A random UUID is refused the same way: the UUID of a real B row is not recognised.
    let random = Uuid::new_v4().to_string();
    let foreign = call(&server, &a.admin(), USER, json!({ "id": uuids[0] })).await;
    let unknown = call(&server, &a.admin(), USER, json!({ "id": random })).await;
    assert_eq!(foreign, unknown);

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "UUID ids changed B"
    );
}

/// `inviteUser` must not tell an admin whether an address has an account in another tenant: an
/// address of tenant B is invited into A exactly as an unused one is (an invitation is a row of
/// A only), B is not touched, and B's users still sign in. Only A's own users are a conflict.
#[tokio::test]
async fn inviting_an_email_of_tenant_b_is_answered_like_an_unused_one_and_changes_nothing_in_b() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let invite = |email: &str| {
        json!({ "input": {
            "email": email, "firstName": "Eve", "lastName": "Dropper",
            "role": "MEMBER", "appAccess": ["DASHBOARD"]
        } })
    };
    // The shape of an answer without its id, and the email lowercased and trimmed.
    let shape = |body: &Value| {
        let mut body = body.clone();
        if let Some(user) = body.pointer_mut("/data/inviteUser") {
            user["id"] = json!("<id>");
            user["email"] = json!("<email>");
        }
        body
    };

    // A's own taken address: a conflict (A's admin sees A's users anyway).
    let own = call(&server, &a.admin(), INVITE, invite("member@acme.test")).await;
    assert_eq!(error_code(&own), Some("CONFLICT"), "{own}");
    let unused = call(&server, &a.admin(), INVITE, invite("nobody@example.test")).await;
    ok(&unused);
    // (Each address once: a second invitation of one address is A's own conflict.)
    for email in [
        "admin@globex.test",
        "MEMBER@Globex.Test",
        "reviewer@globex.test",
        "invited@globex.test",
        " super-admin@leadmetrics.test ",
    ] {
        let body = call(&server, &a.admin(), INVITE, invite(email)).await;
        assert_eq!(
            shape(&body),
            shape(&unused),
            "inviting {email} is told apart from an unused address"
        );
        // Withdrawing the invitation tells nothing either.
        let id = body["data"]["inviteUser"]["id"].clone();
        let withdrawn = call(&server, &a.admin(), DEACTIVATE, json!({ "id": id })).await;
        assert_eq!(
            withdrawn["data"]["deactivateUser"]["status"],
            json!("DEACTIVATED"),
            "withdrawing the invitation of {email}: {withdrawn}"
        );
    }
    // API keys cannot invite, so cannot probe either.
    let body = call(&server, &a.key(), INVITE, invite("member@globex.test")).await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "invitations changed B"
    );
    // B's people still sign in as themselves (login skips invitations in other tenants).
    let token = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let me = server
        .gql(Some(&token), "{ me { tenant { slug } } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["tenant"]["slug"], json!("globex"), "{me}");

    // An address in use nowhere is invited into A, not B.
    let body = call(&server, &a.admin(), INVITE, invite("fresh@example.test")).await;
    ok(&body);
    let tenant = get::<Uuid>(
        &query_one(
            &db.owner,
            "SELECT tenant_id FROM users WHERE email = 'fresh@example.test'",
            [],
        )
        .await,
        "tenant_id",
    );
    assert_eq!(tenant, a.uuid);
}

#[tokio::test]
async fn a_bearer_token_claiming_tenant_b_for_a_user_of_tenant_a_is_unauthenticated() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let codec = forger(&server);

    // The forger signs tokens the server accepts: A's admin in A is honoured.
    let genuine = sign(&codec, &a.user("admin"), &a.ref_id, "admin");
    let body = call(
        &server,
        &bearer_headers(&genuine),
        "{ me { user { email } } }",
        json!({}),
    )
    .await;
    assert_eq!(data(&body, "/data/me/user/email"), "admin@acme.test");

    let garbage = call(
        &server,
        &bearer_headers("not-a-token"),
        "{ me { tenant { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&garbage), Some("UNAUTHENTICATED"), "{garbage}");
    for (user, tenant, role) in [
        (a.user("admin"), b.ref_id.clone(), "admin"),
        (a.user("admin"), b.ref_id.clone(), "super_admin"),
        (a.user("member"), b.ref_id.clone(), "admin"),
        (b.user("admin"), a.ref_id.clone(), "admin"),
    ] {
        let token = sign(&codec, &user, &tenant, role);
        for query in ["{ me { tenant { id } } }", "{ users { nodes { email } } }"] {
            let (status, body) =
                call_named(&server, &bearer_headers(&token), query, None, json!({})).await;
            assert_eq!(status, 401, "{body}");
            // Indistinguishable from a token that is not a token at all.
            assert_eq!(body, garbage, "sub {user}, tenant {tenant}, role {role}");
        }
    }
    assert_eq!(snapshot(&db, b.uuid, &[]).await, before);
}

#[tokio::test]
async fn only_a_super_admin_may_act_for_another_tenant_and_refusals_leave_no_audit_row() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let codec = forger(&server);
    // A token whose role claim says super_admin: roles come from the database, not the token.
    let claimed = sign(&codec, &a.user("admin"), &a.ref_id, "super_admin");
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;

    for credentials in [
        a.admin(),
        a.key(),
        bearer_headers(&claimed),
        bearer_headers(&member),
    ] {
        for target in [&b.ref_id, &a.ref_id] {
            let mut headers = credentials.clone();
            headers.push(("x-act-for-tenant", target.clone()));
            headers.push(("x-request-id", "refused-act-for".to_owned()));
            for (query, name) in [
                ("query Peek { users { nodes { email } } }", "Peek"),
                (
                    "mutation Poke($id: ID!) { deactivateUser(id: $id) { id } }",
                    "Poke",
                ),
            ] {
                let (status, body) = call_named(
                    &server,
                    &headers,
                    query,
                    Some(name),
                    json!({ "id": b.user("member") }),
                )
                .await;
                assert_eq!(status, 403, "{body}");
                assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
                assert!(body.get("data").is_none_or(Value::is_null), "{body}");
            }
        }
    }
    assert_eq!(audit_rows(&db).await, 0, "a refused request was audited");
    assert_eq!(snapshot(&db, b.uuid, &[]).await, before);
}

#[tokio::test]
async fn a_super_admin_acting_for_tenant_b_is_audited_on_every_request() {
    let World { db, server, b, .. } = world(prepare).await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let platform = tenant_uuid(&db, "leadmetrics").await;
    let operator = get::<Uuid>(
        &query_one(
            &db.owner,
            "SELECT id FROM users WHERE email = 'super-admin@leadmetrics.test'",
            [],
        )
        .await,
        "id",
    );
    let acting = |request_id: &str| {
        let mut headers = bearer_headers(&token);
        headers.push(("x-act-for-tenant", b.ref_id.clone()));
        headers.push(("x-request-id", request_id.to_owned()));
        headers
    };
    assert_eq!(audit_rows(&db).await, 0);

    // Reads B's users, all of them.
    let (_, body) = call_named(
        &server,
        &acting("audit-1"),
        "query OperatorListsUsers { users(includeDeactivated: true) { nodes { email } } }",
        Some("OperatorListsUsers"),
        json!({}),
    )
    .await;
    let mut emails = field_of(&body, "/data/users/nodes", "email");
    emails.sort();
    assert_eq!(emails, b.emails());
    assert_eq!(audit_rows(&db).await, 1);

    // Reads one of B's users by id, the deactivated one included.
    let (_, body) = call_named(
        &server,
        &acting("audit-2"),
        "query OperatorReadsUser($id: ID!) { user(id: $id) { email status } }",
        Some("OperatorReadsUser"),
        json!({ "id": b.user("reviewer") }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/user"),
        &json!({ "email": "reviewer@globex.test", "status": "DEACTIVATED" })
    );
    assert_eq!(audit_rows(&db).await, 2);

    // Knows it acts as an operator.
    let (_, body) = call_named(
        &server,
        &acting("audit-3"),
        "query OperatorWhoAmI { me { user { email } tenant { id } actingAsOperator } }",
        Some("OperatorWhoAmI"),
        json!({}),
    )
    .await;
    assert_eq!(
        data(&body, "/data/me"),
        &json!({
            "user": { "email": "super-admin@leadmetrics.test" },
            "tenant": { "id": b.ref_id },
            "actingAsOperator": true,
        })
    );
    assert_eq!(audit_rows(&db).await, 3);

    // Changes B's data.
    let (_, body) = call_named(
        &server,
        &acting("audit-4"),
        "mutation OperatorChangesRole($id: ID!) { changeUserRole(id: $id, role: REVIEWER) { role } }",
        Some("OperatorChangesRole"),
        json!({ "id": b.user("member") }),
    )
    .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "REVIEWER");
    assert_eq!(audit_rows(&db).await, 4);

    // A refused operation is recorded as well: the record is written before the request runs.
    let (_, body) = call_named(
        &server,
        &acting("audit-5"),
        "mutation OperatorAcceptsContract { acceptContract { id } }",
        Some("OperatorAcceptsContract"),
        json!({}),
    )
    .await;
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(audit_rows(&db).await, 5);

    // An anonymous operation is recorded without a name.
    let (_, body) = call_named(
        &server,
        &acting("audit-6"),
        "{ tenant { slug } }",
        None,
        json!({}),
    )
    .await;
    assert_eq!(data(&body, "/data/tenant/slug"), "globex");
    assert_eq!(audit_rows(&db).await, 6);

    // In a document of several operations, the one the client picked is recorded.
    let (_, body) = call_named(
        &server,
        &acting("audit-7"),
        "query Decoy { tenant { slug } }
         mutation OperatorPicksMutation($id: ID!) { deactivateUser(id: $id) { status } }",
        Some("OperatorPicksMutation"),
        json!({ "id": b.user("invited") }),
    )
    .await;
    assert_eq!(data(&body, "/data/deactivateUser/status"), "DEACTIVATED");
    assert_eq!(audit_rows(&db).await, 7);

    let rows: Vec<Value> = query_all(
        &db.owner,
        "SELECT (to_jsonb(t) - 'id' - 'ref_id' - 'created_on' - 'document_hash')::text AS row
         FROM operator_audit_log t ORDER BY request_id",
        [],
    )
    .await
    .iter()
    .map(|row| {
        serde_json::from_str(&get::<String>(row, "row"))
            .unwrap_or_else(|error| panic!("audit row is not JSON: {error}"))
    })
    .collect();
    let expected: Vec<Value> = [
        ("query", Some("OperatorListsUsers")),
        ("query", Some("OperatorReadsUser")),
        ("query", Some("OperatorWhoAmI")),
        ("mutation", Some("OperatorChangesRole")),
        ("mutation", Some("OperatorAcceptsContract")),
        ("query", None),
        ("mutation", Some("OperatorPicksMutation")),
    ]
    .iter()
    .enumerate()
    .map(|(index, (operation_type, operation_name))| {
        json!({
            "tenant_id": b.uuid,
            "operator_user_id": operator,
            "operator_tenant_id": platform,
            "operation_type": operation_type,
            "operation_name": operation_name,
            "request_id": format!("audit-{}", index + 1),
            "subgraph": "tenant",
            "created_by": operator,
        })
    })
    .collect();
    assert_eq!(rows, expected);
    // Nothing was recorded in A or in the operator's own tenant.
    assert_eq!(
        count(
            &db.owner,
            "SELECT count(*) AS n FROM operator_audit_log WHERE tenant_id <> $1::uuid",
            vec![b.uuid.to_string().into()],
        )
        .await,
        0
    );
    // The super admin without the header works in its own tenant: nothing audited, nothing of B.
    let body = call(
        &server,
        &bearer_headers(&token),
        USER,
        json!({ "id": b.user("admin") }),
    )
    .await;
    assert_eq!(body, json!({ "data": { "user": null } }));
    assert_eq!(audit_rows(&db).await, 7);
}

#[tokio::test]
async fn a_super_admin_acting_for_tenant_b_cannot_reach_tenant_a_records() {
    let World { db, server, a, b } = world(prepare).await;
    let a_before = snapshot(&db, a.uuid, &[]).await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let mut acting = bearer_headers(&token);
    acting.push(("x-act-for-tenant", b.ref_id.clone()));

    for id in a.user_ids() {
        let body = call(&server, &acting, USER, json!({ "id": id })).await;
        assert_eq!(body, json!({ "data": { "user": null } }), "user({id})");
    }
    let body = call(&server, &acting, USERS, json!({ "all": true })).await;
    let mut emails = field_of(&body, "/data/users/nodes", "email");
    emails.sort();
    assert_eq!(emails, b.emails());
    let body = call(&server, &acting, API_KEYS, json!({ "revoked": true })).await;
    let mut keys = field_of(&body, "/data/apiKeys/nodes", "id");
    keys.sort();
    let mut expected = vec![b.active_key.clone(), b.revoked_key.clone()];
    expected.sort();
    assert_eq!(keys, expected);

    let body = call(
        &server,
        &acting,
        ENTITIES,
        json!({ "representations": [
            { "__typename": "Tenant", "id": a.ref_id },
            { "__typename": "User", "id": a.user("admin") },
            { "__typename": "User", "id": a.user("reviewer") },
            { "__typename": "ApiKey", "id": a.active_key },
            { "__typename": "Tenant", "id": b.ref_id },
        ] }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [null, null, null, null, { "id": b.ref_id, "slug": "globex" }] } })
    );

    for (mutation, variables) in [
        (
            CHANGE_ROLE,
            json!({ "id": a.user("member"), "role": "ADMIN" }),
        ),
        (DEACTIVATE, json!({ "id": a.user("member") })),
        (REACTIVATE, json!({ "id": a.user("reviewer") })),
        (REVOKE, json!({ "id": a.active_key })),
    ] {
        let body = call(&server, &acting, mutation, variables.clone()).await;
        assert_eq!(error_code(&body), Some("NOT_FOUND"), "{mutation}: {body}");
        let mut unknown = variables;
        unknown["id"] = json!(fresh_id());
        let reference = call(&server, &acting, mutation, unknown).await;
        assert_eq!(
            without_paths(&body),
            without_paths(&reference),
            "{mutation}"
        );
    }

    assert_eq!(
        snapshot(&db, a.uuid, &[]).await,
        a_before,
        "the operator changed A"
    );
    // Every one of those requests is in B's audit log, none in A's.
    let in_b = count(
        &db.owner,
        "SELECT count(*) AS n FROM operator_audit_log WHERE tenant_id = $1::uuid",
        vec![b.uuid.to_string().into()],
    )
    .await;
    assert_eq!(in_b, 4 + 3 + 8);
    assert_eq!(audit_rows(&db).await, in_b);
}

#[tokio::test]
async fn row_level_security_hides_tenant_b_rows_from_the_application_role_in_tenant_a() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (a, b) = (
        tenant_uuid(&db, "acme").await,
        tenant_uuid(&db, "globex").await,
    );
    let b_user = get::<Uuid>(
        &query_one(
            &db.owner,
            "SELECT id FROM users WHERE email = 'member@globex.test'",
            [],
        )
        .await,
        "id",
    );
    let a_users = count(
        &db.owner,
        "SELECT count(*) AS n FROM users WHERE tenant_id = $1::uuid",
        vec![a.to_string().into()],
    )
    .await;
    let app = db.connect_as("app_user").await;

    // In A: B's rows do not exist, by tenant, by id or by email; everything visible is A's.
    let in_a = tenant_transaction(&app, Some(a)).await;
    for (sql, value) in [
        (
            "SELECT count(*) AS n FROM users WHERE tenant_id = $1::uuid",
            b.to_string(),
        ),
        (
            "SELECT count(*) AS n FROM users WHERE id = $1::uuid",
            b_user.to_string(),
        ),
        (
            "SELECT count(*) AS n FROM users WHERE email = $1",
            "member@globex.test".to_owned(),
        ),
        (
            "SELECT count(*) AS n FROM tenants WHERE id = $1::uuid",
            b.to_string(),
        ),
        (
            "SELECT count(*) AS n FROM contracts WHERE tenant_id = $1::uuid",
            b.to_string(),
        ),
    ] {
        assert_eq!(count(&in_a, sql, vec![value.into()]).await, 0, "{sql}");
    }
    assert_eq!(
        count(&in_a, "SELECT count(*) AS n FROM users", vec![]).await,
        a_users
    );
    assert_eq!(
        count(
            &in_a,
            "SELECT count(*) AS n FROM users WHERE tenant_id <> $1::uuid",
            vec![a.to_string().into()],
        )
        .await,
        0
    );
    // Writes aimed at B's rows touch nothing.
    let updated = exec_with(
        &in_a,
        "UPDATE users SET first_name = 'Mallory' WHERE id = $1::uuid",
        [b_user.to_string().into()],
    )
    .await;
    assert_eq!(updated.ok(), Some(0));
    let deleted = exec_with(
        &in_a,
        "DELETE FROM users WHERE tenant_id = $1::uuid",
        [b.to_string().into()],
    )
    .await;
    assert_eq!(deleted.ok(), Some(0));
    rollback(in_a).await;

    // Inserting a row for B while in A violates the policy.
    let in_a = tenant_transaction(&app, Some(a)).await;
    let inserted = exec_with(
        &in_a,
        "INSERT INTO users (tenant_id, email, first_name, last_name) VALUES ($1::uuid, 'mallory@globex.test', 'M', 'X')",
        [b.to_string().into()],
    )
    .await;
    match inserted {
        Err(error) => assert_eq!(sql_state(&error).as_deref(), Some("42501"), "{error}"),
        Ok(rows) => panic!("inserted {rows} row(s) into B from A"),
    }
    rollback(in_a).await;

    // No tenant set: app_current_tenant() is NULL and nothing is visible (no error).
    let unset = tenant_transaction(&app, None).await;
    for table in [
        "users",
        "tenants",
        "contracts",
        "api_keys",
        "operator_audit_log",
    ] {
        let sql = format!("SELECT count(*) AS n FROM {table}");
        assert_eq!(count(&unset, &sql, vec![]).await, 0, "{table}");
    }
    rollback(unset).await;
    // Outside any transaction, likewise.
    assert_eq!(
        count(&app, "SELECT count(*) AS n FROM users", vec![]).await,
        0
    );
    // A tenant setting that is not a UUID is an error, never a match.
    let garbage = tenant_transaction(&app, None).await;
    exec_with(
        &garbage,
        "SELECT set_config('app.tenant_id', 'globex', true)",
        [],
    )
    .await
    .unwrap_or_else(|error| panic!("cannot set the tenant: {error}"));
    let read = garbage
        .query_all_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT count(*) AS n FROM users",
        ))
        .await;
    match read {
        Err(error) => assert_eq!(sql_state(&error).as_deref(), Some("22P02"), "{error}"),
        Ok(rows) => panic!("a non-UUID tenant setting read {} row(s)", rows.len()),
    }
    rollback(garbage).await;
}

/// The audit log records "the operation name the client sent"; a client that names its
/// operation in the document but leaves out `operationName` has still named it.
#[tokio::test]
async fn an_operators_operation_named_only_in_the_document_is_audited_under_that_name() {
    let World { db, server, b, .. } = world(prepare).await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let mut headers = bearer_headers(&token);
    headers.push(("x-act-for-tenant", b.ref_id.clone()));
    headers.push(("x-request-id", "named-in-document".to_owned()));
    let (_, body) = call_named(
        &server,
        &headers,
        "mutation OperatorNamedInDocument($id: ID!) { changeUserRole(id: $id, role: REVIEWER) { role } }",
        None,
        json!({ "id": b.user("member") }),
    )
    .await;
    assert_eq!(data(&body, "/data/changeUserRole/role"), "REVIEWER");
    let row = query_one(
        &db.owner,
        "SELECT operation_type, operation_name FROM operator_audit_log
         WHERE request_id = 'named-in-document'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "operation_type"), "mutation");
    assert_eq!(
        get::<Option<String>>(&row, "operation_name").as_deref(),
        Some("OperatorNamedInDocument")
    );
}
