DROP INDEX idx_activities_human_queue;
DROP INDEX idx_activities_agent_queue;
CREATE INDEX idx_activities_agent_queue ON activities (tenant_id, assignee_agent_role, status)
    WHERE assignee_type = 'agent' AND status IN ('created', 'assigned');
DROP INDEX idx_activities_goal;
CREATE INDEX idx_activities_goal ON activities (tenant_id, goal_id, status)
    WHERE goal_id IS NOT NULL;
DROP INDEX idx_activities_parent;
CREATE INDEX idx_activities_parent ON activities (tenant_id, parent_activity_id)
    WHERE parent_activity_id IS NOT NULL;
DROP INDEX idx_activities_tenant_agent_role;
DROP INDEX idx_activities_tenant_assignee;
CREATE INDEX idx_activities_tenant_assignee ON activities (tenant_id, assignee_user_id, status)
    WHERE assignee_user_id IS NOT NULL;
DROP INDEX idx_activities_tenant_deliverable;
CREATE INDEX idx_activities_tenant_deliverable ON activities (tenant_id, deliverable_period_id, status)
    WHERE deliverable_period_id IS NOT NULL;
DROP INDEX idx_activities_tenant_type;
DROP INDEX idx_activities_tenant_status;
CREATE INDEX idx_activities_active ON activities (tenant_id, status, created_on DESC)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_activities_tenant_status ON activities (tenant_id, status);
ALTER TABLE deliverable_periods DROP CONSTRAINT deliverable_periods_ref_id_key,
    ADD CONSTRAINT deliverable_periods_ref_id_key UNIQUE (ref_id);
ALTER TABLE strategies DROP CONSTRAINT strategies_ref_id_key,
    ADD CONSTRAINT strategies_ref_id_key UNIQUE (ref_id);
ALTER TABLE api_keys DROP CONSTRAINT api_keys_ref_id_key,
    ADD CONSTRAINT api_keys_ref_id_key UNIQUE (ref_id);
ALTER TABLE users DROP CONSTRAINT users_ref_id_key,
    ADD CONSTRAINT users_ref_id_key UNIQUE (ref_id);
ALTER TABLE activities DROP CONSTRAINT activities_ref_id_key,
    ADD CONSTRAINT activities_ref_id_key UNIQUE (ref_id);
DROP INDEX deliverable_periods_tenant_ref_key;
DROP INDEX strategies_tenant_ref_key;
DROP INDEX api_keys_tenant_ref_key;
DROP INDEX users_tenant_ref_key;
DROP INDEX activities_tenant_ref_key;
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION enum_eq(anyenum, anyenum) NOT LEAKPROOF;
        ALTER FUNCTION enum_ne(anyenum, anyenum) NOT LEAKPROOF;
    END IF;
END
$$;
