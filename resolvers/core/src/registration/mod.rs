//! Self-registration: the 4-step wizard's state (`registration_sessions`, platform role: no
//! tenant exists yet) and what its steps collect. Completing a paid registration into a tenant
//! is [`crate::lifecycle`].

pub mod data;
