DROP INDEX idx_sessions_tenant_goal_ref;
DROP INDEX idx_sessions_tenant_role_ref;
DROP INDEX idx_sessions_tenant_ref;
DROP INDEX idx_sessions_goal_role;
CREATE INDEX idx_sessions_goal_role ON sessions (tenant_id, goal_id, agent_role);
DROP INDEX idx_recurring_task_templates_tenant_trigger_ref;
DROP INDEX idx_recurring_task_templates_tenant_ref;
DROP INDEX idx_activity_templates_type;
CREATE INDEX idx_activity_templates_type ON activity_templates (tenant_id, deliverable_type)
    WHERE deleted_on IS NULL;
DROP INDEX idx_activity_templates_tenant_ref;
ALTER TABLE recurring_task_templates DROP COLUMN version;
DROP INDEX activity_templates_tenant_source_key;
