//! A channel's OAuth tokens at rest: encrypted with the key ring before they reach the
//! database, under a context naming the column, the tenant and the channel, so a ciphertext
//! copied into another row, column or tenant does not decrypt. Write-only: the API says only
//! whether a token is stored.

use graph_core::crypto::KeyRing;
use graph_core::db::TenantId;
use graph_core::error::{ApiError, ApiResult};

/// Longest token accepted, in bytes (real OAuth tokens are a few hundred to a couple thousand).
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// Which token column.
#[derive(Debug, Clone, Copy)]
pub enum TokenColumn {
    /// `channels.access_token`.
    Access,
    /// `channels.refresh_token`.
    Refresh,
}

impl TokenColumn {
    fn field(self) -> &'static str {
        match self {
            Self::Access => "accessToken",
            Self::Refresh => "refreshToken",
        }
    }
}

/// The associated data of a token: `channels.<column>:<tenant uuid>:<channel ref id>`.
pub fn token_context(tenant: TenantId, channel_ref_id: &str, column: TokenColumn) -> String {
    let column = match column {
        TokenColumn::Access => graph_core::secrets::SecretColumn::ChannelAccessToken,
        TokenColumn::Refresh => graph_core::secrets::SecretColumn::ChannelRefreshToken,
    };
    column.context(Some(tenant), channel_ref_id)
}

/// Checks and encrypts one token (`BAD_USER_INPUT` on its field when empty, too long or not
/// printable; the message never quotes it).
pub fn seal_token(
    key_ring: &KeyRing,
    tenant: TenantId,
    channel_ref_id: &str,
    column: TokenColumn,
    token: &str,
) -> ApiResult<String> {
    crate::shared::inputs::secret_text(column.field(), token, MAX_TOKEN_BYTES)?;
    key_ring
        .encrypt(
            token.as_bytes(),
            &token_context(tenant, channel_ref_id, column),
        )
        .map_err(ApiError::internal)
}
