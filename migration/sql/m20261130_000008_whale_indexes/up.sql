-- Indexes for tenants of any size (issue 10, "cost must not grow with data").
--
-- Lists page by `ref_id` (keyset pagination, a ULID); queues sort by urgency. With only the
-- global `*_ref_id_key` index, a list of one tenant walked every tenant's rows in `ref_id` order
-- and discarded the others' (205,296 rows read for 8 returned at a tenant of 200,000
-- activities). Every list, filter and queue now has an index that leads with `tenant_id`, then
-- the filter's column, and ends with the statement's sort key, so a page reads about the rows it
-- returns whatever the tenant's size; the plan check (`tests/tests/it/plan_check.rs`) EXPLAINs
-- each statement on a whale tenant and fails when one reads more than 10x what it returns.
-- Indexes these replace (same leading columns, without the sort key) are dropped.

-- Filters under row-level security. PostgreSQL applies a policy's condition before any
-- condition of the query that calls a function not marked LEAKPROOF, and such a condition
-- cannot be an index condition. The equality of enum values (`enum_eq`, `enum_ne`: a comparison
-- of two OIDs that cannot fail or reveal anything) is not marked, so `status = 'failed'` under
-- the tenant policy read every row of the tenant (1.5 s at a tenant of 1,000,000 activities,
-- 0.3 ms once marked). Marking a built-in function needs a superuser: where the migrating role
-- is not one (some managed services), a warning says so and filters by enum values stay slow
-- until a superuser runs these two statements once (docs/schema-decisions.md).
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
        ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
    ELSE
        RAISE WARNING 'not a superuser: enum_eq and enum_ne stay not LEAKPROOF, so filters by enum values cannot use indexes under row-level security; run ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF; ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF; as a superuser';
    END IF;
END
$$;

-- Unfiltered lists (and any filter whose matches are dense) walk (tenant_id, ref_id). The global
-- unique B-tree on ref_id also gives ref_id order, and the planner took it for a large tenant,
-- reading every smaller tenant's rows on the way (worse: for a tenant whose rows all come after
-- a whale's, it would read the whale). Uniqueness of public ids stays, enforced by a hash
-- exclusion constraint (same name), which serves look-ups by id but no order.
CREATE UNIQUE INDEX activities_tenant_ref_key ON activities (tenant_id, ref_id);
CREATE UNIQUE INDEX users_tenant_ref_key ON users (tenant_id, ref_id);
CREATE UNIQUE INDEX api_keys_tenant_ref_key ON api_keys (tenant_id, ref_id);
CREATE UNIQUE INDEX strategies_tenant_ref_key ON strategies (tenant_id, ref_id);
CREATE UNIQUE INDEX deliverable_periods_tenant_ref_key ON deliverable_periods (tenant_id, ref_id);
ALTER TABLE activities DROP CONSTRAINT activities_ref_id_key,
    ADD CONSTRAINT activities_ref_id_key EXCLUDE USING hash (ref_id WITH =);
ALTER TABLE users DROP CONSTRAINT users_ref_id_key,
    ADD CONSTRAINT users_ref_id_key EXCLUDE USING hash (ref_id WITH =);
ALTER TABLE api_keys DROP CONSTRAINT api_keys_ref_id_key,
    ADD CONSTRAINT api_keys_ref_id_key EXCLUDE USING hash (ref_id WITH =);
ALTER TABLE strategies DROP CONSTRAINT strategies_ref_id_key,
    ADD CONSTRAINT strategies_ref_id_key EXCLUDE USING hash (ref_id WITH =);
ALTER TABLE deliverable_periods DROP CONSTRAINT deliverable_periods_ref_id_key,
    ADD CONSTRAINT deliverable_periods_ref_id_key EXCLUDE USING hash (ref_id WITH =);

-- activities filtered by one column, in list order.
DROP INDEX idx_activities_tenant_status;
DROP INDEX idx_activities_active;
CREATE INDEX idx_activities_tenant_status ON activities (tenant_id, status, ref_id);
CREATE INDEX idx_activities_tenant_type ON activities (tenant_id, type, ref_id);
DROP INDEX idx_activities_tenant_deliverable;
CREATE INDEX idx_activities_tenant_deliverable ON activities (tenant_id, deliverable_period_id, ref_id)
    WHERE deliverable_period_id IS NOT NULL;
DROP INDEX idx_activities_tenant_assignee;
CREATE INDEX idx_activities_tenant_assignee ON activities (tenant_id, assignee_user_id, ref_id)
    WHERE assignee_user_id IS NOT NULL;
CREATE INDEX idx_activities_tenant_agent_role ON activities (tenant_id, assignee_agent_role, ref_id)
    WHERE assignee_agent_role IS NOT NULL;
DROP INDEX idx_activities_parent;
CREATE INDEX idx_activities_parent ON activities (tenant_id, parent_activity_id, ref_id)
    WHERE parent_activity_id IS NOT NULL;
DROP INDEX idx_activities_goal;
CREATE INDEX idx_activities_goal ON activities (tenant_id, goal_id, ref_id)
    WHERE goal_id IS NOT NULL;

-- The work queues, each in its own order (`agentActivityQueue`, `humanActivityQueue`): the
-- first page is the first rows of the index. The statements spell the statuses as literals so
-- that generic plans can use these partial indexes too.
DROP INDEX idx_activities_agent_queue;
CREATE INDEX idx_activities_agent_queue ON activities
    (tenant_id, assignee_agent_role, priority DESC, due_date ASC NULLS LAST, ref_id)
    WHERE assignee_type = 'agent' AND status IN ('created', 'assigned') AND deleted_on IS NULL;
CREATE INDEX idx_activities_human_queue ON activities
    (tenant_id, assignee_user_id, is_approval_gate DESC, priority DESC, due_date ASC NULLS LAST, ref_id)
    WHERE assignee_type = 'human' AND status IN ('created', 'awaiting_approval') AND deleted_on IS NULL;

-- `deliverablePeriods(containing:)` finds, per deliverable, its latest period starting on or
-- before the day (the unique (tenant_id, deliverable_id, period_start) index, read backwards),
-- so it reads about one period per deliverable whatever the history.
