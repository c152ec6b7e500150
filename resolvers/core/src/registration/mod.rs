//! Self-registration: the 4-step wizard's state (`registration_sessions`, platform role: no
//! tenant exists yet) and what its steps collect. Completing a paid registration into a tenant
//! is [`crate::lifecycle`].
//!
//! The store is a handful of narrow functions on the platform role, each one thing the wizard
//! does: find the live session of a token ([`find`]), save step 1 ([`save_contact`], which
//! issues the token when it starts a session), save a later step ([`save_step`]), and delete
//! expired sessions ([`delete_expired`], the clean-up job). The subgraph validates every input
//! before it calls them; they trust what they are given.

pub mod data;
pub mod token;

use crate::error::{ApiError, ApiResult};
use crate::events::{CHANNEL, Change, Envelope};
use crate::services::Services;
use data::{BillingData, CompanyData, ContactData, LocationData};
use entities::registration_sessions;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter, Statement,
    TransactionTrait,
};
use std::sync::atomic::Ordering;
use token::PresentedToken;
use uuid::Uuid;

/// How long a session lives after its creation (`expires_at`; the spec's 24 hours).
pub const SESSION_HOURS: i64 = 24;

/// The request header that carries the token (non-browser clients).
pub const TOKEN_HEADER: &str = "x-registration-token";

/// The cookie that carries the token (browsers; set by step 1's answer).
pub const TOKEN_COOKIE: &str = "lm_registration";

/// The `Set-Cookie` value that hands `token` to a browser: script cannot read it (`HttpOnly`),
/// it travels over HTTPS only (`Secure`), never on a request another site starts
/// (`SameSite=Strict`, which is also what keeps the wizard's mutations safe from cross-site
/// forgery), and it lives as long as the session.
pub fn set_cookie(token: &str) -> String {
    format!(
        "{TOKEN_COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age={}",
        SESSION_HOURS * 3600
    )
}

/// The token a request carries: the header when present, else the cookie (the first
/// `lm_registration` of every `Cookie` header).
pub fn presented_token<'a>(
    header: Option<&str>,
    cookies: impl IntoIterator<Item = &'a str>,
) -> Option<PresentedToken> {
    if let Some(token) = header.and_then(PresentedToken::new) {
        return Some(token);
    }
    cookies
        .into_iter()
        .flat_map(|cookie| cookie.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == TOKEN_COOKIE)
        .and_then(|(_, value)| PresentedToken::new(value.trim_matches('"')))
}

/// The notification type told to a user whose address someone tried to register with.
pub const REGISTRATION_ATTEMPT: &str = "registration_attempt";

/// The plan chosen in step 4 (`plan_selected`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// `starter`.
    Starter,
    /// `professional`.
    Professional,
}

impl Plan {
    /// The column value.
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Starter => "starter",
            Self::Professional => "professional",
        }
    }

    /// The plan of a column value (None for anything else; the column's `CHECK` admits only
    /// these two).
    pub fn from_db(value: &str) -> Option<Self> {
        match value {
            "starter" => Some(Self::Starter),
            "professional" => Some(Self::Professional),
            _ => None,
        }
    }
}

/// What a step after the first saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaterStep {
    /// Step 2 (`company_data`).
    Company(CompanyData),
    /// Step 3 (`location_data`).
    Location(LocationData),
    /// Step 4 (`plan_selected`, `billing_data`): the registration then awaits payment.
    Plan(Plan, BillingData),
}

impl LaterStep {
    /// The step's number (2–4).
    pub fn number(&self) -> i16 {
        match self {
            Self::Company(_) => 2,
            Self::Location(_) => 3,
            Self::Plan(..) => 4,
        }
    }
}

fn json<T: serde::Serialize>(value: &T) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value).map_err(ApiError::internal)
}

/// The live (not expired) session whose token is `token`; None for a token that is malformed,
/// unknown or expired — the three are indistinguishable. Looked up by the token's hash (the
/// unique index), then compared in constant time.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn find(
    services: &Services,
    token: &PresentedToken,
) -> ApiResult<Option<registration_sessions::Model>> {
    let Some(hash) = token.hash() else {
        return Ok(None);
    };
    let found = registration_sessions::Entity::find()
        .filter(registration_sessions::Column::SessionToken.eq(hash.as_str()))
        .filter(Expr::col(registration_sessions::Column::ExpiresAt).gt(Expr::current_timestamp()))
        .one(services.db.platform())
        .await?;
    Ok(found.filter(|session| token::same_hash(&session.session_token, &hash)))
}

/// `sql` (an `UPDATE … WHERE …`) limited to a live session, returning the row.
fn returning_live(sql: &str) -> String {
    format!("{sql} AND expires_at > now() RETURNING *")
}

/// Saves step 1: updates the contact of the live session `existing`, or starts a new session
/// (returning its token, issued once) when there is none. Also looks the email up among users
/// who have a password: when one has it, the session is marked ([`ContactData::email_in_use`])
/// and that user, if still live, gets an in-app notification and a dispatch record saying
/// someone tried to register with their address. The statements run are the same whether or
/// not the address is in use, so the answer (and its time) tells the caller nothing.
///
/// `contact.email_in_use` is ignored: it is worked out here. None when `existing` expired
/// meanwhile.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn save_contact(
    services: &Services,
    existing: Option<Uuid>,
    mut contact: ContactData,
    notice: &str,
) -> ApiResult<Option<(registration_sessions::Model, Option<String>)>> {
    let tx = services.db.platform().begin().await?;
    let in_use = tx
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            // users_email_key's own predicate: exactly the users a second account would clash
            // with (deleted ones included).
            "SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = $1 AND password_hash IS NOT NULL) AS in_use",
            [contact.email.clone().into()],
        ))
        .await?
        .map(|row| row.try_get::<bool>("", "in_use"))
        .transpose()?
        .unwrap_or(false);
    contact.email_in_use = in_use;
    let contact_json = json(&contact)?;
    let (session, issued) = match existing {
        Some(id) => {
            let sql = returning_live(
                "UPDATE registration_sessions SET contact_data = $1, updated_on = now() WHERE id = $2",
            );
            let row =
                registration_sessions::Model::find_by_statement(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    &sql,
                    [contact_json.into(), id.into()],
                ))
                .one(&tx)
                .await?;
            match row {
                Some(row) => (row, None),
                None => return Ok(None),
            }
        }
        None => {
            let new = token::generate()?;
            let row = registration_sessions::Model::find_by_statement(
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "INSERT INTO registration_sessions (session_token, current_step, contact_data, expires_at) \
                     VALUES ($1, 1, $2, now() + make_interval(hours => $3)) RETURNING *",
                    [
                        new.hash.clone().into(),
                        contact_json.into(),
                        i32::try_from(SESSION_HOURS).unwrap_or(24).into(),
                    ],
                ),
            )
            .one(&tx)
            .await?
            .ok_or_else(|| ApiError::internal("inserting a registration session returned no row"))?;
            (row, Some(new.token))
        }
    };
    // The notice, to the live owner of the address (none when nobody has it): one statement
    // either way.
    const NOTIFY_OWNER: &str = r#"
WITH owner AS (
    SELECT id, tenant_id FROM users
    WHERE lower(email) = $1 AND password_hash IS NOT NULL AND deleted_on IS NULL
), notified AS (
    INSERT INTO notifications (tenant_id, user_id, type, message)
    SELECT tenant_id, id, $2, $3 FROM owner
    RETURNING tenant_id, ref_id
), dispatched AS (
    INSERT INTO notification_dispatch_log
        (tenant_id, notification_job_id, channel, type, recipients_count, status)
    SELECT tenant_id, 'registration-attempt-' || ref_id, 'web', $2, 1, 'sent' FROM notified
)
SELECT tenant_id, ref_id FROM notified
"#;
    let rows = tx
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            NOTIFY_OWNER,
            [
                contact.email.clone().into(),
                REGISTRATION_ATTEMPT.into(),
                notice.into(),
            ],
        ))
        .await?;
    let mut payloads = Vec::with_capacity(rows.len());
    for row in &rows {
        let tenant: Uuid = row.try_get("", "tenant_id")?;
        let id: String = row.try_get("", "ref_id")?;
        let change = Change::Notification { id };
        payloads.push(Envelope { tenant, change }.to_payload()?);
    }
    // Always run (a no-op without payloads), so both answers take the same statements.
    tx.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload",
        [CHANNEL.into(), payloads.into()],
    ))
    .await?;
    tx.commit().await?;
    if in_use {
        tracing::info!(
            registration = %session.ref_id,
            "a registration used an address that already has an account; its owner was notified"
        );
    }
    Ok(Some((session, issued)))
}

/// Saves a step after the first on the live session `id`, if the step before it is done
/// (`current_step >= step - 1`); the step reached becomes the greater of the two, so
/// re-submitting an earlier step edits it. None when the session expired meanwhile or is not
/// far enough (the caller checked both before; this re-checks them in the same statement).
#[tracing::instrument(level = "debug", skip_all, fields(step = step.number()))]
pub async fn save_step(
    services: &Services,
    id: Uuid,
    step: &LaterStep,
) -> ApiResult<Option<registration_sessions::Model>> {
    let number = step.number();
    let (assignments, values): (&str, Vec<sea_orm::Value>) = match step {
        LaterStep::Company(company) => ("company_data = $4", vec![json(company)?.into()]),
        LaterStep::Location(location) => ("location_data = $4", vec![json(location)?.into()]),
        LaterStep::Plan(plan, billing) => (
            "plan_selected = $4, billing_data = $5",
            vec![plan.as_db().into(), json(billing)?.into()],
        ),
    };
    let sql = returning_live(&format!(
        "UPDATE registration_sessions SET {assignments}, \
         current_step = greatest(current_step, $1), updated_on = now() \
         WHERE id = $2 AND current_step >= $3"
    ));
    let mut all: Vec<sea_orm::Value> = vec![number.into(), id.into(), (number - 1).into()];
    all.extend(values);
    let row = registration_sessions::Model::find_by_statement(Statement::from_sql_and_values(
        DbBackend::Postgres,
        &sql,
        all,
    ))
    .one(services.db.platform())
    .await?;
    Ok(row)
}

/// Deletes at most `batch` expired sessions in one statement; returns how many. Concurrent runs
/// on several instances claim disjoint rows (`FOR UPDATE SKIP LOCKED`, through the expiry
/// index), so each row is deleted once and no run waits for another.
#[tracing::instrument(level = "debug", skip(services))]
pub async fn delete_expired(services: &Services, batch: u64) -> ApiResult<u64> {
    const DELETE: &str = r#"
WITH due AS (
    SELECT id FROM registration_sessions
    WHERE expires_at <= now()
    ORDER BY expires_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
DELETE FROM registration_sessions AS s USING due WHERE s.id = due.id
"#;
    let deleted = services
        .db
        .platform()
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            DELETE,
            [i64::try_from(batch).unwrap_or(i64::MAX).into()],
        ))
        .await?
        .rows_affected();
    services
        .jobs
        .registrations_expired
        .fetch_add(deleted, Ordering::Relaxed);
    Ok(deleted)
}

/// One run of the clean-up job: batches of `batch` until none is due. Failures are counted and
/// logged, and the run ends (the next one retries).
pub async fn run_cleanup(services: &Services, batch: u64) -> u64 {
    let total = crate::jobs::run_in_batches(
        "registration clean-up",
        &services.jobs.registration_cleanup_runs,
        &services.jobs.registration_cleanup_failures,
        batch,
        || delete_expired(services, Ord::max(batch, 1)),
    )
    .await;
    if total > 0 {
        tracing::info!(deleted = total, "deleted expired registration sessions");
    }
    total
}
