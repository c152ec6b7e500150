-- Templates, agent configs and sessions (issue 14): what their API needs of the schema.
--
-- * Activity templates: one live copy per global template and tenant (as
--   recurring_task_templates_tenant_source_key does for recurring tasks), so customising twice,
--   or two requests customising at once, cannot make two copies.
-- * Recurring task templates gain the `version` activity templates have: a tenant's copy is
--   versioned on edit like an activity template (copies start at 1).
-- * The lists (`activityTemplates`, `recurringTaskTemplates`, `agentSessions`) at any tenant
--   size: an index per list order that leads with `tenant_id`, then the filter's columns, and ends
--   with the sort key `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size").
--   Global rows (tenant_id NULL) sit under the NULL prefix of the same indexes.

CREATE UNIQUE INDEX activity_templates_tenant_source_key
    ON activity_templates (tenant_id, source_template_id)
    WHERE source_template_id IS NOT NULL AND deleted_on IS NULL;

ALTER TABLE recurring_task_templates
    ADD COLUMN version smallint NOT NULL DEFAULT 1 CHECK (version > 0);
COMMENT ON COLUMN recurring_task_templates.version IS 'Incremented on edit (tenant copies start at 1)';
-- Tenant readers (readonly_user) read every column that is not secret: the new one too.
SELECT app_grant_reader_columns('recurring_task_templates');

-- activity_templates: unfiltered and by deliverable type (the spec's idx_activity_templates_type
-- gains the sort key; it still serves the Activity Planner's look-up by type).
CREATE INDEX idx_activity_templates_tenant_ref ON activity_templates (tenant_id, ref_id)
    WHERE deleted_on IS NULL;
DROP INDEX idx_activity_templates_type;
CREATE INDEX idx_activity_templates_type ON activity_templates (tenant_id, deliverable_type, ref_id)
    WHERE deleted_on IS NULL;

-- recurring_task_templates: unfiltered and by trigger.
CREATE INDEX idx_recurring_task_templates_tenant_ref ON recurring_task_templates (tenant_id, ref_id)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_recurring_task_templates_tenant_trigger_ref ON recurring_task_templates (tenant_id, trigger, ref_id)
    WHERE deleted_on IS NULL;

-- sessions: unfiltered, by agent role, by goal, by goal and agent role. The spec's
-- idx_sessions_goal_role gains the sort key (it still serves its prefix: session continuity and
-- the goal foreign key).
DROP INDEX idx_sessions_goal_role;
CREATE INDEX idx_sessions_goal_role ON sessions (tenant_id, goal_id, agent_role, ref_id);
CREATE INDEX idx_sessions_tenant_ref ON sessions (tenant_id, ref_id);
CREATE INDEX idx_sessions_tenant_role_ref ON sessions (tenant_id, agent_role, ref_id);
CREATE INDEX idx_sessions_tenant_goal_ref ON sessions (tenant_id, goal_id, ref_id)
    WHERE goal_id IS NOT NULL;
