//! The content subgraph's root types: one part per domain, merged into `Query` and `Mutation`.

use async_graphql::{EmptySubscription, MergedObject};
use graph_core::error::ConstraintMessages;

/// Everything a client can read from the content subgraph: channels and scores, the blog and
/// social pipelines, reports, campaigns, email templates, integrations, backlinks and the
/// knowledge base, with the federation look-ups of their entities. (Built from one part per
/// domain, merged into `Query`.)
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct Query(
    crate::channels::ChannelsQuery,
    crate::blog::BlogQuery,
    crate::reports::ReportsQuery,
    crate::campaigns::CampaignsQuery,
    crate::email::EmailQuery,
    crate::integrations::IntegrationsQuery,
    crate::backlinks::BacklinksQuery,
    crate::knowledge::KnowledgeQuery,
    crate::federation::FederationQuery,
    crate::social::SocialQuery,
);

/// Everything a client can change in the content subgraph. (Built from one part per domain,
/// merged into `Mutation`.)
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct Mutation(
    crate::channels::ChannelsMutation,
    crate::blog::BlogMutation,
    crate::reports::ReportsMutation,
    crate::campaigns::CampaignsMutation,
    crate::email::EmailMutation,
    crate::integrations::IntegrationsMutation,
    crate::backlinks::BacklinksMutation,
    crate::knowledge::KnowledgeMutation,
    crate::social::SocialMutation,
);

/// The content subgraph (port 4002): channels, content pipelines, reports, campaigns, email
/// templates, integrations, backlinks, the knowledge base, and document bodies.
pub struct ContentSubgraph;

impl graph_core::subgraph::SubgraphSchema for ContentSubgraph {
    const NAME: &'static str = "content";
    const DEFAULT_PORT: u16 = 4002;
    type Query = Query;
    type Mutation = Mutation;
    type Subscription = EmptySubscription;
    const CONSTRAINT_MESSAGES: &'static [ConstraintMessages] = &[
        crate::channels::CONSTRAINT_MESSAGES,
        crate::blog::CONSTRAINT_MESSAGES,
        crate::email::CONSTRAINT_MESSAGES,
        crate::integrations::CONSTRAINT_MESSAGES,
        crate::knowledge::CONSTRAINT_MESSAGES,
        crate::social::CONSTRAINT_MESSAGES,
    ];
}
