//! Introspection is for authenticated callers only (integrators paste a token into GraphiQL).
//! async-graphql's `disable_introspection` alone answers an anonymous `__schema` with a silent
//! `null`; this extension turns it into a clear `UNAUTHENTICATED` error before execution, and
//! the request is still built with introspection disabled as a second wall.

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensionValues, ServerError, ServerResult, Value, Variables};
use graph_core::context::RequestContext;
use std::sync::Arc;

/// Refuses `__schema` and `__type` from callers without credentials.
pub(crate) struct IntrospectionNeedsCredentials;

impl ExtensionFactory for IntrospectionNeedsCredentials {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(IntrospectionNeedsCredentialsExtension)
    }
}

struct IntrospectionNeedsCredentialsExtension;

/// Whether any field of `set` (or below it) is an introspection root field. The parser bounds
/// the nesting, so the recursion is bounded too.
fn introspects(set: &SelectionSet) -> bool {
    set.items.iter().any(|selection| match &selection.node {
        Selection::Field(field) => {
            matches!(field.node.name.node.as_str(), "__schema" | "__type")
                || introspects(&field.node.selection_set.node)
        }
        Selection::InlineFragment(fragment) => introspects(&fragment.node.selection_set.node),
        Selection::FragmentSpread(_) => false,
    })
}

#[async_graphql::async_trait::async_trait]
impl Extension for IntrospectionNeedsCredentialsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let anonymous = ctx
            .data_opt::<RequestContext>()
            .is_none_or(|request| request.session.is_none());
        if anonymous {
            let asks = document
                .operations
                .iter()
                .any(|(_, operation)| introspects(&operation.node.selection_set.node))
                || document
                    .fragments
                    .values()
                    .any(|fragment| introspects(&fragment.node.selection_set.node));
            if asks {
                let mut error = ServerError::new(
                    "introspection needs credentials: send a bearer token or an API key",
                    None,
                );
                let mut extensions = ErrorExtensionValues::default();
                extensions.set("code", Value::from("UNAUTHENTICATED"));
                error.extensions = Some(extensions);
                return Err(error);
            }
        }
        Ok(document)
    }
}
