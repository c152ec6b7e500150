//! `ContractMutation`: `acceptContract`, the tenant's admin agrees to the contract, which unlocks
//! the platform; `supersedeContractVersion`, a platform operator requires every tenant on an old
//! contract version to accept the newest one.

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

/// What `supersedeContractVersion` did.
#[derive(async_graphql::SimpleObject, Debug, Clone)]
pub struct SupersedeContractVersionPayload {
    /// The version every affected tenant was moved off.
    pub from_version: String,
    /// The version they must now accept (the newest template).
    pub to_version: String,
    /// How many tenants must accept again (0 when none was on `fromVersion`).
    pub tenant_count: u64,
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

    /// Supersedes every current contract of template `version` (platform operators only: a
    /// `SUPER_ADMIN` of the platform tenant, signed in for `MANAGE`, acting as themselves). Each affected tenant gets a
    /// new contract from the newest template and must accept it again before anything but
    /// `me`, `contract` and `acceptContract` works; its old contract stays on record as
    /// `SUPERSEDED`. Every affected tenant's `operator_audit_log` records it. Runs in batches
    /// and can be re-run to finish an interrupted run. `BAD_USER_INPUT` for an unknown version
    /// or the newest one.
    #[tracing::instrument(skip_all)]
    async fn supersede_contract_version(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template version to move tenants off (e.g. `v1.0`).")]
        version: String,
    ) -> Result<SupersedeContractVersionPayload> {
        let session = access::write(ctx, ADMINS)?;
        let request = access::request(ctx)?;
        let done = graph_core::lifecycle::supersede_contract_version(
            access::services(ctx)?,
            session,
            &request.request_id,
            &version,
        )
        .await?;
        Ok(SupersedeContractVersionPayload {
            from_version: done.from_version,
            to_version: done.to_version,
            tenant_count: done.tenants,
        })
    }
}
