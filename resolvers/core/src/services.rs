//! The long-lived services every request uses, shared by the whole process.

use crate::auth::jwt::JwtCodec;
use crate::crypto::KeyRing;
use crate::db::Db;

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
}
