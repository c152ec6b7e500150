//! Onboarding: the Onboarding Agent's research run for the tenant, the context file it writes
//! (a skill file in the document store), and the admin's review of that file, which unlocks
//! strategy generation.
//!
//! A run moves `PENDING` → `RESEARCHING` → `REVIEW` (the agent submits its research and the
//! context file) → `COMPLETED` (an admin approves the context file). A tenant that has
//! onboarding runs cannot draft a strategy until one of them is approved (see
//! [`strategy_generation_unlocked`]); a registration makes one pending run, so every
//! self-registered tenant goes through the review. Tenants provisioned without a run (seeded,
//! migrated) are not held back.

mod enums;
mod run_queries;
mod run_type;
mod runs;

use entities::onboarding_runs;
use graph_core::db::TenantTx;
use graph_core::error::ApiResult;
use sea_orm::sea_query::Expr;

pub use enums::OnboardingRunStatus;
pub use run_type::{ContextFile, OnboardingRun};

/// The onboarding part of the tenant subgraph's `Query`.
#[derive(async_graphql::MergedObject, Default)]
pub struct OnboardingQuery(run_queries::OnboardingRunQuery);

/// The onboarding part of the tenant subgraph's `Mutation`.
#[derive(async_graphql::MergedObject, Default)]
pub struct OnboardingMutation(runs::OnboardingRunMutation);

/// Whether the tenant of `tx` may draft strategies: it has no onboarding run at all, or an
/// admin has approved the context file of one.
pub(crate) async fn strategy_generation_unlocked(tx: &TenantTx) -> ApiResult<bool> {
    // One statement: NULL when the tenant has no run, else whether any run was approved.
    let approved: Option<Option<bool>> = tx
        .select::<onboarding_runs::Entity>()
        .aggregate(tx, Expr::cust("bool_or(reviewed_on IS NOT NULL)"))
        .await?;
    Ok(approved.flatten().unwrap_or(true))
}
