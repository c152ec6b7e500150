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

/// Ids kept per entry at most (a mutation naming thousands of ids is recorded with the first).
const MAX_TARGET_IDS: usize = 100;
/// Root fields kept per entry at most (the query limits bound them anyway).
const MAX_FIELDS: usize = 50;

/// What is known of a mutation request before it runs.
pub(super) struct MutationAudit {
    operation_name: Option<String>,
    fields: Vec<String>,
    document_hash: String,
    argument_ids: Vec<String>,
    /// The response key (alias or name) of each root field, to find its result's id.
    response_keys: Vec<String>,
}

impl MutationAudit {
    /// The audit of `request` if the operation it will run is a mutation (None for queries,
    /// subscriptions and documents that do not parse or name no single operation: those run
    /// nothing that changes data).
    pub(super) fn of(request: &mut async_graphql::Request) -> Option<Self> {
        let sent_name = request.operation_name.clone();
        let variables = request.variables.clone();
        let hash = document_hash(&request.query);
        let document = request.parsed_query().ok()?;
        let (name, operation) = selected_operation(document, sent_name.as_deref())?;
        if operation.ty != OperationType::Mutation {
            return None;
        }
        let mut audit = Self {
            operation_name: sent_name
                .or(name.map(str::to_owned))
                .map(|name| printable(&name, 255)),
            fields: Vec::new(),
            document_hash: hash,
            argument_ids: Vec::new(),
            response_keys: Vec::new(),
        };
        audit.collect(document, &operation.selection_set.node, &variables, 0);
        Some(audit)
    }

    /// Root fields, their argument ids and response keys, through fragments (at most a few
    /// levels: the depth limit has already bounded the document).
    fn collect(
        &mut self,
        document: &ExecutableDocument,
        selection_set: &SelectionSet,
        variables: &Variables,
        depth: usize,
    ) {
        if depth > 8 {
            return;
        }
        for selection in &selection_set.items {
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
                    self.response_keys
                        .push(field.response_key().node.as_str().to_owned());
                    for (argument, value) in &field.arguments {
                        self.ids_in(argument.node.as_str(), &value.node, variables);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    if let Some(fragment) = document.fragments.get(&spread.node.fragment_name.node)
                    {
                        self.collect(
                            document,
                            &fragment.node.selection_set.node,
                            variables,
                            depth + 1,
                        );
                    }
                }
                Selection::InlineFragment(fragment) => {
                    self.collect(
                        document,
                        &fragment.node.selection_set.node,
                        variables,
                        depth + 1,
                    );
                }
            }
        }
    }

    /// The ids in argument or input field `name` holding `value` (variables resolved).
    fn ids_in(&mut self, name: &str, value: &Value, variables: &Variables) {
        match value {
            Value::Variable(variable) => {
                if let Some(value) = variables.get(variable) {
                    self.const_ids_in(name, value, 0);
                }
            }
            Value::Object(fields) => {
                for (field, value) in fields {
                    self.ids_in(field.as_str(), value, variables);
                }
            }
            Value::List(items) => {
                for item in items {
                    self.ids_in(name, item, variables);
                }
            }
            Value::String(text) if names_an_id(name) => self.push_id(text),
            _ => {}
        }
    }

    fn const_ids_in(&mut self, name: &str, value: &ConstValue, depth: usize) {
        if depth > 16 {
            return;
        }
        match value {
            ConstValue::Object(fields) => {
                for (field, value) in fields {
                    self.const_ids_in(field.as_str(), value, depth + 1);
                }
            }
            ConstValue::List(items) => {
                for item in items {
                    self.const_ids_in(name, item, depth + 1);
                }
            }
            ConstValue::String(text) if names_an_id(name) => self.push_id(text),
            _ => {}
        }
    }

    fn push_id(&mut self, text: &str) {
        if self.argument_ids.len() < MAX_TARGET_IDS
            && is_public_id(text)
            && !self.argument_ids.iter().any(|id| id == text)
        {
            self.argument_ids.push(text.to_owned());
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
            for key in &self.response_keys {
                let id = match data.get(&Name::new(key)) {
                    Some(ConstValue::Object(result)) => result.get("id"),
                    Some(value @ ConstValue::String(_)) => Some(value),
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
        assert_eq!(audit.response_keys, ["a", "other", "setX"]);
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
