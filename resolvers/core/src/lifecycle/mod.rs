//! A tenant's life cycle on the platform side: completing a paid registration into a tenant
//! ([`complete`]), making its contract from the versioned master template ([`contracts`],
//! [`contract_template`], [`contract_pdf`]), and an operator's supersession of a contract
//! version ([`supersede`]). These run on the platform role: they create tenants or span them.

pub mod complete;
pub mod contract_pdf;
pub mod contract_template;
pub mod contracts;
pub mod supersede;

pub use complete::{CompletedRegistration, complete_registration, monthly_credits};
pub use supersede::{SupersededContracts, supersede_contract_version};
