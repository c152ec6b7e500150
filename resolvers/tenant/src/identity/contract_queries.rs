//! `ContractQuery`: the tenant's current contract (readable before it is accepted).

use crate::identity::contract_type::Contract;
use async_graphql::{Context, Object, Result};
use entities::contracts;
use entities::sea_orm_active_enums::ContractStatus as DbContractStatus;
use graph_core::access;
use sea_orm::ColumnTrait;

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
}
