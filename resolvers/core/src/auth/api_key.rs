//! Integrator API keys: `lmk_<prefix>_<secret>`.
//!
//! - `prefix`: 8 random lowercase base32 characters (`[a-z2-7]`), not secret; shown in the UI so
//!   users can tell their keys apart, and indexed for lookup.
//! - `secret`: 32 random bytes, base64url without padding (43 characters).
//!
//! Only the SHA-256 of the whole key is stored. A fast hash is right here (unlike passwords)
//! because the secret carries 256 bits of entropy: there is nothing to brute-force.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use super::AuthError;

/// Marks a credential as a Leadmetrics API key (rather than a JWT).
pub const API_KEY_TAG: &str = "lmk_";
/// Length of the public prefix, in characters.
pub const PREFIX_LEN: usize = 8;
/// Number of random bytes in the secret.
const SECRET_BYTES: usize = 32;
/// Length of the base64url-no-pad encoded secret.
const SECRET_LEN: usize = 43;
/// Exact length of a well-formed key: `lmk_` + prefix + `_` + secret.
pub const API_KEY_LEN: usize = API_KEY_TAG.len() + PREFIX_LEN + 1 + SECRET_LEN;

/// The lowercase RFC 4648 base32 alphabet.
const BASE32_ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A freshly generated key.
///
/// Why three parts: `key` is shown to the user exactly once and then forgotten; `prefix` and
/// `hash` are what gets stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiKey {
    /// The full key, to show once. Never store or log it.
    pub key: String,
    /// The public prefix (`[a-z2-7]{8}`), stored in `api_keys.key_prefix`.
    pub prefix: String,
    /// SHA-256 hex of the full key (64 characters), stored in `api_keys.key_hash`.
    pub hash: String,
}

/// A well-formed key presented by a caller, reduced to what the lookup needs.
///
/// Why: after parsing, the plaintext key is no longer needed; lookup is by prefix and the hash
/// is compared against the stored one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresentedApiKey {
    /// The public prefix, to find the candidate row.
    pub prefix: String,
    /// SHA-256 hex of the presented key, to compare with the stored hash.
    pub hash: String,
}

/// Generates a new random API key.
///
/// Why `Result`: the OS random source can fail, and a key must never be made from weak
/// randomness.
pub fn generate_api_key() -> Result<NewApiKey, AuthError> {
    let mut prefix_bytes = [0u8; PREFIX_LEN];
    let mut secret = [0u8; SECRET_BYTES];
    getrandom::fill(&mut prefix_bytes)
        .and_then(|()| getrandom::fill(&mut secret))
        .map_err(|e| AuthError::Internal(format!("random source failed: {e}")))?;
    // 256 is a multiple of 32, so masking the low 5 bits is unbiased.
    let prefix: String = prefix_bytes
        .iter()
        .map(|b| char::from(BASE32_ALPHABET[usize::from(b & 0x1f)]))
        .collect();
    let key = format!("{API_KEY_TAG}{prefix}_{}", URL_SAFE_NO_PAD.encode(secret));
    let hash = hash_api_key(&key);
    Ok(NewApiKey { key, prefix, hash })
}

/// Parses a presented key, returning `None` unless it is exactly `lmk_<prefix>_<secret>`.
///
/// Why strict: anything else cannot be a key we issued, so it is rejected before touching the
/// database. The length is checked first so that huge inputs cost nothing; no trimming, since a
/// key with surrounding whitespace is not the key.
pub fn parse_api_key(presented: &str) -> Option<PresentedApiKey> {
    if presented.len() != API_KEY_LEN {
        return None;
    }
    let rest = presented.strip_prefix(API_KEY_TAG)?;
    // All-ASCII is checked before slicing so byte offsets are char boundaries.
    if !rest.is_ascii() {
        return None;
    }
    let (prefix, rest) = rest.split_at(PREFIX_LEN);
    let secret = rest.strip_prefix('_')?;
    if !prefix.bytes().all(|b| BASE32_ALPHABET.contains(&b)) {
        return None;
    }
    // Strict decoding: only the URL-safe alphabet, no padding, canonical trailing bits.
    let decoded = URL_SAFE_NO_PAD.decode(secret).ok()?;
    if decoded.len() != SECRET_BYTES {
        return None;
    }
    Some(PresentedApiKey {
        prefix: prefix.to_owned(),
        hash: hash_api_key(presented),
    })
}

/// SHA-256 of the full key, lowercase hex (64 characters).
///
/// Why: this is the only form in which a key is stored, so a database leak does not leak
/// usable keys.
pub fn hash_api_key(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Lowercase hex digits.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether a bearer credential is meant to be an API key rather than a JWT.
///
/// Why: both arrive in the same `Authorization` header; the tag routes the credential to the
/// right check (a JWT never starts with `lmk_`).
pub fn looks_like_api_key(credential: &str) -> bool {
    credential.starts_with(API_KEY_TAG)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let new = generate_api_key().unwrap();
        assert_eq!(new.key.len(), API_KEY_LEN);
        assert_eq!(API_KEY_LEN, 56);
        assert!(new.key.starts_with(&format!("lmk_{}_", new.prefix)));
        assert_eq!(new.prefix.len(), 8);
        assert!(
            new.prefix
                .bytes()
                .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
        );
        assert_eq!(new.hash.len(), 64);
        assert!(
            new.hash
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert!(looks_like_api_key(&new.key));

        let parsed = parse_api_key(&new.key).unwrap();
        assert_eq!(parsed.prefix, new.prefix);
        assert_eq!(parsed.hash, new.hash);
        assert_eq!(hash_api_key(&new.key), new.hash);
    }

    #[test]
    fn known_hash() {
        assert_eq!(
            hash_api_key("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn two_keys_differ() {
        let a = generate_api_key().unwrap();
        let b = generate_api_key().unwrap();
        assert_ne!(a.key, b.key);
        assert_ne!(a.hash, b.hash);
    }

    #[test]
    fn malformed_rejected() {
        let good = generate_api_key().unwrap().key;
        let secret = &good[13..];
        let prefix = &good[4..12];

        // Wrong tag.
        assert!(parse_api_key(&format!("lmx_{prefix}_{secret}")).is_none());
        assert!(parse_api_key(&format!("LMK_{prefix}_{secret}")).is_none());
        // Wrong separator.
        assert!(parse_api_key(&format!("lmk_{prefix}-{secret}")).is_none());
        // Short / long secret.
        assert!(parse_api_key(&good[..good.len() - 1]).is_none());
        assert!(parse_api_key(&format!("{good}A")).is_none());
        // Prefix with characters outside [a-z2-7].
        assert!(parse_api_key(&format!("lmk_abcdefg1_{secret}")).is_none());
        assert!(parse_api_key(&format!("lmk_ABCDEFGH_{secret}")).is_none());
        // Short prefix, long secret (same total length).
        assert!(parse_api_key(&format!("lmk_abcdefg_{secret}A")).is_none());
        // Bad secret characters.
        let bad_secret = format!("lmk_{prefix}_{}", "+".repeat(43));
        assert!(parse_api_key(&bad_secret).is_none());
        let padded = format!("lmk_{prefix}_{}=", &secret[..42]);
        assert!(parse_api_key(&padded).is_none());
        // Non-canonical trailing bits (43 chars encode 258 bits; the last 2 must be zero).
        let mut chars: Vec<char> = secret.chars().collect();
        chars[42] = 'B';
        let noncanonical = format!("lmk_{prefix}_{}", chars.iter().collect::<String>());
        assert!(parse_api_key(&noncanonical).is_none());
        // Whitespace is not trimmed.
        assert!(parse_api_key(&format!(" {}", &good[..55])).is_none());
        assert!(parse_api_key(&format!("{good}\n")).is_none());
        // Non-ASCII of the right byte length.
        let non_ascii = format!("lmk_{prefix}_{}é", &secret[..41]);
        assert_eq!(non_ascii.len(), API_KEY_LEN);
        assert!(parse_api_key(&non_ascii).is_none());
        // Huge input.
        let huge = format!("lmk_{}", "a".repeat(10 * 1024));
        assert!(parse_api_key(&huge).is_none());
        // Empty.
        assert!(parse_api_key("").is_none());
    }

    #[test]
    fn looks_like() {
        assert!(looks_like_api_key("lmk_whatever"));
        assert!(!looks_like_api_key("eyJhbGciOiJIUzI1NiJ9.e30.x"));
        assert!(!looks_like_api_key(""));
    }
}
