//! Bearer tokens (JWT) issued at login and checked on every request.
//!
//! One algorithm is configured per deployment and pinned: a token whose header names any other
//! algorithm (including `none`, or HS256 signed with the RSA public key) is rejected. Keys are
//! checked when the [`JwtCodec`] is built so a misconfigured server fails at startup, not on the
//! first login.
//!
//! Verification failures are all [`AuthError::Invalid`] except a correctly signed token past its
//! expiry, which is [`AuthError::Expired`] so clients know to log in again.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::AuthError;

/// Shortest accepted HS256 secret, in bytes (the HMAC-SHA256 output size; shorter secrets can
/// be brute-forced offline from any token).
pub const MIN_HS256_SECRET_BYTES: usize = 32;

/// Longest token accepted by [`JwtCodec::verify`]; larger inputs are rejected before any parsing
/// so a hostile header cannot make us do much work.
const MAX_TOKEN_LEN: usize = 8 * 1024;

/// The signing algorithm of a deployment.
///
/// Why only three: HS256 for a single service holding a shared secret, RS256/ES256 when other
/// services (the gateway, integrators) must verify tokens without being able to issue them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JwtAlgorithm {
    /// HMAC-SHA256 with a shared secret.
    Hs256,
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RSA key pair).
    Rs256,
    /// ECDSA on P-256 with SHA-256 (EC key pair).
    Es256,
}

impl JwtAlgorithm {
    /// The JOSE name (`HS256`, `RS256`, `ES256`), as used in configuration and token headers.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::Rs256 => "RS256",
            Self::Es256 => "ES256",
        }
    }

    fn to_jsonwebtoken(self) -> Algorithm {
        match self {
            Self::Hs256 => Algorithm::HS256,
            Self::Rs256 => Algorithm::RS256,
            Self::Es256 => Algorithm::ES256,
        }
    }
}

impl fmt::Display for JwtAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JwtAlgorithm {
    type Err = AuthError;

    /// Parses `HS256`, `RS256` or `ES256` (case-insensitive), so the algorithm can come from
    /// configuration; anything else is [`AuthError::Misconfigured`] naming the accepted values.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "HS256" => Ok(Self::Hs256),
            "RS256" => Ok(Self::Rs256),
            "ES256" => Ok(Self::Es256),
            _ => Err(AuthError::Misconfigured(format!(
                "unsupported JWT algorithm `{s}`: expected HS256, RS256 or ES256"
            ))),
        }
    }
}

/// Everything needed to issue and verify tokens, as read from configuration.
///
/// Why a plain struct: the server binary maps its environment onto it, and [`JwtCodec::new`]
/// validates it in one place.
#[derive(Clone)]
pub struct JwtSettings {
    /// The pinned signing algorithm.
    pub algorithm: JwtAlgorithm,
    /// HS256: the shared secret (at least [`MIN_HS256_SECRET_BYTES`] bytes).
    pub secret: Option<Vec<u8>>,
    /// RS256/ES256: the verification (public) key, PEM (`-----BEGIN PUBLIC KEY-----`).
    pub public_key_pem: Option<String>,
    /// RS256/ES256: the signing (private) key, PKCS#8 PEM. Without it the server verifies tokens
    /// but cannot issue them (login fails with [`AuthError::Misconfigured`]).
    pub private_key_pem: Option<String>,
    /// The `iss` claim written and required.
    pub issuer: String,
    /// The `aud` claim written and required.
    pub audience: String,
    /// How long an issued token is valid.
    pub ttl: Duration,
    /// Clock skew allowed when checking `exp` and `iat`, in seconds (e.g. 30).
    pub leeway_seconds: u64,
}

impl fmt::Debug for JwtSettings {
    /// Never prints key material, so settings can be logged at startup.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtSettings")
            .field("algorithm", &self.algorithm)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field(
                "public_key_pem",
                &self.public_key_pem.as_ref().map(|_| "<set>"),
            )
            .field(
                "private_key_pem",
                &self.private_key_pem.as_ref().map(|_| "<redacted>"),
            )
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("ttl", &self.ttl)
            .field("leeway_seconds", &self.leeway_seconds)
            .finish()
    }
}

/// The claims inside a token.
///
/// Why these: they are all the request context needs to authorize a call without a database
/// round trip; ids are public `ref_id`s so internal UUIDs never leave the server.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Claims {
    /// The user's public `ref_id` (ULID), never the internal UUID.
    pub sub: String,
    /// The tenant's public `ref_id`.
    pub tenant: String,
    /// `admin` | `member` | `reviewer` | `super_admin`.
    pub role: String,
    /// The apps this token may be used for: `dashboard`, `dm-portal`, `manage`.
    pub app: Vec<String>,
    /// Issuer; must equal the configured issuer.
    pub iss: String,
    /// Audience; must equal the configured audience.
    pub aud: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expires at (Unix seconds).
    pub exp: i64,
    /// Random token id, so individual tokens can be revoked later.
    pub jti: String,
}

/// Who a token is being issued for.
///
/// Why borrowed: the caller already holds these values; issuing should not force clones.
#[derive(Debug, Clone, Copy)]
pub struct TokenRequest<'a> {
    /// The user's public `ref_id`.
    pub user_ref: &'a str,
    /// The tenant's public `ref_id`.
    pub tenant_ref: &'a str,
    /// The user's role in that tenant.
    pub role: &'a str,
    /// The apps the token grants access to.
    pub app: &'a [String],
}

/// A freshly signed token.
///
/// Why the expiry alongside: the client needs it to schedule re-login, and reading it back out
/// of the token would mean decoding our own output.
#[derive(Clone, PartialEq, Eq)]
pub struct IssuedToken {
    /// The compact JWS (`header.payload.signature`). A credential: never log it.
    pub token: String,
    /// When the token stops being accepted (before leeway).
    pub expires_at: DateTime<Utc>,
}

impl fmt::Debug for IssuedToken {
    /// Keeps the token itself out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Issues and verifies tokens for one configuration.
///
/// Why a type: keys are parsed and checked once at startup, and the validation rules (pinned
/// algorithm, issuer, audience, leeway) live in one place so no call site can forget one.
#[derive(Clone)]
pub struct JwtCodec {
    algorithm: JwtAlgorithm,
    encoding: Option<EncodingKey>,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl_seconds: i64,
    leeway_seconds: i64,
}

impl fmt::Debug for JwtCodec {
    /// Never prints key material.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtCodec")
            .field("algorithm", &self.algorithm)
            .field("can_issue", &self.encoding.is_some())
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("ttl_seconds", &self.ttl_seconds)
            .field("leeway_seconds", &self.leeway_seconds)
            .finish()
    }
}

fn misconfigured(message: impl Into<String>) -> AuthError {
    AuthError::Misconfigured(message.into())
}

/// Message signed and verified at startup to prove the keys work and belong together.
const PROBE_MESSAGE: &[u8] = b"leadmetrics-jwt-startup-probe";

impl JwtCodec {
    /// Builds a codec, validating the settings and keys up front.
    ///
    /// Why up front: a missing or wrong key should stop the server at startup with a message
    /// naming the bad setting, not surface later as every login failing. For RS256/ES256 the
    /// public key is required; when a private key is also given, a probe signature proves the
    /// two form a pair.
    pub fn new(settings: JwtSettings) -> Result<Self, AuthError> {
        let alg = settings.algorithm.to_jsonwebtoken();
        let name = settings.algorithm.as_str();

        if settings.issuer.trim().is_empty() {
            return Err(misconfigured("the JWT issuer must not be empty"));
        }
        if settings.audience.trim().is_empty() {
            return Err(misconfigured("the JWT audience must not be empty"));
        }
        let ttl_seconds = i64::try_from(settings.ttl.as_secs())
            .ok()
            .filter(|s| (1..=366 * 24 * 3600).contains(s))
            .ok_or_else(|| {
                misconfigured(format!(
                    "the JWT lifetime must be between 1 second and 366 days, got {:?}",
                    settings.ttl
                ))
            })?;
        let leeway_seconds = i64::try_from(settings.leeway_seconds)
            .ok()
            .filter(|s| *s <= 300)
            .ok_or_else(|| {
                misconfigured(format!(
                    "the JWT leeway must be at most 300 seconds, got {}",
                    settings.leeway_seconds
                ))
            })?;

        let (encoding, decoding) = match settings.algorithm {
            JwtAlgorithm::Hs256 => {
                let secret = settings.secret.as_deref().ok_or_else(|| {
                    misconfigured("the JWT secret is required for HS256 but is not set")
                })?;
                if secret.len() < MIN_HS256_SECRET_BYTES {
                    return Err(misconfigured(format!(
                        "the JWT secret must be at least {MIN_HS256_SECRET_BYTES} bytes for \
                         HS256, got {} bytes",
                        secret.len()
                    )));
                }
                (
                    Some(EncodingKey::from_secret(secret)),
                    DecodingKey::from_secret(secret),
                )
            }
            JwtAlgorithm::Rs256 | JwtAlgorithm::Es256 => {
                let public_pem = settings.public_key_pem.as_deref().ok_or_else(|| {
                    misconfigured(format!(
                        "the JWT public key (PEM) is required for {name} but is not set"
                    ))
                })?;
                let decoding = match settings.algorithm {
                    JwtAlgorithm::Rs256 => DecodingKey::from_rsa_pem(public_pem.as_bytes()),
                    _ => DecodingKey::from_ec_pem(public_pem.as_bytes()),
                }
                .map_err(|e| {
                    misconfigured(format!(
                        "the JWT public key is not a valid {name} public key PEM: {e}"
                    ))
                })?;
                // Parsing the PEM does not parse the key itself; a verification attempt does.
                jsonwebtoken::crypto::verify("AA", PROBE_MESSAGE, &decoding, alg).map_err(|e| {
                    misconfigured(format!("the JWT public key is not usable for {name}: {e}"))
                })?;

                let encoding = match settings.private_key_pem.as_deref() {
                    None => None,
                    Some(private_pem) => {
                        let encoding = match settings.algorithm {
                            JwtAlgorithm::Rs256 => {
                                EncodingKey::from_rsa_pem(private_pem.as_bytes())
                            }
                            _ => EncodingKey::from_ec_pem(private_pem.as_bytes()),
                        }
                        .map_err(|e| {
                            misconfigured(format!(
                                "the JWT private key is not a valid {name} private key PEM \
                                 (PKCS#8): {e}"
                            ))
                        })?;
                        let signature = jsonwebtoken::crypto::sign(PROBE_MESSAGE, &encoding, alg)
                            .map_err(|e| {
                            misconfigured(format!(
                                "the JWT private key is not usable for {name}: {e}"
                            ))
                        })?;
                        let matches =
                            jsonwebtoken::crypto::verify(&signature, PROBE_MESSAGE, &decoding, alg)
                                .unwrap_or(false);
                        if !matches {
                            return Err(misconfigured(
                                "the JWT private key does not match the JWT public key",
                            ));
                        }
                        Some(encoding)
                    }
                };
                (encoding, decoding)
            }
        };

        let mut validation = Validation::new(alg);
        validation.algorithms = vec![alg];
        validation.leeway = settings.leeway_seconds;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.validate_aud = true;
        validation.reject_tokens_expiring_in_less_than = 0;
        validation.set_issuer(&[settings.issuer.as_str()]);
        validation.set_audience(&[settings.audience.as_str()]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);

        Ok(Self {
            algorithm: settings.algorithm,
            encoding,
            decoding,
            validation,
            issuer: settings.issuer,
            audience: settings.audience,
            ttl_seconds,
            leeway_seconds,
        })
    }

    /// The pinned algorithm, e.g. for a JWKS or health endpoint.
    pub fn algorithm(&self) -> JwtAlgorithm {
        self.algorithm
    }

    /// Whether this server holds a signing key (a verify-only deployment cannot log users in).
    pub fn can_issue(&self) -> bool {
        self.encoding.is_some()
    }

    /// Signs a token for a user in a tenant, valid for the configured lifetime.
    ///
    /// Why it can fail: a verify-only deployment (public key but no private key) cannot issue,
    /// which is a configuration error ([`AuthError::Misconfigured`]), not the user's fault.
    pub fn issue(&self, request: TokenRequest<'_>) -> Result<IssuedToken, AuthError> {
        let encoding = self.encoding.as_ref().ok_or_else(|| {
            misconfigured(format!(
                "the JWT private key is not set, so this server can verify {} tokens but not \
                 issue them",
                self.algorithm
            ))
        })?;
        let mut jti = [0u8; 16];
        getrandom::fill(&mut jti)
            .map_err(|e| AuthError::Internal(format!("random source failed: {e}")))?;
        let iat = Utc::now().timestamp();
        let exp = iat
            .checked_add(self.ttl_seconds)
            .ok_or_else(|| AuthError::Internal("token expiry overflows".to_owned()))?;
        let expires_at = DateTime::from_timestamp(exp, 0)
            .ok_or_else(|| AuthError::Internal("token expiry out of range".to_owned()))?;
        let claims = Claims {
            sub: request.user_ref.to_owned(),
            tenant: request.tenant_ref.to_owned(),
            role: request.role.to_owned(),
            app: request.app.to_vec(),
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            iat,
            exp,
            jti: hex(&jti),
        };
        let header = Header::new(self.algorithm.to_jsonwebtoken());
        let token = jsonwebtoken::encode(&header, &claims, encoding)
            .map_err(|e| AuthError::Internal(format!("signing the token failed: {e}")))?;
        Ok(IssuedToken { token, expires_at })
    }

    /// Verifies a presented token and returns its claims.
    ///
    /// Checks, in order: size, signature with the pinned algorithm (no `none`, no algorithm
    /// confusion), required claims and their types, `exp` (with leeway), `iss`, `aud`, and that
    /// `iat` is not in the future. A correctly signed but expired token is
    /// [`AuthError::Expired`]; every other failure is [`AuthError::Invalid`] without detail, so
    /// the answer cannot be used as an oracle.
    pub fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        if token.is_empty() || token.len() > MAX_TOKEN_LEN {
            return Err(AuthError::Invalid);
        }
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => AuthError::Expired,
                _ => AuthError::Invalid,
            })?;
        let claims = data.claims;
        // Defence in depth: the library checked these, but our own fields are the contract.
        if claims.iss != self.issuer || claims.aud != self.audience {
            return Err(AuthError::Invalid);
        }
        if claims.iat > Utc::now().timestamp().saturating_add(self.leeway_seconds) {
            return Err(AuthError::Invalid);
        }
        if claims.sub.is_empty() {
            return Err(AuthError::Invalid);
        }
        Ok(claims)
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    const RS256_PRIVATE: &str = include_str!("../../../../tests/fixtures/keys/rs256_private.pem");
    const RS256_PUBLIC: &str = include_str!("../../../../tests/fixtures/keys/rs256_public.pem");
    const ES256_PRIVATE: &str = include_str!("../../../../tests/fixtures/keys/es256_private.pem");
    const ES256_PUBLIC: &str = include_str!("../../../../tests/fixtures/keys/es256_public.pem");

    /// An EC key that is not the fixture pair's, to test mismatch detection.
    const OTHER_ES256_PRIVATE: &str = "\
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgfqbIRk9MP8B5kZYX
ckeagnU97JMXfdN9GbZOf7n0EYehRANCAATavWAvN5h24EeWf0aiaiVEea+5Jp8t
hvsDc9vOZmVDwnb3Pe7HCz/aZJ6y3qtx8NfN75KJZ131yE/u12p9KSBi
-----END PRIVATE KEY-----
";

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef-test-secret";

    fn hs256() -> JwtSettings {
        JwtSettings {
            algorithm: JwtAlgorithm::Hs256,
            secret: Some(SECRET.to_vec()),
            public_key_pem: None,
            private_key_pem: None,
            issuer: "https://graph.leadmetrics.test".to_owned(),
            audience: "leadmetrics".to_owned(),
            ttl: Duration::from_secs(3600),
            leeway_seconds: 30,
        }
    }

    fn pair(algorithm: JwtAlgorithm, public: &str, private: Option<&str>) -> JwtSettings {
        JwtSettings {
            algorithm,
            secret: None,
            public_key_pem: Some(public.to_owned()),
            private_key_pem: private.map(str::to_owned),
            ..hs256()
        }
    }

    fn apps() -> Vec<String> {
        vec!["dashboard".to_owned(), "manage".to_owned()]
    }

    fn request(app: &[String]) -> TokenRequest<'_> {
        TokenRequest {
            user_ref: "01JD5Z8Q7M6XKQ4W3V2T1S0R9P",
            tenant_ref: "01JD5Z8Q7M6XKQ4W3V2T1S0R9Q",
            role: "admin",
            app,
        }
    }

    /// Signs arbitrary claims with the codec's own key, to test what verify accepts.
    fn sign_raw(codec: &JwtCodec, claims: &serde_json::Value) -> String {
        jsonwebtoken::encode(
            &Header::new(codec.algorithm.to_jsonwebtoken()),
            claims,
            codec.encoding.as_ref().unwrap(),
        )
        .unwrap()
    }

    fn claims_json(codec: &JwtCodec, iat: i64, exp: i64) -> serde_json::Value {
        serde_json::json!({
            "sub": "01JD5Z8Q7M6XKQ4W3V2T1S0R9P",
            "tenant": "01JD5Z8Q7M6XKQ4W3V2T1S0R9Q",
            "role": "admin",
            "app": ["dashboard"],
            "iss": codec.issuer,
            "aud": codec.audience,
            "iat": iat,
            "exp": exp,
            "jti": "abc",
        })
    }

    #[test]
    fn algorithm_from_str() {
        assert_eq!(
            "HS256".parse::<JwtAlgorithm>().unwrap(),
            JwtAlgorithm::Hs256
        );
        assert_eq!(
            "rs256".parse::<JwtAlgorithm>().unwrap(),
            JwtAlgorithm::Rs256
        );
        assert_eq!(
            "Es256".parse::<JwtAlgorithm>().unwrap(),
            JwtAlgorithm::Es256
        );
        let err = "none".parse::<JwtAlgorithm>().unwrap_err();
        assert!(
            matches!(&err, AuthError::Misconfigured(m) if m.contains("HS256, RS256 or ES256")),
            "{err:?}"
        );
        assert!("HS512".parse::<JwtAlgorithm>().is_err());
    }

    #[test]
    fn hs256_round_trip() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let app = apps();
        let before = Utc::now().timestamp();
        let issued = codec.issue(request(&app)).unwrap();
        let claims = codec.verify(&issued.token).unwrap();
        assert_eq!(claims.sub, "01JD5Z8Q7M6XKQ4W3V2T1S0R9P");
        assert_eq!(claims.tenant, "01JD5Z8Q7M6XKQ4W3V2T1S0R9Q");
        assert_eq!(claims.role, "admin");
        assert_eq!(claims.app, app);
        assert_eq!(claims.iss, "https://graph.leadmetrics.test");
        assert_eq!(claims.aud, "leadmetrics");
        assert!(claims.iat >= before);
        assert_eq!(claims.exp, claims.iat + 3600);
        assert_eq!(issued.expires_at.timestamp(), claims.exp);
        assert_eq!(claims.jti.len(), 32);

        let second = codec.issue(request(&app)).unwrap();
        assert_ne!(codec.verify(&second.token).unwrap().jti, claims.jti);
        assert!(!format!("{issued:?}").contains(&issued.token));
    }

    #[test]
    fn expired_is_expired() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let now = Utc::now().timestamp();
        let token = sign_raw(&codec, &claims_json(&codec, now - 7200, now - 3600));
        assert_eq!(codec.verify(&token), Err(AuthError::Expired));
        // Within the leeway it is still accepted.
        let token = sign_raw(&codec, &claims_json(&codec, now - 3600, now - 10));
        assert!(codec.verify(&token).is_ok());
    }

    #[test]
    fn expired_with_wrong_signature_is_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let other = JwtCodec::new(JwtSettings {
            secret: Some(b"another-secret-that-is-long-enough-0123".to_vec()),
            ..hs256()
        })
        .unwrap();
        let now = Utc::now().timestamp();
        let token = sign_raw(&other, &claims_json(&other, now - 7200, now - 3600));
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn wrong_secret_is_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let other = JwtCodec::new(JwtSettings {
            secret: Some(b"another-secret-that-is-long-enough-0123".to_vec()),
            ..hs256()
        })
        .unwrap();
        let app = apps();
        let token = other.issue(request(&app)).unwrap().token;
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn wrong_issuer_or_audience_is_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let app = apps();
        let wrong_iss = JwtCodec::new(JwtSettings {
            issuer: "https://evil.test".to_owned(),
            ..hs256()
        })
        .unwrap();
        let token = wrong_iss.issue(request(&app)).unwrap().token;
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));

        let wrong_aud = JwtCodec::new(JwtSettings {
            audience: "someone-else".to_owned(),
            ..hs256()
        })
        .unwrap();
        let token = wrong_aud.issue(request(&app)).unwrap().token;
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn tampered_payload_is_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let app = apps();
        let token = codec.issue(request(&app)).unwrap().token;
        let parts: Vec<&str> = token.split('.').collect();
        let payload = URL_SAFE_NO_PAD.decode(parts[1]).unwrap();
        let payload = String::from_utf8(payload)
            .unwrap()
            .replace("\"admin\"", "\"super_admin\"");
        let forged = format!(
            "{}.{}.{}",
            parts[0],
            URL_SAFE_NO_PAD.encode(payload),
            parts[2]
        );
        assert_eq!(codec.verify(&forged), Err(AuthError::Invalid));
        // Tampered signature too.
        let mut sig = parts[2].to_owned();
        let last = if sig.ends_with('A') { 'B' } else { 'A' };
        sig.pop();
        sig.push(last);
        let forged = format!("{}.{}.{sig}", parts[0], parts[1]);
        assert_eq!(codec.verify(&forged), Err(AuthError::Invalid));
    }

    #[test]
    fn alg_none_is_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let now = Utc::now().timestamp();
        let payload = claims_json(&codec, now, now + 3600).to_string();
        for header in [
            r#"{"alg":"none","typ":"JWT"}"#,
            r#"{"alg":"None","typ":"JWT"}"#,
            r#"{"alg":"HS512","typ":"JWT"}"#,
        ] {
            let token = format!(
                "{}.{}.",
                URL_SAFE_NO_PAD.encode(header),
                URL_SAFE_NO_PAD.encode(&payload)
            );
            assert_eq!(codec.verify(&token), Err(AuthError::Invalid), "{header}");
        }
    }

    #[test]
    fn algorithm_confusion_is_invalid() {
        // An attacker signs HS256 with the (public) RSA key as the HMAC secret.
        let codec = JwtCodec::new(pair(JwtAlgorithm::Rs256, RS256_PUBLIC, None)).unwrap();
        let now = Utc::now().timestamp();
        let claims = claims_json(&codec, now, now + 3600);
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(RS256_PUBLIC.as_bytes()),
        )
        .unwrap();
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));
    }

    #[test]
    fn missing_claims_and_garbage_are_invalid() {
        let codec = JwtCodec::new(hs256()).unwrap();
        let now = Utc::now().timestamp();
        for field in [
            "sub", "tenant", "role", "app", "iss", "aud", "iat", "exp", "jti",
        ] {
            let mut claims = claims_json(&codec, now, now + 3600);
            claims.as_object_mut().unwrap().remove(field);
            let token = sign_raw(&codec, &claims);
            assert_eq!(codec.verify(&token), Err(AuthError::Invalid), "{field}");
        }
        // Issued in the future.
        let token = sign_raw(&codec, &claims_json(&codec, now + 3600, now + 7200));
        assert_eq!(codec.verify(&token), Err(AuthError::Invalid));
        // Wrong type.
        let mut claims = claims_json(&codec, now, now + 3600);
        claims["exp"] = serde_json::json!("tomorrow");
        assert_eq!(
            codec.verify(&sign_raw(&codec, &claims)),
            Err(AuthError::Invalid)
        );

        for garbage in ["", "a", "a.b", "a.b.c", "....", &"x".repeat(100_000)] {
            assert_eq!(codec.verify(garbage), Err(AuthError::Invalid));
        }
    }

    #[test]
    fn rs256_round_trip() {
        let codec =
            JwtCodec::new(pair(JwtAlgorithm::Rs256, RS256_PUBLIC, Some(RS256_PRIVATE))).unwrap();
        let app = apps();
        let issued = codec.issue(request(&app)).unwrap();
        assert_eq!(
            jsonwebtoken::decode_header(&issued.token).unwrap().alg,
            Algorithm::RS256
        );
        let claims = codec.verify(&issued.token).unwrap();
        assert_eq!(claims.role, "admin");

        // A verify-only server accepts it but cannot issue.
        let verifier = JwtCodec::new(pair(JwtAlgorithm::Rs256, RS256_PUBLIC, None)).unwrap();
        assert!(!verifier.can_issue());
        assert_eq!(verifier.verify(&issued.token).unwrap(), claims);
        assert!(matches!(
            verifier.issue(request(&app)),
            Err(AuthError::Misconfigured(_))
        ));
    }

    #[test]
    fn es256_round_trip() {
        let codec =
            JwtCodec::new(pair(JwtAlgorithm::Es256, ES256_PUBLIC, Some(ES256_PRIVATE))).unwrap();
        let app = apps();
        let issued = codec.issue(request(&app)).unwrap();
        let claims = codec.verify(&issued.token).unwrap();
        assert_eq!(claims.app, app);
        let verifier = JwtCodec::new(pair(JwtAlgorithm::Es256, ES256_PUBLIC, None)).unwrap();
        assert_eq!(verifier.verify(&issued.token).unwrap(), claims);

        // An RS256 server does not accept an ES256 token.
        let rs = JwtCodec::new(pair(JwtAlgorithm::Rs256, RS256_PUBLIC, None)).unwrap();
        assert_eq!(rs.verify(&issued.token), Err(AuthError::Invalid));
    }

    #[test]
    fn misconfiguration_is_reported_at_startup() {
        let err = |s: JwtSettings| match JwtCodec::new(s) {
            Err(AuthError::Misconfigured(m)) => m,
            other => panic!("expected Misconfigured, got {other:?}"),
        };
        assert!(
            err(JwtSettings {
                secret: None,
                ..hs256()
            })
            .contains("secret is required")
        );
        assert!(
            err(JwtSettings {
                secret: Some(b"short".to_vec()),
                ..hs256()
            })
            .contains("at least 32 bytes")
        );
        let mut no_public = pair(JwtAlgorithm::Rs256, RS256_PUBLIC, Some(RS256_PRIVATE));
        no_public.public_key_pem = None;
        assert!(err(no_public).contains("public key"));
        assert!(err(pair(JwtAlgorithm::Rs256, "not a pem", None)).contains("public key"));
        // EC key configured for RS256, and vice versa.
        assert!(err(pair(JwtAlgorithm::Rs256, ES256_PUBLIC, None)).contains("public key"));
        assert!(err(pair(JwtAlgorithm::Es256, RS256_PUBLIC, None)).contains("public key"));
        assert!(
            err(pair(JwtAlgorithm::Rs256, RS256_PUBLIC, Some("garbage"))).contains("private key")
        );
        // An RSA private key for ES256.
        let other = pair(JwtAlgorithm::Es256, ES256_PUBLIC, Some(RS256_PRIVATE));
        assert!(err(other).contains("private key"));
        // A private key from a different pair.
        let other = pair(JwtAlgorithm::Es256, ES256_PUBLIC, Some(OTHER_ES256_PRIVATE));
        assert!(err(other).contains("does not match"));
        assert!(
            err(JwtSettings {
                ttl: Duration::ZERO,
                ..hs256()
            })
            .contains("lifetime")
        );
        assert!(
            err(JwtSettings {
                issuer: String::new(),
                ..hs256()
            })
            .contains("issuer")
        );
        assert!(
            err(JwtSettings {
                audience: " ".to_owned(),
                ..hs256()
            })
            .contains("audience")
        );
    }

    #[test]
    fn debug_hides_keys() {
        let settings = pair(JwtAlgorithm::Es256, ES256_PUBLIC, Some(ES256_PRIVATE));
        let shown = format!("{settings:?}");
        assert!(!shown.contains("PRIVATE KEY"));
        let shown = format!("{:?}", hs256());
        assert!(!shown.contains("test-secret"));
        let codec = JwtCodec::new(hs256()).unwrap();
        assert!(!format!("{codec:?}").contains("test-secret"));
    }
}
