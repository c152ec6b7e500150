DROP INDEX idx_approvals_pending;
CREATE INDEX idx_approvals_pending ON approvals (tenant_id, expires_at) WHERE status = 'pending';
DROP INDEX idx_approvals_tenant_reviewer;
DROP INDEX idx_approvals_activity;
CREATE INDEX idx_approvals_activity ON approvals (tenant_id, activity_id);
DROP INDEX idx_approvals_tenant_risk;
DROP INDEX idx_approvals_tenant_type;
DROP INDEX idx_approvals_tenant_status;
DROP INDEX idx_approvals_tenant_ref;
