//! The few look-ups that cannot be inside one tenant because they establish which tenant a
//! caller belongs to. They run on the platform role (`app_platform`), whose pool only this crate
//! can reach; each is a narrow, named function, never a general-purpose connection.

use crate::error::ApiResult;
use crate::services::Services;
use entities::{tenants, users};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The live user with this email (compared lowercase) and their tenant, for signing in.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn user_for_login(
    services: &Services,
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
        // Only a user with a password can sign in, and only such a user is unique per address
        // (users_email_key): several tenants may have invited one address.
        .filter(users::Column::PasswordHash.is_not_null())
        .find_also_related(tenants::Entity)
        .one(services.db.platform())
        .await?;
    Ok(found.and_then(|(user, tenant)| tenant.map(|tenant| (user, tenant))))
}
