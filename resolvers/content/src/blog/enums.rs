//! GraphQL enums of the blog pipeline. Each mirrors a PostgreSQL enum (same variants, converted
//! with `remote`). A request's status and priority are shared with social requests
//! ([`crate::shared::request`]).

use async_graphql::Enum;

/// Where a blog post is in its life, from the draft its request's approval created to the
/// article live on the CMS.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::BlogPostStatus")]
pub enum BlogPostStatus {
    /// Created by the request's approval; nothing written yet.
    Draft,
    /// Being written (by an agent or a member).
    Writing,
    /// Written: waiting for a reviewer.
    Review,
    /// Approved by a reviewer: ready to schedule or publish.
    Approved,
    /// Will be published at `scheduledFor`.
    Scheduled,
    /// Live on the CMS (`publishedUrl`).
    Published,
    /// Sent back by a reviewer: rework it (`startBlogPostWriting`).
    Rejected,
}

/// What a reader searching for the post's keyword wants.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::BlogRequestSearchIntent")]
pub enum BlogSearchIntent {
    /// To learn something.
    Informational,
    /// To compare products or services before buying.
    Commercial,
    /// To reach a particular site or page.
    Navigational,
    /// To buy or sign up now.
    Transactional,
}
