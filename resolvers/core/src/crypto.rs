//! AES-256-GCM key ring for secrets at rest (channel tokens, provider API keys, integration
//! secrets).
//!
//! The ring is configured as `"kid1:base64key,kid0:base64key"`: the first key encrypts, every
//! key decrypts, so keys can be rotated by prepending a new one, re-encrypting rows for which
//! [`KeyRing::needs_reencryption`] is true, then dropping the old key.
//!
//! Sealed values look like `v1.<kid>.<base64url(nonce || ciphertext || tag)>`. A caller-chosen
//! `context` (e.g. `channels.access_token:<tenant uuid>`) is bound as associated data, so a
//! ciphertext copied into another tenant's row or another column fails to decrypt.

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};

/// Version tag of the sealed format, so the format can change without ambiguity.
const VERSION: &str = "v1";
/// AES-GCM nonce length in bytes (random per encryption).
const NONCE_LEN: usize = 12;
/// AES-GCM tag length in bytes.
const TAG_LEN: usize = 16;
/// AES-256 key length in bytes.
const KEY_LEN: usize = 32;
/// Longest key id.
const MAX_KID_LEN: usize = 16;

/// Why a key ring operation failed.
///
/// Decryption failures are deliberately one variant: wrong key, wrong context and tampering
/// look the same, as they should.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    /// The key ring configuration is unusable (a startup error; the message says what is wrong,
    /// never the key bytes).
    #[error("invalid key ring: {0}")]
    InvalidKeyRing(String),
    /// The value was sealed with a key id this ring does not have (e.g. removed too early).
    #[error("the value was encrypted with unknown key `{0}`")]
    UnknownKey(String),
    /// The value is not in the sealed format.
    #[error("the encrypted value is malformed")]
    Malformed,
    /// Authentication failed: wrong key, wrong context, or the value was tampered with.
    #[error("the encrypted value could not be decrypted")]
    DecryptionFailed,
}

/// One named key.
#[derive(Clone)]
struct RingKey {
    kid: String,
    cipher: Aes256Gcm,
}

/// The set of data-encryption keys, newest first.
///
/// Why a ring rather than one key: keys must be rotatable without a flag day, so old
/// ciphertexts stay readable while new ones use the current key.
#[derive(Clone)]
pub struct KeyRing {
    /// Non-empty; `keys[0]` is the current (encrypting) key.
    keys: Vec<RingKey>,
}

impl fmt::Debug for KeyRing {
    /// Shows only key ids, never key bytes, so the ring can appear in logs safely.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field(
                "kids",
                &self.keys.iter().map(|k| k.kid.as_str()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

fn valid_kid(kid: &str) -> bool {
    (1..=MAX_KID_LEN).contains(&kid.len())
        && kid
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

impl KeyRing {
    /// Parses `"kid1:base64key,kid0:base64key"` — the first key encrypts, all decrypt.
    ///
    /// A kid is `[a-z0-9]{1,16}` and unique; a key is 32 bytes in standard base64. Whitespace
    /// around entries is ignored so the value can be wrapped in configuration files. Errors
    /// name the offending entry by position and kid, never the key.
    pub fn parse(spec: &str) -> Result<Self, CryptoError> {
        let invalid = |m: String| CryptoError::InvalidKeyRing(m);
        if spec.trim().is_empty() {
            return Err(invalid(
                "no keys: expected \"kid:base64key[,kid:base64key...]\"".to_owned(),
            ));
        }
        let mut keys: Vec<RingKey> = Vec::new();
        for (index, entry) in spec.split(',').enumerate() {
            let position = index + 1;
            let entry = entry.trim();
            let (kid, key_b64) = entry.split_once(':').ok_or_else(|| {
                invalid(format!(
                    "entry {position} is not \"kid:base64key\" (missing ':')"
                ))
            })?;
            let kid = kid.trim();
            if !valid_kid(kid) {
                return Err(invalid(format!(
                    "entry {position}: key id must be 1 to {MAX_KID_LEN} characters of [a-z0-9]"
                )));
            }
            if keys.iter().any(|k| k.kid == kid) {
                return Err(invalid(format!("duplicate key id `{kid}`")));
            }
            let key = STANDARD
                .decode(key_b64.trim())
                .map_err(|_| invalid(format!("key `{kid}` is not valid standard base64")))?;
            if key.len() != KEY_LEN {
                return Err(invalid(format!(
                    "key `{kid}` must be {KEY_LEN} bytes, got {} bytes",
                    key.len()
                )));
            }
            let cipher = Aes256Gcm::new_from_slice(&key)
                .map_err(|_| invalid(format!("key `{kid}` must be {KEY_LEN} bytes")))?;
            keys.push(RingKey {
                kid: kid.to_owned(),
                cipher,
            });
        }
        Ok(Self { keys })
    }

    /// The id of the key that encrypts, e.g. to report which key is current.
    pub fn current_kid(&self) -> &str {
        self.keys.first().map_or("", |k| k.kid.as_str())
    }

    fn key(&self, kid: &str) -> Option<&RingKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    /// Encrypts with the current key, binding `context` as associated data.
    ///
    /// Why a context: it ties the ciphertext to where it is stored (column and tenant), so a
    /// value copied elsewhere by a bug or an attacker with database write access does not
    /// decrypt. Output: `v1.<kid>.<base64url(nonce(12) || ciphertext || tag)>`, with a fresh
    /// random nonce each time.
    pub fn encrypt(&self, plaintext: &[u8], context: &str) -> Result<String, CryptoError> {
        let key = self
            .keys
            .first()
            .ok_or_else(|| CryptoError::InvalidKeyRing("no keys".to_owned()))?;
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce)
            .map_err(|e| CryptoError::InvalidKeyRing(format!("random source failed: {e}")))?;
        let ciphertext = key
            .cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            // Only possible for plaintexts beyond AES-GCM's ~64 GiB limit.
            .map_err(|_| CryptoError::Malformed)?;
        let mut blob = Vec::with_capacity(NONCE_LEN + ciphertext.len());
        blob.extend_from_slice(&nonce);
        blob.extend_from_slice(&ciphertext);
        Ok(format!(
            "{VERSION}.{}.{}",
            key.kid,
            URL_SAFE_NO_PAD.encode(blob)
        ))
    }

    /// Splits a sealed value into its key id and raw bytes, checking only the format.
    fn split(sealed: &str) -> Result<(&str, Vec<u8>), CryptoError> {
        let mut parts = sealed.splitn(3, '.');
        let (Some(version), Some(kid), Some(body)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(CryptoError::Malformed);
        };
        if version != VERSION || !valid_kid(kid) {
            return Err(CryptoError::Malformed);
        }
        let blob = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| CryptoError::Malformed)?;
        if blob.len() < NONCE_LEN + TAG_LEN {
            return Err(CryptoError::Malformed);
        }
        Ok((kid, blob))
    }

    /// Decrypts a value sealed by [`KeyRing::encrypt`] with any key of the ring, under the same
    /// `context`.
    ///
    /// Why the errors differ: [`CryptoError::Malformed`] and [`CryptoError::UnknownKey`] point
    /// at data or configuration bugs; [`CryptoError::DecryptionFailed`] covers wrong context and
    /// tampering alike.
    pub fn decrypt(&self, sealed: &str, context: &str) -> Result<Vec<u8>, CryptoError> {
        let (kid, blob) = Self::split(sealed)?;
        let key = self
            .key(kid)
            .ok_or_else(|| CryptoError::UnknownKey(kid.to_owned()))?;
        let (nonce, ciphertext) = blob.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| CryptoError::Malformed)?;
        key.cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: ciphertext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::DecryptionFailed)
    }

    /// Whether a sealed value should be re-encrypted: it is under a non-current key.
    ///
    /// Why: drives the rotation job. Malformed values return `false` (re-encrypting cannot fix
    /// them; [`KeyRing::decrypt`] reports them).
    pub fn needs_reencryption(&self, sealed: &str) -> bool {
        match Self::split(sealed) {
            Ok((kid, _)) => kid != self.current_kid(),
            Err(_) => false,
        }
    }

    /// Returns `"kid:base64key"` with a fresh random 256-bit key.
    ///
    /// Why: gives operators and developers a correct way to make a key (for setup docs and
    /// rotation) instead of hand-rolling one.
    pub fn generate_key_spec(kid: &str) -> Result<String, CryptoError> {
        if !valid_kid(kid) {
            return Err(CryptoError::InvalidKeyRing(format!(
                "key id must be 1 to {MAX_KID_LEN} characters of [a-z0-9]"
            )));
        }
        let mut key = [0u8; KEY_LEN];
        getrandom::fill(&mut key)
            .map_err(|e| CryptoError::InvalidKeyRing(format!("random source failed: {e}")))?;
        Ok(format!("{kid}:{}", STANDARD.encode(key)))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const CTX: &str = "channels.access_token:6f1c2a9e-0000-4000-8000-000000000001";

    fn ring(spec: &str) -> KeyRing {
        KeyRing::parse(spec).unwrap()
    }

    #[test]
    fn round_trip() {
        let spec = KeyRing::generate_key_spec("k1").unwrap();
        let ring = ring(&spec);
        let sealed = ring.encrypt(b"EAAB-secret-token", CTX).unwrap();
        assert!(sealed.starts_with("v1.k1."), "{sealed}");
        assert!(!sealed.contains("secret"));
        assert_eq!(ring.decrypt(&sealed, CTX).unwrap(), b"EAAB-secret-token");
        // Fresh nonce each time.
        assert_ne!(sealed, ring.encrypt(b"EAAB-secret-token", CTX).unwrap());
        // Empty plaintext works too.
        let empty = ring.encrypt(b"", CTX).unwrap();
        assert_eq!(ring.decrypt(&empty, CTX).unwrap(), b"");
        assert!(!ring.needs_reencryption(&sealed));
    }

    #[test]
    fn wrong_context_fails() {
        let ring = ring(&KeyRing::generate_key_spec("k1").unwrap());
        let sealed = ring.encrypt(b"secret", CTX).unwrap();
        assert_eq!(
            ring.decrypt(
                &sealed,
                "channels.access_token:6f1c2a9e-0000-4000-8000-000000000002"
            ),
            Err(CryptoError::DecryptionFailed)
        );
        assert_eq!(
            ring.decrypt(
                &sealed,
                "channels.refresh_token:6f1c2a9e-0000-4000-8000-000000000001"
            ),
            Err(CryptoError::DecryptionFailed)
        );
        assert_eq!(
            ring.decrypt(&sealed, ""),
            Err(CryptoError::DecryptionFailed)
        );
    }

    #[test]
    fn rotation() {
        let old_spec = KeyRing::generate_key_spec("k0").unwrap();
        let new_spec = KeyRing::generate_key_spec("k1").unwrap();
        let old_ring = ring(&old_spec);
        let old_sealed = old_ring.encrypt(b"secret", CTX).unwrap();

        let rotated = ring(&format!("{new_spec},{old_spec}"));
        assert_eq!(rotated.current_kid(), "k1");
        assert_eq!(rotated.decrypt(&old_sealed, CTX).unwrap(), b"secret");
        assert!(rotated.needs_reencryption(&old_sealed));

        let new_sealed = rotated.encrypt(b"secret", CTX).unwrap();
        assert!(new_sealed.starts_with("v1.k1."));
        assert!(!rotated.needs_reencryption(&new_sealed));

        // The old ring alone cannot read the new value; once k0 is dropped, old values are
        // reported as sealed under an unknown key.
        assert_eq!(
            old_ring.decrypt(&new_sealed, CTX),
            Err(CryptoError::UnknownKey("k1".to_owned()))
        );
        let new_only = ring(&new_spec);
        assert_eq!(
            new_only.decrypt(&old_sealed, CTX),
            Err(CryptoError::UnknownKey("k0".to_owned()))
        );
        assert!(!rotated.needs_reencryption("garbage"));
    }

    #[test]
    fn same_kid_different_key_fails() {
        let a = ring(&KeyRing::generate_key_spec("k1").unwrap());
        let b = ring(&KeyRing::generate_key_spec("k1").unwrap());
        let sealed = a.encrypt(b"secret", CTX).unwrap();
        assert_eq!(b.decrypt(&sealed, CTX), Err(CryptoError::DecryptionFailed));
    }

    #[test]
    fn tampering_fails() {
        let ring = ring(&KeyRing::generate_key_spec("k1").unwrap());
        let sealed = ring.encrypt(b"a longer secret value", CTX).unwrap();
        let (head, body) = sealed.rsplit_once('.').unwrap();
        let mut blob = URL_SAFE_NO_PAD.decode(body).unwrap();
        for index in [0, NONCE_LEN, blob.len() - 1] {
            let mut tampered = blob.clone();
            tampered[index] ^= 0x01;
            let forged = format!("{head}.{}", URL_SAFE_NO_PAD.encode(&tampered));
            assert_eq!(
                ring.decrypt(&forged, CTX),
                Err(CryptoError::DecryptionFailed),
                "byte {index}"
            );
        }
        // Truncated ciphertext.
        blob.pop();
        let forged = format!("{head}.{}", URL_SAFE_NO_PAD.encode(&blob));
        assert_eq!(
            ring.decrypt(&forged, CTX),
            Err(CryptoError::DecryptionFailed)
        );
    }

    #[test]
    fn malformed_inputs() {
        let ring = ring(&KeyRing::generate_key_spec("k1").unwrap());
        let sealed = ring.encrypt(b"secret", CTX).unwrap();
        let body = sealed.rsplit_once('.').unwrap().1;
        for bad in [
            String::new(),
            "plaintext".to_owned(),
            "v1.k1".to_owned(),
            "v1..".to_owned(),
            format!("v2.k1.{body}"),
            format!("v1.K1.{body}"),
            format!("v1.{}.{body}", "k".repeat(17)),
            format!("v1.k1.{body}="),
            format!("v1.k1.{body}.extra"),
            "v1.k1.!!!!".to_owned(),
            format!(
                "v1.k1.{}",
                URL_SAFE_NO_PAD.encode([0u8; NONCE_LEN + TAG_LEN - 1])
            ),
        ] {
            assert_eq!(
                ring.decrypt(&bad, CTX),
                Err(CryptoError::Malformed),
                "{bad}"
            );
        }
    }

    #[test]
    fn parse_errors() {
        let good = KeyRing::generate_key_spec("k1").unwrap();
        let good_key = good.split_once(':').unwrap().1;
        let is_invalid =
            |spec: &str| matches!(KeyRing::parse(spec), Err(CryptoError::InvalidKeyRing(_)));

        assert!(is_invalid(""));
        assert!(is_invalid("   "));
        assert!(is_invalid("k1"));
        assert!(is_invalid(&format!("{good},")));
        assert!(is_invalid("k1:not base64!!"));
        assert!(is_invalid(&format!("k1:{}", STANDARD.encode([7u8; 16]))));
        assert!(is_invalid(&format!("k1:{}", STANDARD.encode([7u8; 33]))));
        assert!(is_invalid(&format!(
            "k1:{}",
            URL_SAFE_NO_PAD.encode([0xffu8; 32])
        )));
        assert!(is_invalid(&format!("{good},k1:{good_key}")));
        assert!(is_invalid(&format!("K1:{good_key}")));
        assert!(is_invalid(&format!(":{good_key}")));
        assert!(is_invalid(&format!("{}:{good_key}", "a".repeat(17))));
        assert!(is_invalid(&format!("k-1:{good_key}")));

        // The error never contains the key.
        let err = KeyRing::parse(&format!("{good},k1:{good_key}")).unwrap_err();
        assert!(!err.to_string().contains(good_key));
        assert!(err.to_string().contains("duplicate"));
        let short = STANDARD.encode([7u8; 16]);
        let err = KeyRing::parse(&format!("k1:{short}")).unwrap_err();
        assert!(err.to_string().contains("32 bytes"));
        assert!(!err.to_string().contains(&short));

        // Whitespace around entries is tolerated.
        let other = KeyRing::generate_key_spec("k0").unwrap();
        assert!(KeyRing::parse(&format!(" {good} , {other} ")).is_ok());
        assert!(KeyRing::generate_key_spec("Bad").is_err());
    }

    #[test]
    fn debug_hides_keys() {
        let spec = KeyRing::generate_key_spec("k1").unwrap();
        let key = spec.split_once(':').unwrap().1;
        let shown = format!("{:?}", ring(&spec));
        assert!(shown.contains("k1"));
        assert!(!shown.contains(key));
    }
}
