//! `TenantQuery`: who is calling (`me`), the tenant the request works in, and the federation
//! look-up of `Tenant`.

use crate::identity::api_key_type::ApiKey;
use crate::identity::tenant_type::Tenant;
use crate::identity::user_type::User;
use crate::identity::viewer_type::Viewer;
use async_graphql::{Context, ID, Object, Result};
use entities::{api_keys, users};
use graph_core::access;
use graph_core::context::Principal;
use graph_core::loaders::loaders;
use sea_orm::ColumnTrait;

/// The caller and tenant part of the identity `Query`.
#[derive(Default)]
pub struct TenantQuery;

/// Reads of the caller and its tenant.
#[Object]
impl TenantQuery {
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

    /// Federation: the caller's own tenant by id (any other id resolves to null).
    #[graphql(entity)]
    async fn find_tenant_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Tenant>> {
        let session = access::before_contract(ctx)?;
        // Parsed like every other id (case-insensitive), then compared in canonical form.
        let own = graph_core::ids::parse_ref_id("id", &id)
            .is_ok_and(|ref_id| ref_id.as_str() == session.tenant.ref_id);
        if !own {
            return Ok(None);
        }
        Ok(Some(Tenant::from(loaders(ctx)?.own_tenant().await?)))
    }
}
