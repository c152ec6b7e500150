//! GraphQL enums of backlinks, mirroring their PostgreSQL enums.

use async_graphql::Enum;

/// How a backlink's `rel` qualifies it.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::BacklinkLinkType")]
pub enum BacklinkLinkType {
    /// A plain link that passes authority.
    Dofollow,
    /// `rel="nofollow"`.
    Nofollow,
    /// `rel="ugc"` (user-generated content).
    Ugc,
    /// `rel="sponsored"` (paid placement).
    Sponsored,
}

/// Where a backlink is in the outreach pipeline (see `moveBacklinkOutreach` for the moves).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::BacklinkOutreachStatus")]
pub enum BacklinkOutreachStatus {
    /// A candidate site, not contacted yet.
    Prospecting,
    /// The pitch was sent (`outreachSentOn`).
    OutreachSent,
    /// The site answered.
    Responded,
    /// The site agreed to link.
    Agreed,
    /// The link is published (`linkPublishedOn`); from here on it is checked for liveness.
    Published,
    /// The site declined (or the prospect was dropped).
    Rejected,
    /// The site never answered.
    NoResponse,
}
