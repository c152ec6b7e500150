//! `ProviderMutation`: setting, enabling and deleting the tenant's notification providers
//! (admins only). A configuration is validated (a non-empty JSON object of at most 16 KiB),
//! encrypted with the key ring before it reaches the database, and never returned or logged.

use crate::notify::enums::{ProviderChannel, ProviderKind};
use crate::notify::provider_type::NotificationProvider;
use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use entities::notification_providers;
use graph_core::access::{self, ADMINS};
use graph_core::db::TenantId;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Largest configuration accepted, in bytes of compact JSON.
pub const MAX_CONFIG_BYTES: usize = 16 * 1024;

/// A provider for one channel of the tenant: replaces the channel's provider if it has one.
#[derive(InputObject)]
pub struct SetNotificationProviderInput {
    /// The channel (one provider per channel).
    pub channel: ProviderChannel,
    /// The provider; it must deliver on `channel`: `SMTP`, `SENDGRID` or `SES` for `EMAIL`;
    /// `MSG91` or `TWILIO` for `SMS`; `WHATSAPP_BUSINESS_API` or `TWILIO` for `WHATSAPP`.
    pub provider: ProviderKind,
    /// The provider's configuration (credentials, API keys, sender ids): a non-empty JSON
    /// object of at most 16 KiB. Stored encrypted; write-only (never returned).
    pub config: Json<serde_json::Value>,
    /// Whether to use it (default: true for a new provider; unchanged when replacing).
    pub is_active: Option<bool>,
}

/// The associated data a configuration is encrypted under: the column, the tenant and the
/// channel (a row's channel never changes), so a ciphertext copied into another tenant's row,
/// another channel's row or another column does not decrypt.
/// Format: `notification_providers.config:<tenant uuid>:<channel>`.
pub fn config_context(tenant: TenantId, channel: ProviderChannel) -> String {
    graph_core::secrets::SecretColumn::NotificationProviderConfig
        .context(Some(tenant), channel.as_db())
}

/// Checks that `provider` delivers on `channel` (`BAD_USER_INPUT` on `provider` otherwise).
fn check_pair(channel: ProviderChannel, provider: ProviderKind) -> ApiResult<()> {
    if channel.providers().contains(&provider) {
        Ok(())
    } else {
        Err(ApiError::bad_input(
            "provider",
            format!(
                "provider `{}` cannot deliver on channel `{}`",
                provider.as_db(),
                channel.as_db()
            ),
        ))
    }
}

/// The configuration as compact JSON text: a non-empty object of at most [`MAX_CONFIG_BYTES`]
/// (`BAD_USER_INPUT` on `config` otherwise; the message never quotes the value).
fn config_text(config: &serde_json::Value) -> ApiResult<String> {
    let object = config
        .as_object()
        .ok_or_else(|| ApiError::bad_input("config", "`config` must be a JSON object"))?;
    if object.is_empty() {
        return Err(ApiError::bad_input("config", "`config` must not be empty"));
    }
    let text = serde_json::to_string(config).map_err(ApiError::internal)?;
    if text.len() > MAX_CONFIG_BYTES {
        return Err(ApiError::bad_input(
            "config",
            format!("`config` must be at most {MAX_CONFIG_BYTES} bytes of JSON"),
        ));
    }
    Ok(text)
}

/// The provider part of the notifications `Mutation`.
#[derive(Default)]
pub struct ProviderMutation;

/// Changes to the tenant's notification providers.
#[Object]
impl ProviderMutation {
    /// Sets the tenant's provider of a channel (admins only): creates it, or replaces the
    /// channel's provider and configuration. A new configuration is unverified: `verifiedAt`
    /// and `lastError` are cleared.
    #[tracing::instrument(skip_all)]
    async fn set_notification_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel, provider, configuration and whether to use it.")]
        input: SetNotificationProviderInput,
    ) -> Result<NotificationProvider> {
        let session = access::write(ctx, ADMINS)?;
        check_pair(input.channel, input.provider)?;
        let plaintext = config_text(&input.config.0)?;
        let sealed = access::services(ctx)?
            .key_ring
            .encrypt(
                plaintext.as_bytes(),
                &config_context(session.tenant.id, input.channel),
            )
            .map_err(ApiError::internal)?;
        drop(plaintext);
        let channel = input.channel.as_db();
        let tx = access::begin(ctx, session).await?;
        let existing = tx
            .select::<notification_providers::Entity>()
            .filter(notification_providers::Column::Channel.eq(channel))
            .lock_exclusive()
            .one(&tx)
            .await?;
        let row = match existing {
            Some(existing) => {
                let changes = notification_providers::ActiveModel {
                    provider: Set(input.provider.as_db().to_owned()),
                    config: Set(sealed),
                    is_active: input.is_active.map_or(NotSet, Set),
                    verified_at: Set(None),
                    last_error: Set(None),
                    ..Default::default()
                };
                tx.update_by_id("notification provider", existing.id, changes)
                    .await?
            }
            None => {
                tx.insert(notification_providers::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    channel: Set(channel.to_owned()),
                    provider: Set(input.provider.as_db().to_owned()),
                    config: Set(sealed),
                    is_active: Set(input.is_active.unwrap_or(true)),
                    verified_at: Set(None),
                    last_error: Set(None),
                    ..Default::default()
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(provider = %row.ref_id, channel, "notification provider set");
        Ok(NotificationProvider::from(row))
    }

    /// Turns a notification provider on or off (admins only); off reverts its channel to the
    /// platform's default provider and keeps the configuration.
    #[tracing::instrument(skip_all)]
    async fn set_notification_provider_active(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
        #[graphql(desc = "Whether to use it.")] active: bool,
    ) -> Result<NotificationProvider> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<notification_providers::Entity>("notification provider", &ref_id, false)
            .await?;
        let row = if row.is_active == active {
            row
        } else {
            let changes = notification_providers::ActiveModel {
                is_active: Set(active),
                ..Default::default()
            };
            tx.update_by_id("notification provider", row.id, changes)
                .await?
        };
        tx.commit().await?;
        Ok(NotificationProvider::from(row))
    }

    /// Deletes a notification provider and its configuration for good (admins only); its
    /// channel reverts to the platform's default provider. Returns the deleted provider's id.
    #[tracing::instrument(skip_all)]
    async fn delete_notification_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<notification_providers::Entity>("notification provider", &ref_id, false)
            .await?;
        tx.delete_by_id::<notification_providers::Entity>("notification provider", row.id)
            .await?;
        tx.commit().await?;
        tracing::info!(provider = %row.ref_id, "notification provider deleted");
        Ok(ID(row.ref_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_config_must_be_a_bounded_non_empty_object() {
        assert!(config_text(&json!({ "apiKey": "x" })).is_ok());
        for bad in [json!([]), json!("text"), json!(1), json!(null), json!({})] {
            assert!(config_text(&bad).is_err(), "{bad}");
        }
        let big = json!({ "key": "x".repeat(MAX_CONFIG_BYTES) });
        assert!(config_text(&big).is_err());
    }

    #[test]
    fn providers_must_deliver_on_their_channel() {
        assert!(check_pair(ProviderChannel::Email, ProviderKind::Ses).is_ok());
        assert!(check_pair(ProviderChannel::Sms, ProviderKind::Twilio).is_ok());
        assert!(check_pair(ProviderChannel::Whatsapp, ProviderKind::Twilio).is_ok());
        assert!(check_pair(ProviderChannel::Email, ProviderKind::Msg91).is_err());
        assert!(check_pair(ProviderChannel::Whatsapp, ProviderKind::Smtp).is_err());
    }
}
