//! The blog pipeline: requests for posts ([`BlogRequest`]: drafted by members or agents,
//! submitted, approved or rejected by reviewers) and the posts their approval creates
//! ([`BlogPost`]: written, reviewed, scheduled, published), with the article body in the
//! document store. The rules of both lives are pure functions in [`workflow`].
//!
//! One file per side, as in channels: `blog_queries.rs` (lists, by id, entity look-ups, the
//! lists by deliverable and period), `requests.rs` and `posts.rs` (mutations).

mod blog_queries;
mod blog_type;
mod enums;
mod posts;
mod requests;
pub mod workflow;

pub use blog_queries::{
    BlogPostFilter, BlogRequestFilter, blog_requests_of_deliverable, blog_requests_of_period,
};
pub use blog_type::{BlogPost, BlogPostConnection, BlogRequest, BlogRequestConnection};
pub use enums::{BlogPostStatus, BlogSearchIntent};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of the blog pipeline can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "blog_posts_blog_request_key",
    "this blog request already has its post (it was just approved by another request)",
)];

/// Queries of blog requests and posts (with their federation look-ups).
#[derive(MergedObject, Default)]
pub struct BlogQuery(blog_queries::BlogPipelineQuery);

/// Mutations of blog requests and posts.
#[derive(MergedObject, Default)]
pub struct BlogMutation(requests::BlogRequestMutation, posts::BlogPostMutation);
