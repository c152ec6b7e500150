//! The rules of the blog pipeline, pure so that every one is unit-tested; the resolvers apply
//! them inside one transaction, on the row locked with `lock_by_ref`.
//!
//! A **request** is drafted, edited while `DRAFT` (editing a `REJECTED` one sends it back to
//! `DRAFT`, its rejection notes kept until it is submitted again), submitted (`PENDING_APPROVAL`,
//! once its brief is complete), then approved (which creates its draft post) or rejected by a
//! reviewer; its work is started (`IN_PROGRESS`) and completed (`COMPLETED`).
//!
//! A **post** goes `DRAFT` → `WRITING` → `REVIEW` → `APPROVED` (or `REJECTED` → `WRITING`
//! again) → `SCHEDULED` → `PUBLISHED`; an approved post may also be published at once. Its
//! title, slug, meta description, focus keyword and body may change until it is approved.

use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums::{
    ApprovalStatus as Approval, BlogPostStatus as P, RequestStatus as R,
};
use graph_core::error::{ApiError, ApiResult};

/// Longest meta description, in characters (`blog_posts.meta_description`, `varchar(160)`).
pub const MAX_META_DESCRIPTION: usize = 160;
/// Longest slug, in characters (`varchar(500)`).
pub const MAX_SLUG: usize = 500;
/// Longest URL (`published_url`, `varchar(1000)`).
pub const MAX_URL: usize = 1000;
/// Smallest and largest target word count a request may ask for.
pub const WORD_COUNT_RANGE: std::ops::RangeInclusive<i32> = 100..=20_000;
/// Most secondary keywords of a request, and the longest one.
pub const MAX_SECONDARY_KEYWORDS: usize = 20;
/// Longest secondary keyword, in characters.
pub const MAX_KEYWORD: usize = 255;

/// Something done to a blog request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestAction {
    /// `updateBlogRequest`.
    Edit,
    /// `submitBlogRequest`.
    Submit,
    /// `approveBlogRequest`.
    Approve,
    /// `rejectBlogRequest`.
    Reject,
    /// `startBlogRequest`.
    Start,
    /// `completeBlogRequest`.
    Complete,
    /// `deleteBlogRequest`.
    Delete,
}

impl RequestAction {
    fn verb(self) -> &'static str {
        match self {
            Self::Edit => "edited",
            Self::Submit => "submitted",
            Self::Approve => "approved",
            Self::Reject => "rejected",
            Self::Start => "started",
            Self::Complete => "completed",
            Self::Delete => "deleted",
        }
    }

    fn allowed_from(self) -> &'static str {
        match self {
            Self::Edit => "DRAFT or REJECTED",
            Self::Submit | Self::Delete => "DRAFT",
            Self::Approve | Self::Reject => "PENDING_APPROVAL",
            Self::Start => "APPROVED",
            Self::Complete => "IN_PROGRESS",
        }
    }
}

/// The status a request in `from` moves to when `action` is done to it, or `CONFLICT`.
pub fn request_after(action: RequestAction, from: &R) -> ApiResult<R> {
    use RequestAction as A;
    let to = match (action, from) {
        (A::Edit, R::Draft | R::Rejected) => Some(R::Draft),
        (A::Submit, R::Draft) => Some(R::PendingApproval),
        (A::Approve, R::PendingApproval) => Some(R::Approved),
        (A::Reject, R::PendingApproval) => Some(R::Rejected),
        (A::Start, R::Approved) => Some(R::InProgress),
        (A::Complete, R::InProgress) => Some(R::Completed),
        (A::Delete, R::Draft) => Some(R::Draft),
        _ => None,
    };
    to.ok_or_else(|| {
        ApiError::Conflict(format!(
            "a blog request can only be {} when it is {}; this one is {}",
            action.verb(),
            action.allowed_from(),
            request_name(from)
        ))
    })
}

/// What a submitted request must have: a brief, a target keyword and a target channel. The
/// first missing one is `BAD_USER_INPUT` naming its field.
pub fn check_submittable(
    topic_brief: Option<&str>,
    target_keyword: Option<&str>,
    has_target_channel: bool,
) -> ApiResult<()> {
    let missing = |field: &str| {
        ApiError::bad_input(
            field,
            format!("set `{field}` (updateBlogRequest) before submitting the request"),
        )
    };
    if topic_brief.is_none_or(|text| text.trim().is_empty()) {
        return Err(missing("topicBrief"));
    }
    if target_keyword.is_none_or(|text| text.trim().is_empty()) {
        return Err(missing("targetKeyword"));
    }
    if !has_target_channel {
        return Err(missing("targetChannelId"));
    }
    Ok(())
}

/// Whether a request linked to an activity may be approved, given the latest approval of that
/// activity (by id) and its expiry: none (a reviewer approves directly) or `APPROVED`. A
/// pending one must be decided first; a rejected, expired or sent-back one blocks.
pub fn approval_gate(
    latest: Option<(&Approval, DateTime<Utc>)>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    match latest {
        None | Some((Approval::Approved, _)) => Ok(()),
        Some((Approval::Pending, expires_at)) if expires_at > now => Err(ApiError::Conflict(
            "the request's activity has a pending approval: decide it first (approveApproval), \
             then approve the request"
                .to_owned(),
        )),
        Some((Approval::Pending | Approval::Expired, _)) => Err(ApiError::Conflict(
            "the approval of the request's activity has expired; request a new approval".to_owned(),
        )),
        Some((Approval::Rejected, _)) => Err(ApiError::Conflict(
            "the approval of the request's activity was rejected; the request cannot be approved"
                .to_owned(),
        )),
        Some((Approval::RevisionRequested, _)) => Err(ApiError::Conflict(
            "a revision of the request's activity was requested; request a new approval when \
             it is revised"
                .to_owned(),
        )),
    }
}

/// Something done to a blog post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostAction {
    /// `updateBlogPost`, `setBlogPostBody`, `attachBlogPostContent` (the status stays).
    Edit,
    /// `startBlogPostWriting`.
    StartWriting,
    /// `submitBlogPostForReview`.
    SubmitForReview,
    /// `approveBlogPost`.
    Approve,
    /// `rejectBlogPost`.
    Reject,
    /// `scheduleBlogPost`.
    Schedule,
    /// `publishBlogPost`.
    Publish,
}

impl PostAction {
    fn verb(self) -> &'static str {
        match self {
            Self::Edit => "edited",
            Self::StartWriting => "written",
            Self::SubmitForReview => "submitted for review",
            Self::Approve => "approved",
            Self::Reject => "rejected",
            Self::Schedule => "scheduled",
            Self::Publish => "published",
        }
    }

    fn allowed_from(self) -> &'static str {
        match self {
            Self::Edit => "DRAFT, WRITING, REVIEW or REJECTED",
            Self::StartWriting => "DRAFT or REJECTED",
            Self::SubmitForReview => "WRITING",
            Self::Approve | Self::Reject => "REVIEW",
            Self::Schedule | Self::Publish => "APPROVED or SCHEDULED",
        }
    }
}

/// The status a post in `from` moves to when `action` is done to it, or `CONFLICT`.
pub fn post_after(action: PostAction, from: &P) -> ApiResult<P> {
    use PostAction as A;
    let to = match (action, from) {
        (A::Edit, P::Draft | P::Writing | P::Review | P::Rejected) => Some(from.clone()),
        (A::StartWriting, P::Draft | P::Rejected) => Some(P::Writing),
        (A::SubmitForReview, P::Writing) => Some(P::Review),
        (A::Approve, P::Review) => Some(P::Approved),
        (A::Reject, P::Review) => Some(P::Rejected),
        (A::Schedule, P::Approved | P::Scheduled) => Some(P::Scheduled),
        (A::Publish, P::Approved | P::Scheduled) => Some(P::Published),
        _ => None,
    };
    to.ok_or_else(|| {
        ApiError::Conflict(format!(
            "a blog post can only be {} when it is {}; this one is {}",
            action.verb(),
            action.allowed_from(),
            post_name(from)
        ))
    })
}

/// A slug: lowercase ASCII letters and digits in words joined by single hyphens, at most
/// [`MAX_SLUG`] characters (`BAD_USER_INPUT` on `slug`).
pub fn slug(value: &str) -> ApiResult<String> {
    let value = value.trim();
    let kebab = !value.is_empty()
        && value.len() <= MAX_SLUG
        && value.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if kebab {
        Ok(value.to_owned())
    } else {
        Err(ApiError::bad_input(
            "slug",
            format!(
                "`slug` must be lowercase kebab-case (`ten-signs-of-seo`), at most {MAX_SLUG} characters"
            ),
        ))
    }
}

/// A meta description: trimmed, at most [`MAX_META_DESCRIPTION`] characters, no control
/// characters; blank means none (`BAD_USER_INPUT` on `metaDescription`).
pub fn meta_description(value: &str) -> ApiResult<Option<String>> {
    graph_core::validate::optional_text("metaDescription", Some(value), MAX_META_DESCRIPTION)
}

/// A published URL: `http(s)://` with a host, no spaces, at most [`MAX_URL`] characters
/// (`BAD_USER_INPUT` on `publishedUrl`).
pub fn published_url(value: &str) -> ApiResult<String> {
    crate::shared::inputs::http_url("publishedUrl", value, MAX_URL)
}

/// A document reference: 24 hexadecimal digits, returned lowercase (`BAD_USER_INPUT` on
/// `contentRef`).
pub fn content_ref(value: &str) -> ApiResult<String> {
    let value = value.trim();
    if value.len() == 24 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(ApiError::bad_input(
            "contentRef",
            "`contentRef` must be a document id: 24 hexadecimal digits",
        ))
    }
}

/// A target word count within [`WORD_COUNT_RANGE`] (`BAD_USER_INPUT` on `targetWordCount`).
pub fn target_word_count(value: i32) -> ApiResult<i32> {
    if WORD_COUNT_RANGE.contains(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            "targetWordCount",
            format!(
                "`targetWordCount` must be between {} and {}",
                WORD_COUNT_RANGE.start(),
                WORD_COUNT_RANGE.end()
            ),
        ))
    }
}

/// Secondary keywords: at most [`MAX_SECONDARY_KEYWORDS`], each trimmed, 1–255 printable
/// characters, duplicates (ignoring case) dropped (`BAD_USER_INPUT` on `secondaryKeywords`).
pub fn secondary_keywords(values: &[String]) -> ApiResult<Vec<String>> {
    if values.len() > MAX_SECONDARY_KEYWORDS {
        return Err(ApiError::bad_input(
            "secondaryKeywords",
            format!("at most {MAX_SECONDARY_KEYWORDS} secondary keywords"),
        ));
    }
    let mut keywords: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let keyword = value.trim();
        if keyword.is_empty()
            || keyword.chars().count() > MAX_KEYWORD
            || keyword.chars().any(char::is_control)
        {
            return Err(ApiError::bad_input(
                "secondaryKeywords",
                format!("each secondary keyword must be 1–{MAX_KEYWORD} printable characters"),
            ));
        }
        if !keywords
            .iter()
            .any(|known| known.to_lowercase() == keyword.to_lowercase())
        {
            keywords.push(keyword.to_owned());
        }
    }
    Ok(keywords)
}

/// Words of a Markdown body: runs of characters between whitespace that hold at least one
/// letter or digit (so list markers, `#` and `---` do not count).
pub fn word_count(markdown: &str) -> i32 {
    let words = markdown
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    i32::try_from(words).unwrap_or(i32::MAX)
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
pub fn post_name(status: &P) -> &'static str {
    match status {
        P::Draft => "DRAFT",
        P::Writing => "WRITING",
        P::Review => "REVIEW",
        P::Approved => "APPROVED",
        P::Scheduled => "SCHEDULED",
        P::Published => "PUBLISHED",
        P::Rejected => "REJECTED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    const REQUEST_STATUSES: [R; 6] = [
        R::Draft,
        R::PendingApproval,
        R::Approved,
        R::Rejected,
        R::InProgress,
        R::Completed,
    ];
    const POST_STATUSES: [P; 7] = [
        P::Draft,
        P::Writing,
        P::Review,
        P::Approved,
        P::Scheduled,
        P::Published,
        P::Rejected,
    ];

    fn is_conflict<T: std::fmt::Debug>(result: ApiResult<T>) -> bool {
        matches!(result, Err(ApiError::Conflict(_)))
    }

    #[test]
    fn a_request_moves_only_along_its_pipeline() {
        use RequestAction as A;
        let allowed = [
            (A::Edit, R::Draft, R::Draft),
            (A::Edit, R::Rejected, R::Draft),
            (A::Submit, R::Draft, R::PendingApproval),
            (A::Approve, R::PendingApproval, R::Approved),
            (A::Reject, R::PendingApproval, R::Rejected),
            (A::Start, R::Approved, R::InProgress),
            (A::Complete, R::InProgress, R::Completed),
            (A::Delete, R::Draft, R::Draft),
        ];
        for action in [
            A::Edit,
            A::Submit,
            A::Approve,
            A::Reject,
            A::Start,
            A::Complete,
            A::Delete,
        ] {
            for from in REQUEST_STATUSES {
                let expected = allowed
                    .iter()
                    .find(|(a, f, _)| *a == action && *f == from)
                    .map(|(_, _, to)| to.clone());
                match expected {
                    Some(to) => assert_eq!(request_after(action, &from).ok(), Some(to)),
                    None => assert!(
                        is_conflict(request_after(action, &from)),
                        "{action:?} from {from:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_post_moves_only_along_its_pipeline() {
        use PostAction as A;
        let allowed = [
            (A::StartWriting, P::Draft, P::Writing),
            (A::StartWriting, P::Rejected, P::Writing),
            (A::SubmitForReview, P::Writing, P::Review),
            (A::Approve, P::Review, P::Approved),
            (A::Reject, P::Review, P::Rejected),
            (A::Schedule, P::Approved, P::Scheduled),
            (A::Schedule, P::Scheduled, P::Scheduled),
            (A::Publish, P::Approved, P::Published),
            (A::Publish, P::Scheduled, P::Published),
        ];
        for action in [
            A::StartWriting,
            A::SubmitForReview,
            A::Approve,
            A::Reject,
            A::Schedule,
            A::Publish,
        ] {
            for from in POST_STATUSES {
                let expected = allowed
                    .iter()
                    .find(|(a, f, _)| *a == action && *f == from)
                    .map(|(_, _, to)| to.clone());
                match expected {
                    Some(to) => assert_eq!(post_after(action, &from).ok(), Some(to)),
                    None => assert!(
                        is_conflict(post_after(action, &from)),
                        "{action:?} from {from:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_post_is_edited_until_it_is_approved_and_keeps_its_status() {
        for from in [P::Draft, P::Writing, P::Review, P::Rejected] {
            assert_eq!(post_after(PostAction::Edit, &from).ok(), Some(from));
        }
        for from in [P::Approved, P::Scheduled, P::Published] {
            assert!(is_conflict(post_after(PostAction::Edit, &from)));
        }
    }

    #[test]
    fn the_approval_gate_opens_only_for_no_approval_or_an_approved_one() {
        let now = Utc::now();
        let later = now + Duration::hours(1);
        let earlier = now - Duration::hours(1);
        assert!(approval_gate(None, now).is_ok());
        assert!(approval_gate(Some((&Approval::Approved, earlier)), now).is_ok());
        for (status, expires) in [
            (Approval::Pending, later),
            (Approval::Pending, earlier),
            (Approval::Expired, later),
            (Approval::Rejected, later),
            (Approval::RevisionRequested, later),
        ] {
            assert!(is_conflict(approval_gate(Some((&status, expires)), now)));
        }
        let Err(ApiError::Conflict(message)) =
            approval_gate(Some((&Approval::Pending, later)), now)
        else {
            panic!("pending must be a conflict");
        };
        assert!(message.contains("approveApproval"), "{message}");
    }

    #[test]
    fn a_request_is_submitted_only_with_its_brief_keyword_and_channel() {
        assert!(check_submittable(Some("Brief"), Some("seo"), true).is_ok());
        let field = |result: ApiResult<()>| match result {
            Err(ApiError::BadUserInput { field, .. }) => field,
            _ => None,
        };
        assert_eq!(
            field(check_submittable(None, Some("seo"), true)).as_deref(),
            Some("topicBrief")
        );
        assert_eq!(
            field(check_submittable(Some("b"), Some(" "), true)).as_deref(),
            Some("targetKeyword")
        );
        assert_eq!(
            field(check_submittable(Some("b"), Some("k"), false)).as_deref(),
            Some("targetChannelId")
        );
    }

    #[test]
    fn slugs_are_lowercase_kebab_case() {
        assert_eq!(
            slug(" ten-signs-of-seo-2026 ").ok().as_deref(),
            Some("ten-signs-of-seo-2026")
        );
        for bad in [
            "",
            "Ten-Signs",
            "ten--signs",
            "-ten",
            "ten-",
            "ten signs",
            "tén",
            "a_b",
        ] {
            assert!(slug(bad).is_err(), "{bad:?}");
        }
        assert!(slug(&"a".repeat(MAX_SLUG)).is_ok());
        assert!(slug(&"a".repeat(MAX_SLUG + 1)).is_err());
    }

    #[test]
    fn meta_descriptions_are_at_most_160_characters() {
        assert!(meta_description(&"é".repeat(160)).is_ok());
        assert!(meta_description(&"a".repeat(161)).is_err());
        assert_eq!(meta_description("  ").ok(), Some(None));
    }

    #[test]
    fn urls_content_refs_word_counts_and_keywords_are_checked() {
        assert!(published_url("https://acme.example/blog/seo").is_ok());
        for bad in ["ftp://x", "https://", "https://a b", "javascript:alert(1)"] {
            assert!(published_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            content_ref("65A1B2C3D4E5F60718293A4B").ok().as_deref(),
            Some("65a1b2c3d4e5f60718293a4b")
        );
        for bad in ["65a1b2c3d4e5f60718293a4", "65a1b2c3d4e5f60718293a4g", ""] {
            assert!(content_ref(bad).is_err(), "{bad}");
        }
        assert!(target_word_count(1500).is_ok());
        assert!(target_word_count(0).is_err());
        assert!(target_word_count(20_001).is_err());
        assert_eq!(
            secondary_keywords(&["seo".into(), " SEO ".into(), "audit".into()]).ok(),
            Some(vec!["seo".to_owned(), "audit".to_owned()])
        );
        assert!(secondary_keywords(&[" ".into()]).is_err());
        assert!(secondary_keywords(&vec!["k".into(); MAX_SECONDARY_KEYWORDS + 1]).is_err());
    }

    #[test]
    fn words_are_counted_without_markdown_marks() {
        assert_eq!(word_count("# Ten signs\n\n- one *two*\n---\n3 4"), 6);
        assert_eq!(word_count(""), 0);
    }
}
