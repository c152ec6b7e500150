//! GraphQL enums of the marketing plan. Each mirrors a PostgreSQL enum (same variants, converted
//! with `remote`).

use async_graphql::Enum;

/// Where a strategy is in its life: drafted, waiting for the tenant's approval, the one in
/// force, or replaced.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::StrategyStatus")]
pub enum StrategyStatus {
    /// Being written; goals and deliverables can still change freely.
    Draft,
    /// Submitted; an admin approves it (it becomes `ACTIVE`) or sends it back to `DRAFT`.
    AwaitingApproval,
    /// The strategy in force. At most one per tenant.
    Active,
    /// Replaced by a newer approved strategy; kept for history.
    Archived,
}

/// How a goal is doing, as set by the team or the Data Analyst agent.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::GoalStatus")]
pub enum GoalStatus {
    /// Being worked on; no judgement yet.
    Active,
    /// Progressing as planned.
    OnTrack,
    /// Behind plan.
    AtRisk,
    /// The target was reached.
    Achieved,
    /// Not being worked on for now.
    Paused,
}

/// The period a goal's target refers to.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::GoalPeriod")]
pub enum GoalPeriod {
    /// A target per month (e.g. sessions per month).
    Monthly,
    /// A target per quarter.
    Quarterly,
    /// A target per year.
    Annual,
}

/// What a deliverable produces.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::DeliverableType")]
pub enum DeliverableType {
    /// Blog posts.
    BlogPosts,
    /// Social media posts.
    SocialPosts,
    /// Backlinks from other sites.
    Backlinks,
    /// Google Business Profile posts.
    GbpPosts,
    /// A website audit.
    WebsiteAudit,
    /// Email newsletters.
    EmailNewsletters,
    /// Sets of ad copy.
    AdCopySets,
    /// Performance reports.
    PerformanceReports,
    /// Landing pages.
    LandingPages,
    /// Video scripts.
    VideoScripts,
}

/// How often a deliverable's quantity is due.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::DeliverablePeriod")]
pub enum DeliverableCadence {
    /// `quantityPerPeriod` every calendar month.
    Monthly,
    /// `quantityPerPeriod` every calendar quarter.
    Quarterly,
}

/// How a deliverable's period is going.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::DeliverablePeriodStatus")]
pub enum DeliverablePeriodStatus {
    /// Nothing completed yet.
    NotStarted,
    /// Some, not all, of the target completed.
    InProgress,
    /// The target was met.
    Completed,
    /// Unlikely to meet the target in time.
    AtRisk,
    /// The period ended below target.
    Missed,
}

/// The kind of work an activity is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ActivityType")]
pub enum ActivityType {
    /// Researching a topic.
    Research,
    /// Writing content.
    Write,
    /// Reviewing work.
    Review,
    /// Approving work (a human gate).
    Approve,
    /// Publishing to a platform.
    Publish,
    /// Auditing (a site, an account).
    Audit,
    /// Producing a report.
    Report,
    /// Outreach (e.g. for backlinks).
    Outreach,
    /// Anything else.
    Other,
}

/// Who does an activity: an AI agent (by role) or a person (a user).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::AssigneeType")]
pub enum AssigneeType {
    /// An AI agent, identified by `assigneeAgentRole`.
    Agent,
    /// A person, identified by `assignee`.
    Human,
}

/// Where an activity is in its workflow. Allowed changes: `CREATED` → `ASSIGNED`,
/// `IN_PROGRESS`; `ASSIGNED` → `CREATED`, `IN_PROGRESS`; `IN_PROGRESS` → `AWAITING_APPROVAL`,
/// `COMPLETED`, `FAILED`; `AWAITING_APPROVAL` → `APPROVED`, `REJECTED`; `APPROVED` →
/// `COMPLETED`; `REJECTED` → `IN_PROGRESS`; `FAILED` → `ASSIGNED`, `IN_PROGRESS`; and any state
/// but `COMPLETED` → `CANCELLED` (through `cancelActivity`).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ActivityStatus")]
pub enum ActivityStatus {
    /// Created, not yet picked up.
    Created,
    /// Assigned, not started.
    Assigned,
    /// Being worked on (sets `startedOn` the first time).
    InProgress,
    /// Done, waiting for a reviewer.
    AwaitingApproval,
    /// Approved by a reviewer; completing it is next.
    Approved,
    /// Rejected by a reviewer (with a note); goes back to work.
    Rejected,
    /// Done (sets `completedOn`, counts towards the deliverable period).
    Completed,
    /// Failed; may be retried.
    Failed,
    /// Cancelled (soft-deleted; hidden from lists).
    Cancelled,
}

/// How urgent an activity is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ActivityPriority")]
pub enum ActivityPriority {
    /// Whenever there is time.
    Low,
    /// The default.
    Normal,
    /// Before normal work.
    High,
    /// First.
    Urgent,
}

/// How one execution attempt of an agent activity ended.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ActivityRunStatus")]
pub enum ActivityRunStatus {
    /// Still running.
    Running,
    /// Finished successfully.
    Completed,
    /// Finished with an error (see `error`).
    Failed,
    /// Stopped for taking too long.
    TimedOut,
}
