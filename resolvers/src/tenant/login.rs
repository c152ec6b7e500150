//! `login`: exchanges an email and password for a bearer token.

use crate::auth::jwt::TokenRequest;
use crate::auth::password::verify_password;
use crate::core::access;
use crate::core::error::{ApiError, ApiResult};
use crate::tenant::enums::role_claim;
use crate::tenant::user_type::User;
use async_graphql::{Context, InputObject, SimpleObject};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums::{TenantStatus, UserStatus};
use entities::{tenants, users};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

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

/// The user with this email (any case) and their tenant, on the platform role: there is no
/// tenant yet to scope the look-up to.
async fn find_login(
    db: &DatabaseConnection,
    email: &str,
) -> ApiResult<Option<(users::Model, tenants::Model)>> {
    let found = users::Entity::find()
        .filter(
            Expr::expr(Func::lower(Expr::col((
                users::Entity,
                users::Column::Email,
            ))))
            .eq(email),
        )
        .filter(users::Column::DeletedOn.is_null())
        .find_also_related(tenants::Entity)
        .one(db)
        .await?;
    Ok(found.and_then(|(user, tenant)| tenant.map(|tenant| (user, tenant))))
}

/// Signs a user in. Every failure — unknown email, wrong password, an invited, deactivated or
/// deleted user, a cancelled tenant — is the same `UNAUTHENTICATED` error, and takes as long.
pub(super) async fn login(ctx: &Context<'_>, input: LoginInput) -> ApiResult<LoginPayload> {
    let services = access::services(ctx)?;
    if !services.jwt.can_issue() {
        return Err(ApiError::Forbidden(
            "sign-in is not available on this server: it only verifies tokens issued elsewhere"
                .to_owned(),
        ));
    }
    let email = input.email.trim().to_lowercase();
    let found = if email.is_empty() || email.contains('\0') {
        None
    } else {
        find_login(services.db.platform(), &email).await?
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
        return Err(refused());
    };
    if !password_ok || user.status != UserStatus::Active || tenant.status == TenantStatus::Cancelled
    {
        return Err(refused());
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
