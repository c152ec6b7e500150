//! GraphQL over HTTP allows only queries over GET (GET must be safe: caches and prefetchers
//! replay it). The operation is only known after parsing — and, for persisted queries, after
//! the hash was resolved — so this is a schema extension that looks at the parsed document.

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use async_graphql::{ErrorExtensionValues, ServerError, ServerResult, Value, Variables};
use std::sync::Arc;

/// Marks a request that arrived over GET.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ArrivedOverGet;

/// Refuses mutations and subscriptions in requests marked [`ArrivedOverGet`].
pub(crate) struct ReadOnlyOverGet;

impl ExtensionFactory for ReadOnlyOverGet {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ReadOnlyOverGetExtension)
    }
}

struct ReadOnlyOverGetExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for ReadOnlyOverGetExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        if ctx.data_opt::<ArrivedOverGet>().is_some() {
            let writes = document
                .operations
                .iter()
                .any(|(_, operation)| operation.node.ty != OperationType::Query);
            if writes {
                let mut error =
                    ServerError::new("mutations and subscriptions must be sent with POST", None);
                let mut extensions = ErrorExtensionValues::default();
                extensions.set("code", Value::from("BAD_USER_INPUT"));
                error.extensions = Some(extensions);
                return Err(error);
            }
        }
        Ok(document)
    }
}
