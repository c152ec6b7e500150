//! GraphQL over HTTP allows only queries over GET (GET must be safe: caches and prefetchers
//! replay it). The operation is only known after parsing — and, for persisted queries, after
//! the hash was resolved — so the HTTP layer asks this of the parsed document.

use async_graphql::parser::types::{ExecutableDocument, OperationType};

/// Whether `document` holds a mutation or a subscription (refused over GET).
pub(super) fn writes(document: &ExecutableDocument) -> bool {
    document
        .operations
        .iter()
        .any(|(_, operation)| operation.node.ty != OperationType::Query)
}
