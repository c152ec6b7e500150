//! GraphQL enums of templates. Those that mirror a PostgreSQL enum are converted with `remote`.

use async_graphql::Enum;

/// Whose templates a list shows.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TemplateScope {
    /// The platform's global templates: read-only to tenants (customize one to change it).
    Global,
    /// The tenant's own templates (its customized copies of global ones).
    Tenant,
}

/// How often a recurring task comes back.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RecurringTaskTemplatePeriodicity")]
pub enum RecurringTaskPeriodicity {
    /// Once.
    OneTime,
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}

/// What starts a recurring task.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RecurringTaskTemplateTrigger")]
pub enum RecurringTaskTrigger {
    /// When the tenant's onboarding completes.
    OnOnboarding,
    /// When a strategy is approved.
    OnStrategyApproval,
    /// On the schedule of `cronExpression` (required with this trigger, refused with any other).
    Cron,
    /// Only when someone starts it.
    Manual,
}

/// Which people a human recurring task goes to.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::RecurringTaskTemplateHumanRole")]
pub enum RecurringTaskHumanRole {
    /// The tenant's reviewers.
    Reviewer,
    /// The tenant's admins.
    Admin,
}

/// The type of a template variable's value, checked when a tenant fills it in.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TemplateVariableType {
    /// A string of 1–2,000 characters.
    Text,
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An `http` or `https` URL.
    Url,
    /// An email address.
    Email,
}
