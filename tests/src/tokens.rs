//! Bearer tokens made by tests: genuine ones with a server's own settings, and forged ones
//! (another secret, issuer, audience or algorithm, or claims the server never issued).

use crate::server::{TEST_JWT_SECRET, TestServer};
use graph_core::auth::jwt::{JwtAlgorithm, JwtCodec, JwtSettings, TokenRequest};

/// A JWT codec with `settings`, panicking on bad settings.
pub fn codec(settings: JwtSettings) -> JwtCodec {
    match JwtCodec::new(settings) {
        Ok(codec) => codec,
        Err(error) => panic!("building a JWT codec: {error}"),
    }
}

/// HS256 settings with `secret`, otherwise like `settings` (issuer, audience, lifetime).
pub fn hs256_with(settings: &JwtSettings, secret: &[u8]) -> JwtSettings {
    JwtSettings {
        algorithm: JwtAlgorithm::Hs256,
        secret: Some(secret.to_vec()),
        public_key_pem: None,
        private_key_pem: None,
        ..settings.clone()
    }
}

/// A codec with the test servers' HS256 secret and `server`'s issuer and audience: it signs
/// tokens `server` accepts, with whatever claims a test chooses.
pub fn forger(server: &TestServer) -> JwtCodec {
    codec(hs256_with(&server.config.jwt, TEST_JWT_SECRET.as_bytes()))
}

/// A token for the user `user_ref` in the tenant `tenant_ref` with `role` (and the dashboard
/// and manage apps), signed by `codec`.
pub fn sign(codec: &JwtCodec, user_ref: &str, tenant_ref: &str, role: &str) -> String {
    let app = vec!["dashboard".to_owned(), "manage".to_owned()];
    match codec.issue(TokenRequest {
        user_ref,
        tenant_ref,
        role,
        app: &app,
    }) {
        Ok(issued) => issued.token,
        Err(error) => panic!("signing a token: {error}"),
    }
}
