//! `ChannelMutation`: connecting, updating, disconnecting and deleting channels (admins), and
//! scoring them (members and agents). Tokens are checked and encrypted before the transaction
//! begins and never logged (every root field is `#[tracing::instrument(skip_all)]`).

use crate::channels::channel_type::{Channel, ChannelScore};
use crate::channels::enums::ChannelPlatform;
use crate::channels::scores::{check_score, parse_period};
use crate::channels::secrets::{TokenColumn, seal_token};
use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums as db;
use entities::{channel_scores, channels};
use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::changes::now;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::{new_ref_id, parse_ref_id};
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// A channel's display name (`channels.name`, `varchar(255)`).
const NAME: Text = Text::new("name", 255);
/// The platform's id of the page or account (`channels.external_id`, `varchar(500)`).
const EXTERNAL_ID: Text = Text::new("externalId", 500);
/// Largest `metadata`, in bytes of compact JSON.
const MAX_METADATA_BYTES: usize = 16 * 1024;
/// Most scopes a channel may have, and the longest one.
const MAX_SCOPES: usize = 100;
const MAX_SCOPE_CHARS: usize = 255;
/// The longest URL accepted (`varchar(1000)`).
const MAX_URL_CHARS: usize = 1000;

/// A new connection to a platform (or a renewed one: connecting a channel that was
/// disconnected or deleted revives it with the new tokens).
#[derive(InputObject)]
pub struct ConnectChannelInput {
    /// The platform (it determines `channelType`).
    pub platform: ChannelPlatform,
    /// Display name, 1–255 characters.
    pub name: String,
    /// The platform's id of the page, account or site, 1–500 characters; unique per platform in
    /// the tenant.
    pub external_id: String,
    /// The page, profile or site's URL (`http(s)://`, at most 1000 characters).
    pub external_url: Option<String>,
    /// The OAuth access token. Stored encrypted; write-only.
    pub access_token: String,
    /// The OAuth refresh token, if the platform issues one. Stored encrypted; write-only.
    pub refresh_token: Option<String>,
    /// When the access token expires; omit when it does not.
    pub token_expires_at: Option<DateTime<Utc>>,
    /// OAuth scopes granted (at most 100, each 1–255 characters).
    pub scopes: Option<Vec<String>>,
    /// Platform-specific details: a JSON object of at most 16 KiB.
    pub metadata: Option<Json<serde_json::Value>>,
}

/// Changes to a channel; omitted fields keep their value. New tokens replace the stored ones
/// (and mark the channel `CONNECTED` again).
#[derive(InputObject)]
pub struct UpdateChannelInput {
    /// New display name, 1–255 characters.
    pub name: Option<String>,
    /// New URL (`http(s)://`, at most 1000 characters).
    pub external_url: Option<String>,
    /// A new access token (stored encrypted; write-only).
    pub access_token: Option<String>,
    /// A new refresh token (stored encrypted; write-only).
    pub refresh_token: Option<String>,
    /// When the new access token expires.
    pub token_expires_at: Option<DateTime<Utc>>,
    /// The scopes now granted (replaces the list).
    pub scopes: Option<Vec<String>>,
    /// New platform-specific details (replaces them): a JSON object of at most 16 KiB.
    pub metadata: Option<Json<serde_json::Value>>,
}

/// A channel's score for a month.
#[derive(InputObject)]
pub struct RecordChannelScoreInput {
    /// The channel scored.
    pub channel_id: ID,
    /// 0–100.
    pub score: i32,
    /// Component scores (a JSON object of at most 16 KiB).
    pub breakdown: Option<Json<serde_json::Value>>,
    /// What was evaluated (a JSON object of at most 16 KiB).
    pub criteria: Option<Json<serde_json::Value>>,
    /// The month scored, `YYYY-MM`.
    pub period: String,
}

/// Checks an optional JSON object input (`BAD_USER_INPUT` on `field`).
fn json_object(field: &str, value: &serde_json::Value) -> ApiResult<serde_json::Value> {
    crate::shared::inputs::json_object(field, value, MAX_METADATA_BYTES)
}

/// Checks a URL (`BAD_USER_INPUT` on `externalUrl`).
fn external_url(value: &str) -> ApiResult<String> {
    crate::shared::inputs::http_url("externalUrl", value, MAX_URL_CHARS)
}

/// Checks the scopes (`BAD_USER_INPUT` on `scopes`).
fn scopes(values: &[String]) -> ApiResult<Vec<String>> {
    if values.len() > MAX_SCOPES {
        return Err(ApiError::bad_input(
            "scopes",
            format!("at most {MAX_SCOPES} scopes"),
        ));
    }
    values
        .iter()
        .map(|scope| {
            let scope = scope.trim();
            if scope.is_empty()
                || scope.chars().count() > MAX_SCOPE_CHARS
                || scope.chars().any(char::is_control)
            {
                Err(ApiError::bad_input(
                    "scopes",
                    format!("each scope must be 1–{MAX_SCOPE_CHARS} printable characters"),
                ))
            } else {
                Ok(scope.to_owned())
            }
        })
        .collect()
}

/// The channel part of the channels `Mutation`.
#[derive(Default)]
pub struct ChannelMutation;

/// Changes to channels and their scores.
#[Object]
impl ChannelMutation {
    /// Connects a platform (admins only). Connecting one that exists disconnected or deleted
    /// revives it with the new tokens; one that is connected is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn connect_channel(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The platform, names, tokens and details.")] input: ConnectChannelInput,
    ) -> Result<Channel> {
        let session = access::write(ctx, ADMINS)?;
        let name = NAME.required(&input.name)?;
        let external_id = EXTERNAL_ID.required(&input.external_id)?;
        let url = input
            .external_url
            .as_deref()
            .map(external_url)
            .transpose()?;
        let scopes = scopes(input.scopes.as_deref().unwrap_or_default())?;
        let metadata = input
            .metadata
            .as_ref()
            .map(|value| json_object("metadata", &value.0))
            .transpose()?
            .unwrap_or_else(|| serde_json::json!({}));
        let platform = input.platform.as_db();
        let tx = access::begin(ctx, session).await?;
        let existing = tx
            .select_with_deleted::<channels::Entity>(true)
            .filter(channels::Column::Platform.eq(platform.clone()))
            .filter(channels::Column::ExternalId.eq(external_id.clone()))
            .lock_exclusive()
            .one(&tx)
            .await?;
        let ref_id = match &existing {
            Some(row) if row.deleted_on.is_none() && row.status != db::ChannelStatus::Revoked => {
                return Err(ApiError::Conflict(
                    "this platform account is already connected: update the channel instead"
                        .to_owned(),
                )
                .into());
            }
            Some(row) => row.ref_id.clone(),
            None => new_ref_id()?,
        };
        let services = access::services(ctx)?;
        let access_token = seal_token(
            &services.key_ring,
            session.tenant.id,
            &ref_id,
            TokenColumn::Access,
            &input.access_token,
        )?;
        let refresh_token = input
            .refresh_token
            .as_deref()
            .map(|token| {
                seal_token(
                    &services.key_ring,
                    session.tenant.id,
                    &ref_id,
                    TokenColumn::Refresh,
                    token,
                )
            })
            .transpose()?;
        let row = match existing {
            Some(row) => {
                let changes = channels::ActiveModel {
                    name: Set(name),
                    external_url: Set(url),
                    access_token: Set(Some(access_token)),
                    refresh_token: Set(refresh_token),
                    token_expires_at: Set(input.token_expires_at.map(Into::into)),
                    scopes: Set(scopes),
                    metadata: Set(metadata),
                    status: Set(db::ChannelStatus::Connected),
                    error_message: Set(None),
                    last_verified_at: Set(Some(now())),
                    deleted_on: Set(None),
                    deleted_by: Set(None),
                    ..Default::default()
                };
                tx.update_by_id("channel", row.id, changes).await?
            }
            None => {
                tx.insert(channels::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    ref_id: Set(ref_id),
                    platform: Set(platform),
                    channel_type: Set(input.platform.channel_type().into()),
                    name: Set(name),
                    external_id: Set(external_id),
                    external_url: Set(url),
                    access_token: Set(Some(access_token)),
                    refresh_token: Set(refresh_token),
                    token_expires_at: Set(input.token_expires_at.map(Into::into)),
                    scopes: Set(scopes),
                    metadata: Set(metadata),
                    status: Set(db::ChannelStatus::Connected),
                    last_verified_at: Set(Some(now())),
                    ..Default::default()
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(channel = %row.ref_id, "channel connected");
        Ok(Channel::from(row))
    }

    /// Changes a channel (admins only). New tokens replace the stored ones and mark the channel
    /// `CONNECTED`; a deleted channel is `NOT_FOUND`.
    #[tracing::instrument(skip_all)]
    async fn update_channel(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateChannelInput,
    ) -> Result<Channel> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let url = input
            .external_url
            .as_deref()
            .map(external_url)
            .transpose()?;
        let scopes = input.scopes.as_deref().map(scopes).transpose()?;
        let metadata = input
            .metadata
            .as_ref()
            .map(|value| json_object("metadata", &value.0))
            .transpose()?;
        let services = access::services(ctx)?;
        let seal = |column, token: &str| {
            seal_token(
                &services.key_ring,
                session.tenant.id,
                &ref_id,
                column,
                token,
            )
        };
        let access_token = input
            .access_token
            .as_deref()
            .map(|token| seal(TokenColumn::Access, token))
            .transpose()?;
        let refresh_token = input
            .refresh_token
            .as_deref()
            .map(|token| seal(TokenColumn::Refresh, token))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<channels::Entity>("channel", &ref_id, false)
            .await?;
        let new_tokens = access_token.is_some() || refresh_token.is_some();
        let changes = channels::ActiveModel {
            name: name.map_or(NotSet, Set),
            external_url: url.map_or(NotSet, |url| Set(Some(url))),
            access_token: access_token.map_or(NotSet, |token| Set(Some(token))),
            refresh_token: refresh_token.map_or(NotSet, |token| Set(Some(token))),
            token_expires_at: input
                .token_expires_at
                .map_or(NotSet, |at| Set(Some(at.into()))),
            scopes: scopes.map_or(NotSet, Set),
            metadata: metadata.map_or(NotSet, Set),
            status: if new_tokens {
                Set(db::ChannelStatus::Connected)
            } else {
                NotSet
            },
            error_message: if new_tokens { Set(None) } else { NotSet },
            ..Default::default()
        };
        let row = tx.update_by_id("channel", row.id, changes).await?;
        tx.commit().await?;
        Ok(Channel::from(row))
    }

    /// Disconnects a channel (admins only): its tokens are deleted and it becomes `REVOKED`;
    /// the channel and its history stay. Connect it again to use it.
    #[tracing::instrument(skip_all)]
    async fn disconnect_channel(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel's id.")] id: ID,
    ) -> Result<Channel> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<channels::Entity>("channel", &ref_id, false)
            .await?;
        let changes = channels::ActiveModel {
            access_token: Set(None),
            refresh_token: Set(None),
            token_expires_at: Set(None),
            status: Set(db::ChannelStatus::Revoked),
            ..Default::default()
        };
        let row = tx.update_by_id("channel", row.id, changes).await?;
        tx.commit().await?;
        tracing::info!(channel = %row.ref_id, "channel disconnected");
        Ok(Channel::from(row))
    }

    /// Deletes a channel (admins only): its tokens are deleted with it; posts that went to it
    /// keep pointing at it. Returns the deleted channel's id.
    #[tracing::instrument(skip_all)]
    async fn delete_channel(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<channels::Entity>("channel", &ref_id, false)
            .await?;
        let changes = channels::ActiveModel {
            access_token: Set(None),
            refresh_token: Set(None),
            token_expires_at: Set(None),
            status: Set(db::ChannelStatus::Revoked),
            ..Default::default()
        };
        tx.soft_delete::<channels::Entity, _>("channel", row.id, changes)
            .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }

    /// Records a channel's score for a month (members and agents' write keys): a new history
    /// entry, and the channel's current score, the old one kept as `previous`.
    #[tracing::instrument(skip_all)]
    async fn record_channel_score(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel, score, breakdown and month.")]
        input: RecordChannelScoreInput,
    ) -> Result<ChannelScore> {
        let session = access::write(ctx, MEMBERS)?;
        let channel_ref = parse_ref_id("channelId", &input.channel_id)?.into_string();
        let score = check_score(input.score)?;
        let period = parse_period("period", &input.period)?;
        let breakdown = input
            .breakdown
            .as_ref()
            .map(|value| json_object("breakdown", &value.0))
            .transpose()?;
        let criteria = input
            .criteria
            .as_ref()
            .map(|value| json_object("criteria", &value.0))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let channel = tx
            .lock_by_ref::<channels::Entity>("channel", &channel_ref, false)
            .await?;
        let scored_on = now();
        let entry = tx
            .insert(channel_scores::ActiveModel {
                id: Set(Uuid::new_v4()),
                channel_id: Set(channel.id),
                score: Set(score),
                score_breakdown: Set(breakdown.clone()),
                scoring_criteria: Set(criteria),
                scored_on: Set(scored_on),
                period: Set(period),
                ..Default::default()
            })
            .await?;
        let changes = channels::ActiveModel {
            score: Set(Some(score)),
            score_breakdown: Set(breakdown),
            score_calculated_at: Set(Some(scored_on)),
            score_previous: Set(channel.score),
            ..Default::default()
        };
        tx.update_by_id("channel", channel.id, changes).await?;
        tx.commit().await?;
        Ok(ChannelScore::from(entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn urls_must_be_http_and_printable() {
        assert!(external_url("https://linkedin.com/company/acme").is_ok());
        for bad in [
            "ftp://x",
            "javascript:alert(1)",
            "https://a b",
            "",
            "https://x\u{7}y",
        ] {
            assert!(external_url(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn metadata_must_be_a_bounded_object() {
        assert!(json_object("metadata", &json!({"pageId": "1"})).is_ok());
        assert!(json_object("metadata", &json!([1])).is_err());
        assert!(json_object("metadata", &json!({"x": "y".repeat(MAX_METADATA_BYTES)})).is_err());
    }

    #[test]
    fn scopes_are_bounded_and_printable() {
        assert!(scopes(&["w_member_social".to_owned()]).is_ok());
        assert!(scopes(&[" ".to_owned()]).is_err());
        assert!(scopes(&vec!["a".to_owned(); MAX_SCOPES + 1]).is_err());
    }

    #[test]
    fn the_platform_determines_the_channel_type() {
        use crate::channels::enums::ChannelType;
        assert_eq!(ChannelPlatform::Wordpress.channel_type(), ChannelType::Cms);
        assert_eq!(
            ChannelPlatform::Linkedin.channel_type(),
            ChannelType::Social
        );
        assert_eq!(ChannelPlatform::MetaAds.channel_type(), ChannelType::Ads);
    }
}
