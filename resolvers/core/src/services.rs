//! The long-lived services every request uses, shared by the whole process.

use crate::auth::jwt::JwtCodec;
use crate::crypto::KeyRing;
use crate::db::Db;
use crate::throttle::Throttle;
use std::sync::Arc;

/// Process-wide services, put into every schema's data.
pub struct Services {
    /// Database pools (application role and platform role).
    pub db: Db,
    /// Verifies (and, when a signing key is configured, issues) bearer tokens.
    pub jwt: JwtCodec,
    /// Encrypts secrets before they reach the database.
    pub key_ring: KeyRing,
    /// Largest page a connection field returns (`first`/`last` above it are refused).
    pub max_page_size: u32,
    /// Rate limits and the password-hashing bound, shared by every subgraph of the process.
    pub throttle: Arc<Throttle>,
    /// The platform's own tenant (slug): only its `super_admin`s may act for other tenants.
    pub platform_tenant_slug: String,
    /// Live updates: change events of this process's subscriptions, and its WebSocket
    /// connections per caller.
    pub hub: crate::live::Hub,
    /// Counters of the background jobs this process runs.
    pub jobs: crate::jobs::JobStats,
    /// The document store (MongoDB): document bodies, context files, contract documents.
    pub documents: crate::documents::DocumentStore,
    /// The writer of `audit_logs` (one entry per mutation request, off the response path).
    pub audit: crate::documents::AuditSink,
    /// Signs the URLs of object bodies; None when no bucket is configured (URLs are null).
    pub object_storage: Option<crate::documents::ObjectStorage>,
}
