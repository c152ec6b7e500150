//! The registration wizard's sessions at rest and at their end: the token stored only as its
//! hash, an expired session refused like an unknown one and deleted by the clean-up job, and
//! clean-up runs on several instances at once deleting each row exactly once.

use graph_core::registration::{delete_expired, run_cleanup};
use leadmetrics_tests::api::{assert_code, data, string_at};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{count, start};
use leadmetrics_tests::{exec, exec_with, get, query_one};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::sync::atomic::Ordering::Relaxed;

const START: &str = "mutation($input: RegisterContactInput!) { registerContact(input: $input) { token registrationId } }";
const COMPANY: &str =
    "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { currentStep } }";
const RESUME: &str = "{ registration { id currentStep } }";

async fn start_registration(server: &TestServer, email: &str) -> (String, String) {
    let body = server
        .gql(
            None,
            START,
            json!({ "input": {
                "country": "India", "firstName": "Asha", "lastName": "Rao", "email": email,
                "phone": "+919876543210", "password": "a registration password" } }),
        )
        .await;
    (
        string_at(&body, "/data/registerContact/token"),
        string_at(&body, "/data/registerContact/registrationId"),
    )
}

fn company() -> Value {
    json!({ "input": { "legalName": "Rao Digital Private Limited", "brandName": "Rao Digital" } })
}

async fn with_token(server: &TestServer, token: &str, query: &str, variables: Value) -> Value {
    server
        .gql_with(&[("x-registration-token", token)], query, variables)
        .await
}

#[tokio::test]
async fn the_token_is_stored_only_as_its_sha256() {
    let (db, server) = start().await;
    let (token, id) = start_registration(&server, "hash@example.com").await;
    assert_eq!(token.len(), 43, "{token}");
    let row = query_one(
        &db.owner,
        "SELECT session_token, to_jsonb(r)::text AS whole FROM registration_sessions r WHERE ref_id = $1",
        [id.into()],
    )
    .await;
    let stored: String = get(&row, "session_token");
    let expected: String = Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored, expected);
    assert!(
        !get::<String>(&row, "whole").contains(&token),
        "the token is stored in plain text"
    );
}

#[tokio::test]
async fn an_expired_registration_is_refused_like_an_unknown_one_and_the_clean_up_job_deletes_it() {
    let (db, server) = start().await;
    let (expired, expired_id) = start_registration(&server, "expired@example.com").await;
    let (live, live_id) = start_registration(&server, "live@example.com").await;
    exec_with(
        &db.owner,
        "UPDATE registration_sessions SET expires_at = now() - interval '1 second' WHERE ref_id = $1",
        [expired_id.clone().into()],
    )
    .await
    .unwrap_or_else(|error| panic!("{error}"));

    let body = with_token(&server, &expired, RESUME, json!({})).await;
    assert_eq!(data(&body, "/data/registration"), &Value::Null);
    let refused = with_token(&server, &expired, COMPANY, company()).await;
    assert_code(&refused, "UNAUTHENTICATED");
    let unknown = with_token(&server, &"B".repeat(43), COMPANY, company()).await;
    assert_eq!(
        refused["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    // Step 1 with an expired token starts a new registration rather than reviving the old one.
    let body = server
        .gql_with(
            &[("x-registration-token", expired.as_str())],
            START,
            json!({ "input": {
                "country": "India", "firstName": "Asha", "lastName": "Rao",
                "email": "expired@example.com", "phone": "+919876543210",
                "password": "a registration password" } }),
        )
        .await;
    let renewed = string_at(&body, "/data/registerContact/registrationId");
    assert_ne!(renewed, expired_id);

    let jobs = &server.services().jobs;
    let runs = jobs.registration_cleanup_runs.load(Relaxed);
    assert_eq!(run_cleanup(server.services(), 100).await, 1);
    assert_eq!(jobs.registration_cleanup_runs.load(Relaxed), runs + 1);
    assert_eq!(jobs.registrations_expired.load(Relaxed), 1);
    let left: Vec<String> = leadmetrics_tests::query_all(
        &db.owner,
        "SELECT ref_id FROM registration_sessions ORDER BY ref_id",
        [],
    )
    .await
    .iter()
    .map(|row| get(row, "ref_id"))
    .collect();
    let mut want = vec![live_id, renewed];
    want.sort();
    assert_eq!(left, want);
    let body = with_token(&server, &live, RESUME, json!({})).await;
    assert_eq!(data(&body, "/data/registration/currentStep"), 1);
    // The metrics say so.
    let (_, _, metrics) = server.get("/metrics", &[]).await;
    assert!(
        metrics.contains("registrations_expired_total 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("registration_cleanup_runs_total"),
        "{metrics}"
    );
}

#[tokio::test]
async fn clean_up_runs_on_two_instances_at_once_delete_each_expired_row_once() {
    let (db, first) = start().await;
    let second = TestServer::start(&db).await;
    exec(
        &db.owner,
        "INSERT INTO registration_sessions (session_token, contact_data, expires_at, created_on)
         SELECT md5(n::text) || md5((n + 1000)::text), '{}'::jsonb, now() - interval '1 hour', now() - interval '25 hours'
         FROM generate_series(1, 400) AS n",
    )
    .await;
    // One live row the job must leave alone.
    let (_token, live) = start_registration(&first, "stays@example.com").await;
    let (a, b) = tokio::join!(
        async {
            let mut total = 0;
            loop {
                let deleted = delete_expired(first.services(), 25)
                    .await
                    .unwrap_or_else(|e| panic!("{e:?}"));
                total += deleted;
                if deleted == 0 {
                    break total;
                }
            }
        },
        async {
            let mut total = 0;
            loop {
                let deleted = delete_expired(second.services(), 25)
                    .await
                    .unwrap_or_else(|e| panic!("{e:?}"));
                total += deleted;
                if deleted == 0 {
                    break total;
                }
            }
        }
    );
    assert_eq!(a + b, 400, "each row deleted once ({a} + {b})");
    let left = count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions",
        [],
    )
    .await;
    assert_eq!(left, 1);
    let kept = count(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE ref_id = $1",
        [live.into()],
    )
    .await;
    assert_eq!(kept, 1);
    // A run with nothing due deletes nothing.
    assert_eq!(run_cleanup(second.services(), 25).await, 0);
}

#[tokio::test]
async fn the_server_runs_the_clean_up_job_on_its_timer() {
    let (db, _server) = start().await;
    let timed =
        TestServer::start_with(&db, &[("REGISTRATION_CLEANUP_INTERVAL_SECONDS", "1")]).await;
    let (_token, id) = start_registration(&timed, "timer@example.com").await;
    exec_with(
        &db.owner,
        "UPDATE registration_sessions SET expires_at = now() - interval '1 minute' WHERE ref_id = $1",
        [id.into()],
    )
    .await
    .unwrap_or_else(|error| panic!("{error}"));
    for _ in 0..100 {
        let left = count(
            &db.owner,
            "SELECT count(*) AS n FROM registration_sessions",
            [],
        )
        .await;
        if left == 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the clean-up job never deleted the expired registration");
}
