//! Enums of onboarding.

use async_graphql::Enum;

/// Where an onboarding run is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::OnboardingRunStatus")]
pub enum OnboardingRunStatus {
    /// Created with the tenant; the Onboarding Agent has not started.
    Pending,
    /// The Onboarding Agent is researching the business.
    Researching,
    /// The research and the context file are ready for an admin's review.
    Review,
    /// An admin approved the context file; strategy generation is unlocked.
    Completed,
}
