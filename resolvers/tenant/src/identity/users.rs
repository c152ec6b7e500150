//! `UserMutation`: `inviteUser`, `changeUserRole`, `deactivateUser`, `reactivateUser` — managing
//! the tenant's users. A tenant always keeps at least one active admin.

use crate::identity::enums::{AppAccess, UserRole};
use crate::identity::user_type::User;
use crate::identity::validate;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums::{UserRole as DbUserRole, UserStatus as DbUserStatus};
use entities::users;
use graph_core::access::{self, ADMINS};
use graph_core::context::{Principal, Session};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::{Text, email, phone};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// A person to invite into the tenant. The user is created as `INVITED`, without a password,
/// and cannot sign in until they set one.
#[derive(InputObject, Debug)]
pub struct InviteUserInput {
    /// Email address (sign-in identity), stored lowercase: unique in the tenant, and on the whole
    /// platform once the person has set a password.
    pub email: String,
    /// Given name, 1–255 characters.
    pub first_name: String,
    /// Family name, 1–255 characters.
    pub last_name: String,
    /// Form of address: `Mr.`, `Mrs.`, `Ms.`, `Dr.` or `Prof.`.
    pub title: Option<String>,
    /// Phone number in E.164 format (`+919876543210`).
    pub phone: Option<String>,
    /// The user's role. `SUPER_ADMIN` can only be granted by a super admin.
    pub role: UserRole,
    /// The applications the user may open (may be empty).
    pub app_access: Vec<AppAccess>,
}

/// A user's given name (`users.first_name`, `varchar(255)`).
const USER_FIRST_NAME: Text = Text::new("firstName", 255);
/// A user's family name (`users.last_name`, `varchar(255)`).
const USER_LAST_NAME: Text = Text::new("lastName", 255);

/// A validated invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Invitation {
    email: String,
    first_name: String,
    last_name: String,
    title: Option<String>,
    phone: Option<String>,
    role: DbUserRole,
    app_access: Vec<String>,
}

/// Validates an invitation (no database access).
pub(crate) fn invitation(input: &InviteUserInput) -> ApiResult<Invitation> {
    let mut apps = input.app_access.clone();
    apps.sort();
    apps.dedup();
    Ok(Invitation {
        email: email("email", &input.email)?,
        first_name: USER_FIRST_NAME.required(&input.first_name)?,
        last_name: USER_LAST_NAME.required(&input.last_name)?,
        title: validate::title("title", input.title.as_deref())?,
        phone: phone("phone", input.phone.as_deref())?,
        role: input.role.into(),
        app_access: apps.into_iter().map(|app| app.as_db().to_owned()).collect(),
    })
}

fn manages(role: &DbUserRole) -> bool {
    matches!(role, DbUserRole::Admin | DbUserRole::SuperAdmin)
}

/// Only a super admin may grant the super admin role or change a super admin's account, and the
/// role is granted (`granted`: the role a change gives) in the platform's own tenant only, where
/// its holders are operators.
fn ensure_may_touch_super_admin(
    session: &Session,
    granted: Option<&DbUserRole>,
    roles: &[&DbUserRole],
) -> ApiResult<()> {
    if roles.iter().any(|role| **role == DbUserRole::SuperAdmin) && !session.is_super_admin() {
        return Err(ApiError::Forbidden(
            "only a super admin can grant or change the SUPER_ADMIN role".to_owned(),
        ));
    }
    if granted == Some(&DbUserRole::SuperAdmin) && !session.tenant.is_platform {
        return Err(ApiError::Forbidden(
            "the SUPER_ADMIN role exists only in the platform's own tenant".to_owned(),
        ));
    }
    Ok(())
}

/// Refuses (`CONFLICT`) when no active admin other than `except` would remain. Locks the active
/// admins' rows, so two concurrent requests cannot each remove "the other" last admin.
async fn ensure_another_active_admin(tx: &TenantTx, except: Uuid, message: &str) -> ApiResult<()> {
    let admins = tx
        .select::<users::Entity>()
        .filter(users::Column::Status.eq(DbUserStatus::Active))
        .filter(users::Column::Role.is_in([DbUserRole::Admin, DbUserRole::SuperAdmin]))
        .lock_exclusive()
        .all(tx)
        .await?;
    if admins.iter().any(|admin| admin.id != except) {
        Ok(())
    } else {
        Err(ApiError::Conflict(message.to_owned()))
    }
}

/// A user of the tenant by public id, deactivated users included.
async fn find_any_user(tx: &TenantTx, ref_id: &str) -> ApiResult<users::Model> {
    tx.select_with_deleted::<users::Entity>(true)
        .filter(users::Column::RefId.eq(ref_id))
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("user"))
}

/// The user part of the identity `Mutation`.
#[derive(Default)]
pub struct UserMutation;

/// Managing the tenant's users.
#[Object]
impl UserMutation {
    /// Invites a person into the tenant (admins only). The user starts as `INVITED`, without a
    /// password. `CONFLICT` when the address is already one of this tenant's users. Whether the
    /// address has an account in another tenant is not revealed: the invitation is made either
    /// way, and only its owner learns of a clash, on accepting it.
    #[tracing::instrument(skip_all)]
    async fn invite_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who to invite, with their role and app access.")] input: InviteUserInput,
    ) -> Result<User> {
        let session = access::write(ctx, ADMINS)?;
        let invitation = invitation(&input)?;
        ensure_may_touch_super_admin(session, Some(&invitation.role), &[&invitation.role])?;
        let tx = access::begin(ctx, session).await?;
        let user = tx
            .insert(users::ActiveModel {
                id: Set(Uuid::new_v4()),
                email: Set(invitation.email),
                title: Set(invitation.title),
                first_name: Set(invitation.first_name),
                last_name: Set(invitation.last_name),
                phone: Set(invitation.phone),
                role: Set(invitation.role),
                app_access: Set(invitation.app_access),
                status: Set(DbUserStatus::Invited),
                password_hash: Set(None),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(user = %user.ref_id, "user invited");
        Ok(User::from(user))
    }

    /// Changes a user's role (admins only). `CONFLICT` when it would leave the tenant without an
    /// active admin; `FORBIDDEN` when granting or changing `SUPER_ADMIN` without being one.
    #[tracing::instrument(skip_all)]
    async fn change_user_role(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
        #[graphql(desc = "The new role.")] role: UserRole,
    ) -> Result<User> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let role = DbUserRole::from(role);
        let tx = access::begin(ctx, session).await?;
        let target = tx.find_by_ref::<users::Entity>("user", &ref_id).await?;
        ensure_may_touch_super_admin(session, Some(&role), &[&role, &target.role])?;
        if target.role == role {
            tx.commit().await?;
            return Ok(User::from(target));
        }
        if manages(&target.role) && !manages(&role) && target.status == DbUserStatus::Active {
            ensure_another_active_admin(
                &tx,
                target.id,
                "the tenant must keep at least one active admin",
            )
            .await?;
        }
        let changes = users::ActiveModel {
            role: Set(role),
            ..Default::default()
        };
        let user = tx.update_by_id("user", target.id, changes).await?;
        tx.commit().await?;
        Ok(User::from(user))
    }

    /// Deactivates a user (admins only): they can no longer sign in and are hidden from lists;
    /// their records stay. Deactivating an already deactivated user returns it unchanged.
    /// `CONFLICT` for yourself and for the last active admin.
    #[tracing::instrument(skip_all)]
    async fn deactivate_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
    ) -> Result<User> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let target = find_any_user(&tx, &ref_id).await?;
        if target.deleted_on.is_some() {
            tx.commit().await?;
            return Ok(User::from(target));
        }
        if matches!(session.principal, Principal::User { id, .. } if id == target.id) {
            return Err(ApiError::Conflict("you cannot deactivate yourself".to_owned()).into());
        }
        ensure_may_touch_super_admin(session, None, &[&target.role])?;
        if manages(&target.role) && target.status == DbUserStatus::Active {
            ensure_another_active_admin(
                &tx,
                target.id,
                "the tenant must keep at least one active admin",
            )
            .await?;
        }
        let changes = users::ActiveModel {
            status: Set(DbUserStatus::Deactivated),
            ..Default::default()
        };
        let user = tx.soft_delete("user", target.id, changes).await?;
        tx.commit().await?;
        tracing::info!(user = %user.ref_id, "user deactivated");
        Ok(User::from(user))
    }

    /// Reactivates a deactivated user (admins only): `ACTIVE` again if they had set a password,
    /// otherwise `INVITED`. A user who is not deactivated is returned unchanged.
    #[tracing::instrument(skip_all)]
    async fn reactivate_user(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The user's id.")] id: ID,
    ) -> Result<User> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let target = find_any_user(&tx, &ref_id).await?;
        if target.deleted_on.is_none() && target.status != DbUserStatus::Deactivated {
            tx.commit().await?;
            return Ok(User::from(target));
        }
        ensure_may_touch_super_admin(session, None, &[&target.role])?;
        let status = if target.password_hash.is_some() {
            DbUserStatus::Active
        } else {
            DbUserStatus::Invited
        };
        let changes = users::ActiveModel {
            status: Set(status),
            deleted_by: Set(None),
            deleted_on: Set(None),
            ..Default::default()
        };
        let user = tx.update_by_id("user", target.id, changes).await?;
        tx.commit().await?;
        tracing::info!(user = %user.ref_id, "user reactivated");
        Ok(User::from(user))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn input() -> InviteUserInput {
        InviteUserInput {
            email: " Jane@Example.com ".to_owned(),
            first_name: " Jane ".to_owned(),
            last_name: "Doe".to_owned(),
            title: Some("Ms.".to_owned()),
            phone: Some("+919876543210".to_owned()),
            role: UserRole::Reviewer,
            app_access: vec![
                AppAccess::DmPortal,
                AppAccess::Dashboard,
                AppAccess::DmPortal,
            ],
        }
    }

    #[test]
    fn invitations_are_normalised() {
        let invitation = invitation(&input()).unwrap();
        assert_eq!(invitation.email, "jane@example.com");
        assert_eq!(invitation.first_name, "Jane");
        assert_eq!(invitation.role, DbUserRole::Reviewer);
        assert_eq!(invitation.app_access, ["dashboard", "dm-portal"]);
    }

    #[test]
    fn invalid_invitations_name_the_field() {
        for (field, change) in [
            (
                "email",
                (|i: &mut InviteUserInput| i.email = "jane".to_owned()) as fn(&mut InviteUserInput),
            ),
            ("firstName", |i| i.first_name = " ".to_owned()),
            ("lastName", |i| i.last_name = "x".repeat(256)),
            ("title", |i| i.title = Some("Sir".to_owned())),
            ("phone", |i| i.phone = Some("98765".to_owned())),
        ] {
            let mut bad = input();
            change(&mut bad);
            match invitation(&bad).unwrap_err() {
                ApiError::BadUserInput {
                    field: Some(named), ..
                } => assert_eq!(named, field),
                other => panic!("{other:?}"),
            }
        }
    }
}
