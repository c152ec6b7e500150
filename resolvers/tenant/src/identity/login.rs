//! `LoginMutation`: `login` exchanges an email and password for a bearer token.

use crate::identity::enums::{AppAccess, role_claim};
use crate::identity::user_type::User;
use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums::{TenantStatus, UserStatus};
use graph_core::access;
use graph_core::auth::jwt::TokenRequest;
use graph_core::auth::password::verify_password;
use graph_core::context::RequestContext;
use graph_core::error::ApiError;
use graph_core::throttle::OneLoginPerOperation;

/// Credentials of a user signing in.
#[derive(InputObject, Debug)]
pub struct LoginInput {
    /// The user's email address (case does not matter).
    pub email: String,
    /// The user's password.
    pub password: String,
    /// The application signing in. The user must have it in `appAccess`; the token then opens
    /// that application only. Without it the token carries every application the user has.
    pub app: Option<AppAccess>,
}

/// A successful sign-in.
#[derive(SimpleObject, Debug)]
pub struct LoginPayload {
    /// Bearer token: send it as `Authorization: Bearer <token>`. A credential: keep it secret.
    pub token: String,
    /// When the token stops being accepted; sign in again before then.
    pub expires_at: DateTime<Utc>,
    /// The signed-in user.
    pub user: User,
}

fn refused() -> ApiError {
    ApiError::Unauthenticated("the email or password is incorrect".to_owned())
}

/// The applications a new token opens: the one asked for, which the user must have, or all of
/// the user's. (A user with none never gets here: such an account is refused like a wrong
/// password, so a guess cannot learn it was right.)
fn granted_apps(user_apps: &[String], asked: Option<AppAccess>) -> Result<Vec<String>, ApiError> {
    match asked {
        Some(app) if user_apps.iter().any(|granted| granted == app.as_db()) => {
            Ok(vec![app.as_db().to_owned()])
        }
        Some(app) => Err(ApiError::Forbidden(format!(
            "this account may not open the {} application",
            app.graphql_name()
        ))),
        None => Ok(user_apps.to_vec()),
    }
}

/// The sign-in part of the identity `Mutation`.
#[derive(Default)]
pub struct LoginMutation;

/// Signing in.
#[Object]
impl LoginMutation {
    /// Signs a user in with email and password and returns a bearer token. Needs no
    /// credentials. Every failure is the same `UNAUTHENTICATED` error ("the email or password
    /// is incorrect"), whether the email is unknown, the password wrong or the account not
    /// active or without any application; the right password for an application the user may
    /// not open (`app`) is `FORBIDDEN`.
    /// Attempts are rate limited per client address and per email (`RATE_LIMITED` with
    /// `extensions.retryAfter`), and an operation may contain one `login` only.
    #[tracing::instrument(skip_all)]
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The email address and password.")] input: LoginInput,
    ) -> Result<LoginPayload> {
        // Every failure — unknown email, wrong password, an invited, deactivated or deleted
        // user, one with no application, a cancelled tenant — is the same error, and takes as
        // long.
        let services = access::services(ctx)?;
        if let Ok(once) = ctx.data::<OneLoginPerOperation>() {
            once.take()?;
        }
        if !services.jwt.can_issue() {
            return Err(ApiError::Forbidden(
                "sign-in is not available on this server: it only verifies tokens issued elsewhere"
                    .to_owned(),
            )
            .into());
        }
        // An address is at most 254 characters: anything longer is refused before it is hashed,
        // looked up or counted (the same refusal as any other failure).
        if input.email.len() > 320 {
            return Err(refused().into());
        }
        let email = input.email.trim().to_lowercase();
        let client = ctx
            .data::<RequestContext>()
            .ok()
            .and_then(|request| request.client_ip.as_deref())
            .and_then(|ip| ip.parse().ok());
        if let Err(error) = services.throttle.login_attempt(client, &email) {
            tracing::warn!(code = error.code(), "sign-in attempt rate limited");
            return Err(error.into());
        }
        let found = if email.is_empty() || email.contains('\0') {
            None
        } else {
            graph_core::platform::user_for_login(services, &email).await?
        };
        let stored_hash = found
            .as_ref()
            .and_then(|(user, _)| user.password_hash.clone());
        // Always runs (against a dummy hash when there is no user), so timing reveals nothing; on the
        // blocking pool, because argon2 is deliberately slow.
        let password = input.password;
        let slot = services.throttle.password_hashing_slot().await?;
        let password_ok =
            tokio::task::spawn_blocking(move || verify_password(&password, stored_hash.as_deref()))
                .await
                .map_err(ApiError::internal)?;
        drop(slot);
        let Some((user, tenant)) = found else {
            return Err(refused().into());
        };
        if !password_ok
            || user.status != UserStatus::Active
            || user.app_access.is_empty()
            || tenant.status == TenantStatus::Cancelled
        {
            return Err(refused().into());
        }
        let apps = granted_apps(&user.app_access, input.app)?;
        let issued = services
            .jwt
            .issue(TokenRequest {
                user_ref: &user.ref_id,
                tenant_ref: &tenant.ref_id,
                role: role_claim(&user.role),
                app: &apps,
            })
            .map_err(ApiError::internal)?;
        tracing::info!(user = %user.ref_id, tenant = %tenant.ref_id, "user signed in");
        Ok(LoginPayload {
            token: issued.token,
            expires_at: issued.expires_at,
            user: User::from(user),
        })
    }
}
