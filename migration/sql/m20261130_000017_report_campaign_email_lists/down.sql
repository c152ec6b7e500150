DROP INDEX idx_email_templates_tenant_slug;
DROP INDEX idx_email_templates_tenant_category;
DROP INDEX idx_email_templates_tenant_ref;
DROP INDEX idx_campaigns_goal;
CREATE INDEX idx_campaigns_goal ON campaigns (tenant_id, goal_id) WHERE goal_id IS NOT NULL;
DROP INDEX idx_campaigns_strategy;
CREATE INDEX idx_campaigns_strategy ON campaigns (tenant_id, strategy_id) WHERE strategy_id IS NOT NULL;
DROP INDEX idx_campaigns_tenant_status;
CREATE INDEX idx_campaigns_tenant_status ON campaigns (tenant_id, status);
DROP INDEX idx_campaigns_tenant_ref;
DROP INDEX idx_reports_deliverable_period;
CREATE INDEX idx_reports_deliverable_period ON reports (tenant_id, deliverable_period_id)
    WHERE deliverable_period_id IS NOT NULL;
DROP INDEX idx_reports_campaign;
CREATE INDEX idx_reports_campaign ON reports (tenant_id, campaign_id) WHERE campaign_id IS NOT NULL;
DROP INDEX idx_reports_tenant_type;
DROP INDEX idx_reports_tenant_status;
DROP INDEX idx_reports_tenant_period;
CREATE INDEX idx_reports_tenant_period ON reports (tenant_id, period_start DESC);
