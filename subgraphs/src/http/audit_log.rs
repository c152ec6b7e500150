//! One `audit_logs` entry per mutation request, whatever the subgraph: which mutation fields
//! ran, by whom (and for which operator), on which ids, with what outcome. Worked out from the
//! parsed document before execution ([`MutationAudit::of`]) and finished with the response
//! ([`MutationAudit::entry`]), then handed to the process's [`AuditSink`], which writes it in
//! the background — the response never waits for the document store.
//!
//! **Never an input value.** The entry holds the operation's name, the hash of its document, the
//! root field names, and public ids: the values of arguments and input fields named `id`, `…Id`
//! or `…Ids` (ULIDs only), and the `id` of each root field's result. Passwords, tokens, API
//! keys, configurations and every other input value are never read.
//!
//! [`AuditSink`]: graph_core::documents::AuditSink

use super::graphql::selected_operation;
use super::persisted::document_hash;
use async_graphql::Variables;
use async_graphql::parser::types::{ExecutableDocument, OperationType, Selection, SelectionSet};
use async_graphql_value::{ConstValue, Name, Value};
use graph_core::context::{Principal, Session};
use graph_core::documents::AuditLogEntry;
use mongodb::bson::DateTime;
use mongodb::bson::oid::ObjectId;
use std::collections::HashSet;

/// Ids kept per entry at most (a mutation naming thousands of ids is recorded with the first).
const MAX_TARGET_IDS: usize = 100;
/// Root fields kept per entry at most (the query limits bound them anyway).
const MAX_FIELDS: usize = 50;
/// Selections looked at per document at most. The audit is worked out before the query limits
/// are checked (so refused mutations are recorded too): this bounds its work on any document.
const MAX_SELECTIONS: usize = 10_000;
/// Fragments nested in fragments followed at most (the recursion of the walk; the query limits
/// refuse far shallower documents anyway).
const MAX_FRAGMENT_NESTING: usize = 64;

/// What is known of a mutation request before it runs.
pub(super) struct MutationAudit {
    operation_name: Option<String>,
    fields: Vec<String>,
    document_hash: String,
    argument_ids: Vec<String>,
    /// Per root field: its response key, and the response key of its own `id` field when the
    /// selection has one (an alias of another field called `id` is not it).
    results: Vec<(String, Option<String>)>,
    /// Selections it may still look at ([`MAX_SELECTIONS`]).
    budget: usize,
}

impl MutationAudit {
    /// The audit of `request` if the operation it will run is a mutation (None for queries,
    /// subscriptions and documents that do not parse or name no single operation: those run
    /// nothing that changes data). Variables a client omits take their default from the
    /// document, as execution does.
    pub(super) fn of(request: &mut async_graphql::Request) -> Option<Self> {
        let sent_name = request.operation_name.clone();
        let mut variables = request.variables.clone();
        let hash = document_hash(&request.query);
        let document = request.parsed_query().ok()?;
        let (name, operation) = selected_operation(document, sent_name.as_deref())?;
        if operation.ty != OperationType::Mutation {
            return None;
        }
        for definition in &operation.variable_definitions {
            let definition = &definition.node;
            if !variables.contains_key(&definition.name.node)
                && let Some(default) = &definition.default_value
            {
                variables.insert(definition.name.node.clone(), default.node.clone());
            }
        }
        let mut audit = Self {
            operation_name: sent_name
                .or(name.map(str::to_owned))
                .map(|name| printable(&name, 255)),
            fields: Vec::new(),
            document_hash: hash,
            argument_ids: Vec::new(),
            results: Vec::new(),
            budget: MAX_SELECTIONS,
        };
        let mut visited = HashSet::new();
        audit.collect(
            document,
            &operation.selection_set.node,
            &variables,
            &mut visited,
            0,
        );
        Some(audit)
    }

    /// Root fields, their argument ids and result keys, through fragments (each fragment once:
    /// a chain of spreads of any length is followed, a cycle is not).
    fn collect<'d>(
        &mut self,
        document: &'d ExecutableDocument,
        selection_set: &'d SelectionSet,
        variables: &Variables,
        visited: &mut HashSet<&'d str>,
        nesting: usize,
    ) {
        if nesting > MAX_FRAGMENT_NESTING {
            return;
        }
        for selection in &selection_set.items {
            if self.budget == 0 {
                return;
            }
            self.budget -= 1;
            match &selection.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let name = field.name.node.as_str();
                    if name.starts_with("__") {
                        continue;
                    }
                    if self.fields.len() < MAX_FIELDS && !self.fields.iter().any(|f| f == name) {
                        self.fields.push(name.to_owned());
                    }
                    if self.results.len() < MAX_FIELDS {
                        let id_key = id_response_key(
                            document,
                            &field.selection_set.node,
                            &mut HashSet::new(),
                            &mut self.budget,
                        );
                        self.results
                            .push((field.response_key().node.as_str().to_owned(), id_key));
                    }
                    for (argument, value) in &field.arguments {
                        self.argument(argument.node.as_str(), &value.node, variables);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    if visited.insert(name)
                        && let Some(fragment) =
                            document.fragments.get(&spread.node.fragment_name.node)
                    {
                        self.collect(
                            document,
                            &fragment.node.selection_set.node,
                            variables,
                            visited,
                            nesting + 1,
                        );
                    }
                }
                Selection::InlineFragment(fragment) => {
                    self.collect(
                        document,
                        &fragment.node.selection_set.node,
                        variables,
                        visited,
                        nesting + 1,
                    );
                }
            }
        }
    }

    /// The ids of one root field's argument `name`: the argument itself when its name says it
    /// holds ids, or the id-named fields of an input object given there — one level, never
    /// deeper, so the contents of a JSON value (`metadata`, `config`) are never read.
    fn argument(&mut self, name: &str, value: &Value, variables: &Variables) {
        let Ok(value) = value
            .clone()
            .into_const_with(|variable| variables.get(&variable).cloned().ok_or(()))
        else {
            return;
        };
        if names_an_id(name) {
            self.ids_of(&value);
        } else if let ConstValue::Object(fields) = &value {
            for (field, value) in fields {
                if names_an_id(field.as_str()) {
                    self.ids_of(value);
                }
            }
        }
    }

    /// A string, or the strings of a list.
    fn ids_of(&mut self, value: &ConstValue) {
        match value {
            ConstValue::String(text) => self.push_id(text),
            ConstValue::List(items) => {
                for item in items {
                    if let ConstValue::String(text) = item {
                        self.push_id(text);
                    }
                }
            }
            _ => {}
        }
    }

    /// Keeps `text` if it is a public id, in its canonical (upper-case) form: ids are
    /// case-insensitive, so `01abc…` names the same record as `01ABC…`.
    fn push_id(&mut self, text: &str) {
        let id = text.to_ascii_uppercase();
        if self.argument_ids.len() < MAX_TARGET_IDS
            && is_public_id(&id)
            && !self.argument_ids.contains(&id)
        {
            self.argument_ids.push(id);
        }
    }

    /// The entry, once the response is ready.
    pub(super) fn entry(
        self,
        session: Option<&Session>,
        response: &async_graphql::Response,
        request_id: &str,
        subgraph: &str,
    ) -> AuditLogEntry {
        let mut target_ids = self.argument_ids;
        if let ConstValue::Object(data) = &response.data {
            for (key, id_key) in &self.results {
                let id = match (data.get(&Name::new(key)), id_key) {
                    (Some(ConstValue::Object(result)), Some(id_key)) => {
                        result.get(&Name::new(id_key))
                    }
                    (Some(value @ ConstValue::String(_)), _) => Some(value),
                    _ => None,
                };
                if let Some(ConstValue::String(id)) = id
                    && is_public_id(id)
                    && target_ids.len() < MAX_TARGET_IDS
                    && !target_ids.iter().any(|known| known == id)
                {
                    target_ids.push(id.clone());
                }
            }
        }
        let error_codes: Vec<String> = response
            .errors
            .iter()
            .filter_map(|error| {
                error
                    .extensions
                    .as_ref()
                    .and_then(|extensions| extensions.get("code"))
                    .and_then(|code| match code {
                        ConstValue::String(code) => Some(code.clone()),
                        _ => None,
                    })
            })
            .collect();
        let (tenant_id, actor, operator_tenant) = match session {
            None => (String::new(), "anonymous".to_owned(), None),
            Some(session) => (
                session.tenant.id.uuid().to_string(),
                match &session.principal {
                    Principal::User { ref_id, .. } => format!("user:{ref_id}"),
                    Principal::ApiKey { ref_id, .. } => format!("api_key:{ref_id}"),
                },
                session
                    .operator
                    .as_ref()
                    .map(|operator| operator.home_tenant.uuid().to_string()),
            ),
        };
        AuditLogEntry {
            id: ObjectId::new(),
            tenant_id,
            actor,
            operator_tenant,
            operation_name: self.operation_name,
            fields: self.fields,
            document_hash: self.document_hash,
            target_ids,
            outcome: if response.errors.is_empty() {
                "ok"
            } else {
                "error"
            }
            .to_owned(),
            error_codes,
            request_id: request_id.to_owned(),
            subgraph: subgraph.to_owned(),
            at: DateTime::now(),
        }
    }
}

/// The response key of the `id` field a selection set selects (through its fragments), if any.
fn id_response_key<'d>(
    document: &'d ExecutableDocument,
    selection_set: &'d SelectionSet,
    visited: &mut HashSet<&'d str>,
    budget: &mut usize,
) -> Option<String> {
    if visited.len() > MAX_FRAGMENT_NESTING {
        return None;
    }
    for selection in &selection_set.items {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let found = match &selection.node {
            Selection::Field(field) if field.node.name.node.as_str() == "id" => {
                Some(field.node.response_key().node.as_str().to_owned())
            }
            Selection::Field(_) => None,
            Selection::InlineFragment(fragment) => {
                id_response_key(document, &fragment.node.selection_set.node, visited, budget)
            }
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                match document.fragments.get(&spread.node.fragment_name.node) {
                    Some(fragment) if visited.insert(name) => id_response_key(
                        document,
                        &fragment.node.selection_set.node,
                        visited,
                        budget,
                    ),
                    _ => None,
                }
            }
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether an argument or input field called `name` holds public ids.
fn names_an_id(name: &str) -> bool {
    name == "id" || name.ends_with("Id") || name.ends_with("Ids")
}

/// A ULID (26 Crockford base-32 characters): only such values are kept, so nothing else a
/// client sends under an id-like name is ever stored.
fn is_public_id(text: &str) -> bool {
    text.len() == 26
        && text.bytes().all(|b| {
            b.is_ascii_digit()
                || (b.is_ascii_uppercase() && !matches!(b, b'I' | b'L' | b'O' | b'U'))
        })
}

/// `text` without control characters, at most `max` characters.
fn printable(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audit(query: &str, variables: serde_json::Value) -> Option<MutationAudit> {
        let mut request =
            async_graphql::Request::new(query).variables(Variables::from_json(variables));
        MutationAudit::of(&mut request)
    }

    const A: &str = "01HZY3C5R8K2M4N6P8Q0S2T4V6";
    const B: &str = "01HZY3C5R8K2M4N6P8Q0S2T4V7";

    #[test]
    fn a_query_is_not_audited_and_a_mutation_names_its_fields_and_ids() {
        assert!(audit("{ me { id } }", serde_json::json!({})).is_none());
        let Some(audit) = audit(
            "mutation M($id: ID!, $input: X) { a: approveApproval(id: $id) { id } other: deleteThing(thingId: \"01HZY3C5R8K2M4N6P8Q0S2T4V7\") setX(input: $input) { id } }",
            serde_json::json!({ "id": A, "input": { "channelId": B, "password": "hunter2hunter2", "accessToken": "01HZY3C5R8K2M4N6P8Q0S2T4V8" } }),
        ) else {
            panic!("a mutation is audited");
        };
        assert_eq!(audit.operation_name.as_deref(), Some("M"));
        assert_eq!(audit.fields, ["approveApproval", "deleteThing", "setX"]);
        assert_eq!(audit.argument_ids, [A, B]);
        let keys: Vec<&str> = audit.results.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, ["a", "other", "setX"]);
        assert_eq!(audit.results[0].1.as_deref(), Some("id"));
    }

    #[test]
    fn only_ulids_under_id_names_are_kept() {
        assert!(is_public_id(A));
        assert!(!is_public_id("hunter2"));
        assert!(!is_public_id("01hzy3c5r8k2m4n6p8q0s2t4v6"));
        assert!(names_an_id("targetChannelIds"));
        assert!(!names_an_id("password"));
        assert!(!names_an_id("idea"));
    }
}
