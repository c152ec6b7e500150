//! GraphQL enums of integrations, mirroring their PostgreSQL enums.

use async_graphql::Enum;

/// The provider an integration connects.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::IntegrationType")]
pub enum IntegrationType {
    /// SEMrush (keyword and competitor data).
    Semrush,
    /// DataForSEO (SERP, backlink and indexation checks).
    Dataforseo,
    /// Ahrefs (backlink data).
    Ahrefs,
    /// The Google Ads API (developer token).
    GoogleAdsApi,
    /// The Meta Marketing API.
    MetaAdsApi,
    /// Razorpay (payments).
    Razorpay,
    /// SendGrid (email delivery).
    Sendgrid,
    /// Twilio (SMS and WhatsApp).
    Twilio,
    /// Any other provider; a tenant may have several.
    Custom,
}

/// Whether an integration's credentials work, as of its last health check.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::IntegrationStatus")]
pub enum IntegrationStatus {
    /// The credentials work (or were just set and are not checked yet).
    Connected,
    /// The last check failed; see `errorMessage`.
    Error,
    /// The provider refuses calls until the quota renews.
    QuotaExceeded,
    /// The credentials expired: set new ones.
    Expired,
}
