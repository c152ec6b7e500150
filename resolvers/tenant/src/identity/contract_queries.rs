//! `ContractQuery`: the tenant's current contract (readable before it is accepted).

use crate::identity::contract_type::Contract;
use async_graphql::{Context, Object, Result};
use entities::contracts;
use entities::sea_orm_active_enums::ContractStatus as DbContractStatus;
use graph_core::access;
use sea_orm::ColumnTrait;

/// Most contracts `contractHistory` returns (a tenant has one per template version it was
/// moved to: a handful over its life).
const MAX_HISTORY: u64 = 100;

/// The contract part of the identity `Query`.
#[derive(Default)]
pub struct ContractQuery;

/// Reads of the contract.
#[Object]
impl ContractQuery {
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

    /// Every contract the tenant has had, newest first: the current one and the versions it
    /// replaced (`SUPERSEDED`, kept as the legal record of what was accepted when). Works before
    /// the current contract is accepted.
    async fn contract_history(&self, ctx: &Context<'_>) -> Result<Vec<Contract>> {
        let session = access::before_contract(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let contracts = tx
            .select::<contracts::Entity>()
            .order_by_desc(contracts::Column::CreatedOn)
            .limit(MAX_HISTORY)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(contracts.into_iter().map(Contract::from).collect())
    }
}
