//! What every subgraph of Leadmetrics Graph shares, and the only crate that touches the database
//! connection:
//!
//! - the request context and the access gates (the tenant guard): [`context`], [`access`];
//! - the tenant-scoped database path, [`db::TenantTx`]: every read and write of a subgraph crate
//!   goes through it, and the raw connection never leaves this crate (see [`db`]);
//! - errors with stable codes ([`error`]), public ids ([`ids`]), typed input validation
//!   ([`validate`]), Relay pagination ([`pagination`]), per-request loaders ([`loaders`],
//!   [`batch`]), query limits and response order ([`limits`]), custom scalars ([`scalars`]);
//! - authentication ([`auth`]), secrets at rest ([`crypto`], every secret column in
//!   [`secrets`], their re-encryption under a new key in [`rotation`]), the operator audit
//!   ([`audit`]);
//! - the platform's global rows, written by platform operators only: [`global_rows`];
//! - the document store (MongoDB: typed collections, batched tenant-filtered reads, the
//!   `audit_logs` of every mutation, presigned URLs of object bodies): [`documents`];
//! - the tenant's life cycle on the platform side: completing a registration, contracts from
//!   the versioned template, their supersession ([`lifecycle`]; the wizard's state is
//!   [`registration`]);
//! - how a subgraph crate declares its schema ([`subgraph`]).

pub mod access;
pub mod agents;
pub mod audit;
pub mod auth;
pub mod batch;
pub mod changes;
pub mod context;
pub mod crypto;
pub mod db;
pub mod documents;
pub mod error;
pub mod events;
pub mod global_rows;
pub mod ids;
pub mod jobs;
pub mod lifecycle;
pub mod limits;
pub mod live;
pub mod loaders;
pub mod pagination;
pub mod platform;
pub mod registration;
pub mod response_order;
pub mod rotation;
pub mod scalars;
pub mod secrets;
pub mod services;
pub mod subgraph;
pub mod throttle;
pub mod validate;
