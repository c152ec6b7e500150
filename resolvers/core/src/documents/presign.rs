//! Presigned GET URLs of object bodies (S3 or any S3-compatible store), computed locally with
//! `rusty-s3`: no request to the object store, so a body's URL costs nothing and works while
//! the store is unreachable from the API. A URL is valid for `S3_PRESIGN_TTL_SECONDS` and names
//! exactly one object key taken from a document of the caller's tenant.

use crate::db::TenantId;
use rusty_s3::actions::{GetObject, S3Action};
use rusty_s3::{Bucket, Credentials, UrlStyle};
use std::time::Duration;

/// Where bodies are stored and how long their URLs live.
#[derive(Debug, Clone)]
pub struct ObjectStorageSettings {
    /// `S3_ENDPOINT` (`https://s3.eu-west-1.amazonaws.com`, a MinIO URL, …).
    pub endpoint: String,
    /// `S3_REGION`.
    pub region: String,
    /// `S3_BUCKET`.
    pub bucket: String,
    /// `S3_ACCESS_KEY_ID`.
    pub access_key_id: String,
    /// `S3_SECRET_ACCESS_KEY`.
    pub secret_access_key: String,
    /// `S3_PATH_STYLE`: `true` for `endpoint/bucket/key` (MinIO), else `bucket.endpoint/key`.
    pub path_style: bool,
    /// `S3_PRESIGN_TTL_SECONDS`: how long a URL is valid.
    pub ttl: Duration,
}

/// The longest object key signed (S3's own limit).
const MAX_KEY_BYTES: usize = 1024;

/// Whether `key` is an object key of `tenant` that is safe to sign (see
/// [`ObjectStorage::presigned_get`]).
fn signable(tenant: TenantId, key: &str) -> bool {
    let prefix = format!("{}/", tenant.uuid());
    key.len() <= MAX_KEY_BYTES
        && key.starts_with(&prefix)
        && !key.chars().any(|c| c.is_control() || c == '\\')
        && key
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// Signs GET URLs of one bucket.
#[derive(Clone)]
pub struct ObjectStorage {
    bucket: Bucket,
    credentials: Credentials,
    ttl: Duration,
}

impl std::fmt::Debug for ObjectStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObjectStorage")
            .field("bucket", &self.bucket.name())
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl ObjectStorage {
    /// The signer of `settings`' bucket, or why the settings are unusable.
    pub fn new(settings: &ObjectStorageSettings) -> Result<Self, String> {
        let endpoint = settings
            .endpoint
            .parse()
            .map_err(|error| format!("S3_ENDPOINT: {error}"))?;
        let style = if settings.path_style {
            UrlStyle::Path
        } else {
            UrlStyle::VirtualHost
        };
        let bucket = Bucket::new(
            endpoint,
            style,
            settings.bucket.clone(),
            settings.region.clone(),
        )
        .map_err(|error| format!("S3_BUCKET: {error}"))?;
        Ok(Self {
            bucket,
            credentials: Credentials::new(
                settings.access_key_id.clone(),
                settings.secret_access_key.clone(),
            ),
            ttl: settings.ttl,
        })
    }

    /// How long the URLs it signs are valid.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A presigned GET URL of `key` for `tenant`; None unless the key is one of the tenant's
    /// objects as the platform writes them: under `<tenant uuid>/`, at most 1024 bytes, no
    /// control characters, no backslash, and no empty, `.` or `..` segment (the signer does not
    /// escape them, so `../other-bucket/x` would be signed for another bucket). A damaged or
    /// foreign key in a document is never signed.
    pub fn presigned_get(&self, tenant: TenantId, key: &str) -> Option<String> {
        if !signable(tenant, key) {
            return None;
        }
        let action = GetObject::new(&self.bucket, Some(&self.credentials), key);
        let signed =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| action.sign(self.ttl)));
        signed.ok().map(|url| url.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_tenants_own_plain_keys_are_signed() {
        let tenant = TenantId::new(uuid::Uuid::from_u128(7));
        let other = uuid::Uuid::from_u128(8);
        let own = format!("{}/outputs/a.md", tenant.uuid());
        assert!(signable(tenant, &own));
        for bad in [
            format!("{other}/outputs/a.md"),
            format!("{}/../other-bucket/a.md", tenant.uuid()),
            format!("{}/outputs/./a.md", tenant.uuid()),
            format!("{}//a.md", tenant.uuid()),
            format!("{}/outputs\\a.md", tenant.uuid()),
            format!("{}/a\u{7}.md", tenant.uuid()),
            format!("/{}/a.md", tenant.uuid()),
            "../other-bucket/secret.md".to_owned(),
            format!("{}/{}", tenant.uuid(), "a".repeat(MAX_KEY_BYTES)),
        ] {
            assert!(!signable(tenant, &bad), "{bad}");
        }
    }
}
