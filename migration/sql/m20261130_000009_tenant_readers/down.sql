-- Back to readonly_user isolated by app.tenant_id with table-level SELECT, as before migration 9.
--
-- Roles are cluster-wide and stay. But a reader role left a member of readonly_user would, under
-- the old policies, read any tenant it names in app.tenant_id — the very leak migration 9 closed
-- — so every mapped reader loses its readonly_user membership here (in every database of the
-- cluster: membership is cluster-wide; a database still on migration 9 re-grants it with
-- app_grant_tenant_reader).
DO $$
DECLARE
    reader name;
BEGIN
    FOR reader IN
        SELECT r.role_name FROM app_security.tenant_readers r
        WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.role_name)
          AND pg_has_role(r.role_name, 'readonly_user', 'MEMBER')
    LOOP
        EXECUTE format('REVOKE readonly_user FROM %I', reader);
    END LOOP;
END
$$;

-- Table-level SELECT again on every table app_user may read (the tables app_grant_table ran on),
-- replacing the column grants.
DO $$
DECLARE
    tbl regclass;
BEGIN
    FOR tbl IN
        SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND has_table_privilege('app_user', c.oid, 'SELECT')
        ORDER BY c.relname
    LOOP
        EXECUTE format('REVOKE SELECT ON %s FROM readonly_user', tbl);
        EXECUTE format('GRANT SELECT ON %s TO readonly_user', tbl);
    END LOOP;
END
$$;

-- The policies that applied to app_user apply to readonly_user again; the reader policies go.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN
        SELECT tablename FROM pg_policies
        WHERE schemaname = 'public' AND policyname = 'tenant_reader' ORDER BY tablename
    LOOP
        IF EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = p.tablename
                   AND policyname = 'tenant_read') THEN
            EXECUTE format('ALTER POLICY tenant_read ON public.%I TO app_user, readonly_user', p.tablename);
        ELSE
            EXECUTE format('ALTER POLICY tenant_isolation ON public.%I TO app_user, readonly_user', p.tablename);
        END IF;
        EXECUTE format('DROP POLICY tenant_reader ON public.%I', p.tablename);
    END LOOP;
END
$$;

COMMENT ON COLUMN operator_audit_log.request_id IS 'The request id (X-Request-Id), to correlate with logs.';
ALTER TABLE operator_audit_log DROP COLUMN document_hash;

-- The helpers as the foundation defined them.
CREATE OR REPLACE FUNCTION app_grant_table(tbl regclass, append_only boolean DEFAULT false)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('REVOKE ALL ON %s FROM PUBLIC', tbl);
    IF append_only THEN
        EXECUTE format('GRANT SELECT, INSERT ON %s TO app_user, app_platform', tbl);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM app_user, app_platform', tbl);
    ELSE
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO app_user, app_platform', tbl);
    END IF;
    EXECUTE format('GRANT SELECT ON %s TO readonly_user', tbl);
END
$$;

COMMENT ON FUNCTION app_grant_table(regclass, boolean) IS
    'Grants app_user/app_platform SELECT, INSERT, UPDATE, DELETE (or SELECT, INSERT only when append_only) and readonly_user SELECT on a table.';

CREATE OR REPLACE FUNCTION app_enable_tenant_rls(tbl regclass, has_global_rows boolean DEFAULT false)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    IF has_global_rows THEN
        EXECUTE format($p$CREATE POLICY tenant_read ON %s FOR SELECT TO app_user, readonly_user
            USING (tenant_id = app_current_tenant()
                   OR (tenant_id IS NULL AND app_current_tenant() IS NOT NULL))$p$, tbl);
        EXECUTE format($p$CREATE POLICY tenant_insert ON %s FOR INSERT TO app_user
            WITH CHECK (tenant_id = app_current_tenant())$p$, tbl);
        EXECUTE format($p$CREATE POLICY tenant_update ON %s FOR UPDATE TO app_user
            USING (tenant_id = app_current_tenant())
            WITH CHECK (tenant_id = app_current_tenant())$p$, tbl);
        EXECUTE format($p$CREATE POLICY tenant_delete ON %s FOR DELETE TO app_user
            USING (tenant_id = app_current_tenant())$p$, tbl);
    ELSE
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %s FOR ALL TO app_user, readonly_user
            USING (tenant_id = app_current_tenant())
            WITH CHECK (tenant_id = app_current_tenant())$p$, tbl);
    END IF;
    EXECUTE format($p$CREATE POLICY platform_access ON %s FOR ALL TO app_platform
        USING (true) WITH CHECK (true)$p$, tbl);
END
$$;

COMMENT ON FUNCTION app_enable_tenant_rls(regclass, boolean) IS
    'Enables and forces row-level security on a tenant-scoped table with the standard policies (tenant of the transaction for app_user/readonly_user; global rows read-only when has_global_rows; everything for app_platform).';

DROP FUNCTION app_grant_reader_columns(regclass);
DROP FUNCTION app_enable_tenant_reader_policy(regclass, boolean);
DROP FUNCTION app_revoke_tenant_reader(name);
DROP FUNCTION app_grant_tenant_reader(name, text);
DROP FUNCTION app_reader_tenant();
DROP TABLE app_security.tenant_readers;
DROP TABLE app_security.secret_columns;
DROP SCHEMA app_security;
