//! The marketing plan, served by the tenant subgraph: strategies, goals, deliverables and their
//! periods, activities and their runs, and goal progress for the mobile app.
//!
//! Types are separate from the database models (`Goal::from(goals::Model)`, internal ids kept
//! out of the schema) and resolve every relation through the request's DataLoaders
//! ([`graph_core::loaders`]), so a deep query costs one statement per level, not per row. Root resolvers pass a gate of [`graph_core::access`] and work in the tenant's
//! transaction; state changes (strategy approval, the activity workflow, period counts) are
//! pure rules ([`workflow`], [`progress`]) applied in one transaction.

mod activities;
mod activity_type;
mod constraints;
mod deliverable_type;
mod deliverables;
mod enums;
mod goal_type;
mod goals;
mod mutation;
mod period_type;
pub mod progress;
mod progress_type;
mod query;
mod run_type;
mod strategies;
mod strategy_type;
pub mod workflow;

pub use activity_type::Activity;
pub use constraints::CONSTRAINT_MESSAGES;
pub use deliverable_type::Deliverable;
pub use enums::*;
pub use goal_type::{Goal, GoalProgress};
pub use mutation::PlanMutation;
pub use period_type::{DeliverablePeriod, PeriodProgress};
pub use progress_type::StrategyProgress;
pub use query::{ActivityFilter, PlanQuery};
pub use run_type::ActivityRun;
pub use strategy_type::Strategy;
