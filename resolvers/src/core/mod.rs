//! What every subgraph shares: the request context and access gates (the tenant guard), the
//! tenant-scoped database path, errors with stable codes, public ids, Relay pagination,
//! per-request loaders and query limits.

pub mod access;
pub mod audit;
pub mod batch;
pub mod changes;
pub mod context;
pub mod db;
pub mod error;
pub mod ids;
pub mod limits;
pub mod loaders;
pub mod pagination;
pub mod scalars;
pub mod services;
