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
