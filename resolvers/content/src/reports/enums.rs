//! GraphQL enums of reports. `ReportStatus` and `ReportType` mirror PostgreSQL enums (converted
//! with `remote`); `DeliveryChannel` mirrors the `delivery_channel` check constraint.

use async_graphql::Enum;

/// Where a report is in its life: drafted, ready for a reviewer, delivered to the client,
/// archived.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ReportStatus")]
pub enum ReportStatus {
    /// Being written: its details and body may change.
    Draft,
    /// Written and waiting for a reviewer to deliver it (it may still change, or go back to
    /// `DRAFT`).
    Ready,
    /// Delivered to the client (`deliveredAt`, `deliveredById`, `deliveryChannel` say how); it
    /// no longer changes.
    Delivered,
    /// Delivered and put away.
    Archived,
}

/// What a report covers.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::ReportType")]
pub enum ReportType {
    /// The monthly performance report.
    MonthlyPerformance,
    /// A quarterly business review.
    QuarterlyReview,
    /// An audit of ads accounts.
    AdAudit,
    /// An SEO audit.
    SeoAudit,
    /// Anything else.
    Custom,
}

/// How a report was delivered to the client.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum DeliveryChannel {
    /// Sent by email.
    Email,
    /// Published in the client portal.
    Portal,
    /// Both sent by email and published in the portal.
    Both,
}

impl DeliveryChannel {
    /// The value stored in `reports.delivery_channel`.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Portal => "portal",
            Self::Both => "both",
        }
    }

    /// The channel stored as `value`; None for an unknown value.
    pub fn from_db(value: &str) -> Option<Self> {
        match value {
            "email" => Some(Self::Email),
            "portal" => Some(Self::Portal),
            "both" => Some(Self::Both),
            _ => None,
        }
    }
}
