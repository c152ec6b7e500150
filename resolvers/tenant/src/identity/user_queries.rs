//! `UserQuery`: the tenant's users — the list, one by id — and the federation look-up of `User`.

use crate::identity::enums::{UserRole, UserStatus};
use crate::identity::user_type::{User, UserConnection};
use async_graphql::{Context, ID, Object, Result};
use entities::sea_orm_active_enums::{UserRole as DbUserRole, UserStatus as DbUserStatus};
use entities::users;
use graph_core::access;
use graph_core::error::ApiError;
use graph_core::ids::parse_ref_id;
use graph_core::loaders::loaders;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// The user part of the identity `Query`.
#[derive(Default)]
pub struct UserQuery;

/// Reads of the tenant's users.
#[Object]
impl UserQuery {
    /// The tenant's users, oldest first, as a Relay connection. Deactivated users are hidden
    /// unless an admin asks for them with `includeDeactivated`.
    #[allow(clippy::too_many_arguments)]
    async fn users(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Return at most this many users from the start (after `after`).")]
        first: Option<i32>,
        #[graphql(desc = "Cursor: return users after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many users from the end (before `before`).")]
        last: Option<i32>,
        #[graphql(desc = "Cursor: return users before this one.")] before: Option<String>,
        #[graphql(desc = "Only users in this state.")] status: Option<UserStatus>,
        #[graphql(desc = "Only users with this role.")] role: Option<UserRole>,
        #[graphql(
            default = false,
            desc = "Include deactivated users (admins only; anyone else gets FORBIDDEN)."
        )]
        include_deactivated: bool,
    ) -> Result<UserConnection> {
        let session = access::read(ctx)?;
        if include_deactivated && !session.is_admin() {
            return Err(
                ApiError::Forbidden("only admins may list deactivated users".to_owned()).into(),
            );
        }
        let args = PageArgs::new(after, before, first, last);
        let users = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select_with_deleted::<users::Entity>(include_deactivated);
                if let Some(status) = status {
                    select = select.filter(users::Column::Status.eq(DbUserStatus::from(status)));
                }
                if let Some(role) = role {
                    select = select.filter(users::Column::Role.eq(DbUserRole::from(role)));
                }
                Ok(select)
            },
            User::from,
        )
        .await?;
        Ok(users)
    }

    /// One user of the tenant by id; null when there is none (another tenant's id looks the
    /// same). Deactivated users are returned to admins only.
    async fn user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
    ) -> Result<Option<User>> {
        let session = access::read(ctx)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let user = tx
            .select_with_deleted::<users::Entity>(session.is_admin())
            .filter(users::Column::RefId.eq(ref_id))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(user.map(User::from))
    }

    /// Federation: a user of the caller's tenant by id; deactivated users are returned to
    /// admins only (as by `user`); null for unknown ids. All representations of a request load
    /// in one statement.
    #[graphql(entity)]
    async fn find_user_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<User>> {
        let session = access::read(ctx)?;
        let Ok(ref_id) = parse_ref_id("id", &id) else {
            return Ok(None);
        };
        let user = loaders(ctx)?
            .by_ref::<users::Entity>(session.is_admin())
            .load_one(ref_id.into_string())
            .await?;
        Ok(user.map(User::from))
    }
}
