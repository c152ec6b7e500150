//! Assembles each subgraph's federated schema. Only subgraphs that exist are here: the tenant
//! subgraph so far; content, ads, CRM and billing join as they are built.

use crate::core::limits::QueryLimits;
use crate::core::services::Services;
use crate::tenant::{TenantSubgraphMutation, TenantSubgraphQuery};
use async_graphql::extensions::apollo_persisted_queries::{
    ApolloPersistedQueries, LruCacheStorage,
};
use async_graphql::{EmptySubscription, SDLExportOptions, Schema, SchemaBuilder};
use std::sync::Arc;

/// The subgraphs of Leadmetrics Graph that this build serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subgraph {
    /// Tenants, users, API keys, contracts (and, later, the marketing plan).
    Tenant,
}

impl Subgraph {
    /// Every subgraph of this build.
    pub const ALL: [Subgraph; 1] = [Subgraph::Tenant];

    /// The name used on the command line, in paths and in `schema/<name>.graphql`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tenant => "tenant",
        }
    }

    /// The subgraph's default port (the gateway listens on 4000).
    pub fn default_port(self) -> u16 {
        match self {
            Self::Tenant => 4001,
        }
    }

    /// Parses a name given on the command line.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|subgraph| subgraph.name() == name)
    }
}

/// The tenant subgraph's schema.
pub type TenantSchema = Schema<TenantSubgraphQuery, TenantSubgraphMutation, EmptySubscription>;

/// Size of the in-memory cache of Apollo persisted queries (per process).
const PERSISTED_QUERY_CACHE_SIZE: usize = 4096;

fn configure<Q, M>(
    builder: SchemaBuilder<Q, M, EmptySubscription>,
    services: Arc<Services>,
    limits: QueryLimits,
) -> SchemaBuilder<Q, M, EmptySubscription>
where
    Q: async_graphql::ObjectType + 'static,
    M: async_graphql::ObjectType + 'static,
{
    let builder =
        builder
            .enable_federation()
            .data(services)
            .extension(ApolloPersistedQueries::new(LruCacheStorage::new(
                PERSISTED_QUERY_CACHE_SIZE,
            )));
    limits.apply(builder)
}

/// The tenant subgraph's schema around the process's services, ready for the server to add its
/// transport extensions and `finish()`.
pub fn tenant_schema_builder(
    services: Arc<Services>,
    limits: QueryLimits,
) -> SchemaBuilder<TenantSubgraphQuery, TenantSubgraphMutation, EmptySubscription> {
    configure(
        Schema::build(
            TenantSubgraphQuery::default(),
            TenantSubgraphMutation::default(),
            EmptySubscription,
        ),
        services,
        limits,
    )
}

/// The SDL of a subgraph as the federation gateway composes it (written to `schema/<name>.graphql`).
pub fn subgraph_sdl(subgraph: Subgraph) -> String {
    let options = SDLExportOptions::new().federation().compose_directive();
    match subgraph {
        Subgraph::Tenant => Schema::build(
            TenantSubgraphQuery::default(),
            TenantSubgraphMutation::default(),
            EmptySubscription,
        )
        .enable_federation()
        .finish()
        .sdl_with_options(options),
    }
}

#[cfg(test)]
mod tests {
    use super::{Subgraph, subgraph_sdl};
    use async_graphql::parser::parse_schema;
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

    /// Every type, field, argument, input field and enum value of `subgraph` without a
    /// description, as `Type.field(argument)` paths.
    fn undescribed(subgraph: Subgraph) -> Vec<String> {
        let document = match parse_schema(subgraph_sdl(subgraph)) {
            Ok(document) => document,
            Err(error) => panic!("the exported SDL does not parse: {error}"),
        };
        let mut missing = Vec::new();
        for definition in &document.definitions {
            let TypeSystemDefinition::Type(definition) = definition else {
                continue;
            };
            let ty = &definition.node;
            let name = ty.name.node.as_str();
            if ty.description.is_none() {
                missing.push(name.to_owned());
            }
            match &ty.kind {
                TypeKind::Object(object) => {
                    for field in &object.fields {
                        let field_name = field.node.name.node.as_str();
                        if field.node.description.is_none() {
                            missing.push(format!("{name}.{field_name}"));
                        }
                        for argument in &field.node.arguments {
                            if argument.node.description.is_none() {
                                missing.push(format!(
                                    "{name}.{field_name}({})",
                                    argument.node.name.node
                                ));
                            }
                        }
                    }
                }
                TypeKind::InputObject(input) => {
                    for field in &input.fields {
                        if field.node.description.is_none() {
                            missing.push(format!("{name}.{}", field.node.name.node));
                        }
                    }
                }
                TypeKind::Enum(enumeration) => {
                    for value in &enumeration.values {
                        if value.node.description.is_none() {
                            missing.push(format!("{name}.{}", value.node.value.node));
                        }
                    }
                }
                TypeKind::Scalar | TypeKind::Interface(_) | TypeKind::Union(_) => {}
            }
        }
        missing
    }

    #[test]
    fn every_type_field_argument_and_enum_value_of_every_subgraph_is_described() {
        for subgraph in Subgraph::ALL {
            let missing = undescribed(subgraph);
            assert!(
                missing.is_empty(),
                "{} subgraph: undescribed: {missing:?}",
                subgraph.name()
            );
        }
    }
}
