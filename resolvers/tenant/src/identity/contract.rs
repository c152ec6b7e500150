//! `ContractMutation`: `acceptContract`, the tenant's admin agrees to the contract, which unlocks
//! the platform.

use crate::identity::contract_type::Contract;
use async_graphql::{Context, Object, Result};
use entities::sea_orm_active_enums::ContractStatus;
use entities::{contracts, tenants};
use graph_core::access::{self, ADMINS};
use graph_core::changes::now;
use graph_core::context::Principal;
use graph_core::error::ApiError;
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;

/// Longest stored client address (`contracts.accepted_ip` is `varchar(45)`).
const MAX_IP_CHARS: usize = 45;
/// Longest stored user agent (a legal record, not a place for unbounded input).
const MAX_USER_AGENT_CHARS: usize = 1000;

fn clip(value: Option<&str>, max: usize) -> Option<String> {
    value
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(|value| value.chars().take(max).collect())
}

/// The contract part of the identity `Mutation`.
#[derive(Default)]
pub struct ContractMutation;

/// Accepting the contract.
#[Object]
impl ContractMutation {
    /// Accepts the tenant's pending contract (admins only; not API keys or operators acting for
    /// the tenant). Records when, by whom, and from which IP address and user agent, and unlocks
    /// the rest of the API. `CONFLICT` when no contract is waiting for acceptance.
    #[tracing::instrument(skip_all)]
    async fn accept_contract(&self, ctx: &Context<'_>) -> Result<Contract> {
        // In one transaction, the pending contract becomes accepted (when, by whom, from which
        // address and browser) and the tenant is marked as having accepted it.
        let session = access::write_before_contract(ctx, ADMINS)?;
        let Principal::User { id: user_id, .. } = session.principal else {
            return Err(ApiError::Forbidden(
                "only an admin user can accept the contract".to_owned(),
            )
            .into());
        };
        if session.operator.is_some() {
            return Err(ApiError::Forbidden(
                "a platform operator cannot accept a contract for a tenant; an admin of the tenant must".to_owned(),
            ).into());
        }
        let request = access::request(ctx)?;
        let accepted_ip = clip(request.client_ip.as_deref(), MAX_IP_CHARS);
        let accepted_user_agent = clip(request.user_agent.as_deref(), MAX_USER_AGENT_CHARS);

        let tx = access::begin(ctx, session).await?;
        let pending = tx
            .select::<contracts::Entity>()
            .filter(contracts::Column::Status.eq(ContractStatus::PendingAcceptance))
            .lock_exclusive()
            .one(&tx)
            .await?
            .ok_or_else(|| {
                ApiError::Conflict("there is no contract waiting for acceptance".to_owned())
            })?;
        let now = now();
        let accepted = contracts::ActiveModel {
            status: Set(ContractStatus::Accepted),
            accepted_on: Set(Some(now)),
            accepted_by: Set(Some(user_id)),
            accepted_ip: Set(accepted_ip),
            accepted_user_agent: Set(accepted_user_agent),
            ..Default::default()
        };
        let contract = tx.update_by_id("contract", pending.id, accepted).await?;
        let tenant = tenants::ActiveModel {
            contract_accepted_on: Set(Some(now)),
            ..Default::default()
        };
        tx.update_own_tenant(tenant).await?;
        tx.commit().await?;
        tracing::info!(contract = %contract.ref_id, "contract accepted");
        Ok(Contract::from(contract))
    }
}
