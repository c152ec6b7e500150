//! Introspection is for authenticated callers only (integrators paste a token into GraphiQL),
//! and so is federation's `_service { sdl }`, which is the same schema in another form: gateways
//! compose from the committed `schema/*.graphql`, not from a running subgraph.
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
            matches!(
                field.node.name.node.as_str(),
                "__schema" | "__type" | "_service"
            ) || selects_introspection(&field.node.selection_set.node)
        }
        Selection::InlineFragment(fragment) => {
            selects_introspection(&fragment.node.selection_set.node)
        }
        Selection::FragmentSpread(_) => false,
    })
}

/// Whether `document` asks for `__schema`, `__type` or `_service` anywhere (operations or
/// fragments).
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
