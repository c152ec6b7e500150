//! Authentication primitives: how a caller proves who they are.
//!
//! - [`password`]: argon2id password hashing for human logins (memory-hard, because passwords
//!   have little entropy and a leaked table must be expensive to brute-force).
//! - [`api_key`]: high-entropy integrator keys (`lmk_<prefix>_<secret>`), stored only as a
//!   SHA-256 hash.
//! - [`jwt`]: the bearer tokens issued at login and checked on every request.
//!
//! Every failure that a caller could learn from is collapsed into [`AuthError::Invalid`], so the
//! API never acts as an oracle ("unknown email" vs "wrong password", "bad signature" vs "wrong
//! audience").

pub mod api_key;
pub mod jwt;
pub mod password;

/// Why an authentication step failed.
///
/// Deliberately coarse: the variants are what a caller may be told, not a diagnosis. Details of
/// an invalid credential are never exposed so an attacker cannot probe which part was wrong.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum AuthError {
    /// The credential was genuine but is past its expiry; the client should log in again.
    /// Distinguished from [`AuthError::Invalid`] only because that lets clients refresh cleanly,
    /// and it is reported only after the signature has been verified.
    #[error("the token has expired")]
    Expired,
    /// The credential is wrong, forged, malformed or for someone else. Never says which, so it
    /// cannot be used as an oracle.
    #[error("the credentials are invalid")]
    Invalid,
    /// The server's own configuration is wrong (missing or bad key, too-short secret). Raised at
    /// startup so a misconfigured server fails fast instead of rejecting every login.
    #[error("{0}")]
    Misconfigured(String),
    /// An unexpected failure (random source, hashing library); not the caller's fault.
    #[error("{0}")]
    Internal(String),
}
