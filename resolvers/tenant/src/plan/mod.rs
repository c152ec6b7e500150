//! The marketing plan, served by the tenant subgraph: strategies, goals, deliverables and their
//! periods, activities and their runs, and goal progress for the mobile app.
//!
//! Types are separate from the database models (`Goal::from(goals::Model)`, internal ids kept
//! out of the schema) and resolve every relation through the request's DataLoaders
//! ([`graph_core::loaders`]), so a deep query costs one statement per level, not per row. Root
//! resolvers pass a gate of [`graph_core::access`] and work in the tenant's transaction; state
//! changes (strategy approval, the activity workflow, period counts) are pure rules
//! ([`workflow`], [`progress`]) applied in one transaction.
//!
//! One file per aggregate and side: `goals.rs` holds `GoalMutation` (its root fields, bodies in
//! place) and `goal_queries.rs` holds `GoalQuery` (its reads and its federation entity
//! look-up); likewise strategies, deliverables (with their periods) and activities (with their
//! runs). [`PlanQuery`] and [`PlanMutation`] merge the parts.
//!
//! Tracing: every mutation root field is `#[tracing::instrument(skip_all)]` (a span per
//! mutation, named after the field, without its arguments: inputs may carry personal data).

mod activities;
mod activity_queries;
mod activity_type;
mod constraints;
mod deliverable_queries;
mod deliverable_type;
mod deliverables;
mod enums;
mod goal_queries;
mod goal_type;
mod goals;
pub(crate) mod lookup;
mod period_type;
pub mod progress;
mod progress_type;
mod run_type;
pub(crate) mod strategies;
mod strategy_queries;
mod strategy_type;
pub mod workflow;

pub use activity_queries::ActivityFilter;
pub use activity_type::Activity;
pub use constraints::CONSTRAINT_MESSAGES;
pub use deliverable_type::Deliverable;
pub use enums::*;
pub use goal_type::{Goal, GoalProgress};
pub use period_type::{DeliverablePeriod, PeriodProgress};
pub use progress_type::StrategyProgress;
pub use run_type::ActivityRun;
pub use strategy_type::Strategy;

use async_graphql::MergedObject;

/// Queries of the marketing plan: the strategy and its goals, deliverables and their periods,
/// activities (filtered lists and work queues), runs, and goal progress for the mobile app —
/// with the federation entity look-ups of every plan type.
#[derive(MergedObject, Default)]
pub struct PlanQuery(
    strategy_queries::StrategyQuery,
    goal_queries::GoalQuery,
    deliverable_queries::DeliverableQuery,
    activity_queries::ActivityQuery,
);

/// Mutations of the marketing plan: strategies and their approval, goals, deliverables and
/// their periods, activities and their workflow.
#[derive(MergedObject, Default)]
pub struct PlanMutation(
    strategies::StrategyMutation,
    goals::GoalMutation,
    deliverables::DeliverableMutation,
    activities::ActivityMutation,
);
