-- The lists of reports, campaigns and email templates at any tenant size: an index per list
-- order that leads with `tenant_id`, then the filter's column, and ends with the list's sort key
-- (docs/schema-decisions.md, "Indexes for tenants of any size").

-- Reports: newest period first, `(period_start DESC, ref_id DESC)`, paged by keyset on that
-- pair, so a page deep in a long history reads only its own rows. The period filters
-- (`periodFrom`/`periodTo`: reports whose period overlaps) are a range on `period_start` of the
-- same index.
DROP INDEX idx_reports_tenant_period;
CREATE INDEX idx_reports_tenant_period ON reports (tenant_id, period_start DESC, ref_id DESC)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_reports_tenant_status ON reports (tenant_id, status, period_start DESC, ref_id DESC)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_reports_tenant_type ON reports (tenant_id, type, period_start DESC, ref_id DESC)
    WHERE deleted_on IS NULL;
-- A campaign's and a period's reports (the filters, `Campaign.reports`,
-- `DeliverablePeriod.reports`); still serve the foreign keys.
DROP INDEX idx_reports_campaign;
CREATE INDEX idx_reports_campaign ON reports (tenant_id, campaign_id, period_start DESC, ref_id DESC)
    WHERE campaign_id IS NOT NULL;
DROP INDEX idx_reports_deliverable_period;
CREATE INDEX idx_reports_deliverable_period
    ON reports (tenant_id, deliverable_period_id, period_start DESC, ref_id DESC)
    WHERE deliverable_period_id IS NOT NULL;

-- Campaigns: id order (`ref_id`), unfiltered and by status, strategy and goal.
CREATE INDEX idx_campaigns_tenant_ref ON campaigns (tenant_id, ref_id) WHERE deleted_on IS NULL;
DROP INDEX idx_campaigns_tenant_status;
CREATE INDEX idx_campaigns_tenant_status ON campaigns (tenant_id, status, ref_id);
DROP INDEX idx_campaigns_strategy;
CREATE INDEX idx_campaigns_strategy ON campaigns (tenant_id, strategy_id, ref_id)
    WHERE strategy_id IS NOT NULL;
DROP INDEX idx_campaigns_goal;
CREATE INDEX idx_campaigns_goal ON campaigns (tenant_id, goal_id, ref_id) WHERE goal_id IS NOT NULL;

-- Email templates: id order, by category and by slug; the tenant's rows and the global ones
-- (`tenant_id IS NULL`) are two ranges of the same indexes. The overrides of a slug (the
-- `EFFECTIVE` scope's anti-join) use the slug index.
CREATE INDEX idx_email_templates_tenant_ref ON email_templates (tenant_id, ref_id);
CREATE INDEX idx_email_templates_tenant_category ON email_templates (tenant_id, category, ref_id);
CREATE INDEX idx_email_templates_tenant_slug ON email_templates (tenant_id, slug, ref_id);
