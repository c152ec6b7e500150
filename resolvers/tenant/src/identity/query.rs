//! `IdentityQuery`: who is calling, the tenant, its contract, users and API keys, and the
//! federation entity look-ups of `Tenant`, `User` and `ApiKey`.

use graph_core::access::{self, ADMINS};
use graph_core::context::Principal;
use graph_core::error::ApiError;
use graph_core::ids::parse_ref_id;
use graph_core::loaders::loaders;
use graph_core::pagination::{PageArgs, list};
use crate::identity::api_key_type::{ApiKey, ApiKeyConnection};
use crate::identity::contract_type::Contract;
use crate::identity::enums::{UserRole, UserStatus};
use crate::identity::tenant_type::Tenant;
use crate::identity::user_type::{User, UserConnection};
use crate::identity::viewer_type::Viewer;
use async_graphql::{Context, ID, Object, Result};
use entities::sea_orm_active_enums::{
    ContractStatus as DbContractStatus, UserRole as DbUserRole, UserStatus as DbUserStatus,
};
use entities::{api_keys, contracts, users};
use sea_orm::ColumnTrait;

/// Queries of the identity domain (tenant subgraph).
#[derive(Default)]
pub struct IdentityQuery;

/// Queries of the identity domain: the caller, the tenant, its contract, users and API keys.
#[Object]
impl IdentityQuery {
    /// The caller: the signed-in user or API key and the tenant the request works in. Works
    /// before the contract is accepted, so a client can find out where it stands.
    async fn me(&self, ctx: &Context<'_>) -> Result<Viewer> {
        let session = access::before_contract(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let tenant = tx.own_tenant().await?;
        let (user, api_key) = match &session.principal {
            Principal::User { id, .. } => {
                let user = match &session.operator {
                    None => {
                        tx.select::<users::Entity>()
                            .filter(users::Column::Id.eq(*id))
                            .one(&tx)
                            .await?
                    }
                    // An operator's own user lives in the operator's home tenant.
                    Some(operator) => {
                        let home = access::services(ctx)?
                            .db
                            .begin(operator.home_tenant)
                            .await?;
                        let user = home
                            .select::<users::Entity>()
                            .filter(users::Column::Id.eq(*id))
                            .one(&home)
                            .await?;
                        home.commit().await?;
                        user
                    }
                };
                (user.map(User::from), None)
            }
            Principal::ApiKey { id, .. } => {
                let key = tx
                    .select::<api_keys::Entity>()
                    .filter(api_keys::Column::Id.eq(*id))
                    .one(&tx)
                    .await?;
                (None, key.map(ApiKey::from))
            }
        };
        tx.commit().await?;
        Ok(Viewer {
            user,
            api_key,
            tenant: Tenant::from(tenant),
            acting_as_operator: session.operator.is_some(),
        })
    }

    /// The tenant the request works in.
    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        let session = access::read(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let tenant = tx.own_tenant().await?;
        tx.commit().await?;
        Ok(Tenant::from(tenant))
    }

    /// The tenant's current contract (pending or accepted; superseded versions are not
    /// returned). Works before the contract is accepted. Null when none has been generated yet.
    async fn contract(&self, ctx: &Context<'_>) -> Result<Option<Contract>> {
        let session = access::before_contract(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let contract = tx
            .select::<contracts::Entity>()
            .filter(contracts::Column::Status.ne(DbContractStatus::Superseded))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(contract.map(Contract::from))
    }

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

    /// The tenant's API keys, oldest first, as a Relay connection (admins only). Revoked keys
    /// are hidden unless `includeRevoked`.
    async fn api_keys(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Return at most this many keys from the start (after `after`).")]
        first: Option<i32>,
        #[graphql(desc = "Cursor: return keys after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many keys from the end (before `before`).")]
        last: Option<i32>,
        #[graphql(desc = "Cursor: return keys before this one.")] before: Option<String>,
        #[graphql(default = false, desc = "Include revoked keys.")] include_revoked: bool,
    ) -> Result<ApiKeyConnection> {
        let session = access::read_as(ctx, ADMINS)?;
        let args = PageArgs::new(after, before, first, last);
        let keys = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<api_keys::Entity>();
                if !include_revoked {
                    select = select.filter(api_keys::Column::RevokedOn.is_null());
                }
                Ok(select)
            },
            ApiKey::from,
        )
        .await?;
        Ok(keys)
    }

    /// Federation: the caller's own tenant by id (any other id resolves to null).
    #[graphql(entity)]
    async fn find_tenant_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Tenant>> {
        let session = access::before_contract(ctx)?;
        if id.as_str() != session.tenant.ref_id {
            return Ok(None);
        }
        Ok(Some(Tenant::from(loaders(ctx)?.own_tenant().await?)))
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

    /// Federation: an API key of the caller's tenant by id (admins only); null for unknown ids.
    #[graphql(entity)]
    async fn find_api_key_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<ApiKey>> {
        access::read_as(ctx, ADMINS)?;
        let Ok(ref_id) = parse_ref_id("id", &id) else {
            return Ok(None);
        };
        let key = loaders(ctx)?
            .by_ref::<api_keys::Entity>(false)
            .load_one(ref_id.into_string())
            .await?;
        Ok(key.map(ApiKey::from))
    }
}
