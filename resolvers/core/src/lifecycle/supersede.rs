//! A platform operator moves every tenant off an old contract version: each current contract of
//! that version (of every tenant but the platform's own) becomes `superseded`, a new one is generated from the newest template, and the
//! tenant must accept it again (`tenants.contract_accepted_on` is cleared, which closes the API
//! to the tenant but for `contract` and `acceptContract`). Contracts already accepted under the
//! old version stay on record as superseded (legal history).
//!
//! Cross-tenant by nature, so it runs on the platform role, in batches of tenants, each batch
//! its own transaction (`FOR UPDATE SKIP LOCKED`: two operators running it at once split the
//! work, and a failed run is resumed by running it again). Every affected tenant gets a row in
//! its `operator_audit_log`, written in the batch's transaction.

use super::contract_template;
use super::contracts::generate_contract;
use crate::context::Session;
use crate::error::{ApiError, ApiResult};
use crate::services::Services;
use entities::sea_orm_active_enums::ContractStatus;
use entities::{contracts, operator_audit_log, tenants};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};

/// Tenants handled per transaction.
const BATCH: u64 = 50;

/// What a supersession did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupersededContracts {
    /// The version moved away from.
    pub from_version: String,
    /// The version every affected tenant must now accept.
    pub to_version: String,
    /// How many tenants must accept again.
    pub tenants: u64,
}

/// Supersedes every current contract of template `version` (see the module documentation).
/// `FORBIDDEN` unless the caller is a platform operator
/// ([`Session::is_platform_operator`]: with a token for the management console, not acting for a
/// tenant); `BAD_USER_INPUT` for an unknown version
/// or the newest one (there is nothing newer to move to).
#[tracing::instrument(skip(services, session))]
pub async fn supersede_contract_version(
    services: &Services,
    session: &Session,
    request_id: &str,
    version: &str,
) -> ApiResult<SupersededContracts> {
    if !session.is_platform_operator() {
        return Err(ApiError::Forbidden(
            "only platform operators may supersede a contract version".to_owned(),
        ));
    }
    let version = version.trim();
    let newest = contract_template::newest()?;
    if contract_template::find(version).is_none() {
        return Err(ApiError::bad_input(
            "version",
            format!("there is no contract template version `{version}`"),
        ));
    }
    if version == newest.version {
        return Err(ApiError::bad_input(
            "version",
            format!(
                "`{version}` is the newest contract version: there is nothing newer to require"
            ),
        ));
    }
    let mut total = 0;
    loop {
        let tx = services.db.platform().begin().await?;
        let due = contracts::Entity::find()
            .filter(contracts::Column::TemplateVersion.eq(version))
            .filter(contracts::Column::Status.ne(ContractStatus::Superseded))
            // The platform's own tenant is not a customer: its operators never sign the master
            // contract again (and must not lock themselves out mid-run).
            .filter(contracts::Column::TenantId.ne(session.tenant.id.uuid()))
            .order_by_asc(contracts::Column::TenantId)
            .limit(BATCH)
            .lock_with_behavior(
                sea_orm::sea_query::LockType::Update,
                sea_orm::sea_query::LockBehavior::SkipLocked,
            )
            .all(&tx)
            .await?;
        if due.is_empty() {
            tx.commit().await?;
            break;
        }
        for old in &due {
            contracts::Entity::update_many()
                .col_expr(
                    contracts::Column::Status,
                    Expr::value(ContractStatus::Superseded),
                )
                .col_expr(contracts::Column::UpdatedOn, Expr::current_timestamp())
                .col_expr(
                    contracts::Column::UpdatedBy,
                    Expr::value(session.actor_id()),
                )
                .filter(contracts::Column::Id.eq(old.id))
                .exec(&tx)
                .await?;
            let tenant = tenants::Entity::update_many()
                .col_expr(
                    tenants::Column::ContractAcceptedOn,
                    Expr::value(Option::<chrono::DateTime<chrono::FixedOffset>>::None),
                )
                .col_expr(tenants::Column::UpdatedOn, Expr::current_timestamp())
                .col_expr(tenants::Column::UpdatedBy, Expr::value(session.actor_id()))
                .filter(tenants::Column::Id.eq(old.tenant_id))
                .exec_with_returning(&tx)
                .await?
                .into_iter()
                .next()
                .ok_or_else(|| ApiError::internal("a contract without its tenant"))?;
            generate_contract(
                &tx,
                &services.documents,
                &tenant,
                newest,
                Some(session.actor_id()),
            )
            .await?;
            operator_audit_log::ActiveModel {
                id: Set(uuid::Uuid::new_v4()),
                ref_id: Set(crate::ids::new_ref_id()?),
                tenant_id: Set(tenant.id),
                operator_user_id: Set(session.actor_id()),
                operator_tenant_id: Set(session.tenant.id.uuid()),
                operation_type: Set("mutation".to_owned()),
                operation_name: Set(Some(format!(
                    "supersedeContractVersion {version} -> {}",
                    newest.version
                ))),
                request_id: Set(request_id.chars().take(64).collect()),
                subgraph: Set("tenant".to_owned()),
                created_by: Set(Some(session.actor_id())),
                ..Default::default()
            }
            .insert(&tx)
            .await?;
        }
        tx.commit().await?;
        total += due.len() as u64;
        tracing::info!(
            target: "audit",
            operator = %session.actor_id(),
            from = version,
            to = newest.version,
            tenants = due.len(),
            "contracts superseded"
        );
    }
    Ok(SupersededContracts {
        from_version: version.to_owned(),
        to_version: newest.version.to_owned(),
        tenants: total,
    })
}
