//! Password hashing with argon2id.
//!
//! Passwords are low-entropy, so they are stored only as a slow, memory-hard argon2id hash
//! (OWASP parameters: 19 MiB memory, 2 passes, 1 lane), in the self-describing PHC format so the
//! parameters can be raised later without breaking existing hashes.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use super::AuthError;

/// argon2 memory cost in KiB (OWASP recommendation for argon2id).
const MEMORY_KIB: u32 = 19_456;
/// argon2 passes over memory.
const ITERATIONS: u32 = 2;
/// argon2 lanes.
const PARALLELISM: u32 = 1;
/// Salt length in bytes (the PHC recommendation).
const SALT_LEN: usize = 16;

/// Shortest accepted password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Longest accepted password, in characters; bounds the work an attacker can make us do.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// A valid argon2id hash (same parameters as real hashes); its result is always ignored.
/// Verified against when there is no real hash, so an unknown email takes as long as a wrong
/// password and response time does not reveal which accounts exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$v9FZ0ljVupX/WyQuY3cUXg$6r5aUBVXxnTYWA5+Ynl9I3qmVB6UC7aeCQaWPZQ/m/0";

fn hasher() -> Result<Argon2<'static>, AuthError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .map_err(|e| AuthError::Internal(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password for storage, returning a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
///
/// Why: the database must never hold anything from which the password can be cheaply
/// recovered; a fresh random salt per hash defeats precomputed tables.
pub fn hash_password(plain: &str) -> Result<String, AuthError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt)
        .map_err(|e| AuthError::Internal(format!("random source failed: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| AuthError::Internal(format!("argon2 salt: {e}")))?;
    let hash = hasher()?
        .hash_password(plain.as_bytes(), &salt)
        .map_err(|e| AuthError::Internal(format!("argon2 hashing failed: {e}")))?;
    Ok(hash.to_string())
}

/// Checks a login password against the stored hash, in constant time.
///
/// Why `Option`: when the account does not exist or has no password yet (invited user), the
/// caller passes `None` and this still does a full argon2id verification against a dummy hash
/// with the same parameters, so timing does not reveal whether the email is registered. An
/// unparsable stored hash is treated the same way. Returns `true` only for a real match.
pub fn verify_password(plain: &str, stored: Option<&str>) -> bool {
    let Ok(argon2) = hasher() else {
        return false;
    };
    let real = stored.and_then(|s| PasswordHash::new(s).ok());
    match real {
        Some(hash) => argon2.verify_password(plain.as_bytes(), &hash).is_ok(),
        None => {
            if let Ok(dummy) = PasswordHash::new(DUMMY_HASH) {
                // Result deliberately ignored: this only burns the same time as a real check.
                let _ = argon2.verify_password(plain.as_bytes(), &dummy);
            }
            false
        }
    }
}

/// Checks a new password against the password policy, returning a message that states the rule.
///
/// Why: length is what makes a password hard to guess (NIST SP 800-63B); the upper bound keeps
/// hashing cost predictable. Composition rules are deliberately absent.
pub fn check_password_rules(plain: &str) -> Result<(), String> {
    let chars = plain.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password must be at least {MIN_PASSWORD_CHARS} characters long"
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(format!(
            "the password must be at most {MAX_PASSWORD_CHARS} characters long"
        ));
    }
    if plain.chars().all(char::is_whitespace) {
        return Err("the password must not be only whitespace".to_owned());
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn hash_then_verify() {
        let hash = hash_password("correct horse battery staple").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password("correct horse battery staple", Some(&hash)));
        assert!(!verify_password("correct horse battery stapl", Some(&hash)));
        assert!(!verify_password("", Some(&hash)));
    }

    #[test]
    fn same_password_gets_different_salts() {
        let a = hash_password("correct horse battery staple").unwrap();
        let b = hash_password("correct horse battery staple").unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn dummy_hash_has_the_real_parameters() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        let real_s = hash_password("whatever password").unwrap();
        let real = PasswordHash::new(&real_s).unwrap();
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.version, real.version);
        assert_eq!(dummy.params, real.params);
        assert_eq!(
            dummy.hash.map(|h| h.len()),
            real.hash.map(|h| h.len()),
            "same output length"
        );
    }

    #[test]
    fn missing_or_garbage_hash_is_false_but_still_slow() {
        let hash = hash_password("correct horse battery staple").unwrap();

        let start = Instant::now();
        assert!(verify_password("correct horse battery staple", Some(&hash)));
        let real = start.elapsed();

        let start = Instant::now();
        assert!(!verify_password("correct horse battery staple", None));
        let missing = start.elapsed();

        let start = Instant::now();
        assert!(!verify_password("x", Some("not a phc string")));
        let garbage = start.elapsed();

        let floor = Duration::from_millis(1);
        assert!(real > floor, "{real:?}");
        assert!(missing > floor, "{missing:?}");
        assert!(garbage > floor, "{garbage:?}");
    }

    #[test]
    fn rules() {
        assert!(
            check_password_rules("short")
                .unwrap_err()
                .contains("at least 12")
        );
        assert!(check_password_rules("elevenchars").is_err());
        assert!(check_password_rules("twelve chars").is_ok());
        assert!(check_password_rules(&"a".repeat(128)).is_ok());
        assert!(
            check_password_rules(&"a".repeat(129))
                .unwrap_err()
                .contains("at most 128")
        );
        // Characters, not bytes: 12 multi-byte characters are enough.
        assert!(check_password_rules(&"é".repeat(12)).is_ok());
        assert!(check_password_rules(&"é".repeat(11)).is_err());
        assert!(
            check_password_rules(&" ".repeat(20))
                .unwrap_err()
                .contains("whitespace")
        );
        assert!(check_password_rules(&"\t\n ".repeat(5)).is_err());
    }
}
