//! The social pipeline: **social media requests** (what to post about, of which kind, on which
//! channels), approved by a reviewer — behind the approval of their activity, when it has one —
//! which creates one **social post** per target channel in the same transaction; each post is
//! then written (its copy in the document store, bounded by the platform's character limit),
//! reviewed, scheduled, published, and its engagement recorded.
//!
//! As in the other domains: `social_types.rs` holds the types (built from their rows, relations
//! through the request's loaders), `social_queries.rs` the reads and the federation look-ups,
//! `requests.rs` and `posts.rs` the mutations, each one transaction on a locked row moved by the
//! pure, unit-tested rules of [`workflow`]. Requests are written by members and agents (write
//! keys) and approved by reviewers and admins.

mod enums;
mod posts;
mod requests;
mod social_queries;
mod social_types;
pub mod workflow;

pub use enums::{
    SocialMediaRequestPriority, SocialMediaRequestStatus, SocialPostStatus, SocialPostType,
};
pub use posts::SocialPostEngagementInput;
pub use requests::{CreateSocialMediaRequestInput, UpdateSocialMediaRequestInput};
pub use social_queries::{
    SocialMediaRequestFilter, SocialPostFilter, social_media_requests_of_deliverable,
    social_media_requests_of_period,
};
pub use social_types::{
    SocialMediaRequest, SocialMediaRequestConnection, SocialPost, SocialPostConnection,
    SocialPostEngagement,
};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of the social pipeline can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "social_posts_request_channel_key",
    "this request already has a post for this channel (it was approved by another request just now)",
)];

/// Queries of social media requests and posts (with their federation look-ups).
#[derive(MergedObject, Default)]
pub struct SocialQuery(social_queries::SocialPipelineQuery);

/// Mutations of social media requests and posts.
#[derive(MergedObject, Default)]
pub struct SocialMutation(
    requests::SocialMediaRequestMutation,
    posts::SocialPostMutation,
);
