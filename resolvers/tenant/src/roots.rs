//! The tenant subgraph's root types: one part per domain (each itself merged from one part per
//! aggregate), merged into `Query` and `Mutation`.

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// Everything a client can read from the tenant subgraph: the caller, the tenant, its
/// contract, users and API keys, the marketing plan, approvals, notifications, templates,
/// agents, LLM providers, onboarding and registration. (Built from one part per domain, merged
/// into `Query`.)
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct Query(
    crate::identity::IdentityQuery,
    crate::plan::PlanQuery,
    crate::review::ReviewQuery,
    crate::notify::NotifyQuery,
    crate::onboarding::OnboardingQuery,
    crate::registration::RegistrationQuery,
    crate::templates::TemplatesQuery,
    crate::agents::AgentsQuery,
    crate::providers::ProvidersQuery,
);

/// Everything a client can change in the tenant subgraph: signing in, the contract, the
/// tenant's details, users and API keys, the marketing plan, approvals, notifications,
/// templates, agents, LLM providers, onboarding and registration. (Built from one part per
/// domain, merged into `Mutation`.)
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct Mutation(
    crate::identity::IdentityMutation,
    crate::plan::PlanMutation,
    crate::review::ReviewMutation,
    crate::notify::NotifyMutation,
    crate::onboarding::OnboardingMutation,
    crate::registration::RegistrationMutation,
    crate::templates::TemplatesMutation,
    crate::agents::AgentsMutation,
    crate::providers::ProvidersMutation,
);

/// The tenant subgraph (port 4001): identity, the marketing plan, approvals, notifications and
/// their live updates.
pub struct TenantSubgraph;

impl graph_core::subgraph::SubgraphSchema for TenantSubgraph {
    const NAME: &'static str = "tenant";
    const DEFAULT_PORT: u16 = 4001;
    type Query = Query;
    type Mutation = Mutation;
    type Subscription = crate::live::Subscription;
    const CONSTRAINT_MESSAGES: &'static [ConstraintMessages] = &[
        crate::identity::CONSTRAINT_MESSAGES,
        crate::plan::CONSTRAINT_MESSAGES,
        crate::review::CONSTRAINT_MESSAGES,
        crate::notify::CONSTRAINT_MESSAGES,
        crate::templates::CONSTRAINT_MESSAGES,
        crate::agents::CONSTRAINT_MESSAGES,
        crate::providers::CONSTRAINT_MESSAGES,
    ];
}
