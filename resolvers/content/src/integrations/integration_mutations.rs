//! `IntegrationMutation`: setting (create or replace), updating, checking and deleting
//! integrations (admins only). Keys and secrets are checked and encrypted before anything is
//! written and never logged (every root field is `#[tracing::instrument(skip_all)]`).

use crate::integrations::enums::{IntegrationStatus, IntegrationType};
use crate::integrations::integration_type::Integration;
use crate::integrations::secrets::{SecretColumn, check_secret, seal_secret};
use crate::shared::inputs::json_object;
use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use entities::integrations;
use entities::sea_orm_active_enums as db;
use graph_core::access::{self, ADMINS};
use graph_core::changes::now;
use graph_core::error::ApiError;
use graph_core::ids::{new_ref_id, parse_ref_id};
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Display label (`integrations.name`, `varchar(255)`).
const NAME: Text = Text::new("name", 255);
/// The error of a failed check.
const ERROR_MESSAGE: Text = Text::new("errorMessage", 2000);
/// Largest `extraConfig`, in bytes of compact JSON.
const MAX_EXTRA_CONFIG_BYTES: usize = 16 * 1024;

/// An integration to set: for a provider other than `CUSTOM`, the tenant's integration of that
/// provider is created, or replaced when it exists (name, key, secret, settings; a secret not
/// given is removed). `CUSTOM` always creates a new one.
#[derive(InputObject)]
pub struct SetIntegrationInput {
    /// The provider.
    pub integration_type: IntegrationType,
    /// Display label, 1–255 characters.
    pub name: String,
    /// The API key: not blank, at most 8 KiB, no control characters. Stored encrypted;
    /// write-only.
    pub api_key: String,
    /// The API secret, for providers that need one (same rules as `apiKey`). Stored encrypted;
    /// write-only.
    pub api_secret: Option<String>,
    /// Provider-specific settings: a JSON object of at most 16 KiB (no secrets here: it is
    /// returned as is). Default `{}`.
    pub extra_config: Option<Json<serde_json::Value>>,
    /// Whether agents may use it. Default true.
    pub is_active: Option<bool>,
}

/// Changes to an integration; omitted fields keep their value. A new key or secret replaces
/// the stored one and marks the integration `CONNECTED` until it is checked.
#[derive(InputObject)]
pub struct UpdateIntegrationInput {
    /// New display label, 1–255 characters.
    pub name: Option<String>,
    /// Whether agents may use it.
    pub is_active: Option<bool>,
    /// New provider-specific settings (replaces them): a JSON object of at most 16 KiB.
    pub extra_config: Option<Json<serde_json::Value>>,
    /// A new API key (stored encrypted; write-only).
    pub api_key: Option<String>,
    /// A new API secret (stored encrypted; write-only).
    pub api_secret: Option<String>,
    /// True removes the stored API secret (not together with `apiSecret`).
    pub remove_api_secret: Option<bool>,
}

/// The outcome of a health check of an integration's credentials.
#[derive(InputObject)]
pub struct RecordIntegrationCheckInput {
    /// The status the check found. `CONNECTED` records a success (`lastVerifiedAt` becomes
    /// now, the error is cleared).
    pub status: IntegrationStatus,
    /// What failed, for statuses other than `CONNECTED` (at most 2000 characters; ignored on
    /// success).
    pub error_message: Option<String>,
}

/// The integration part of the integrations `Mutation`.
#[derive(Default)]
pub struct IntegrationMutation;

/// Changes to integrations (admins only).
#[Object]
impl IntegrationMutation {
    /// Sets the tenant's integration of a provider (admins only): creates it, or replaces the
    /// existing one of that provider (`CUSTOM`: always a new one). Key and secret are stored
    /// encrypted and never returned.
    #[tracing::instrument(skip_all)]
    async fn set_integration(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider, label, credentials and settings.")]
        input: SetIntegrationInput,
    ) -> Result<Integration> {
        let session = access::write(ctx, ADMINS)?;
        let name = NAME.required(&input.name)?;
        check_secret(SecretColumn::ApiKey, &input.api_key)?;
        if let Some(secret) = input.api_secret.as_deref() {
            check_secret(SecretColumn::ApiSecret, secret)?;
        }
        let extra_config = input
            .extra_config
            .as_ref()
            .map(|value| json_object("extraConfig", &value.0, MAX_EXTRA_CONFIG_BYTES))
            .transpose()?
            .unwrap_or_else(|| serde_json::json!({}));
        let kind: db::IntegrationType = input.integration_type.into();
        let tx = access::begin(ctx, session).await?;
        let existing = if input.integration_type == IntegrationType::Custom {
            None
        } else {
            tx.select::<integrations::Entity>()
                .filter(integrations::Column::IntegrationType.eq(kind.clone()))
                .lock_exclusive()
                .one(&tx)
                .await?
        };
        let ref_id = match &existing {
            Some(row) => row.ref_id.clone(),
            None => new_ref_id()?,
        };
        let key_ring = &access::services(ctx)?.key_ring;
        let tenant = session.tenant.id;
        let api_key = seal_secret(
            key_ring,
            tenant,
            &ref_id,
            SecretColumn::ApiKey,
            &input.api_key,
        )?;
        let api_secret = input
            .api_secret
            .as_deref()
            .map(|secret| seal_secret(key_ring, tenant, &ref_id, SecretColumn::ApiSecret, secret))
            .transpose()?;
        let row = match existing {
            Some(row) => {
                let changes = integrations::ActiveModel {
                    name: Set(name),
                    api_key: Set(Some(api_key)),
                    api_secret: Set(api_secret),
                    extra_config: Set(extra_config),
                    is_active: Set(input.is_active.unwrap_or(true)),
                    status: Set(db::IntegrationStatus::Connected),
                    last_verified_at: Set(None),
                    error_message: Set(None),
                    ..Default::default()
                };
                tx.update_by_id("integration", row.id, changes).await?
            }
            None => {
                tx.insert(integrations::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    ref_id: Set(ref_id),
                    integration_type: Set(kind),
                    name: Set(name),
                    api_key: Set(Some(api_key)),
                    api_secret: Set(api_secret),
                    extra_config: Set(extra_config),
                    is_active: Set(input.is_active.unwrap_or(true)),
                    status: Set(db::IntegrationStatus::Connected),
                    ..Default::default()
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(integration = %row.ref_id, "integration set");
        Ok(Integration::from(row))
    }

    /// Changes an integration (admins only); `NOT_FOUND` for an unknown id.
    #[tracing::instrument(skip_all)]
    async fn update_integration(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The integration's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateIntegrationInput,
    ) -> Result<Integration> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let extra_config = input
            .extra_config
            .as_ref()
            .map(|value| json_object("extraConfig", &value.0, MAX_EXTRA_CONFIG_BYTES))
            .transpose()?;
        let remove_secret = input.remove_api_secret.unwrap_or(false);
        if remove_secret && input.api_secret.is_some() {
            return Err(ApiError::bad_input(
                "removeApiSecret",
                "give either `apiSecret` or `removeApiSecret`, not both",
            )
            .into());
        }
        let key_ring = &access::services(ctx)?.key_ring;
        let tenant = session.tenant.id;
        let api_key = input
            .api_key
            .as_deref()
            .map(|key| seal_secret(key_ring, tenant, &ref_id, SecretColumn::ApiKey, key))
            .transpose()?;
        let api_secret = input
            .api_secret
            .as_deref()
            .map(|secret| seal_secret(key_ring, tenant, &ref_id, SecretColumn::ApiSecret, secret))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<integrations::Entity>("integration", &ref_id, false)
            .await?;
        let new_credentials = api_key.is_some() || api_secret.is_some();
        let changes = integrations::ActiveModel {
            name: name.map_or(NotSet, Set),
            is_active: input.is_active.map_or(NotSet, Set),
            extra_config: extra_config.map_or(NotSet, Set),
            api_key: api_key.map_or(NotSet, |key| Set(Some(key))),
            api_secret: match api_secret {
                Some(secret) => Set(Some(secret)),
                None if remove_secret => Set(None),
                None => NotSet,
            },
            status: if new_credentials {
                Set(db::IntegrationStatus::Connected)
            } else {
                NotSet
            },
            error_message: if new_credentials { Set(None) } else { NotSet },
            ..Default::default()
        };
        let row = tx.update_by_id("integration", row.id, changes).await?;
        tx.commit().await?;
        tracing::info!(integration = %row.ref_id, "integration updated");
        Ok(Integration::from(row))
    }

    /// Records a health check of an integration's credentials (admins only): its status, the
    /// error of a failure, and on success `lastVerifiedAt`.
    #[tracing::instrument(skip_all)]
    async fn record_integration_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The integration's id.")] id: ID,
        #[graphql(desc = "The check's outcome.")] input: RecordIntegrationCheckInput,
    ) -> Result<Integration> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let success = input.status == IntegrationStatus::Connected;
        let error_message = if success {
            None
        } else {
            ERROR_MESSAGE.optional(input.error_message.as_deref())?
        };
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<integrations::Entity>("integration", &ref_id, false)
            .await?;
        let changes = integrations::ActiveModel {
            status: Set(input.status.into()),
            error_message: Set(error_message),
            last_verified_at: if success { Set(Some(now())) } else { NotSet },
            ..Default::default()
        };
        let row = tx.update_by_id("integration", row.id, changes).await?;
        tx.commit().await?;
        Ok(Integration::from(row))
    }

    /// Deletes an integration for good (admins only), its credentials with it. Returns the
    /// deleted integration's id.
    #[tracing::instrument(skip_all)]
    async fn delete_integration(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The integration's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<integrations::Entity>("integration", &ref_id, false)
            .await?;
        tx.delete_by_id::<integrations::Entity>("integration", row.id)
            .await?;
        tx.commit().await?;
        tracing::info!(integration = %row.ref_id, "integration deleted");
        Ok(ID(row.ref_id))
    }
}
