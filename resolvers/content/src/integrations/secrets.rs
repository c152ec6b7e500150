//! An integration's API key and secret at rest: encrypted with the key ring before they reach
//! the database, under a context naming the column, the tenant and the integration, so a
//! ciphertext copied into another row, column or tenant does not decrypt. Write-only: the API
//! says only whether one is stored, and no message ever quotes them.

use graph_core::crypto::KeyRing;
use graph_core::db::TenantId;
use graph_core::error::{ApiError, ApiResult};

/// Longest key or secret accepted, in bytes.
pub const MAX_SECRET_BYTES: usize = 8 * 1024;

/// Which secret column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretColumn {
    /// `integrations.api_key`.
    ApiKey,
    /// `integrations.api_secret`.
    ApiSecret,
}

impl SecretColumn {
    /// The input field that carries it.
    pub fn field(self) -> &'static str {
        match self {
            Self::ApiKey => "apiKey",
            Self::ApiSecret => "apiSecret",
        }
    }
}

/// The associated data of a secret: `integrations.<column>:<tenant uuid>:<integration ref id>`.
pub fn secret_context(tenant: TenantId, integration_ref_id: &str, column: SecretColumn) -> String {
    let column = match column {
        SecretColumn::ApiKey => graph_core::secrets::SecretColumn::IntegrationApiKey,
        SecretColumn::ApiSecret => graph_core::secrets::SecretColumn::IntegrationApiSecret,
    };
    column.context(Some(tenant), integration_ref_id)
}

/// Checks a secret without encrypting it: not blank, at most [`MAX_SECRET_BYTES`], no control
/// characters (`BAD_USER_INPUT` on its field; the message never quotes it).
pub fn check_secret(column: SecretColumn, secret: &str) -> ApiResult<()> {
    crate::shared::inputs::secret_text(column.field(), secret, MAX_SECRET_BYTES)
}

/// Checks and encrypts one secret for the integration `integration_ref_id`.
pub fn seal_secret(
    key_ring: &KeyRing,
    tenant: TenantId,
    integration_ref_id: &str,
    column: SecretColumn,
    secret: &str,
) -> ApiResult<String> {
    check_secret(column, secret)?;
    key_ring
        .encrypt(
            secret.as_bytes(),
            &secret_context(tenant, integration_ref_id, column),
        )
        .map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_must_be_printable_bounded_and_not_blank() {
        assert!(check_secret(SecretColumn::ApiKey, "sk-live-123").is_ok());
        assert!(check_secret(SecretColumn::ApiKey, " ").is_err());
        assert!(check_secret(SecretColumn::ApiSecret, "a\nb").is_err());
        assert!(check_secret(SecretColumn::ApiKey, &"k".repeat(MAX_SECRET_BYTES + 1)).is_err());
    }

    #[test]
    fn refusals_name_the_field_and_never_quote_the_secret() {
        let secret = "sk-very-secret\u{7}";
        let Err(error) = check_secret(SecretColumn::ApiSecret, secret) else {
            panic!("accepted a control character");
        };
        let message = error.message();
        assert!(!message.contains("sk-very-secret"), "{message}");
        assert!(message.contains("apiSecret"), "{message}");
    }
}
