//! The `Channel` type (a federation entity other subgraphs extend: ads adds its campaigns, CRM
//! its leads) and `ChannelScore`, one entry of its score history.

use crate::channels::enums::{ChannelPlatform, ChannelStatus, ChannelType};
use async_graphql::{ComplexObject, Context, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{channel_scores, channels};
use graph_core::loaders::latest_children;
use uuid::Uuid;

/// A tenant's connection to an external platform (a LinkedIn page, a WordPress site, a Google
/// Ads account), used by agents to publish and to read data. Its OAuth tokens are stored
/// encrypted and never returned: `hasAccessToken` and `hasRefreshToken` say whether there are
/// any.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Channel {
    /// Public id (ULID).
    pub id: ID,
    /// The platform.
    pub platform: ChannelPlatform,
    /// The kind of platform (determined by `platform`).
    pub channel_type: ChannelType,
    /// Display name ("Acme Corp LinkedIn Page").
    pub name: String,
    /// The platform's own id of the page, account or site (unique per platform in a tenant).
    pub external_id: String,
    /// The page, profile or site's URL.
    pub external_url: Option<String>,
    /// Whether an access token is stored (write-only: it is never returned).
    pub has_access_token: bool,
    /// Whether a refresh token is stored (write-only: it is never returned).
    pub has_refresh_token: bool,
    /// When the access token expires; null when it does not (or none is stored).
    pub token_expires_at: Option<DateTime<Utc>>,
    /// OAuth scopes granted.
    pub scopes: Vec<String>,
    /// Platform-specific details (`{ pageId, followersCount, avatarUrl }`).
    pub metadata: Json<serde_json::Value>,
    /// Whether the connection works.
    pub status: ChannelStatus,
    /// When the tokens were last validated.
    pub last_verified_at: Option<DateTime<Utc>>,
    /// The last error, when `status` is `ERROR`.
    pub error_message: Option<String>,
    /// The current score (0–100) with its breakdown and change; null until first scored.
    pub score: Option<ChannelScoreSummary>,
    /// When it was connected.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted channels are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
}

/// A channel's current score.
#[derive(SimpleObject, Clone, Debug)]
pub struct ChannelScoreSummary {
    /// 0–100.
    pub value: i32,
    /// Component scores (`{ completeness: 70, activity: 60, engagement: 45 }`).
    pub breakdown: Option<Json<serde_json::Value>>,
    /// When it was calculated.
    pub calculated_at: Option<DateTime<Utc>>,
    /// The score before this one; null for the first.
    pub previous: Option<i32>,
    /// `value - previous`; null for the first score.
    pub delta: Option<i32>,
}

impl From<channels::Model> for Channel {
    fn from(row: channels::Model) -> Self {
        let score = row.score.map(|value| ChannelScoreSummary {
            value: i32::from(value),
            breakdown: row.score_breakdown.clone().map(Json),
            calculated_at: row.score_calculated_at.map(|at| at.to_utc()),
            previous: row.score_previous.map(i32::from),
            delta: row
                .score_previous
                .map(|previous| i32::from(value) - i32::from(previous)),
        });
        Self {
            id: ID(row.ref_id),
            platform: row.platform.into(),
            channel_type: row.channel_type.into(),
            name: row.name,
            external_id: row.external_id,
            external_url: row.external_url,
            has_access_token: row.access_token.is_some(),
            has_refresh_token: row.refresh_token.is_some(),
            token_expires_at: row.token_expires_at.map(|at| at.to_utc()),
            scopes: row.scopes,
            metadata: Json(row.metadata),
            status: row.status.into(),
            last_verified_at: row.last_verified_at.map(|at| at.to_utc()),
            error_message: row.error_message,
            score,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            row_id: row.id,
        }
    }
}

/// One score of a channel for one period (re-scoring a period appends a new entry; the latest
/// of a period is the one that counts).
#[derive(SimpleObject, Clone, Debug)]
pub struct ChannelScore {
    /// Public id (ULID).
    pub id: ID,
    /// 0–100.
    pub score: i32,
    /// Component scores with values and maximums.
    pub breakdown: Option<Json<serde_json::Value>>,
    /// What was evaluated (the platform's rubric).
    pub criteria: Option<Json<serde_json::Value>>,
    /// The month scored, `YYYY-MM`.
    pub period: String,
    /// When it was calculated.
    pub scored_on: DateTime<Utc>,
}

impl From<channel_scores::Model> for ChannelScore {
    fn from(row: channel_scores::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            score: i32::from(row.score),
            breakdown: row.score_breakdown.map(Json),
            criteria: row.scoring_criteria.map(Json),
            period: row.period,
            scored_on: row.scored_on.to_utc(),
        }
    }
}

/// The channel's relations, through the request's loaders.
#[ComplexObject]
impl Channel {
    /// The channel's score history, newest first: every score between `fromPeriod` and
    /// `toPeriod` (`YYYY-MM`, both included; open-ended when omitted), at most 500.
    async fn score_history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The first month included, `YYYY-MM`.")] from_period: Option<String>,
        #[graphql(desc = "The last month included, `YYYY-MM`.")] to_period: Option<String>,
    ) -> Result<Vec<ChannelScore>> {
        let from = from_period
            .as_deref()
            .map(|period| crate::channels::scores::parse_period("fromPeriod", period))
            .transpose()?;
        let to = to_period
            .as_deref()
            .map(|period| crate::channels::scores::parse_period("toPeriod", period))
            .transpose()?;
        let rows = latest_children::<channel_scores::Entity>(
            ctx,
            channel_scores::Column::ChannelId,
            self.row_id,
        )
        .await?;
        let mut scores: Vec<ChannelScore> = rows
            .into_iter()
            .filter(|row| {
                from.as_deref()
                    .is_none_or(|from| row.period.as_str() >= from)
            })
            .filter(|row| to.as_deref().is_none_or(|to| row.period.as_str() <= to))
            .map(ChannelScore::from)
            .collect();
        scores.sort_by(|a, b| {
            b.period
                .cmp(&a.period)
                .then_with(|| b.scored_on.cmp(&a.scored_on))
        });
        Ok(scores)
    }
}

impl Channel {
    /// The channel with internal id `id`, for relations of other content rows (deleted
    /// channels included: a post still shows where it went).
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<channels::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

graph_core::connection_type!(ChannelConnection, ChannelEdge, Channel);
