//! GraphQL enums of channels. Each mirrors a PostgreSQL enum (same variants, converted with
//! `remote`).

use async_graphql::Enum;
use entities::sea_orm_active_enums as db;

/// The external platform a channel connects.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ChannelPlatform")]
pub enum ChannelPlatform {
    /// A LinkedIn page or profile (social).
    Linkedin,
    /// A Facebook page (social).
    Facebook,
    /// An Instagram account (social).
    Instagram,
    /// An X (Twitter) account (social).
    XTwitter,
    /// A TikTok account (social).
    Tiktok,
    /// A WordPress site (CMS: blog posts are published there).
    Wordpress,
    /// A Webflow site (CMS).
    Webflow,
    /// A Google Business Profile (local).
    GoogleBusinessProfile,
    /// Google Search Console (analytics).
    GoogleSearchConsole,
    /// Google Analytics (analytics).
    GoogleAnalytics,
    /// Mailchimp (email).
    Mailchimp,
    /// Klaviyo (email).
    Klaviyo,
    /// A Google Ads account (ads).
    GoogleAds,
    /// A Meta Ads account (ads).
    MetaAds,
}

impl ChannelPlatform {
    /// The kind of platform, which the platform determines (the database checks the pair).
    pub fn channel_type(self) -> ChannelType {
        match self {
            Self::Linkedin | Self::Facebook | Self::Instagram | Self::XTwitter | Self::Tiktok => {
                ChannelType::Social
            }
            Self::Wordpress | Self::Webflow => ChannelType::Cms,
            Self::GoogleSearchConsole | Self::GoogleAnalytics => ChannelType::Analytics,
            Self::GoogleBusinessProfile => ChannelType::Local,
            Self::Mailchimp | Self::Klaviyo => ChannelType::Email,
            Self::GoogleAds | Self::MetaAds => ChannelType::Ads,
        }
    }

    /// The database value.
    pub fn as_db(self) -> db::ChannelPlatform {
        self.into()
    }
}

/// The kind of platform a channel is (determined by its platform).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ChannelType")]
pub enum ChannelType {
    /// Social networks: where social posts are published.
    Social,
    /// Content management systems: where blog posts are published.
    Cms,
    /// Analytics and search data sources.
    Analytics,
    /// Local listings (Google Business Profile).
    Local,
    /// Email marketing tools.
    Email,
    /// Advertising accounts.
    Ads,
}

/// Whether a channel's credentials work.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ChannelStatus")]
pub enum ChannelStatus {
    /// Connected: the tokens work (as of `lastVerifiedAt`).
    Connected,
    /// The access token expired and could not be refreshed: reconnect it.
    Expired,
    /// Disconnected by the tenant (tokens deleted) or revoked on the platform.
    Revoked,
    /// The last call failed; see `errorMessage`.
    Error,
}
