//! `LoginMutation`: `login` exchanges an email and password for a bearer token.

use crate::identity::enums::role_claim;
use crate::identity::user_type::User;
use async_graphql::{Context, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums::{TenantStatus, UserStatus};
use graph_core::access;
use graph_core::auth::jwt::TokenRequest;
use graph_core::auth::password::verify_password;
use graph_core::error::ApiError;

/// Credentials of a user signing in.
#[derive(InputObject, Debug)]
pub struct LoginInput {
    /// The user's email address (case does not matter).
    pub email: String,
    /// The user's password.
    pub password: String,
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

/// The sign-in part of the identity `Mutation`.
#[derive(Default)]
pub struct LoginMutation;

/// Signing in.
#[Object]
impl LoginMutation {
    /// Signs a user in with email and password and returns a bearer token. Needs no
    /// credentials. Every failure is the same `UNAUTHENTICATED` error ("the email or password
    /// is incorrect"), whether the email is unknown, the password wrong or the account not
    /// active.
    #[tracing::instrument(skip_all)]
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The email address and password.")] input: LoginInput,
    ) -> Result<LoginPayload> {
        // Every failure — unknown email, wrong password, an invited, deactivated or deleted
        // user, a cancelled tenant — is the same error, and takes as long.
        let services = access::services(ctx)?;
        if !services.jwt.can_issue() {
            return Err(ApiError::Forbidden(
                "sign-in is not available on this server: it only verifies tokens issued elsewhere"
                    .to_owned(),
            )
            .into());
        }
        let email = input.email.trim().to_lowercase();
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
        let password_ok =
            tokio::task::spawn_blocking(move || verify_password(&password, stored_hash.as_deref()))
                .await
                .map_err(ApiError::internal)?;
        let Some((user, tenant)) = found else {
            return Err(refused().into());
        };
        if !password_ok
            || user.status != UserStatus::Active
            || tenant.status == TenantStatus::Cancelled
        {
            return Err(refused().into());
        }
        let issued = services
            .jwt
            .issue(TokenRequest {
                user_ref: &user.ref_id,
                tenant_ref: &tenant.ref_id,
                role: role_claim(&user.role),
                app: &user.app_access,
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
