-- The approvals list of issue 12 (`approvals(filter:)`, `Activity.approvals`) at any tenant size:
-- an index per list order that leads with `tenant_id`, then the filter's column, and ends with
-- the list's sort key, `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size").

-- The pending queue, in its order (`expires_at`, then `ref_id`): its keyset cursor
-- `(expires_at, ref_id) > (…)` is an index condition, so a page deep in a long queue reads only
-- its own rows.
DROP INDEX idx_approvals_pending;
CREATE INDEX idx_approvals_pending ON approvals (tenant_id, expires_at, ref_id) WHERE status = 'pending';

-- Unfiltered pages, and the filters by status, type and risk level.
CREATE INDEX idx_approvals_tenant_ref ON approvals (tenant_id, ref_id);
CREATE INDEX idx_approvals_tenant_status ON approvals (tenant_id, status, ref_id);
CREATE INDEX idx_approvals_tenant_type ON approvals (tenant_id, type, ref_id);
CREATE INDEX idx_approvals_tenant_risk ON approvals (tenant_id, risk_level, ref_id);

-- An activity's approvals (the filter, and `Activity.approvals`, newest first), in id order;
-- still serves the activity foreign key.
DROP INDEX idx_approvals_activity;
CREATE INDEX idx_approvals_activity ON approvals (tenant_id, activity_id, ref_id);

-- A reviewer's approvals in id order (the filter); idx_approvals_reviewer stays for the
-- reviewer's queue by status and the foreign key.
CREATE INDEX idx_approvals_tenant_reviewer ON approvals (tenant_id, reviewer_id, ref_id)
    WHERE reviewer_id IS NOT NULL;
