//! GraphQL enums of the social pipeline. Each mirrors a PostgreSQL enum (same variants,
//! converted with `remote`). Named after the social pipeline (not the shared PostgreSQL enum
//! names `request_status` / `request_priority`) so they cannot clash with the blog pipeline's
//! types in the composed schema.

use async_graphql::Enum;

/// Where a social media request is in its workflow: `DRAFT` → `PENDING_APPROVAL` →
/// `APPROVED` (its posts are created) or `REJECTED`; `APPROVED` → `IN_PROGRESS` → `COMPLETED`.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RequestStatus")]
pub enum SocialMediaRequestStatus {
    /// Being written; may be changed or deleted.
    Draft,
    /// Submitted; waiting for a reviewer to approve or reject it.
    PendingApproval,
    /// Approved: one social post per target channel was created.
    Approved,
    /// Rejected by a reviewer (see `rejectionNotes`); final.
    Rejected,
    /// The posts are being written and published.
    InProgress,
    /// Done.
    Completed,
}

/// How urgent a social media request is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RequestPriority")]
pub enum SocialMediaRequestPriority {
    /// The default.
    Normal,
    /// Before normal requests.
    High,
    /// As soon as possible.
    Urgent,
}

/// The kind of post a request asks for. Each kind suits only some platforms (see
/// `targetChannelIds` of `CreateSocialMediaRequestInput`).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::SocialMediaRequestPostType")]
pub enum SocialPostType {
    /// A plain post (text, optionally an image or link): every social platform.
    Standard,
    /// Several images or slides: LinkedIn, Facebook, Instagram, TikTok.
    Carousel,
    /// A short vertical video: Facebook, Instagram, TikTok (not LinkedIn or X).
    Reel,
    /// A 24-hour story: Facebook, Instagram.
    Story,
    /// A long-form article: LinkedIn only.
    Article,
    /// An update on a Google Business Profile: Google Business Profile channels only.
    GbpUpdate,
}

/// Where a social post is in its workflow: `DRAFT` → `WRITING` → `REVIEW` → `APPROVED` →
/// `SCHEDULED` → `PUBLISHED`, with `REJECTED` (from review) and `FAILED` (publishing failed).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::SocialPostStatus")]
pub enum SocialPostStatus {
    /// Created on approval of its request; no copy yet.
    Draft,
    /// An agent or member is writing the copy.
    Writing,
    /// The copy is written and waits for review.
    Review,
    /// The copy is approved; ready to schedule or publish.
    Approved,
    /// Scheduled for `scheduledFor`.
    Scheduled,
    /// Live on the platform (`publishedUrl`, `platformPostId`).
    Published,
    /// The copy was rejected in review; new copy sends it back to review.
    Rejected,
    /// Publishing failed; it may be scheduled again.
    Failed,
}
