//! The registration session's token: the only credential of someone who has no account yet.
//!
//! 32 random bytes, base64url without padding (43 characters), shown once (step 1's answer and
//! its cookie). Only its SHA-256 (hex, 64 characters: `session_token`) is stored, so a copy of
//! the database resumes nobody's registration. A fast hash is right here, as for API keys: the
//! token carries 256 bits of entropy, there is nothing to brute-force.

use crate::error::{ApiError, ApiResult};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// Random bytes in a token.
const TOKEN_BYTES: usize = 32;
/// Length of an issued token (base64url, no padding).
pub const TOKEN_LEN: usize = 43;

/// A token as a client presented it (header or cookie). Its `Debug` never shows the value, so a
/// request context logged by mistake does not leak it.
#[derive(Clone, PartialEq, Eq)]
pub struct PresentedToken(String);

impl PresentedToken {
    /// The token a client sent; None when blank.
    pub fn new(value: &str) -> Option<Self> {
        let value = value.trim();
        (!value.is_empty()).then(|| Self(value.to_owned()))
    }

    /// The SHA-256 hex the row would hold; None when it cannot be a token this server issued
    /// (wrong length or alphabet), so garbage never reaches the database.
    pub(crate) fn hash(&self) -> Option<String> {
        let well_formed = self.0.len() == TOKEN_LEN
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        well_formed.then(|| hash_token(&self.0))
    }
}

impl std::fmt::Debug for PresentedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PresentedToken(<redacted>)")
    }
}

/// A token just issued: the value to hand out once, and the hash to store.
pub struct NewToken {
    /// The token (to the client only; never stored or logged).
    pub token: String,
    /// Its SHA-256 hex, for `registration_sessions.session_token`.
    pub hash: String,
}

impl std::fmt::Debug for NewToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewToken(<redacted>)")
    }
}

/// A new random token. Fails (internal error) rather than ever issuing one from a broken
/// random source.
pub fn generate() -> ApiResult<NewToken> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|error| ApiError::internal(format!("random source failed: {error}")))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    Ok(NewToken { token, hash })
}

/// SHA-256 of a token, lowercase hex.
fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether two hashes are equal, in time that depends on their length only. The row is found
/// by an index look-up on the hash; this second comparison is what the spec asks for
/// (`timingSafeEqual`), so the answer never depends on how many leading characters matched.
pub(crate) fn same_hash(stored: &str, presented: &str) -> bool {
    let (a, b) = (stored.as_bytes(), presented.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_43_random_url_safe_characters_stored_as_its_sha256_hex() {
        let a = generate().unwrap();
        let b = generate().unwrap();
        assert_eq!(a.token.len(), TOKEN_LEN);
        assert_ne!(a.token, b.token);
        assert_eq!(a.hash.len(), 64);
        assert!(!a.hash.contains(&a.token));
        let presented = PresentedToken::new(&a.token).unwrap();
        assert_eq!(presented.hash().unwrap(), a.hash);
    }

    #[test]
    fn malformed_tokens_are_not_looked_up() {
        for bad in ["short", &"a".repeat(44), &format!("{}!", "a".repeat(42))] {
            assert!(PresentedToken::new(bad).unwrap().hash().is_none(), "{bad}");
        }
        assert!(PresentedToken::new("   ").is_none());
    }

    #[test]
    fn the_debug_form_of_a_token_hides_it() {
        let token = generate().unwrap();
        let presented = PresentedToken::new(&token.token).unwrap();
        assert!(!format!("{presented:?}").contains(&token.token));
        assert!(!format!("{token:?}").contains(&token.token));
    }

    #[test]
    fn hashes_compare_equal_only_when_identical() {
        assert!(same_hash("abc", "abc"));
        assert!(!same_hash("abc", "abd"));
        assert!(!same_hash("abc", "abcd"));
    }
}
