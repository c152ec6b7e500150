//! The registration wizard of the tenant subgraph: four unauthenticated steps (contact, company,
//! location, plan and billing) that collect what a new tenant needs, and a query that resumes
//! them. The state lives in `registration_sessions` on the platform role (no tenant exists
//! yet), reached only through the narrow functions of [`graph_core::registration`]; a paid
//! registration becomes a tenant in the core's life cycle, not here.
//!
//! Every input is validated before anything is looked up or written ([`inputs`]); the step
//! reached is the greatest completed, and a step needs the one before it. Every root field is
//! `#[tracing::instrument(skip_all)]`: inputs hold a password, answers a token.

mod inputs;
mod registration_type;
mod steps;

pub use inputs::{
    RegisterCompanyInput, RegisterContactInput, RegisterLocationInput, RegisterPlanInput,
    RegistrationBillingInput,
};
pub use registration_type::{
    PersonTitle, Registration, RegistrationBilling, RegistrationCompany, RegistrationContact,
    RegistrationLocation, RegistrationPlan, RegistrationStatus,
};
pub use steps::{RegistrationMutation, RegistrationQuery, RegistrationStepPayload};
