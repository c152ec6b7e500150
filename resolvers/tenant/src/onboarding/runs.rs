//! `OnboardingRunMutation`: the Onboarding Agent's progress (start, submit research and the
//! context file) and the admin's approval of the context file.

use crate::onboarding::run_type::OnboardingRun;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::onboarding_runs;
use entities::sea_orm_active_enums::OnboardingRunStatus as S;
use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::changes::now;
use graph_core::context::Principal;
use graph_core::db::TenantTx;
use graph_core::documents::Skill;
use graph_core::error::ApiError;
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use mongodb::bson;
use sea_orm::ActiveValue::Set;

/// The agent's findings (Markdown).
const RESEARCH_OUTPUT: Text = Text::new("researchOutput", 200_000);
/// The context file (Markdown).
const CONTEXT_FILE: Text = Text::new("contextFile", 100_000);

/// What the Onboarding Agent hands in for review.
#[derive(InputObject, Debug)]
pub struct SubmitOnboardingResearchInput {
    /// The raw research findings (Markdown, 1–200 000 characters).
    pub research_output: String,
    /// The context file written for the other agents (Markdown, 1–100 000 characters). Stored
    /// in the document store as a skill file named `context`.
    pub context_file: String,
}

/// Changes to onboarding runs.
#[derive(Default)]
pub struct OnboardingRunMutation;

/// The run, locked for the change that follows (`NOT_FOUND` for another tenant's id).
async fn locked(tx: &TenantTx, id: &ID) -> Result<onboarding_runs::Model> {
    let ref_id = parse_ref_id("id", id)?;
    Ok(tx
        .lock_by_ref::<onboarding_runs::Entity>("onboarding run", &ref_id, false)
        .await?)
}

fn status_name(status: &S) -> &'static str {
    match status {
        S::Pending => "PENDING",
        S::Researching => "RESEARCHING",
        S::Review => "REVIEW",
        S::Completed => "COMPLETED",
    }
}

/// Changes to onboarding runs.
#[Object]
impl OnboardingRunMutation {
    /// Marks a pending run as being researched (the Onboarding Agent's write key, members,
    /// admins). `CONFLICT` unless it is `PENDING`.
    #[tracing::instrument(skip_all)]
    async fn start_onboarding_research(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The run's id.")] id: ID,
    ) -> Result<OnboardingRun> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let run = locked(&tx, &id).await?;
        if run.status != S::Pending {
            return Err(ApiError::Conflict(format!(
                "the run is {}; only a PENDING run can start",
                status_name(&run.status)
            ))
            .into());
        }
        let changes = onboarding_runs::ActiveModel {
            status: Set(S::Researching),
            ..Default::default()
        };
        let row = tx.update_by_id("onboarding run", run.id, changes).await?;
        tx.commit().await?;
        Ok(OnboardingRun::from(row))
    }

    /// Hands in the research and the context file for an admin's review (the Onboarding
    /// Agent's write key, members, admins): the file is written to the document store and the
    /// run moves to `REVIEW`. Submitting again while in review replaces both (the file's version
    /// goes up). `CONFLICT` once the run is `COMPLETED`.
    #[tracing::instrument(skip_all)]
    async fn submit_onboarding_research(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The run's id.")] id: ID,
        #[graphql(desc = "The findings and the context file.")]
        input: SubmitOnboardingResearchInput,
    ) -> Result<OnboardingRun> {
        let session = access::write(ctx, MEMBERS)?;
        // Checked, then stored as given: Markdown's whitespace is content.
        RESEARCH_OUTPUT.required(&input.research_output)?;
        CONTEXT_FILE.required(&input.context_file)?;
        let services = access::services(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let run = locked(&tx, &id).await?;
        if run.status == S::Completed {
            return Err(ApiError::Conflict(
                "the run is COMPLETED: its context file was approved".to_owned(),
            )
            .into());
        }
        let previous = match run.context_file_id.as_ref() {
            Some(reference) => services
                .documents
                .find_by_ids::<Skill>(session.tenant.id, std::slice::from_ref(reference))
                .await?
                .into_iter()
                .next(),
            None => None,
        };
        let file = Skill {
            id: bson::oid::ObjectId::new(),
            tenant_id: String::new(),
            name: "context".to_owned(),
            content: input.context_file,
            version: previous.map_or(1, |file| file.version.saturating_add(1)),
            created_at: bson::DateTime::now(),
        };
        let reference = services.documents.insert(session.tenant.id, file).await?;
        let changes = onboarding_runs::ActiveModel {
            status: Set(S::Review),
            research_output: Set(Some(input.research_output)),
            context_file_id: Set(Some(reference.to_hex())),
            ..Default::default()
        };
        let row = tx.update_by_id("onboarding run", run.id, changes).await?;
        tx.commit().await?;
        tracing::info!(run = %row.ref_id, "onboarding research submitted for review");
        Ok(OnboardingRun::from(row))
    }

    /// Approves the run's context file (admins of the tenant; not API keys, not operators acting
    /// for the tenant): records who and when, completes the run, and unlocks strategy
    /// generation (`createStrategy`). `CONFLICT` unless the run is `REVIEW` with a context file.
    #[tracing::instrument(skip_all)]
    async fn approve_onboarding_context_file(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The run's id.")] id: ID,
    ) -> Result<OnboardingRun> {
        let session = access::write(ctx, ADMINS)?;
        let Principal::User { id: user_id, .. } = session.principal else {
            return Err(ApiError::Forbidden(
                "only an admin user can approve the context file".to_owned(),
            )
            .into());
        };
        if session.operator.is_some() {
            return Err(ApiError::Forbidden(
                "a platform operator cannot approve a tenant's context file; an admin of the tenant must".to_owned(),
            )
            .into());
        }
        let tx = access::begin(ctx, session).await?;
        let run = locked(&tx, &id).await?;
        if run.status != S::Review || run.context_file_id.is_none() {
            return Err(ApiError::Conflict(format!(
                "the run is {}; only a run in REVIEW with a context file can be approved",
                status_name(&run.status)
            ))
            .into());
        }
        let changes = onboarding_runs::ActiveModel {
            status: Set(S::Completed),
            reviewed_by: Set(Some(user_id)),
            reviewed_on: Set(Some(now())),
            ..Default::default()
        };
        let row = tx.update_by_id("onboarding run", run.id, changes).await?;
        tx.commit().await?;
        tracing::info!(run = %row.ref_id, "onboarding context file approved");
        Ok(OnboardingRun::from(row))
    }
}
