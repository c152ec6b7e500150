//! Introspection is for authenticated callers only (integrators paste a token into GraphiQL).
//! async-graphql's `disable_introspection` alone answers an anonymous `__schema` with a silent
//! `null`; the HTTP layer asks [`introspects`] of the parsed document and answers a clear
//! `UNAUTHENTICATED` error instead, and the request is still built with introspection disabled
//! as a second wall.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

/// Whether any field of `set` (or below it) is an introspection root field. The parser bounds
/// the nesting, so the recursion is bounded too.
fn selects_introspection(set: &SelectionSet) -> bool {
    set.items.iter().any(|selection| match &selection.node {
        Selection::Field(field) => {
            matches!(field.node.name.node.as_str(), "__schema" | "__type")
                || selects_introspection(&field.node.selection_set.node)
        }
        Selection::InlineFragment(fragment) => {
            selects_introspection(&fragment.node.selection_set.node)
        }
        Selection::FragmentSpread(_) => false,
    })
}

/// Whether `document` asks for `__schema` or `__type` anywhere (operations or fragments).
pub(super) fn introspects(document: &ExecutableDocument) -> bool {
    document
        .operations
        .iter()
        .any(|(_, operation)| selects_introspection(&operation.node.selection_set.node))
        || document
            .fragments
            .values()
            .any(|fragment| selects_introspection(&fragment.node.selection_set.node))
}
