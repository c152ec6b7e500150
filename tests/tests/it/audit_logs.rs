//! `audit_logs`: every mutation of every subgraph writes exactly one entry — run, refused by a
//! resolver, or refused by validation — after its response, naming the operation, fields, ids,
//! actor and outcome, and never an input value (a password, a token).

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{
    BaseType, ServiceDocument, Type, TypeKind, TypeSystemDefinition,
};
use leadmetrics_tests::api::{Headers, bearer_headers, borrowed};
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::documents::audit_entries_of;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer};
use serde_json::json;
use std::collections::BTreeMap;

/// An id that exists nowhere.
const UNKNOWN: &str = "01J00000000000000000000000";

fn type_definitions(document: &ServiceDocument) -> BTreeMap<String, &TypeKind> {
    document
        .definitions
        .iter()
        .filter_map(|definition| match definition {
            TypeSystemDefinition::Type(ty) => Some((ty.node.name.node.to_string(), &ty.node.kind)),
            _ => None,
        })
        .collect()
}

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

/// A literal of type `ty` that passes validation (not necessarily the resolver's checks).
fn literal(ty: &Type, types: &BTreeMap<String, &TypeKind>, depth: usize) -> String {
    if let BaseType::List(inner) = &ty.base {
        return format!("[{}]", literal(inner, types, depth));
    }
    let name = named(ty);
    match (name, types.get(name)) {
        ("ID", _) => format!("\"{UNKNOWN}\""),
        ("String", _) => "\"x\"".to_owned(),
        ("Int", _) => "1".to_owned(),
        ("Float", _) => "1.5".to_owned(),
        ("Boolean", _) => "true".to_owned(),
        ("JSON", _) => "{}".to_owned(),
        ("DateTime", _) => "\"2030-01-01T00:00:00Z\"".to_owned(),
        ("NaiveDate" | "Date", _) => "\"2030-01-01\"".to_owned(),
        (_, Some(TypeKind::Enum(enumeration))) => enumeration
            .values
            .first()
            .map(|value| value.node.value.node.to_string())
            .unwrap_or_default(),
        (_, Some(TypeKind::InputObject(input))) if depth < 5 => {
            let fields: Vec<String> = input
                .fields
                .iter()
                .filter(|field| !field.node.ty.node.nullable)
                .map(|field| {
                    format!(
                        "{}: {}",
                        field.node.name.node,
                        literal(&field.node.ty.node, types, depth + 1)
                    )
                })
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        _ => "\"1\"".to_owned(),
    }
}

/// `mutation Audit_<field> { <field>(<required args>) <selection> }` for every mutation field.
fn every_mutation(sdl: &str) -> Vec<(String, String)> {
    let document = match parse_schema(sdl) {
        Ok(document) => document,
        Err(error) => panic!("the SDL does not parse: {error}"),
    };
    let types = type_definitions(&document);
    let Some(TypeKind::Object(mutation)) = types.get("Mutation") else {
        return Vec::new();
    };
    mutation
        .fields
        .iter()
        .map(|field| {
            let field = &field.node;
            let arguments: Vec<String> = field
                .arguments
                .iter()
                .filter(|argument| !argument.node.ty.node.nullable)
                .map(|argument| {
                    format!(
                        "{}: {}",
                        argument.node.name.node,
                        literal(&argument.node.ty.node, &types, 0)
                    )
                })
                .collect();
            let arguments = if arguments.is_empty() {
                String::new()
            } else {
                format!("({})", arguments.join(", "))
            };
            let selection = match types.get(named(&field.ty.node)) {
                Some(TypeKind::Object(_) | TypeKind::Union(_) | TypeKind::Interface(_)) => {
                    " { __typename }"
                }
                _ => "",
            };
            let name = field.name.node.to_string();
            let query = format!("mutation Audit_{name} {{ {name}{arguments}{selection} }}");
            (name, query)
        })
        .collect()
}

async fn post(server: &TestServer, headers: &Headers, request_id: &str, query: &str) {
    let mut headers = borrowed(headers);
    headers.push(("x-request-id", request_id));
    let _ = server.post(json!({ "query": query }), &headers).await;
}

#[tokio::test]
async fn every_mutation_of_every_subgraph_writes_exactly_one_audit_entry() {
    let world = start_content().await;
    let admin = bearer_headers(&world.tenant.login("admin@acme.test", DEMO_PASSWORD).await);
    let mut expected = BTreeMap::new();
    for subgraph in subgraphs::registry::SUBGRAPHS {
        let server = match subgraph.name {
            "tenant" => &world.tenant,
            "content" => &world.content,
            other => panic!("no test server for subgraph {other}: add it here"),
        };
        let mutations = every_mutation(&(subgraph.sdl)());
        assert!(!mutations.is_empty(), "{} has mutations", subgraph.name);
        for (field, query) in mutations {
            let request_id = format!("audit-{}-{field}", subgraph.name);
            post(server, &admin, &request_id, &query).await;
            expected.insert(request_id, (subgraph.name, field));
        }
    }
    let request_ids: Vec<String> = expected.keys().cloned().collect();
    let entries = audit_entries_of(&world.tenant, &request_ids, expected.len()).await;
    let mut per_request: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for entry in &entries {
        per_request
            .entry(entry.request_id.as_str())
            .or_default()
            .push(entry);
    }
    let missing: Vec<&String> = expected
        .keys()
        .filter(|id| !per_request.contains_key(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "mutations without an audit entry: {missing:?}"
    );
    for (request_id, (subgraph, field)) in &expected {
        let found = &per_request[request_id.as_str()];
        assert_eq!(found.len(), 1, "{request_id}: one entry per request");
        let entry = found[0];
        assert_eq!(&entry.subgraph, subgraph, "{request_id}");
        assert_eq!(entry.fields, std::slice::from_ref(field), "{request_id}");
        assert_eq!(
            entry.operation_name.as_deref(),
            Some(format!("Audit_{field}").as_str())
        );
        assert!(
            entry.actor.starts_with("user:"),
            "{request_id}: {}",
            entry.actor
        );
        assert_eq!(entry.document_hash.len(), 64);
    }
}

#[tokio::test]
async fn an_audit_entry_names_the_ids_and_outcome_but_never_a_secret_or_password() {
    let world = start_content().await;
    let admin = bearer_headers(&world.tenant.login("admin@acme.test", DEMO_PASSWORD).await);
    let connect =
        "mutation Connect($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }";
    let secret = "oauth-access-token-that-must-never-be-logged";
    let mut headers = borrowed(&admin);
    headers.push(("x-request-id", "audit-connect"));
    let (_, body) = world
        .content
        .post(
            json!({ "query": connect, "variables": { "input": {
                "platform": "WORDPRESS", "name": "Blog", "externalId": "blog-1",
                "accessToken": secret } } }),
            &headers,
        )
        .await;
    let channel = body["data"]["connectChannel"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(channel.len(), 26, "{body}");

    // A failed login: the password must not be recorded either.
    let login = "mutation { login(email: \"admin@acme.test\", password: \"wrong-password-value\") { token } }";
    let _ = world
        .tenant
        .post(
            json!({ "query": login }),
            &[("x-request-id", "audit-login")],
        )
        .await;

    let ids = ["audit-connect".to_owned(), "audit-login".to_owned()];
    let entries = audit_entries_of(&world.tenant, &ids, 2).await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    let connected = entries.iter().find(|e| e.request_id == "audit-connect");
    let Some(connected) = connected else {
        panic!("no entry: {entries:?}")
    };
    assert_eq!(connected.outcome, "ok");
    assert_eq!(connected.target_ids, std::slice::from_ref(&channel));
    assert_eq!(connected.operation_name.as_deref(), Some("Connect"));
    let Some(failed) = entries.iter().find(|e| e.request_id == "audit-login") else {
        panic!("no entry: {entries:?}")
    };
    assert_eq!(failed.outcome, "error");
    assert_eq!(failed.actor, "anonymous");
    assert!(!failed.error_codes.is_empty(), "{failed:?}");
    let stored = format!("{entries:?}");
    assert!(!stored.contains(secret), "a token was recorded: {stored}");
    assert!(
        !stored.contains("wrong-password-value"),
        "a password was recorded: {stored}"
    );
}
