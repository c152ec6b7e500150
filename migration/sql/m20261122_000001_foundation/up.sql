-- Foundation: database roles, the tenant setting, and the helpers every domain migration uses
-- to make a table tenant-isolated and to grant the application exactly what it needs.
--
-- Roles are cluster-wide objects, so they are created only when missing and never dropped by
-- the down migration (other databases on the same cluster — every test database — share them).
-- The migrating role must be allowed to create roles (superuser locally; in production a
-- `migrator_user` with CREATEROLE and BYPASSRLS, or the roles are created by the operator first).
-- No passwords are set here: operators set them with ALTER ROLE … PASSWORD outside migrations.

DO $roles$
BEGIN
    -- The application's role for tenant requests: row-level security always applies to it.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
        CREATE ROLE app_user LOGIN NOINHERIT;
    END IF;
    -- Platform operations that are not inside one tenant (registration, provisioning, the
    -- partition job, super-admin look-ups before a tenant is chosen). A separate login, used
    -- only by those code paths, so app_user's credentials can never lift tenant isolation.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_platform') THEN
        CREATE ROLE app_platform LOGIN NOINHERIT;
    END IF;
    -- Dashboards and analysts: SELECT only, still tenant-isolated by row-level security.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'readonly_user') THEN
        CREATE ROLE readonly_user LOGIN NOINHERIT;
    END IF;
END
$roles$;

-- Nobody but the migrating role creates objects in the public schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO app_user, app_platform, readonly_user;

-- The tenant of the current transaction, as set by the server with
-- `SELECT set_config('app.tenant_id', '<uuid>', true)` (transaction-local, so it is safe under
-- PgBouncer transaction pooling). NULL when no tenant is set: then no tenant row is visible.
-- A value that is not a UUID raises an error instead of silently matching nothing.
CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

COMMENT ON FUNCTION app_current_tenant() IS
    'Tenant of the current transaction (setting app.tenant_id, set with set_config(..., true)); NULL when unset. Every row-level-security policy compares tenant_id with it.';

-- A ULID (26 characters of Crockford base32: 48-bit millisecond timestamp + 80 random bits).
-- The server generates ref_ids itself; this default serves seeds, fixtures and manual SQL.
CREATE FUNCTION gen_ulid() RETURNS varchar(26)
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE
AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    ts bigint := floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    rnd bytea := uuid_send(gen_random_uuid());
    hi bigint;
    lo bigint;
    result text := '';
    i int;
BEGIN
    -- bytes 6 and 8 of a v4 UUID carry version/variant bits; use the fully random ones.
    hi := (get_byte(rnd, 0)::bigint << 32) | (get_byte(rnd, 1)::bigint << 24)
        | (get_byte(rnd, 2)::bigint << 16) | (get_byte(rnd, 3)::bigint << 8) | get_byte(rnd, 4)::bigint;
    lo := (get_byte(rnd, 5)::bigint << 32) | (get_byte(rnd, 10)::bigint << 24)
        | (get_byte(rnd, 11)::bigint << 16) | (get_byte(rnd, 12)::bigint << 8) | get_byte(rnd, 13)::bigint;
    FOR i IN REVERSE 9..0 LOOP
        result := result || substr(alphabet, ((ts >> (5 * i)) & 31)::int + 1, 1);
    END LOOP;
    FOR i IN REVERSE 7..0 LOOP
        result := result || substr(alphabet, ((hi >> (5 * i)) & 31)::int + 1, 1);
    END LOOP;
    FOR i IN REVERSE 7..0 LOOP
        result := result || substr(alphabet, ((lo >> (5 * i)) & 31)::int + 1, 1);
    END LOOP;
    RETURN result;
END
$$;

COMMENT ON FUNCTION gen_ulid() IS
    'Generates a ULID (Crockford base32, time-ordered). Default for ref_id columns; the server normally supplies its own.';

-- Makes a tenant-scoped table isolated by row-level security. Every tenant-scoped table of
-- every migration calls this once; a catalog test fails for any table that did not.
--   app_user, readonly_user: rows whose tenant_id is the transaction's tenant. With
--     has_global_rows, rows with tenant_id NULL (platform templates/providers) are readable by
--     any tenant but never writable. With no tenant set, nothing at all is visible.
--   app_platform: every row (platform operations; a separate login, see above).
-- FORCE makes the policies bind the table owner too (the migrating role is expected to carry
-- BYPASSRLS for data repairs; an owner without it sees nothing, which is the safe failure).
CREATE FUNCTION app_enable_tenant_rls(tbl regclass, has_global_rows boolean DEFAULT false)
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

-- Grants the application roles exactly what a table needs. Append-only tables (audit and
-- money logs) get SELECT and INSERT only: UPDATE and DELETE are revoked, so no code path — not
-- even a buggy or compromised one — can rewrite history.
CREATE FUNCTION app_grant_table(tbl regclass, append_only boolean DEFAULT false)
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

-- Trigger guard for references that cannot carry tenant_id in a composite foreign key because
-- the parent table also holds global rows (tenant_id NULL: templates, providers), or because the
-- reference is an array. Arguments: parent table, child column. The referenced row(s) must be
-- global or belong to the child row's tenant; otherwise the write fails.
CREATE FUNCTION app_check_reference_tenant() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    parent_table text := TG_ARGV[0];
    child_column text := TG_ARGV[1];
    ref_ids uuid[];
    bad_count int;
BEGIN
    EXECUTE format('SELECT array_remove(ARRAY(SELECT unnest(array[$1.%1$I]::uuid[])), NULL)', child_column)
        INTO ref_ids USING NEW;
    IF ref_ids IS NULL OR cardinality(ref_ids) = 0 THEN
        RETURN NEW;
    END IF;
    EXECUTE format(
        'SELECT count(*) FROM unnest($1) AS r(id) WHERE NOT EXISTS (
             SELECT 1 FROM %I p WHERE p.id = r.id AND (p.tenant_id IS NULL OR p.tenant_id = $2))',
        parent_table)
        INTO bad_count USING ref_ids, NEW.tenant_id;
    IF bad_count > 0 THEN
        RAISE EXCEPTION '%.% references a % row that is neither global nor of the same tenant',
            TG_TABLE_NAME, child_column, parent_table
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

COMMENT ON FUNCTION app_check_reference_tenant() IS
    'Trigger: the referenced row(s) (TG_ARGV[0] table, TG_ARGV[1] column, scalar or uuid[]) must be global (tenant_id NULL) or of the same tenant as the new row.';

-- Documents the base record columns of a table (COMMENT ON COLUMN), so every table explains its
-- id, ref_id, tenant_id and audit columns the same way in the catalog and in GraphQL docs.
-- Audit columns (created_by, updated_by, deleted_by) deliberately have no foreign key: they name
-- the principal that acted — a user of the tenant, a platform operator acting for the tenant
-- (a user of another tenant), or an agent principal (agent role / API key) that is not a user —
-- and no single table holds all of those. They stay safe because only the server writes them,
-- from the authenticated request context (never from client input), they grant nothing, and
-- resolvers only ever resolve them through tenant-scoped look-ups.
CREATE FUNCTION app_document_base_columns(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    docs constant jsonb := jsonb_build_object(
        'id', 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.',
        'ref_id', 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.',
        'tenant_id', 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.',
        'created_by', 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.',
        'created_on', 'When the row was inserted; never changed.',
        'updated_by', 'Principal of the last update; NULL if never updated. Audit only, no foreign key.',
        'updated_on', 'When the row was last updated; NULL if never updated.',
        'deleted_by', 'Principal that soft-deleted the row. Audit only, no foreign key.',
        'deleted_on', 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.');
    col text;
BEGIN
    FOR col IN
        SELECT a.attname FROM pg_attribute a
        WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped AND docs ? a.attname
    LOOP
        EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', tbl, col, docs ->> col);
    END LOOP;
END
$$;
