//! Responses in selection-set order.
//!
//! async-graphql 7 resolves the fields of an object concurrently and writes each into the
//! response as it completes (`FuturesUnordered` in its container resolver; upstream issue 612),
//! so the same query can return `goals` before or after `deliverables`. The GraphQL spec
//! ("Serialized Map Ordering") asks for the order of the request, and clients that diff or
//! snapshot responses rely on it. [`SelectionOrder`] is built once per request from the
//! operation (fragments expanded, fields merged by response key as GraphQL's CollectFields does)
//! and [`SelectionOrder::apply`] puts every object of the response back in that order: one pass
//! over the response, a move of each entry, no parsing.
//!
//! Fragments with a type condition are expanded as if they applied. For an object whose type
//! makes an earlier fragment not apply, a key that appears only there first and again later is
//! placed at its first appearance: a key's relative order can then differ from the spec's in
//! that one case (a union or interface field selecting the same key in several type-conditioned
//! fragments, in different positions), and the order is still the same for every response.

use async_graphql::Name;
use async_graphql::Positioned;
use async_graphql::Value;
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, Selection, SelectionSet,
};
use std::collections::HashSet;

/// Deepest nesting the order is built for (deeper levels keep async-graphql's order); the
/// query depth limit is far below it.
const MAX_ORDER_DEPTH: usize = 64;

/// Most fragment spreads expanded while building one order (a bound on the work a document of
/// fragments that spread each other repeatedly can cause; the query limits reject such
/// documents anyway). Past it, the remaining levels keep async-graphql's order.
const MAX_SPREADS: usize = 10_000;

/// The order of the response keys of one selection set, with the order of each key's own
/// selection set.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SelectionOrder {
    keys: Vec<(Name, SelectionOrder)>,
}

impl SelectionOrder {
    /// The order of the operation that will run (named `operation_name`, or the only one); None
    /// when the document does not say which (the request then fails anyway).
    pub fn of(doc: &ExecutableDocument, operation_name: Option<&str>) -> Option<Self> {
        let operation: &Positioned<OperationDefinition> = match (&doc.operations, operation_name) {
            (DocumentOperations::Single(operation), _) => operation,
            (DocumentOperations::Multiple(operations), Some(name)) => operations.get(name)?,
            (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
                operations.values().next()?
            }
            _ => return None,
        };
        let mut builder = Builder {
            doc,
            spreads: 0,
            active: HashSet::new(),
        };
        let mut order = SelectionOrder::default();
        builder.collect(&mut order, &operation.node.selection_set.node, 0);
        Some(order)
    }

    /// Puts every object of `value` in this order (lists element by element). Keys the order does
    /// not know keep their relative order after the known ones.
    pub fn apply(&self, value: &mut Value) {
        match value {
            Value::Object(map) => {
                if self.keys.is_empty() {
                    return;
                }
                let in_order = self
                    .keys
                    .iter()
                    .enumerate()
                    .all(|(index, (key, _))| map.get_index_of(key) == Some(index))
                    && map.len() == self.keys.len();
                if !in_order {
                    let mut old = std::mem::take(map);
                    map.reserve(old.len());
                    for (key, _) in &self.keys {
                        if let Some((key, value)) = old.shift_remove_entry(key) {
                            map.insert(key, value);
                        }
                    }
                    map.extend(old);
                }
                for (key, order) in &self.keys {
                    if let Some(child) = map.get_mut(key) {
                        order.apply(child);
                    }
                }
            }
            Value::List(items) => {
                for item in items {
                    self.apply(item);
                }
            }
            _ => {}
        }
    }
}

/// Builds an order, expanding fragments with a bound on the work.
struct Builder<'a> {
    doc: &'a ExecutableDocument,
    spreads: usize,
    /// Fragments being expanded (a cycle, rejected later by validation, stops here).
    active: HashSet<&'a str>,
}

impl<'a> Builder<'a> {
    fn collect(&mut self, order: &mut SelectionOrder, set: &'a SelectionSet, depth: usize) {
        if depth > MAX_ORDER_DEPTH {
            return;
        }
        for selection in &set.items {
            match &selection.node {
                Selection::Field(field) => {
                    let key = field.node.response_key().node.clone();
                    let index = match order.keys.iter().position(|(known, _)| *known == key) {
                        Some(index) => index,
                        None => {
                            order.keys.push((key, SelectionOrder::default()));
                            order.keys.len() - 1
                        }
                    };
                    let mut child = std::mem::take(&mut order.keys[index].1);
                    self.collect(&mut child, &field.node.selection_set.node, depth + 1);
                    order.keys[index].1 = child;
                }
                Selection::InlineFragment(inline) => {
                    self.collect(order, &inline.node.selection_set.node, depth + 1);
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    self.spreads += 1;
                    if self.spreads > MAX_SPREADS || !self.active.insert(name) {
                        continue;
                    }
                    if let Some(fragment) = self.doc.fragments.get(name) {
                        self.collect(order, &fragment.node.selection_set.node, depth + 1);
                    }
                    self.active.remove(name);
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    fn order_of(query: &str) -> SelectionOrder {
        SelectionOrder::of(&parse_query(query).unwrap(), None).unwrap()
    }

    fn keys(value: &Value) -> Vec<String> {
        match value {
            Value::Object(map) => map.keys().map(|key| key.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn objects_are_put_in_selection_order_at_every_level_and_in_lists() {
        let order = order_of("{ b a { y x } c: a { x } }");
        let mut value = Value::from_json(serde_json::json!({
            "c": [{ "x": 1 }],
            "a": [{ "x": 1, "y": 2 }, { "x": 3, "y": 4 }],
            "b": true
        }))
        .unwrap();
        order.apply(&mut value);
        assert_eq!(keys(&value), ["b", "a", "c"]);
        let Value::Object(map) = &value else {
            panic!("not an object")
        };
        let Some(Value::List(items)) = map.get("a") else {
            panic!("no list")
        };
        assert_eq!(keys(&items[0]), ["y", "x"]);
        assert_eq!(keys(&items[1]), ["y", "x"]);
    }

    #[test]
    fn fragments_and_repeated_keys_follow_the_first_appearance() {
        let order = order_of(
            "query { ...Top a { z } } fragment Top on Query { a { x } b ... on Query { c a { y } } }",
        );
        let mut value = Value::from_json(serde_json::json!({
            "c": 1, "b": 2, "a": { "z": 1, "y": 2, "x": 3 }
        }))
        .unwrap();
        order.apply(&mut value);
        assert_eq!(keys(&value), ["a", "b", "c"]);
        let Value::Object(map) = &value else {
            panic!("not an object")
        };
        assert_eq!(keys(&map["a"]), ["x", "y", "z"]);
    }

    #[test]
    fn a_fragment_cycle_does_not_loop() {
        let order =
            order_of("{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A }");
        assert_eq!(
            order
                .keys
                .iter()
                .map(|(key, _)| key.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
    }
}
