//! `GoalQuery`: one goal by id, and the federation look-up of `Goal`. (A strategy's goals are
//! read through `Strategy.goals`.)

use crate::plan::goal_type::Goal;
use crate::plan::lookup::lookup;
use async_graphql::{Context, ID, Object, Result};
use entities::goals;

/// The goal part of the plan's `Query`.
#[derive(Default)]
pub struct GoalQuery;

/// Reads of goals.
#[Object]
impl GoalQuery {
    /// One goal by id; null when there is none. Deleted goals are returned to admins only.
    async fn goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
    ) -> Result<Option<Goal>> {
        Ok(lookup::<goals::Entity>(ctx, &id, false)
            .await?
            .map(Goal::from))
    }

    /// Federation: a goal of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_goal_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Goal>> {
        Ok(lookup::<goals::Entity>(ctx, &id, true)
            .await?
            .map(Goal::from))
    }
}
