//! The rules of the social pipeline, pure so every one is unit-tested; the resolvers apply
//! them inside one transaction, on rows locked `FOR UPDATE`.
//!
//! - **Requests**: `DRAFT` → (submit) `PENDING_APPROVAL` → (approve) `APPROVED` | (reject)
//!   `REJECTED`; `APPROVED` → (start) `IN_PROGRESS` → (complete) `COMPLETED`. Changed and deleted
//!   only while `DRAFT`; `REJECTED` and `COMPLETED` are final.
//! - **Targets**: 1–[`MAX_TARGETS`] distinct channels; which platforms each post type suits is
//!   [`suits`] (the table is in its documentation).
//! - **The approval gate**: a request whose activity has approvals is approved only once the
//!   activity's latest approval is `APPROVED` ([`approval_gate`]).
//! - **Posts**: the moves of [`post_after`]; copy is bounded per platform by [`char_limit`]
//!   (counted in Unicode scalar values, [`char_count`]).

use entities::sea_orm_active_enums::{
    ApprovalStatus, ChannelPlatform as P, RequestStatus as R, SocialMediaRequestPostType as T,
    SocialPostStatus as S,
};
use graph_core::error::{ApiError, ApiResult};

/// The most channels one request may target.
pub const MAX_TARGETS: usize = 10;

/// What a mutation does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestAction {
    /// `updateSocialMediaRequest`.
    Update,
    /// `deleteSocialMediaRequest`.
    Delete,
    /// `submitSocialMediaRequest`.
    Submit,
    /// `approveSocialMediaRequest`.
    Approve,
    /// `rejectSocialMediaRequest`.
    Reject,
    /// `startSocialMediaRequest`.
    Start,
    /// `completeSocialMediaRequest`.
    Complete,
}

/// The status a request in `status` has after `action`, or `CONFLICT` when the action is not
/// allowed there (update and delete keep the status: they are allowed in `DRAFT` only).
pub fn request_after(status: &R, action: RequestAction) -> ApiResult<R> {
    use RequestAction as A;
    let next = match (status, action) {
        (R::Draft, A::Update | A::Delete) => Some(R::Draft),
        (R::Draft, A::Submit) => Some(R::PendingApproval),
        (R::PendingApproval, A::Approve) => Some(R::Approved),
        (R::PendingApproval, A::Reject) => Some(R::Rejected),
        (R::Approved, A::Start) => Some(R::InProgress),
        (R::InProgress, A::Complete) => Some(R::Completed),
        _ => None,
    };
    next.ok_or_else(|| {
        let allowed = match action {
            A::Update | A::Delete | A::Submit => "DRAFT",
            A::Approve | A::Reject => "PENDING_APPROVAL",
            A::Start => "APPROVED",
            A::Complete => "IN_PROGRESS",
        };
        ApiError::Conflict(format!(
            "the social media request is {}; this is only allowed while it is {allowed}",
            request_name(status)
        ))
    })
}

/// Whether post type `kind` suits platform `platform`:
///
/// | post type     | LinkedIn | Facebook | Instagram | X | TikTok | Google Business Profile |
/// |---------------|:--------:|:--------:|:---------:|:-:|:------:|:-----------------------:|
/// | `STANDARD`    | ✓ | ✓ | ✓ | ✓ | ✓ |   |
/// | `CAROUSEL`    | ✓ | ✓ | ✓ |   | ✓ |   |
/// | `REEL`        |   | ✓ | ✓ |   | ✓ |   |
/// | `STORY`       |   | ✓ | ✓ |   |   |   |
/// | `ARTICLE`     | ✓ |   |   |   |   |   |
/// | `GBP_UPDATE`  |   |   |   |   |   | ✓ |
///
/// No other platform (CMS, analytics, email, ads) takes social posts.
pub fn suits(kind: &T, platform: &P) -> bool {
    match kind {
        T::Standard => matches!(
            platform,
            P::Linkedin | P::Facebook | P::Instagram | P::XTwitter | P::Tiktok
        ),
        T::Carousel => matches!(
            platform,
            P::Linkedin | P::Facebook | P::Instagram | P::Tiktok
        ),
        T::Reel => matches!(platform, P::Facebook | P::Instagram | P::Tiktok),
        T::Story => matches!(platform, P::Facebook | P::Instagram),
        T::Article => matches!(platform, P::Linkedin),
        T::GbpUpdate => matches!(platform, P::GoogleBusinessProfile),
    }
}

/// Whether a channel of `platform` can be targeted by a social request at all (a social
/// network, or a Google Business Profile).
pub fn takes_posts(platform: &P) -> bool {
    matches!(
        platform,
        P::Linkedin
            | P::Facebook
            | P::Instagram
            | P::XTwitter
            | P::Tiktok
            | P::GoogleBusinessProfile
    )
}

/// Checks the number of targets (1–[`MAX_TARGETS`], no duplicates) of `ids` (input field
/// `targetChannelIds`).
pub fn check_target_count<I: PartialEq>(ids: &[I]) -> ApiResult<()> {
    if ids.is_empty() || ids.len() > MAX_TARGETS {
        return Err(ApiError::bad_input(
            "targetChannelIds",
            format!("`targetChannelIds` must name 1–{MAX_TARGETS} channels"),
        ));
    }
    for (index, id) in ids.iter().enumerate() {
        if ids[..index].contains(id) {
            return Err(ApiError::bad_input(
                "targetChannelIds",
                "`targetChannelIds` must not name a channel twice",
            ));
        }
    }
    Ok(())
}

/// Checks that every target platform takes social posts (`BAD_USER_INPUT` on
/// `targetChannelIds`) and suits `kind` (`BAD_USER_INPUT` on `postType`).
pub fn check_targets(kind: &T, platforms: &[P]) -> ApiResult<()> {
    if let Some(platform) = platforms.iter().find(|p| !takes_posts(p)) {
        return Err(ApiError::bad_input(
            "targetChannelIds",
            format!(
                "a {} channel cannot take social posts: target social channels (or a Google Business Profile for GBP_UPDATE)",
                platform_name(platform)
            ),
        ));
    }
    if let Some(platform) = platforms.iter().find(|p| !suits(kind, p)) {
        return Err(ApiError::bad_input(
            "postType",
            format!(
                "post type {} does not suit {}",
                post_type_name(kind),
                platform_name(platform)
            ),
        ));
    }
    Ok(())
}

/// Whether a request whose activity's latest approval is `latest` (None: the activity has no
/// approval, or the request no activity) may be approved: only when there is none or it is
/// `APPROVED`. A pending one is `CONFLICT` naming `approveApproval`; a rejected, expired or
/// sent-back one is `CONFLICT` too.
pub fn approval_gate(latest: Option<&ApprovalStatus>) -> ApiResult<()> {
    match latest {
        None | Some(ApprovalStatus::Approved) => Ok(()),
        Some(ApprovalStatus::Pending) => Err(ApiError::Conflict(
            "the request's activity has a pending approval: decide it first (`approveApproval`)"
                .to_owned(),
        )),
        Some(ApprovalStatus::Rejected) => Err(ApiError::Conflict(
            "the request's activity's latest approval was rejected; this request cannot be approved"
                .to_owned(),
        )),
        Some(ApprovalStatus::Expired) => Err(ApiError::Conflict(
            "the request's activity's latest approval expired; request a new approval first"
                .to_owned(),
        )),
        Some(ApprovalStatus::RevisionRequested) => Err(ApiError::Conflict(
            "the request's activity's latest approval asked for a revision; request a new approval first"
                .to_owned(),
        )),
    }
}

/// The status an approval counts as at `now`: a pending one past its expiry counts as
/// `EXPIRED` even before the expiry job marks it.
pub fn approval_status_at(
    status: &ApprovalStatus,
    expires_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> ApprovalStatus {
    match status {
        ApprovalStatus::Pending if expires_at <= now => ApprovalStatus::Expired,
        other => other.clone(),
    }
}

/// What a mutation does to a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostAction {
    /// `startSocialPostWriting`: someone is writing the copy.
    StartWriting,
    /// `setSocialPostCopy` / `attachSocialPostContent`: copy written, ready for review.
    SetCopy,
    /// `approveSocialPost`.
    Approve,
    /// `rejectSocialPost`.
    Reject,
    /// `scheduleSocialPost`.
    Schedule,
    /// `publishSocialPost`.
    Publish,
    /// `markSocialPostFailed`.
    Fail,
    /// `recordSocialPostEngagement` (keeps the status).
    RecordEngagement,
}

/// The status a post in `status` has after `action`, or `CONFLICT`:
///
/// | action | from | to |
/// |---|---|---|
/// | start writing | `DRAFT` | `WRITING` |
/// | set copy | `DRAFT`, `WRITING`, `REVIEW`, `REJECTED` | `REVIEW` |
/// | approve / reject | `REVIEW` | `APPROVED` / `REJECTED` |
/// | schedule | `APPROVED`, `SCHEDULED` (re-schedule), `FAILED` (retry) | `SCHEDULED` |
/// | publish | `APPROVED`, `SCHEDULED` | `PUBLISHED` |
/// | mark failed | `APPROVED`, `SCHEDULED` | `FAILED` |
/// | record engagement | `PUBLISHED` | `PUBLISHED` |
pub fn post_after(status: &S, action: PostAction) -> ApiResult<S> {
    use PostAction as A;
    let next = match (status, action) {
        (S::Draft, A::StartWriting) => Some(S::Writing),
        (S::Draft | S::Writing | S::Review | S::Rejected, A::SetCopy) => Some(S::Review),
        (S::Review, A::Approve) => Some(S::Approved),
        (S::Review, A::Reject) => Some(S::Rejected),
        (S::Approved | S::Scheduled | S::Failed, A::Schedule) => Some(S::Scheduled),
        (S::Approved | S::Scheduled, A::Publish) => Some(S::Published),
        (S::Approved | S::Scheduled, A::Fail) => Some(S::Failed),
        (S::Published, A::RecordEngagement) => Some(S::Published),
        _ => None,
    };
    next.ok_or_else(|| {
        let allowed = match action {
            A::StartWriting => "DRAFT",
            A::SetCopy => "DRAFT, WRITING, REVIEW or REJECTED",
            A::Approve | A::Reject => "REVIEW",
            A::Schedule => "APPROVED, SCHEDULED or FAILED",
            A::Publish | A::Fail => "APPROVED or SCHEDULED",
            A::RecordEngagement => "PUBLISHED",
        };
        ApiError::Conflict(format!(
            "the social post is {}; this is only allowed while it is {allowed}",
            post_name(status)
        ))
    })
}

/// The most characters a post's copy may have on `platform` (None: the platform takes no
/// social posts):
///
/// | platform | limit |
/// |---|---:|
/// | X (Twitter) | 280 |
/// | LinkedIn | 3,000 |
/// | Facebook | 63,206 |
/// | Instagram | 2,200 |
/// | TikTok | 2,200 |
/// | Google Business Profile | 1,500 |
///
/// Counted in Unicode scalar values ([`char_count`]). X itself weighs some characters double
/// (CJK, emoji) and URLs as 23; counting scalar values is the simple, documented rule here.
pub fn char_limit(platform: &P) -> Option<u32> {
    match platform {
        P::XTwitter => Some(280),
        P::Linkedin => Some(3000),
        P::Facebook => Some(63_206),
        P::Instagram | P::Tiktok => Some(2200),
        P::GoogleBusinessProfile => Some(1500),
        _ => None,
    }
}

/// The length of `copy` in Unicode scalar values (Rust `char`s): "é" is 1, "👍" is 1, a flag
/// (two regional indicators) is 2.
pub fn char_count(copy: &str) -> u32 {
    u32::try_from(copy.chars().count()).unwrap_or(u32::MAX)
}

/// Checks a copy of `chars` characters against `platform`'s limit (`BAD_USER_INPUT` on `field`)
/// and returns the count as stored.
pub fn check_length(field: &str, platform: &P, chars: u32) -> ApiResult<i32> {
    let limit = char_limit(platform).unwrap_or(0);
    if chars > limit {
        return Err(ApiError::bad_input(
            field,
            format!(
                "the copy is {chars} characters; {} allows at most {limit}",
                platform_name(platform)
            ),
        ));
    }
    i32::try_from(chars).map_err(|_| ApiError::bad_input(field, "the copy is too long"))
}

/// The schema name of a request status, for messages.
pub fn request_name(status: &R) -> &'static str {
    match status {
        R::Draft => "DRAFT",
        R::PendingApproval => "PENDING_APPROVAL",
        R::Approved => "APPROVED",
        R::Rejected => "REJECTED",
        R::InProgress => "IN_PROGRESS",
        R::Completed => "COMPLETED",
    }
}

/// The schema name of a post status, for messages.
pub fn post_name(status: &S) -> &'static str {
    match status {
        S::Draft => "DRAFT",
        S::Writing => "WRITING",
        S::Review => "REVIEW",
        S::Approved => "APPROVED",
        S::Scheduled => "SCHEDULED",
        S::Published => "PUBLISHED",
        S::Rejected => "REJECTED",
        S::Failed => "FAILED",
    }
}

/// The schema name of a post type, for messages.
pub fn post_type_name(kind: &T) -> &'static str {
    match kind {
        T::Standard => "STANDARD",
        T::Carousel => "CAROUSEL",
        T::Reel => "REEL",
        T::Story => "STORY",
        T::Article => "ARTICLE",
        T::GbpUpdate => "GBP_UPDATE",
    }
}

/// The schema name of a platform, for messages.
pub fn platform_name(platform: &P) -> &'static str {
    match platform {
        P::Linkedin => "LINKEDIN",
        P::Facebook => "FACEBOOK",
        P::Instagram => "INSTAGRAM",
        P::XTwitter => "X_TWITTER",
        P::Tiktok => "TIKTOK",
        P::Wordpress => "WORDPRESS",
        P::Webflow => "WEBFLOW",
        P::GoogleBusinessProfile => "GOOGLE_BUSINESS_PROFILE",
        P::GoogleSearchConsole => "GOOGLE_SEARCH_CONSOLE",
        P::GoogleAnalytics => "GOOGLE_ANALYTICS",
        P::Mailchimp => "MAILCHIMP",
        P::Klaviyo => "KLAVIYO",
        P::GoogleAds => "GOOGLE_ADS",
        P::MetaAds => "META_ADS",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Iterable;

    fn is_conflict<V>(result: ApiResult<V>) -> bool {
        matches!(result, Err(ApiError::Conflict(_)))
    }

    fn bad_input_on<V>(result: ApiResult<V>, expected: &str) -> bool {
        matches!(result, Err(ApiError::BadUserInput { field: Some(field), .. }) if field == expected)
    }

    #[test]
    fn a_request_moves_draft_pending_approved_in_progress_completed() {
        use RequestAction as A;
        assert_eq!(
            request_after(&R::Draft, A::Submit).ok(),
            Some(R::PendingApproval)
        );
        assert_eq!(
            request_after(&R::PendingApproval, A::Approve).ok(),
            Some(R::Approved)
        );
        assert_eq!(
            request_after(&R::PendingApproval, A::Reject).ok(),
            Some(R::Rejected)
        );
        assert_eq!(
            request_after(&R::Approved, A::Start).ok(),
            Some(R::InProgress)
        );
        assert_eq!(
            request_after(&R::InProgress, A::Complete).ok(),
            Some(R::Completed)
        );
    }

    #[test]
    fn a_request_is_changed_and_deleted_only_while_draft_and_rejected_and_completed_are_final() {
        use RequestAction as A;
        for status in R::iter() {
            for action in [A::Update, A::Delete] {
                assert_eq!(request_after(&status, action).is_ok(), status == R::Draft);
            }
        }
        for action in [
            A::Update,
            A::Delete,
            A::Submit,
            A::Approve,
            A::Reject,
            A::Start,
            A::Complete,
        ] {
            assert!(
                is_conflict(request_after(&R::Rejected, action)),
                "{action:?}"
            );
            assert!(
                is_conflict(request_after(&R::Completed, action)),
                "{action:?}"
            );
        }
        assert!(is_conflict(request_after(&R::Draft, A::Approve)));
        assert!(
            is_conflict(request_after(&R::Approved, A::Approve)),
            "approved once"
        );
        assert!(is_conflict(request_after(&R::Draft, A::Start)));
    }

    #[test]
    fn reels_do_not_suit_linkedin_or_x_and_gbp_updates_suit_only_google_business_profile() {
        assert!(!suits(&T::Reel, &P::Linkedin));
        assert!(!suits(&T::Reel, &P::XTwitter));
        assert!(suits(&T::Reel, &P::Instagram));
        assert!(suits(&T::Article, &P::Linkedin));
        assert!(!suits(&T::Article, &P::Facebook));
        for platform in P::iter() {
            assert_eq!(
                suits(&T::GbpUpdate, &platform),
                platform == P::GoogleBusinessProfile
            );
            assert_eq!(
                suits(&T::Standard, &platform),
                takes_posts(&platform) && platform != P::GoogleBusinessProfile
            );
        }
    }

    #[test]
    fn every_post_type_suits_only_platforms_that_take_posts_and_have_a_limit() {
        for kind in T::iter() {
            for platform in P::iter() {
                if suits(&kind, &platform) {
                    assert!(takes_posts(&platform));
                    assert!(char_limit(&platform).is_some());
                }
            }
        }
        for platform in P::iter() {
            assert_eq!(takes_posts(&platform), char_limit(&platform).is_some());
        }
    }

    #[test]
    fn targets_are_one_to_ten_distinct_suitable_channels() {
        assert!(check_target_count(&[1, 2]).is_ok());
        assert!(bad_input_on(
            check_target_count::<u8>(&[]),
            "targetChannelIds"
        ));
        assert!(bad_input_on(
            check_target_count(&[1, 2, 1]),
            "targetChannelIds"
        ));
        assert!(bad_input_on(
            check_target_count(
                &[0u8; 11]
                    .iter()
                    .enumerate()
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            ),
            "targetChannelIds"
        ));
        assert!(check_targets(&T::Standard, &[P::Linkedin, P::XTwitter]).is_ok());
        assert!(bad_input_on(
            check_targets(&T::Reel, &[P::Instagram, P::Linkedin]),
            "postType"
        ));
        assert!(bad_input_on(
            check_targets(&T::Standard, &[P::Wordpress]),
            "targetChannelIds"
        ));
        assert!(bad_input_on(
            check_targets(&T::Standard, &[P::GoogleBusinessProfile]),
            "postType"
        ));
        assert!(check_targets(&T::GbpUpdate, &[P::GoogleBusinessProfile]).is_ok());
    }

    #[test]
    fn only_an_approved_latest_approval_or_none_lets_a_request_be_approved() {
        assert!(approval_gate(None).is_ok());
        assert!(approval_gate(Some(&ApprovalStatus::Approved)).is_ok());
        for status in [
            ApprovalStatus::Pending,
            ApprovalStatus::Rejected,
            ApprovalStatus::Expired,
            ApprovalStatus::RevisionRequested,
        ] {
            assert!(is_conflict(approval_gate(Some(&status))), "{status:?}");
        }
        let Err(ApiError::Conflict(message)) = approval_gate(Some(&ApprovalStatus::Pending)) else {
            panic!("pending must be a conflict");
        };
        assert!(message.contains("approveApproval"), "{message}");
    }

    #[test]
    fn a_pending_approval_past_its_expiry_counts_as_expired() {
        let now = chrono::Utc::now();
        let hour = chrono::Duration::hours(1);
        assert_eq!(
            approval_status_at(&ApprovalStatus::Pending, now - hour, now),
            ApprovalStatus::Expired
        );
        assert_eq!(
            approval_status_at(&ApprovalStatus::Pending, now + hour, now),
            ApprovalStatus::Pending
        );
        assert_eq!(
            approval_status_at(&ApprovalStatus::Approved, now - hour, now),
            ApprovalStatus::Approved
        );
    }

    #[test]
    fn a_post_moves_from_draft_to_published() {
        use PostAction as A;
        let mut status = S::Draft;
        for (action, expected) in [
            (A::StartWriting, S::Writing),
            (A::SetCopy, S::Review),
            (A::Approve, S::Approved),
            (A::Schedule, S::Scheduled),
            (A::Publish, S::Published),
            (A::RecordEngagement, S::Published),
        ] {
            status = post_after(&status, action).unwrap_or_else(|e| panic!("{action:?}: {e:?}"));
            assert_eq!(status, expected);
        }
    }

    #[test]
    fn post_refusals_are_conflicts() {
        use PostAction as A;
        assert!(is_conflict(post_after(&S::Draft, A::Publish)));
        assert!(is_conflict(post_after(&S::Draft, A::Approve)));
        assert!(is_conflict(post_after(&S::Review, A::RecordEngagement)));
        assert!(is_conflict(post_after(&S::Published, A::SetCopy)));
        assert!(is_conflict(post_after(&S::Published, A::Schedule)));
        assert!(is_conflict(post_after(&S::Failed, A::Publish)));
        assert_eq!(post_after(&S::Rejected, A::SetCopy).ok(), Some(S::Review));
        assert_eq!(post_after(&S::Review, A::Reject).ok(), Some(S::Rejected));
        assert_eq!(post_after(&S::Failed, A::Schedule).ok(), Some(S::Scheduled));
        assert_eq!(post_after(&S::Scheduled, A::Fail).ok(), Some(S::Failed));
        for status in S::iter() {
            assert_eq!(
                post_after(&status, A::RecordEngagement).is_ok(),
                status == S::Published
            );
        }
    }

    #[test]
    fn copy_limits_are_per_platform_in_unicode_scalar_values() {
        assert_eq!(char_limit(&P::XTwitter), Some(280));
        assert_eq!(char_limit(&P::Linkedin), Some(3000));
        assert_eq!(char_limit(&P::Facebook), Some(63_206));
        assert_eq!(char_limit(&P::Instagram), Some(2200));
        assert_eq!(char_limit(&P::Tiktok), Some(2200));
        assert_eq!(char_limit(&P::GoogleBusinessProfile), Some(1500));
        assert_eq!(char_limit(&P::Wordpress), None);
        assert_eq!(char_count("héllo 👍"), 7);
        assert_eq!(char_count("🇮🇳"), 2);
        let at_limit = "é".repeat(280);
        assert_eq!(
            check_length("copy", &P::XTwitter, char_count(&at_limit)).ok(),
            Some(280)
        );
        assert!(bad_input_on(
            check_length("copy", &P::XTwitter, 281),
            "copy"
        ));
        assert!(check_length("copy", &P::Linkedin, 281).is_ok());
        assert!(bad_input_on(check_length("copy", &P::Wordpress, 1), "copy"));
    }
}
