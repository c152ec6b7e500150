//! The document store (MongoDB): what PostgreSQL rows point at by ObjectId — full agent outputs
//! (`activity_outputs`), context files (`skills`, `onboarding_research`), contract documents
//! (`contract_pdfs`), tool call payloads (`tool_call_logs`) — and the `audit_logs` of every
//! mutation.
//!
//! - [`collections`]: the typed collections, their fields and indexes;
//! - [`DocumentStore`]: every read filtered by tenant and `_id`, every write stamped with the
//!   writer's tenant, every call bounded by a timeout that turns into `UNAVAILABLE` on the
//!   document fields only;
//! - [`loader`]: per-request batching (`_id: {$in: …}`, one `find` per collection per level),
//!   reached through [`crate::loaders::Loaders::documents`] and [`crate::loaders::document`];
//! - [`AuditSink`]: the queue and writer of `audit_logs`, off the response path;
//! - [`ObjectStorage`]: presigned GET URLs of object bodies, computed locally.

mod audit_log;
pub mod collections;
pub mod loader;
mod presign;
mod store;

pub use audit_log::{AuditSink, AuditStats};
pub use collections::{
    ActivityOutput, AuditLogEntry, Collection, ContractDocument, OnboardingResearch, Skill,
    ToolCallLog,
};
pub use presign::{ObjectStorage, ObjectStorageSettings};
pub use store::{DocumentConfigError, DocumentSettings, DocumentStore};
