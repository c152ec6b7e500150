//! `ApiKeyMutation`: `createApiKey`, `revokeApiKey` — integrator credentials.

use crate::identity::api_key_type::ApiKey;
use crate::identity::enums::ApiKeyScope;
use crate::identity::validate;
use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::api_keys;
use graph_core::access::{self, ADMINS};
use graph_core::auth::api_key::generate_api_key;
use graph_core::changes::now;
use graph_core::error::ApiError;
use graph_core::ids::parse_ref_id;
use graph_core::validate::{Text, future};
use sea_orm::ActiveValue::Set;
use uuid::Uuid;

/// A new API key for an integrator.
#[derive(InputObject, Debug)]
pub struct CreateApiKeyInput {
    /// A label to recognise the key by, 1–255 characters.
    pub name: String,
    /// What the key may do; at least one. `WRITE` implies `READ`.
    pub scopes: Vec<ApiKeyScope>,
    /// When the key stops working (must be in the future); omit for a key that does not expire.
    pub expires_on: Option<DateTime<Utc>>,
}

/// An API key's label (`api_keys.name`, `varchar(255)`).
const API_KEY_NAME: Text = Text::new("name", 255);

/// A created API key and its secret.
#[derive(SimpleObject)]
pub struct CreateApiKeyPayload {
    /// The stored key (without its secret).
    pub api_key: ApiKey,
    /// The key itself (`lmk_…`). Shown this once and never again: store it now. Send it as
    /// `Authorization: ApiKey <key>` or `X-Api-Key: <key>`.
    pub key: String,
}

/// The API key part of the identity `Mutation`.
#[derive(Default)]
pub struct ApiKeyMutation;

/// Integrator credentials.
#[Object]
impl ApiKeyMutation {
    /// Creates an API key for an integrator (admins only). The key is in the payload once and
    /// never again.
    #[tracing::instrument(skip_all)]
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key's label, scopes and optional expiry.")] input: CreateApiKeyInput,
    ) -> Result<CreateApiKeyPayload> {
        let session = access::write(ctx, ADMINS)?;
        let name = API_KEY_NAME.required(&input.name)?;
        let scopes = validate::api_key_scopes("scopes", &input.scopes)?;
        let expires_on = input
            .expires_on
            .map(|at| future("expiresOn", at, Utc::now()))
            .transpose()?;
        let generated = generate_api_key().map_err(ApiError::internal)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .insert(api_keys::ActiveModel {
                id: Set(Uuid::new_v4()),
                name: Set(name),
                key_prefix: Set(generated.prefix),
                key_hash: Set(generated.hash),
                scopes: Set(scopes),
                expires_on: Set(expires_on.map(|at| at.fixed_offset())),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(api_key = %row.ref_id, "API key created");
        Ok(CreateApiKeyPayload {
            api_key: ApiKey::from(row),
            key: generated.key,
        })
    }

    /// Revokes an API key (admins only): it stops working at once. Revoking a revoked key
    /// returns it unchanged.
    #[tracing::instrument(skip_all)]
    async fn revoke_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key's id.")] id: ID,
    ) -> Result<ApiKey> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let key = tx
            .find_by_ref::<api_keys::Entity>("API key", &ref_id)
            .await?;
        if key.revoked_on.is_some() {
            tx.commit().await?;
            return Ok(ApiKey::from(key));
        }
        let now = now();
        let changes = api_keys::ActiveModel {
            revoked_on: Set(Some(now)),
            revoked_by: Set(Some(session.actor_id())),
            ..Default::default()
        };
        let key = tx.update_by_id("API key", key.id, changes).await?;
        tx.commit().await?;
        tracing::info!(api_key = %key.ref_id, "API key revoked");
        Ok(ApiKey::from(key))
    }
}
