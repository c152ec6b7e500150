//! `RegistrationMutation`: the four steps of the wizard, and `RegistrationQuery`: resuming it.
//! None needs credentials; the registration's own token (header or cookie, see
//! [`graph_core::registration`]) says whose registration it is.

use crate::registration::inputs::{
    RegisterCompanyInput, RegisterContactInput, RegisterLocationInput, RegisterPlanInput,
};
use crate::registration::registration_type::Registration;
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use entities::registration_sessions;
use graph_core::access;
use graph_core::auth::password::hash_password;
use graph_core::context::RequestContext;
use graph_core::error::{ApiError, ApiResult};
use graph_core::registration::data::ContactData;
use graph_core::registration::{self, LaterStep};
use graph_core::services::Services;

/// What the owner of an address is told when someone tries to register with it.
const ATTEMPT_NOTICE: &str = "Someone tried to register a new Leadmetrics account with your \
email address. You already have an account, so none was created: if it was you, sign in \
instead; if it was not, you need not do anything.";

/// The answer of every step.
#[derive(SimpleObject, Debug)]
pub struct RegistrationStepPayload {
    /// The last step completed, 1–4 (re-submitting an earlier step keeps the step reached).
    pub current_step: i32,
    /// True once step 4 is done: the registration waits for its payment, which must carry
    /// `registrationId`.
    pub awaiting_payment: bool,
    /// The registration's public id: the reference its payment carries.
    pub registration_id: ID,
    /// The session token, in step 1's answer only when that step started the registration
    /// (null otherwise): send it back as the `X-Registration-Token` header to resume. Browsers
    /// get it as the `lm_registration` cookie (`HttpOnly`) as well and need not read it. A
    /// credential, given once: keep it secret.
    pub token: Option<String>,
    /// The registration as it now stands.
    pub registration: Registration,
}

impl RegistrationStepPayload {
    fn of(row: registration_sessions::Model, token: Option<String>) -> ApiResult<Self> {
        let registration = Registration::try_from(row)?;
        Ok(Self {
            current_step: registration.current_step,
            awaiting_payment: registration.current_step >= 4,
            registration_id: registration.id.clone(),
            token,
            registration,
        })
    }
}

/// No live session for the request's token (none sent, unknown or expired: the same answer).
fn no_session() -> ApiError {
    ApiError::Unauthenticated(
        "no registration in progress: the registration token is missing, unknown or has expired; start again with `registerContact`".to_owned(),
    )
}

/// The request's context and services, after charging the call to the client's address.
fn begin<'a>(ctx: &'a Context<'_>) -> ApiResult<(&'a Services, &'a RequestContext)> {
    let services = access::services(ctx)?;
    let request = access::request(ctx)?;
    let client = request.client_ip.as_deref().and_then(|ip| ip.parse().ok());
    if let Err(error) = services.throttle.registration_attempt(client) {
        tracing::warn!(code = error.code(), "registration call rate limited");
        return Err(error);
    }
    Ok((services, request))
}

/// The live session of the request's token, if any.
async fn current(
    services: &Services,
    request: &RequestContext,
) -> ApiResult<Option<registration_sessions::Model>> {
    match &request.registration_token {
        Some(token) => registration::find(services, token).await,
        None => Ok(None),
    }
}

/// Saves a step after the first, once its input is valid: the session must be live and its
/// previous step done.
async fn later_step(
    ctx: &Context<'_>,
    step: ApiResult<LaterStep>,
) -> Result<RegistrationStepPayload> {
    let (services, request) = begin(ctx)?;
    let step = step?;
    let session = current(services, request).await?.ok_or_else(no_session)?;
    let number = step.number();
    if session.current_step < number - 1 {
        return Err(ApiError::Conflict(format!(
            "step {number} comes after step {}: this registration has completed step {} only",
            number - 1,
            session.current_step
        ))
        .into());
    }
    // Re-checked in the statement: the session may have expired since it was read.
    let saved = registration::save_step(services, session.id, &step)
        .await?
        .ok_or_else(no_session)?;
    tracing::info!(registration = %saved.ref_id, step = number, "registration step saved");
    Ok(RegistrationStepPayload::of(saved, None)?)
}

/// The registration wizard's steps.
#[derive(Default)]
pub struct RegistrationMutation;

/// Registering a new tenant (no credentials needed).
#[Object]
impl RegistrationMutation {
    /// Step 1 of registering a new tenant: the future admin's contact details and password.
    /// Starts a registration (its token is in the answer, once, and in an `HttpOnly` cookie),
    /// or, sent with a live registration's token, edits its step 1. The answer is the same
    /// whether or not the email already has an account (the owner of an address in use is told
    /// by notification instead, and such a registration never becomes an account). Calls are
    /// rate limited per client address (`RATE_LIMITED`).
    #[tracing::instrument(skip_all)]
    async fn register_contact(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The admin's contact details and password.")] input: RegisterContactInput,
    ) -> Result<RegistrationStepPayload> {
        let (services, request) = begin(ctx)?;
        let valid = input.validate()?;
        let existing = current(services, request).await?.map(|session| session.id);
        // Hashed whether or not the address has an account, under the bound of concurrent
        // hashing that sign-in uses.
        let password = valid.password;
        let slot = services.throttle.password_hashing_slot().await?;
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(ApiError::internal)?
            .map_err(|error| ApiError::internal(format!("{error:?}")))?;
        drop(slot);
        let contact = ContactData {
            country: valid.country,
            title: valid.title,
            first_name: valid.first_name,
            last_name: valid.last_name,
            email: valid.email,
            phone: valid.phone,
            password_hash,
            email_in_use: false,
        };
        let (saved, token) =
            registration::save_contact(services, existing, contact, ATTEMPT_NOTICE)
                .await?
                .ok_or_else(no_session)?;
        if let Some(token) = &token {
            ctx.insert_http_header("set-cookie", registration::set_cookie(token));
            tracing::info!(registration = %saved.ref_id, "registration started");
        } else {
            tracing::info!(registration = %saved.ref_id, step = 1, "registration step saved");
        }
        Ok(RegistrationStepPayload::of(saved, token)?)
    }

    /// Step 2: the company. Needs the registration's token and step 1 done (`CONFLICT`
    /// otherwise); re-submitting it edits it.
    #[tracing::instrument(skip_all)]
    async fn register_company(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The company's names and PAN.")] input: RegisterCompanyInput,
    ) -> Result<RegistrationStepPayload> {
        later_step(ctx, input.validate().map(LaterStep::Company)).await
    }

    /// Step 3: the company's state and GST registration. Needs the registration's token and
    /// step 2 done (`CONFLICT` otherwise); re-submitting it edits it.
    #[tracing::instrument(skip_all)]
    async fn register_location(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The state and GST details.")] input: RegisterLocationInput,
    ) -> Result<RegistrationStepPayload> {
        later_step(ctx, input.validate().map(LaterStep::Location)).await
    }

    /// Step 4: the plan and the billing details. Needs the registration's token and step 3
    /// done (`CONFLICT` otherwise). The registration then awaits its payment
    /// (`awaitingPayment`), which carries `registrationId`; the account is created when the
    /// payment succeeds. Re-submitting it edits it.
    #[tracing::instrument(skip_all)]
    async fn register_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The plan and billing details.")] input: RegisterPlanInput,
    ) -> Result<RegistrationStepPayload> {
        let step = input
            .billing
            .validate()
            .map(|billing| LaterStep::Plan(input.plan.into(), billing));
        later_step(ctx, step).await
    }
}

/// Resuming the registration wizard.
#[derive(Default)]
pub struct RegistrationQuery;

/// Reading a registration in progress.
#[Object]
impl RegistrationQuery {
    /// The registration in progress of the request's token (`X-Registration-Token` header or
    /// `lm_registration` cookie): the step reached and what was entered, to resume the wizard
    /// at the next step. Null when no token was sent or it is unknown or expired. Rate limited
    /// per client address with the steps.
    #[tracing::instrument(skip_all)]
    async fn registration(&self, ctx: &Context<'_>) -> Result<Option<Registration>> {
        let (services, request) = begin(ctx)?;
        let found = current(services, request).await?;
        Ok(found.map(Registration::try_from).transpose()?)
    }
}
