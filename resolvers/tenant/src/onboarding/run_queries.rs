//! `OnboardingRunQuery`: the tenant's onboarding runs.

use crate::onboarding::enums::OnboardingRunStatus;
use crate::onboarding::run_type::{OnboardingRun, OnboardingRunConnection};
use async_graphql::{Context, ID, Object, Result};
use entities::onboarding_runs;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Reads of onboarding runs.
#[derive(Default)]
pub struct OnboardingRunQuery;

/// Reads of onboarding runs.
#[Object]
impl OnboardingRunQuery {
    /// The tenant's onboarding runs, oldest first, as a Relay connection.
    async fn onboarding_runs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only runs in this status (e.g. `REVIEW`: waiting for an admin).")]
        status: Option<OnboardingRunStatus>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return runs after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return runs before this one.")] before: Option<String>,
    ) -> Result<OnboardingRunConnection> {
        let session = access::read(ctx)?;
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<onboarding_runs::Entity>();
                if let Some(status) = status {
                    select = select.filter(
                        onboarding_runs::Column::Status.eq(db::OnboardingRunStatus::from(status)),
                    );
                }
                Ok(select)
            },
            OnboardingRun::from,
        )
        .await?)
    }

    /// One onboarding run by id; null when there is none.
    async fn onboarding_run(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The run's id.")] id: ID,
    ) -> Result<Option<OnboardingRun>> {
        Ok(lookup::<onboarding_runs::Entity>(ctx, &id, false)
            .await?
            .map(OnboardingRun::from))
    }
}
