//! Reports: the client's performance reports, written by the Report Writer agent or a member,
//! covering a period, with their Markdown body in the document store. Their workflow
//! ([`workflow`]): `DRAFT` → `READY` → `DELIVERED` (by a reviewer, who is recorded) →
//! `ARCHIVED`. `Report` is a federation entity.
//!
//! One file per side: `report_queries.rs` (the list, newest period first, keyset-paged on
//! `(period_start, ref_id)`; by id; the entity look-up), `report_mutations.rs` (mutations). Reads are
//! open to every member of the tenant; writes to members and agents (write keys); delivery to
//! reviewers and admins.

mod enums;
mod report_mutations;
mod report_queries;
mod report_type;
pub mod workflow;

pub use enums::{DeliveryChannel, ReportStatus, ReportType};
pub use report_queries::ReportFilter;
pub use report_type::{Report, ReportConnection};

use async_graphql::{Context, MergedObject, Result};
use entities::reports as rows;
use uuid::Uuid;

/// Queries of reports (with the federation look-up of `Report`).
#[derive(MergedObject, Default)]
pub struct ReportsQuery(report_queries::ReportQuery);

/// Mutations of reports.
#[derive(MergedObject, Default)]
pub struct ReportsMutation(report_mutations::ReportMutation);

/// The live reports of the deliverable period with internal id `period` (the first 500, in id
/// order), through the request's by-parent loader: one statement for every period of a
/// request. For `DeliverablePeriod.reports`.
pub async fn period_reports(ctx: &Context<'_>, period: Uuid) -> Result<Vec<Report>> {
    Ok(graph_core::loaders::children::<rows::Entity>(
        ctx,
        rows::Column::DeliverablePeriodId,
        period,
    )
    .await?
    .into_iter()
    .map(Report::from)
    .collect())
}
