//! The audit trail of platform operators: every request a super_admin makes while acting for a
//! tenant is written to that tenant's `operator_audit_log` (append-only in the database), before
//! the request runs (once its operation is known: a persisted query's hash is resolved first, so
//! the record names the operation and the hash of the document actually run). If the record
//! cannot be written, the request does not run.

use crate::context::Session;
use crate::error::ApiResult;
use crate::services::Services;
use entities::operator_audit_log;
use sea_orm::Set;

/// What the operator asked for.
#[derive(Debug, Clone)]
pub struct OperatorRequest<'a> {
    /// `query`, `mutation`, `subscription` or `unknown`.
    pub operation_type: &'a str,
    /// The operation name the client sent (or the document gives the operation).
    pub operation_name: Option<&'a str>,
    /// Hex SHA-256 of the query text run (after a persisted-query hash was resolved): which
    /// document the operator ran, without storing its arguments' values.
    pub document_hash: Option<&'a str>,
    /// The server's request id (a client's only when it came through a trusted proxy).
    pub request_id: &'a str,
    /// The subgraph serving the request.
    pub subgraph: &'a str,
}

/// Records an operator's request in the target tenant's audit log; a no-op for everyone else.
#[tracing::instrument(level = "info", skip_all, fields(request_id = request.request_id))]
pub async fn record_operator_request(
    services: &Services,
    session: &Session,
    request: &OperatorRequest<'_>,
) -> ApiResult<()> {
    let Some(operator) = &session.operator else {
        return Ok(());
    };
    tracing::info!(
        target: "audit",
        operator = %session.actor_id(),
        tenant = %session.tenant.ref_id,
        operation = request.operation_name.unwrap_or(""),
        "platform operator acting for a tenant"
    );
    let tx = services.db.begin_for(session).await?;
    tx.insert(operator_audit_log::ActiveModel {
        operator_user_id: Set(session.actor_id()),
        operator_tenant_id: Set(operator.home_tenant.uuid()),
        operation_type: Set(request.operation_type.to_owned()),
        // Control characters (a NUL cannot be stored) are dropped: the record must be written
        // whatever name a client sends, or the request could not run.
        operation_name: Set(request.operation_name.map(|name| {
            name.chars()
                .filter(|character| !character.is_control())
                .take(255)
                .collect()
        })),
        document_hash: Set(request.document_hash.map(str::to_owned)),
        request_id: Set(request.request_id.to_owned()),
        subgraph: Set(request.subgraph.to_owned()),
        ..Default::default()
    })
    .await?;
    tx.commit().await
}
