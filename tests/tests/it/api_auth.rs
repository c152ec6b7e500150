//! Authentication and the tenant guard over real HTTP: who may call, as whom, in which tenant.
//!
//! Proves that login never tells an unknown email from a wrong password or an inactive account;
//! that bearer tokens are refused when expired, forged, for another issuer or audience, for
//! another tenant, or signed with another algorithm (HS256, RS256 and ES256 servers); that API
//! keys are read-only or read-write integrators and never admins, stop working when revoked or
//! expired, and are shown only once; that suspended tenants are read-only and cancelled ones
//! refused; and that a super_admin acting for a tenant is audited on every request while nobody
//! else can act for another tenant.

use graph_core::auth::jwt::{JwtAlgorithm, JwtSettings};
use leadmetrics_tests::api::{bearer, error_message, ok};
use leadmetrics_tests::server::{
    DEMO_PASSWORD, TEST_JWT_SECRET, TestServer, error_code, seed_demo, set_tenant_status,
    tenant_ref_id,
};
use leadmetrics_tests::tokens::{codec, hs256_with, sign};
use leadmetrics_tests::world::{
    audit_rows, start, start_with, tenant_uuid, user_ref_id, user_uuid,
};
use leadmetrics_tests::{TestDatabase, exec_with, get, query_all, query_one};
use serde_json::{Value, json};
use std::time::Duration;
use uuid::Uuid;

/// Who is calling: user or key, tenant, and whether an operator acts for it.
const ME: &str =
    "{ me { user { email role } apiKey { id prefix scopes } tenant { slug } actingAsOperator } }";

const LOGIN: &str =
    "mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { email } } }";

const UPDATE_PROFILE: &str =
    "mutation($input: TenantProfileInput!) { updateTenantProfile(input: $input) { name } }";

const INVITE: &str =
    "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id status } }";

const CREATE_KEY: &str = "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix } } }";

const REVOKE_KEY: &str = "mutation($id: ID!) { revokeApiKey(id: $id) { id revokedOn isActive } }";

const LIST_KEYS: &str = "{ apiKeys(includeRevoked: true) { nodes { id name prefix scopes lastUsedOn revokedOn isActive } } }";

/// The one message of every refused login.
const LOGIN_REFUSED: &str = "the email or password is incorrect";
/// The one message of every invalid credential (except a genuine, expired token).
const INVALID: &str = "the credentials are invalid or have expired";
const READ_ONLY: &str = "this API key is read-only";
const ROLE_REFUSED: &str = "your role does not allow this";

/// The request was refused with `code` and exactly `message`, and returned no data.
#[track_caller]
fn assert_refused(body: &Value, code: &str, message: &str) {
    assert_eq!(error_code(body), Some(code), "{body}");
    assert_eq!(error_message(body), Some(message), "{body}");
    assert!(
        body.get("data").is_none_or(Value::is_null),
        "a refused request returned data: {body}"
    );
}

/// The demo users of acme, sorted.
const ACME_EMAILS: [&str; 3] = ["admin@acme.test", "member@acme.test", "reviewer@acme.test"];

/// The emails of a `users { nodes { email } }` response, sorted (the seed creates users within
/// the same millisecond, and ULIDs of one millisecond are not ordered).
fn user_emails(body: &Value) -> Vec<&str> {
    let mut emails: Vec<&str> = body
        .pointer("/data/users/nodes")
        .and_then(Value::as_array)
        .map(|nodes| {
            nodes
                .iter()
                .filter_map(|node| node["email"].as_str())
                .collect()
        })
        .unwrap_or_default();
    emails.sort_unstable();
    emails
}

fn login_input(email: &str, password: &str) -> Value {
    json!({ "input": { "email": email, "password": password } })
}

/// The whole response of a login attempt, HTTP status included.
async fn attempt_login(server: &TestServer, email: &str, password: &str) -> (u16, Value) {
    server
        .post(
            json!({ "query": LOGIN, "variables": login_input(email, password) }),
            &[],
        )
        .await
}

fn api_key_header(key: &str) -> String {
    format!("ApiKey {key}")
}

fn fixture_key(name: &str) -> String {
    format!("{}/fixtures/keys/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn read_fixture_key(name: &str) -> String {
    let path = fixture_key(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
}

// ---------------------------------------------------------------------------------------------
// Login
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_right_password_gets_a_token_that_works_for_me() {
    let (_db, server) = start().await;

    let (status, body) = attempt_login(&server, "admin@acme.test", DEMO_PASSWORD).await;
    assert_eq!(status, 200);
    ok(&body);
    assert_eq!(
        body.pointer("/data/login/user/email"),
        Some(&json!("admin@acme.test"))
    );
    assert!(
        body.pointer("/data/login/expiresAt")
            .is_some_and(Value::is_string)
    );
    let token = match body.pointer("/data/login/token").and_then(Value::as_str) {
        Some(token) => token.to_owned(),
        None => panic!("no token: {body}"),
    };

    let me = server.gql(Some(&token), ME, json!({})).await;
    assert_eq!(
        me,
        json!({ "data": { "me": {
            "user": { "email": "admin@acme.test", "role": "ADMIN" },
            "apiKey": null,
            "tenant": { "slug": "acme" },
            "actingAsOperator": false
        } } })
    );
}

#[tokio::test]
async fn a_wrong_password_gets_the_same_error_as_an_unknown_email() {
    let (_db, server) = start().await;

    let wrong_password = attempt_login(&server, "admin@acme.test", "not-the-password").await;
    let unknown_email = attempt_login(&server, "nobody@acme.test", DEMO_PASSWORD).await;
    let empty = attempt_login(&server, "", "").await;

    assert_refused(&wrong_password.1, "UNAUTHENTICATED", LOGIN_REFUSED);
    // Byte for byte the same response: status, code, message, path, locations.
    assert_eq!(wrong_password, unknown_email);
    assert_eq!(wrong_password, empty);
}

#[tokio::test]
async fn the_email_is_matched_without_regard_to_case_or_surrounding_spaces() {
    let (_db, server) = start().await;

    for email in ["ADMIN@ACME.TEST", "Admin@Acme.Test", "  admin@acme.test  "] {
        let token = server.login(email, DEMO_PASSWORD).await;
        let me = server.gql(Some(&token), ME, json!({})).await;
        assert_eq!(
            me.pointer("/data/me/user/email"),
            Some(&json!("admin@acme.test")),
            "{email}: {me}"
        );
    }
    // The password is not case-insensitive.
    let (_, body) = attempt_login(&server, "admin@acme.test", &DEMO_PASSWORD.to_uppercase()).await;
    assert_refused(&body, "UNAUTHENTICATED", LOGIN_REFUSED);
}

#[tokio::test]
async fn a_deactivated_user_cannot_log_in_and_gets_the_same_error() {
    let (db, server) = start().await;
    // Control: the member can log in while active.
    server.login("member@acme.test", DEMO_PASSWORD).await;

    // What deactivateUser writes: the status and the soft-delete time.
    let changed = exec_with(
        &db.owner,
        "UPDATE users SET status = 'deactivated', deleted_on = now() WHERE email = $1",
        ["member@acme.test".into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
    // A row marked deactivated but not (yet) soft-deleted is refused too.
    let changed = exec_with(
        &db.owner,
        "UPDATE users SET status = 'deactivated' WHERE email = $1",
        ["reviewer@acme.test".into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));

    let unknown = attempt_login(&server, "nobody@acme.test", DEMO_PASSWORD).await;
    for email in ["member@acme.test", "reviewer@acme.test"] {
        let deactivated = attempt_login(&server, email, DEMO_PASSWORD).await;
        assert_refused(&deactivated.1, "UNAUTHENTICATED", LOGIN_REFUSED);
        assert_eq!(deactivated, unknown, "{email}");
    }
}

#[tokio::test]
async fn an_invited_user_cannot_log_in_even_once_a_password_hash_is_stored() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;

    let invited = server
        .gql(
            Some(&admin),
            INVITE,
            json!({ "input": {
                "email": "new.hire@acme.test", "firstName": "New", "lastName": "Hire",
                "role": "MEMBER", "appAccess": ["DASHBOARD"]
            } }),
        )
        .await;
    assert_eq!(
        invited.pointer("/data/inviteUser/status"),
        Some(&json!("INVITED")),
        "{invited}"
    );

    let unknown = attempt_login(&server, "nobody@acme.test", DEMO_PASSWORD).await;
    for password in ["", DEMO_PASSWORD, "anything"] {
        let attempt = attempt_login(&server, "new.hire@acme.test", password).await;
        assert_refused(&attempt.1, "UNAUTHENTICATED", LOGIN_REFUSED);
        assert_eq!(attempt, unknown);
    }

    // The status decides, not just the missing hash: with the demo hash stored but the user
    // still invited, the right password is refused the same way.
    let changed = exec_with(
        &db.owner,
        "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'admin@acme.test')
         WHERE email = $1 AND status = 'invited'",
        ["new.hire@acme.test".into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
    let attempt = attempt_login(&server, "new.hire@acme.test", DEMO_PASSWORD).await;
    assert_eq!(attempt, unknown);
}

// ---------------------------------------------------------------------------------------------
// Bearer tokens
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_expired_token_is_refused_as_expired_but_a_forged_expired_one_only_as_invalid() {
    let (db, server) = start_with(&[("JWT_TTL_SECONDS", "1"), ("JWT_LEEWAY_SECONDS", "0")]).await;
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    // Issued by the server's own login, valid for one second.
    let expiring = server.login("admin@acme.test", DEMO_PASSWORD).await;
    // Signed with another secret, also short-lived.
    let forged = sign(
        &codec(hs256_with(
            &server.config.jwt,
            b"another-secret-that-is-long-enough-0123",
        )),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    // Control: the same claims with the server's key and a long lifetime are accepted.
    let long_lived = sign(
        &codec(JwtSettings {
            ttl: Duration::from_secs(3600),
            ..server.config.jwt.clone()
        }),
        &admin_ref,
        &acme_ref,
        "admin",
    );

    tokio::time::sleep(Duration::from_millis(2500)).await;

    let (status, body) = server
        .post(
            json!({ "query": ME }),
            &[("authorization", &bearer(&expiring))],
        )
        .await;
    assert_eq!(status, 401);
    assert_refused(&body, "UNAUTHENTICATED", "the token has expired");

    // "Expired" is only said after the signature checks out.
    let body = server.gql(Some(&forged), ME, json!({})).await;
    assert_refused(&body, "UNAUTHENTICATED", INVALID);

    let body = server.gql(Some(&long_lived), ME, json!({})).await;
    assert_eq!(
        body.pointer("/data/me/user/email"),
        Some(&json!("admin@acme.test")),
        "{body}"
    );
}

#[tokio::test]
async fn a_token_signed_with_another_secret_is_refused() {
    let (db, server) = start().await;
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    let genuine = sign(
        &codec(server.config.jwt.clone()),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    ok(&server.gql(Some(&genuine), ME, json!({})).await);

    let forged = sign(
        &codec(hs256_with(
            &server.config.jwt,
            b"another-secret-that-is-long-enough-0123",
        )),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    let (status, body) = server
        .post(
            json!({ "query": ME }),
            &[("authorization", &bearer(&forged))],
        )
        .await;
    assert_eq!(status, 401);
    assert_refused(&body, "UNAUTHENTICATED", INVALID);
}

#[tokio::test]
async fn a_token_for_another_issuer_or_audience_is_refused() {
    let (db, server) = start().await;
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    let wrong_issuer = sign(
        &codec(JwtSettings {
            issuer: "someone-else".to_owned(),
            ..server.config.jwt.clone()
        }),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    let wrong_audience = sign(
        &codec(JwtSettings {
            audience: "another-service".to_owned(),
            ..server.config.jwt.clone()
        }),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    for token in [wrong_issuer, wrong_audience] {
        let body = server.gql(Some(&token), ME, json!({})).await;
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }
}

#[tokio::test]
async fn a_garbage_token_or_a_malformed_authorization_header_is_refused() {
    let (_db, server) = start().await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let mut tampered = token.clone();
    let last = if tampered.ends_with('A') { 'B' } else { 'A' };
    tampered.pop();
    tampered.push(last);

    for header in [
        "Bearer abc".to_owned(),
        "Bearer a.b.c".to_owned(),
        bearer(&tampered),
        format!("Bearer {token}x"),
    ] {
        let (status, body) = server
            .post(json!({ "query": ME }), &[("authorization", &header)])
            .await;
        assert_eq!(status, 401, "{header}");
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }

    let malformed = "the Authorization header must be `Bearer <token>` or `ApiKey <key>`";
    for header in [
        "Basic x".to_owned(),
        format!("Token {token}"),
        "Bearer".to_owned(),
        token.clone(),
    ] {
        let (status, body) = server
            .post(json!({ "query": ME }), &[("authorization", &header)])
            .await;
        assert_eq!(status, 401, "{header}");
        assert_refused(&body, "UNAUTHENTICATED", malformed);
    }

    // The scheme is case-insensitive: the genuine token still works.
    let body = server
        .gql_with(
            &[("authorization", &format!("bearer {token}"))],
            ME,
            json!({}),
        )
        .await;
    ok(&body);
}

#[tokio::test]
async fn sending_both_a_bearer_token_and_an_api_key_is_refused() {
    let (_db, server) = start().await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&token, &["READ"]).await;
    // Each alone works.
    ok(&server.gql(Some(&token), ME, json!({})).await);
    ok(&server.gql_with(&[("x-api-key", &key)], ME, json!({})).await);

    let (status, body) = server
        .post(
            json!({ "query": ME }),
            &[("authorization", &bearer(&token)), ("x-api-key", &key)],
        )
        .await;
    assert_eq!(status, 401);
    assert_refused(
        &body,
        "UNAUTHENTICATED",
        "send either a bearer token or an API key, not both",
    );
    // Also with the key in the Authorization header and a second one in X-Api-Key.
    let body = server
        .gql_with(
            &[
                ("authorization", &api_key_header(&key)),
                ("x-api-key", &key),
            ],
            ME,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn a_token_whose_tenant_claim_is_not_the_users_tenant_is_refused() {
    let (db, server) = start().await;
    let signer = codec(server.config.jwt.clone());
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;
    let globex_ref = tenant_ref_id(&db, "globex").await;

    // Control: the right pair works.
    let right = sign(&signer, &admin_ref, &acme_ref, "admin");
    ok(&server.gql(Some(&right), ME, json!({})).await);

    for (user, tenant) in [
        (admin_ref.as_str(), globex_ref.as_str()),
        (admin_ref.as_str(), "01ARZ3NDEKTSV4RRFFQ69G5FAV"),
        ("01ARZ3NDEKTSV4RRFFQ69G5FAV", acme_ref.as_str()),
    ] {
        let token = sign(&signer, user, tenant, "admin");
        let body = server.gql(Some(&token), ME, json!({})).await;
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }
}

#[tokio::test]
async fn the_role_comes_from_the_database_not_from_the_token() {
    let (db, server) = start().await;
    let member_ref = user_ref_id(&db, "member@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;
    let globex_ref = tenant_ref_id(&db, "globex").await;
    // A correctly signed token whose role claim says more than the user is.
    let inflated = sign(
        &codec(server.config.jwt.clone()),
        &member_ref,
        &acme_ref,
        "super_admin",
    );

    let me = server.gql(Some(&inflated), ME, json!({})).await;
    assert_eq!(
        me.pointer("/data/me/user/role"),
        Some(&json!("MEMBER")),
        "{me}"
    );
    let body = server.gql(Some(&inflated), LIST_KEYS, json!({})).await;
    assert_refused(&body, "FORBIDDEN", ROLE_REFUSED);
    let body = server
        .gql_with(
            &[
                ("authorization", &bearer(&inflated)),
                ("x-act-for-tenant", &globex_ref),
            ],
            ME,
            json!({}),
        )
        .await;
    assert_refused(
        &body,
        "FORBIDDEN",
        "only platform operators may act for another tenant",
    );
    assert_eq!(audit_rows(&db).await, 0);
}

#[tokio::test]
async fn without_credentials_me_and_the_tenant_are_unauthenticated() {
    let (db, server) = start().await;

    for query in [
        ME,
        "{ tenant { slug } }",
        "{ users { nodes { email } } }",
        LIST_KEYS,
    ] {
        let (status, body) = server.post(json!({ "query": query }), &[]).await;
        assert_eq!(status, 200, "{query}");
        assert_refused(&body, "UNAUTHENTICATED", "sign in or send an API key");
    }
    let body = server
        .gql(
            None,
            UPDATE_PROFILE,
            json!({ "input": { "name": "Anonymous was here" } }),
        )
        .await;
    assert_refused(&body, "UNAUTHENTICATED", "sign in or send an API key");
    let row = query_one(
        &db.owner,
        "SELECT name FROM tenants WHERE slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "name"), "Acme Corp");
}

// ---------------------------------------------------------------------------------------------
// RS256 and ES256
// ---------------------------------------------------------------------------------------------

/// A server signing with `algorithm` and the fixture pair `prefix`: login and `me` work, its
/// tokens verify with the public key, and tokens of any other algorithm or key are refused.
async fn an_asymmetric_server_accepts_only_its_own_tokens(
    algorithm: JwtAlgorithm,
    prefix: &str,
    other_algorithm: JwtAlgorithm,
    other_prefix: &str,
) {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let private = fixture_key(&format!("{prefix}_private.pem"));
    let public = fixture_key(&format!("{prefix}_public.pem"));
    let server = TestServer::start_with(
        &db,
        &[
            ("JWT_ALGORITHM", algorithm.as_str()),
            ("JWT_PRIVATE_KEY_FILE", &private),
            ("JWT_PUBLIC_KEY_FILE", &public),
        ],
    )
    .await;
    assert_eq!(server.config.jwt.algorithm, algorithm);
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let me = server.gql(Some(&token), ME, json!({})).await;
    assert_eq!(
        me.pointer("/data/me/user/email"),
        Some(&json!("admin@acme.test")),
        "{me}"
    );
    // The token is signed with the fixture private key: its public key alone verifies it.
    let verifier = codec(JwtSettings {
        algorithm,
        secret: None,
        public_key_pem: Some(read_fixture_key(&format!("{prefix}_public.pem"))),
        private_key_pem: None,
        ..server.config.jwt.clone()
    });
    assert!(verifier.verify(&token).is_ok(), "not a {algorithm} token");

    // HS256 with the test secret (what every other test server accepts).
    let hs256 = sign(
        &codec(hs256_with(&server.config.jwt, TEST_JWT_SECRET.as_bytes())),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    // Algorithm confusion: HS256 keyed with the server's public key.
    let confused = sign(
        &codec(hs256_with(
            &server.config.jwt,
            read_fixture_key(&format!("{prefix}_public.pem")).as_bytes(),
        )),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    // The other asymmetric algorithm, with its own genuine key pair.
    let other = sign(
        &codec(JwtSettings {
            algorithm: other_algorithm,
            secret: None,
            public_key_pem: Some(read_fixture_key(&format!("{other_prefix}_public.pem"))),
            private_key_pem: Some(read_fixture_key(&format!("{other_prefix}_private.pem"))),
            ..server.config.jwt.clone()
        }),
        &admin_ref,
        &acme_ref,
        "admin",
    );
    for refused in [&hs256, &confused, &other] {
        let (status, body) = server
            .post(
                json!({ "query": ME }),
                &[("authorization", &bearer(refused))],
            )
            .await;
        assert_eq!(status, 401);
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }

    // And an HS256 server (same database) refuses this server's token.
    let hs256_server = TestServer::start(&db).await;
    let body = hs256_server.gql(Some(&token), ME, json!({})).await;
    assert_refused(&body, "UNAUTHENTICATED", INVALID);
    ok(&hs256_server.gql(Some(&hs256), ME, json!({})).await);
}

#[tokio::test]
async fn an_rs256_server_logs_in_with_its_key_pair_and_refuses_hs256_and_es256_tokens() {
    an_asymmetric_server_accepts_only_its_own_tokens(
        JwtAlgorithm::Rs256,
        "rs256",
        JwtAlgorithm::Es256,
        "es256",
    )
    .await;
}

#[tokio::test]
async fn an_es256_server_logs_in_with_its_key_pair_and_refuses_hs256_and_rs256_tokens() {
    an_asymmetric_server_accepts_only_its_own_tokens(
        JwtAlgorithm::Es256,
        "es256",
        JwtAlgorithm::Rs256,
        "rs256",
    )
    .await;
}

#[tokio::test]
async fn a_verify_only_server_accepts_tokens_of_the_issuing_server_but_cannot_log_in() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let public = fixture_key("rs256_public.pem");
    let private = fixture_key("rs256_private.pem");
    let issuer = TestServer::start_with(
        &db,
        &[
            ("JWT_ALGORITHM", "RS256"),
            ("JWT_PRIVATE_KEY_FILE", &private),
            ("JWT_PUBLIC_KEY_FILE", &public),
        ],
    )
    .await;
    let verifier = TestServer::start_with(
        &db,
        &[("JWT_ALGORITHM", "RS256"), ("JWT_PUBLIC_KEY_FILE", &public)],
    )
    .await;

    let token = issuer.login("member@acme.test", DEMO_PASSWORD).await;
    let me = verifier.gql(Some(&token), ME, json!({})).await;
    assert_eq!(
        me.pointer("/data/me/user/email"),
        Some(&json!("member@acme.test")),
        "{me}"
    );
    let (_, body) = attempt_login(&verifier, "member@acme.test", DEMO_PASSWORD).await;
    assert!(body.pointer("/data/login/token").is_none(), "{body}");
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert!(
        error_message(&body).is_some_and(|message| message.contains("not available")),
        "{body}"
    );
}

// ---------------------------------------------------------------------------------------------
// API keys
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_api_key_works_in_the_authorization_header_and_in_x_api_key() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ"]).await;

    let authorization = api_key_header(&key);
    let lowercase_scheme = format!("apikey {key}");
    for headers in [
        [("authorization", authorization.as_str())],
        [("authorization", lowercase_scheme.as_str())],
        [("x-api-key", key.as_str())],
    ] {
        let me = server.gql_with(&headers, ME, json!({})).await;
        ok(&me);
        assert_eq!(me.pointer("/data/me/user"), Some(&Value::Null), "{me}");
        assert_eq!(me.pointer("/data/me/apiKey/id"), Some(&json!(id)), "{me}");
        assert_eq!(
            me.pointer("/data/me/apiKey/scopes"),
            Some(&json!(["READ"])),
            "{me}"
        );
        assert_eq!(me.pointer("/data/me/tenant/slug"), Some(&json!("acme")));
        assert_eq!(me.pointer("/data/me/actingAsOperator"), Some(&json!(false)));
    }
    // A key is not a bearer token.
    let body = server.gql(Some(&key), ME, json!({})).await;
    assert_refused(&body, "UNAUTHENTICATED", INVALID);
}

#[tokio::test]
async fn a_read_only_key_reads_but_every_mutation_is_refused_as_read_only() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ"]).await;
    let headers = [("x-api-key", key.as_str())];

    let tenant = server
        .gql_with(&headers, "{ tenant { slug name } }", json!({}))
        .await;
    assert_eq!(
        tenant,
        json!({ "data": { "tenant": { "slug": "acme", "name": "Acme Corp" } } })
    );
    let users = server
        .gql_with(&headers, "{ users { nodes { email } } }", json!({}))
        .await;
    assert_eq!(user_emails(&users), ACME_EMAILS, "{users}");

    let mutations: [(&str, Value); 5] = [
        (
            UPDATE_PROFILE,
            json!({ "input": { "name": "Changed by a key" } }),
        ),
        (
            INVITE,
            json!({ "input": {
                "email": "by.key@acme.test", "firstName": "By", "lastName": "Key",
                "role": "MEMBER", "appAccess": []
            } }),
        ),
        (
            CREATE_KEY,
            json!({ "input": { "name": "k", "scopes": ["READ"] } }),
        ),
        (REVOKE_KEY, json!({ "id": id })),
        ("mutation { acceptContract { status } }", json!({})),
    ];
    for (mutation, variables) in mutations {
        let body = server.gql_with(&headers, mutation, variables).await;
        assert_refused(&body, "FORBIDDEN", READ_ONLY);
    }

    let row = query_one(
        &db.owner,
        "SELECT t.name,
                (SELECT count(*) FROM users u WHERE u.tenant_id = t.id) AS users,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id) AS keys,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id AND k.revoked_on IS NOT NULL) AS revoked
         FROM tenants t WHERE t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "name"), "Acme Corp");
    assert_eq!(get::<i64>(&row, "users"), 3);
    assert_eq!(get::<i64>(&row, "keys"), 1);
    assert_eq!(get::<i64>(&row, "revoked"), 0);
}

#[tokio::test]
async fn a_read_write_key_is_never_an_admin() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let headers = [("authorization", api_key_header(&key))];
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();

    let me = server.gql_with(&headers, ME, json!({})).await;
    assert_eq!(
        me.pointer("/data/me/apiKey/scopes"),
        Some(&json!(["READ", "WRITE"])),
        "{me}"
    );

    let admin_only: [(&str, Value); 5] = [
        (
            INVITE,
            json!({ "input": {
                "email": "by.key@acme.test", "firstName": "By", "lastName": "Key",
                "role": "MEMBER", "appAccess": []
            } }),
        ),
        (
            CREATE_KEY,
            json!({ "input": { "name": "k", "scopes": ["READ"] } }),
        ),
        (LIST_KEYS, json!({})),
        (
            UPDATE_PROFILE,
            json!({ "input": { "name": "Changed by a key" } }),
        ),
        (REVOKE_KEY, json!({ "id": id })),
    ];
    for (operation, variables) in admin_only {
        let body = server.gql_with(&headers, operation, variables).await;
        // Refused for the role, not for the scope: the key may write.
        assert_refused(&body, "FORBIDDEN", ROLE_REFUSED);
        assert_ne!(error_message(&body), Some(READ_ONLY));
    }
    let body = server
        .gql_with(
            &headers,
            "{ users(includeDeactivated: true) { nodes { email } } }",
            json!({}),
        )
        .await;
    assert_refused(&body, "FORBIDDEN", "only admins may list deactivated users");

    let row = query_one(
        &db.owner,
        "SELECT t.name,
                (SELECT count(*) FROM users u WHERE u.tenant_id = t.id) AS users,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id) AS keys,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id AND k.revoked_on IS NOT NULL) AS revoked
         FROM tenants t WHERE t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "name"), "Acme Corp");
    assert_eq!(get::<i64>(&row, "users"), 3);
    assert_eq!(get::<i64>(&row, "keys"), 1);
    assert_eq!(get::<i64>(&row, "revoked"), 0);
}

#[tokio::test]
async fn a_revoked_key_is_refused_at_once() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let (other_key, _) = server.create_api_key(&admin, &["READ"]).await;
    ok(&server.gql_with(&[("x-api-key", &key)], ME, json!({})).await);

    let revoked = server
        .gql(Some(&admin), REVOKE_KEY, json!({ "id": id }))
        .await;
    assert_eq!(
        revoked.pointer("/data/revokeApiKey/isActive"),
        Some(&json!(false)),
        "{revoked}"
    );

    for headers in [
        [("x-api-key", key.clone())],
        [("authorization", api_key_header(&key))],
    ] {
        let (status, body) = server
            .post(
                json!({ "query": "{ tenant { slug } }" }),
                &[(headers[0].0, headers[0].1.as_str())],
            )
            .await;
        assert_eq!(status, 401);
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }
    // Only that key: the other one still works.
    ok(&server
        .gql_with(&[("x-api-key", &other_key)], ME, json!({}))
        .await);
}

#[tokio::test]
async fn an_expired_key_is_refused() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ"]).await;
    ok(&server.gql_with(&[("x-api-key", &key)], ME, json!({})).await);

    let changed = exec_with(
        &db.owner,
        "UPDATE api_keys SET expires_on = now() - interval '1 minute' WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));

    let body = server.gql_with(&[("x-api-key", &key)], ME, json!({})).await;
    assert_refused(&body, "UNAUTHENTICATED", INVALID);
    let list = server.gql(Some(&admin), LIST_KEYS, json!({})).await;
    assert_eq!(
        list.pointer("/data/apiKeys/nodes/0/isActive"),
        Some(&json!(false)),
        "{list}"
    );
}

#[tokio::test]
async fn a_key_records_when_it_was_last_used() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, id) = server.create_api_key(&admin, &["READ"]).await;

    let before = server.gql(Some(&admin), LIST_KEYS, json!({})).await;
    assert_eq!(before.pointer("/data/apiKeys/nodes/0/id"), Some(&json!(id)));
    assert_eq!(
        before.pointer("/data/apiKeys/nodes/0/lastUsedOn"),
        Some(&Value::Null),
        "{before}"
    );

    ok(&server
        .gql_with(&[("x-api-key", &key)], "{ tenant { slug } }", json!({}))
        .await);

    let after = server.gql(Some(&admin), LIST_KEYS, json!({})).await;
    assert!(
        after
            .pointer("/data/apiKeys/nodes/0/lastUsedOn")
            .is_some_and(Value::is_string),
        "{after}"
    );
    let row = query_one(
        &db.owner,
        "SELECT last_used_on IS NOT NULL AS used FROM api_keys WHERE ref_id = $1",
        [id.into()],
    )
    .await;
    assert!(get::<bool>(&row, "used"));
}

#[tokio::test]
async fn the_secret_key_is_shown_only_when_it_is_created() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;

    let created = server
        .gql(
            Some(&admin),
            CREATE_KEY,
            json!({ "input": { "name": "crm sync", "scopes": ["READ"] } }),
        )
        .await;
    let (key, id, prefix) = match (
        created
            .pointer("/data/createApiKey/key")
            .and_then(Value::as_str),
        created
            .pointer("/data/createApiKey/apiKey/id")
            .and_then(Value::as_str),
        created
            .pointer("/data/createApiKey/apiKey/prefix")
            .and_then(Value::as_str),
    ) {
        (Some(key), Some(id), Some(prefix)) => (key.to_owned(), id.to_owned(), prefix.to_owned()),
        _ => panic!("createApiKey: {created}"),
    };
    assert!(
        key.starts_with(&format!("lmk_{prefix}_")),
        "{key} does not start with lmk_{prefix}_"
    );
    let secret = &key[format!("lmk_{prefix}_").len()..];
    assert!(secret.len() >= 32, "secret too short: {key}");

    let list = server.gql(Some(&admin), LIST_KEYS, json!({})).await;
    assert_eq!(list.pointer("/data/apiKeys/nodes/0/id"), Some(&json!(id)));
    assert_eq!(
        list.pointer("/data/apiKeys/nodes/0/prefix"),
        Some(&json!(prefix))
    );
    assert!(!list.to_string().contains(secret), "{list}");

    // No field of ApiKey can expose it.
    let fields = server
        .gql(
            Some(&admin),
            "{ __type(name: \"ApiKey\") { fields { name } } }",
            json!({}),
        )
        .await;
    let mut names: Vec<&str> = fields
        .pointer("/data/__type/fields")
        .and_then(Value::as_array)
        .map(|fields| {
            fields
                .iter()
                .filter_map(|field| field["name"].as_str())
                .collect()
        })
        .unwrap_or_default();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "createdOn",
            "expiresOn",
            "id",
            "isActive",
            "lastUsedOn",
            "name",
            "prefix",
            "revokedOn",
            "scopes"
        ],
        "{fields}"
    );
    let body = server
        .gql(Some(&admin), "{ apiKeys { nodes { key } } }", json!({}))
        .await;
    assert!(body.get("errors").is_some(), "{body}");
    assert!(!body.to_string().contains(secret));

    // Nor is it stored: no column of the row holds the secret.
    let row = query_one(
        &db.owner,
        "SELECT row_to_json(k)::text AS stored FROM api_keys k WHERE ref_id = $1",
        [id.into()],
    )
    .await;
    let stored: String = get(&row, "stored");
    assert!(!stored.contains(secret), "{stored}");
    assert!(stored.contains(&prefix));
}

#[tokio::test]
async fn a_tampered_key_is_refused() {
    let (_db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ"]).await;

    let swap = |at: usize| -> String {
        let mut chars: Vec<char> = key.chars().collect();
        chars[at] = if chars[at] == 'a' { 'b' } else { 'a' };
        chars.into_iter().collect()
    };
    let last = key.chars().count() - 1;
    for tampered in [
        swap(last),
        swap(last - 10),
        swap(5), // in the prefix
        key[..last].to_owned(),
        format!("{key}a"),
        format!(" {key}x"),
        key.to_uppercase(),
    ] {
        assert_ne!(tampered, key);
        let (status, body) = server
            .post(
                json!({ "query": ME }),
                &[("authorization", &api_key_header(&tampered))],
            )
            .await;
        assert_eq!(status, 401, "{tampered}");
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
        let body = server
            .gql_with(&[("x-api-key", &tampered)], ME, json!({}))
            .await;
        assert_refused(&body, "UNAUTHENTICATED", INVALID);
    }
    // The genuine key still works.
    ok(&server.gql_with(&[("x-api-key", &key)], ME, json!({})).await);
}

// ---------------------------------------------------------------------------------------------
// Tenant and user states
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_suspended_tenant_can_read_but_every_mutation_is_refused() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (write_key, key_id) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    set_tenant_status(&db, "acme", "suspended").await;

    // Suspended users can still sign in and read.
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let tenant = server
        .gql(Some(&admin), "{ tenant { slug status } }", json!({}))
        .await;
    assert_eq!(
        tenant,
        json!({ "data": { "tenant": { "slug": "acme", "status": "SUSPENDED" } } })
    );
    ok(&server.gql(Some(&member), ME, json!({})).await);
    ok(&server
        .gql(Some(&member), "{ users { nodes { email } } }", json!({}))
        .await);
    ok(&server.gql(Some(&admin), LIST_KEYS, json!({})).await);
    ok(&server
        .gql_with(
            &[("x-api-key", &write_key)],
            "{ tenant { slug } }",
            json!({}),
        )
        .await);

    let mutations: [(&str, Value); 4] = [
        (
            UPDATE_PROFILE,
            json!({ "input": { "name": "Changed while suspended" } }),
        ),
        (
            INVITE,
            json!({ "input": {
                "email": "late@acme.test", "firstName": "Late", "lastName": "Hire",
                "role": "MEMBER", "appAccess": []
            } }),
        ),
        (
            CREATE_KEY,
            json!({ "input": { "name": "k", "scopes": ["READ"] } }),
        ),
        (REVOKE_KEY, json!({ "id": key_id })),
    ];
    for (mutation, variables) in mutations {
        let body = server.gql(Some(&admin), mutation, variables.clone()).await;
        assert_refused(
            &body,
            "TENANT_SUSPENDED",
            "the tenant is suspended; the account is read-only",
        );
        let body = server
            .gql_with(&[("x-api-key", &write_key)], mutation, variables)
            .await;
        assert_eq!(error_code(&body), Some("TENANT_SUSPENDED"), "{body}");
    }

    let row = query_one(
        &db.owner,
        "SELECT t.name, t.status::text AS status,
                (SELECT count(*) FROM users u WHERE u.tenant_id = t.id) AS users,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id) AS keys,
                (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id AND k.revoked_on IS NOT NULL) AS revoked
         FROM tenants t WHERE t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "name"), "Acme Corp");
    assert_eq!(get::<String>(&row, "status"), "suspended");
    assert_eq!(get::<i64>(&row, "users"), 3);
    assert_eq!(get::<i64>(&row, "keys"), 1);
    assert_eq!(get::<i64>(&row, "revoked"), 0);

    // Reactivated, the same token writes again.
    set_tenant_status(&db, "acme", "active").await;
    let body = server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "name": "Acme Again" } }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "updateTenantProfile": { "name": "Acme Again" } } })
    );
}

#[tokio::test]
async fn a_cancelled_tenant_is_refused_on_every_request_and_its_users_cannot_log_in() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let acme_ref = tenant_ref_id(&db, "acme").await;
    set_tenant_status(&db, "acme", "cancelled").await;

    let cancelled = "this tenant's account is cancelled";
    for query in [ME, "{ contract { status } }", "{ tenant { slug } }"] {
        for headers in [
            vec![("authorization", bearer(&admin))],
            vec![("authorization", api_key_header(&key))],
            vec![("x-api-key", key.clone())],
            vec![
                ("authorization", bearer(&operator)),
                ("x-act-for-tenant", acme_ref.clone()),
            ],
        ] {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let (status, body) = server.post(json!({ "query": query }), &headers).await;
            assert_eq!(status, 403, "{query} {headers:?}");
            assert_refused(&body, "FORBIDDEN", cancelled);
        }
    }
    // Refused before the operator's request was recorded or run.
    assert_eq!(audit_rows(&db).await, 0);

    // Login says nothing about the tenant: the same answer as a wrong password.
    let wrong_password = attempt_login(&server, "admin@acme.test", "wrong").await;
    for email in ["admin@acme.test", "member@acme.test"] {
        let attempt = attempt_login(&server, email, DEMO_PASSWORD).await;
        assert_refused(&attempt.1, "UNAUTHENTICATED", LOGIN_REFUSED);
        assert_eq!(attempt, wrong_password);
    }
    // Other tenants are unaffected.
    server.login("admin@globex.test", DEMO_PASSWORD).await;
}

#[tokio::test]
async fn an_issued_token_stops_working_once_its_user_is_deactivated() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    ok(&server.gql(Some(&member), ME, json!({})).await);

    let member_ref = user_ref_id(&db, "member@acme.test").await;
    let body = server
        .gql(
            Some(&admin),
            "mutation($id: ID!) { deactivateUser(id: $id) { status } }",
            json!({ "id": member_ref }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "deactivateUser": { "status": "DEACTIVATED" } } })
    );

    let (status, body) = server
        .post(
            json!({ "query": ME }),
            &[("authorization", &bearer(&member))],
        )
        .await;
    assert_eq!(status, 401);
    assert_refused(&body, "UNAUTHENTICATED", INVALID);
    // The admin's token is unaffected.
    ok(&server.gql(Some(&admin), ME, json!({})).await);
}

#[tokio::test]
async fn a_role_change_takes_effect_on_the_next_request_without_a_new_token() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let body = server.gql(Some(&member), LIST_KEYS, json!({})).await;
    assert_refused(&body, "FORBIDDEN", ROLE_REFUSED);

    let member_ref = user_ref_id(&db, "member@acme.test").await;
    let body = server
        .gql(
            Some(&admin),
            "mutation($id: ID!) { changeUserRole(id: $id, role: ADMIN) { role } }",
            json!({ "id": member_ref }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "changeUserRole": { "role": "ADMIN" } } })
    );
    // The old token (role claim `member`) now has an admin's rights...
    ok(&server.gql(Some(&member), LIST_KEYS, json!({})).await);

    // ...and the former admin, demoted by the promoted one, loses them at once.
    let admin_ref = user_ref_id(&db, "admin@acme.test").await;
    let body = server
        .gql(
            Some(&member),
            "mutation($id: ID!) { changeUserRole(id: $id, role: MEMBER) { role } }",
            json!({ "id": admin_ref }),
        )
        .await;
    ok(&body);
    let body = server.gql(Some(&admin), LIST_KEYS, json!({})).await;
    assert_refused(&body, "FORBIDDEN", ROLE_REFUSED);
}

// ---------------------------------------------------------------------------------------------
// A super_admin acting for a tenant
// ---------------------------------------------------------------------------------------------

/// One row of the operator audit log, by the request id the client sent.
async fn audit_row(db: &TestDatabase, request_id: &str) -> Value {
    let rows = query_all(
        &db.owner,
        "SELECT tenant_id, operator_user_id, operator_tenant_id, operation_type, operation_name,
                subgraph
         FROM operator_audit_log WHERE request_id = $1",
        [request_id.into()],
    )
    .await;
    assert_eq!(rows.len(), 1, "audit rows for request {request_id}");
    let row = &rows[0];
    json!({
        "tenant_id": get::<Uuid>(row, "tenant_id").to_string(),
        "operator_user_id": get::<Uuid>(row, "operator_user_id").to_string(),
        "operator_tenant_id": get::<Uuid>(row, "operator_tenant_id").to_string(),
        "operation_type": get::<String>(row, "operation_type"),
        "operation_name": get::<Option<String>>(row, "operation_name"),
        "subgraph": get::<String>(row, "subgraph"),
    })
}

#[tokio::test]
async fn a_super_admin_acting_for_a_tenant_works_in_it_and_every_request_is_audited() {
    let (db, server) = start().await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let acme_ref = tenant_ref_id(&db, "acme").await;
    let acme = tenant_uuid(&db, "acme").await;
    let leadmetrics = tenant_uuid(&db, "leadmetrics").await;
    let operator_id = user_uuid(&db, "super-admin@leadmetrics.test").await;
    let authorization = bearer(&operator);
    let acting = |request_id: &'static str| {
        [
            ("authorization", authorization.as_str()),
            ("x-act-for-tenant", acme_ref.as_str()),
            ("x-request-id", request_id),
        ]
    };

    let (status, me) = server
        .post(
            json!({
                "query": "query WhoAmI { me { user { email role } tenant { slug } actingAsOperator } }",
                "operationName": "WhoAmI"
            }),
            &acting("audit-me"),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        me,
        json!({ "data": { "me": {
            "user": { "email": "super-admin@leadmetrics.test", "role": "SUPER_ADMIN" },
            "tenant": { "slug": "acme" },
            "actingAsOperator": true
        } } })
    );

    let (_, users) = server
        .post(
            json!({
                "query": "query AcmeUsers { users { nodes { email } } }",
                "operationName": "AcmeUsers"
            }),
            &acting("audit-users"),
        )
        .await;
    assert_eq!(user_emails(&users), ACME_EMAILS, "{users}");

    let (_, updated) = server
        .post(
            json!({
                "query": "mutation Rename($input: TenantProfileInput!) { updateTenantProfile(input: $input) { name } }",
                "operationName": "Rename",
                "variables": { "input": { "name": "Acme (fixed by support)" } }
            }),
            &acting("audit-rename"),
        )
        .await;
    assert_eq!(
        updated,
        json!({ "data": { "updateTenantProfile": { "name": "Acme (fixed by support)" } } })
    );
    let row = query_one(
        &db.owner,
        "SELECT name, updated_by FROM tenants WHERE slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "name"), "Acme (fixed by support)");
    assert_eq!(get::<Option<Uuid>>(&row, "updated_by"), Some(operator_id));

    // An anonymous operation: audited with no name.
    let (_, anonymous) = server
        .post(
            json!({ "query": "{ tenant { slug } }" }),
            &acting("audit-anon"),
        )
        .await;
    assert_eq!(
        anonymous,
        json!({ "data": { "tenant": { "slug": "acme" } } })
    );

    let expected = |operation_type: &str, operation_name: Option<&str>| {
        json!({
            "tenant_id": acme.to_string(),
            "operator_user_id": operator_id.to_string(),
            "operator_tenant_id": leadmetrics.to_string(),
            "operation_type": operation_type,
            "operation_name": operation_name,
            "subgraph": "tenant",
        })
    };
    assert_eq!(
        audit_row(&db, "audit-me").await,
        expected("query", Some("WhoAmI"))
    );
    assert_eq!(
        audit_row(&db, "audit-users").await,
        expected("query", Some("AcmeUsers"))
    );
    assert_eq!(
        audit_row(&db, "audit-rename").await,
        expected("mutation", Some("Rename"))
    );
    assert_eq!(audit_row(&db, "audit-anon").await, expected("query", None));
    // One row per request, all in acme's log.
    assert_eq!(audit_rows(&db).await, 4);
    let in_acme = get::<i64>(
        &query_one(
            &db.owner,
            "SELECT count(*) AS n FROM operator_audit_log WHERE tenant_id = $1",
            [acme.into()],
        )
        .await,
        "n",
    );
    assert_eq!(in_acme, 4);

    // Without the header the operator is in their own tenant, and nothing is audited.
    let me = server.gql(Some(&operator), ME, json!({})).await;
    assert_eq!(
        me.pointer("/data/me/tenant/slug"),
        Some(&json!("leadmetrics"))
    );
    assert_eq!(me.pointer("/data/me/actingAsOperator"), Some(&json!(false)));
    assert_eq!(audit_rows(&db).await, 4);
}

#[tokio::test]
async fn an_operator_cannot_accept_a_contract_for_a_tenant() {
    let (db, server) = start().await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let globex_ref = tenant_ref_id(&db, "globex").await;
    let globex = tenant_uuid(&db, "globex").await;
    let authorization = bearer(&operator);
    let headers = [
        ("authorization", authorization.as_str()),
        ("x-act-for-tenant", globex_ref.as_str()),
        ("x-request-id", "audit-accept"),
    ];

    // Before acceptance the operator, like everyone, sees only `me` and the contract.
    let contract = server
        .gql_with(&headers[..2], "{ contract { status } }", json!({}))
        .await;
    assert_eq!(
        contract,
        json!({ "data": { "contract": { "status": "PENDING_ACCEPTANCE" } } })
    );

    let (_, body) = server
        .post(
            json!({
                "query": "mutation Accept { acceptContract { status } }",
                "operationName": "Accept"
            }),
            &headers,
        )
        .await;
    assert_refused(
        &body,
        "FORBIDDEN",
        "a platform operator cannot accept a contract for a tenant; an admin of the tenant must",
    );
    let row = query_one(
        &db.owner,
        "SELECT c.status::text AS status, t.contract_accepted_on IS NULL AS pending
         FROM contracts c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'globex'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&row, "status"), "pending_acceptance");
    assert!(get::<bool>(&row, "pending"));

    // The attempt itself is on record.
    let audited = audit_row(&db, "audit-accept").await;
    assert_eq!(audited["tenant_id"], json!(globex.to_string()));
    assert_eq!(audited["operation_type"], json!("mutation"));
    assert_eq!(audited["operation_name"], json!("Accept"));

    // globex's own admin can.
    let admin = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&admin),
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "acceptContract": { "status": "ACCEPTED" } } })
    );
}

#[tokio::test]
async fn nobody_but_a_super_admin_can_act_for_another_tenant_and_nothing_is_audited() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let globex_ref = tenant_ref_id(&db, "globex").await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    let refused = "only platform operators may act for another tenant";
    for target in [&globex_ref, &acme_ref] {
        for credential in [
            ("authorization", bearer(&admin)),
            ("authorization", bearer(&member)),
            ("authorization", api_key_header(&key)),
            ("x-api-key", key.clone()),
        ] {
            let (status, body) = server
                .post(
                    json!({ "query": ME }),
                    &[(credential.0, &credential.1), ("x-act-for-tenant", target)],
                )
                .await;
            assert_eq!(status, 403, "{credential:?}");
            assert_refused(&body, "FORBIDDEN", refused);
        }
    }
    assert_eq!(audit_rows(&db).await, 0);
    // Anonymous with the header: not authenticated, and not acting for anyone.
    let body = server
        .gql_with(&[("x-act-for-tenant", &globex_ref)], ME, json!({}))
        .await;
    assert_refused(&body, "UNAUTHENTICATED", "sign in or send an API key");
    assert_eq!(audit_rows(&db).await, 0);
}

#[tokio::test]
async fn acting_for_an_unknown_tenant_is_not_found_and_not_audited() {
    let (db, server) = start().await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;

    for target in ["01ARZ3NDEKTSV4RRFFQ69G5FAV", "acme", "not a tenant id"] {
        let (status, body) = server
            .post(
                json!({ "query": ME }),
                &[
                    ("authorization", &bearer(&operator)),
                    ("x-act-for-tenant", target),
                ],
            )
            .await;
        assert_eq!(status, 403, "{target}");
        assert_refused(&body, "NOT_FOUND", "tenant not found");
    }
    assert_eq!(audit_rows(&db).await, 0);
    // A blank header is no header: the operator works in their own tenant, unaudited.
    let body = server
        .gql_with(
            &[
                ("authorization", &bearer(&operator)),
                ("x-act-for-tenant", "  "),
            ],
            ME,
            json!({}),
        )
        .await;
    assert_eq!(
        body.pointer("/data/me/tenant/slug"),
        Some(&json!("leadmetrics")),
        "{body}"
    );
    assert_eq!(audit_rows(&db).await, 0);
}

#[tokio::test]
async fn requests_without_the_header_write_no_audit_row() {
    let (db, server) = start().await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;

    ok(&server.gql(Some(&operator), ME, json!({})).await);
    ok(&server
        .gql(Some(&operator), "{ users { nodes { email } } }", json!({}))
        .await);
    ok(&server.gql(Some(&admin), ME, json!({})).await);
    ok(&server
        .gql(
            Some(&admin),
            UPDATE_PROFILE,
            json!({ "input": { "name": "Acme Renamed" } }),
        )
        .await);
    ok(&server.gql_with(&[("x-api-key", &key)], ME, json!({})).await);
    assert_eq!(audit_rows(&db).await, 0);
}

#[tokio::test]
async fn an_operators_operation_named_only_in_the_document_is_audited_by_that_name() {
    let (db, server) = start().await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let acme_ref = tenant_ref_id(&db, "acme").await;

    // What curl users and many scripts send: a named operation and no `operationName`.
    let (_, body) = server
        .post(
            json!({ "query": "query ListAcmeUsers { users { nodes { email } } }" }),
            &[
                ("authorization", &bearer(&operator)),
                ("x-act-for-tenant", &acme_ref),
                ("x-request-id", "audit-named-in-document"),
            ],
        )
        .await;
    ok(&body);
    let audited = audit_row(&db, "audit-named-in-document").await;
    assert_eq!(audited["operation_type"], json!("query"));
    assert_eq!(
        audited["operation_name"],
        json!("ListAcmeUsers"),
        "{audited}"
    );
}

#[tokio::test]
async fn a_client_holding_a_broken_token_can_still_log_in_but_not_do_anything_else() {
    let (_db, server) = start().await;
    let stale = bearer("not-a-valid-token");
    let headers = [("authorization", stale.as_str())];

    let body = server
        .gql_with(
            &headers,
            LOGIN,
            login_input("admin@acme.test", DEMO_PASSWORD),
        )
        .await;
    assert!(
        body.pointer("/data/login/token")
            .is_some_and(Value::is_string),
        "{body}"
    );

    let mixed = server
        .gql_with(
            &headers,
            "mutation($input: LoginInput!) { login(input: $input) { token } acceptContract { status } }",
            login_input("admin@acme.test", DEMO_PASSWORD),
        )
        .await;
    assert_refused(&mixed, "UNAUTHENTICATED", INVALID);
}
