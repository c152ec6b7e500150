-- Tenant readers: dashboards read exactly one tenant, which they cannot choose, and never a
-- secret (issue 11, item 3).
--
-- Until now readonly_user was isolated like app_user: by `app.tenant_id`. But app_user is the
-- server, which sets the tenant from an authenticated request; a dashboard login (Grafana)
-- types its own SQL, so `SELECT set_config('app.tenant_id', '<any tenant>', false)` gave it any
-- tenant's rows — password hashes and API-key hashes included. Two changes close that:
--
--   1. Tenant readers. A dashboard logs in as its own role (e.g. grafana_acme), a member of
--      readonly_user, mapped to one tenant in app_security.tenant_readers. readonly_user's
--      policies compare tenant_id with app_reader_tenant(): the tenant mapped to session_user,
--      which only a superuser can change (SET ROLE changes current_user, not session_user), so
--      no setting, SET ROLE or function call moves a reader to another tenant. readonly_user
--      itself is mapped to nothing and sees no tenant row. app.tenant_id no longer matters to
--      readonly_user at all; app_user's policies are unchanged.
--   2. Column grants. readonly_user holds no table-level SELECT any more, only SELECT on every
--      column that is not listed in app_security.secret_columns (a table-level grant would
--      cover every column, whatever is revoked per column). Credentials, their hashes, tokens
--      and encrypted secrets are listed there, so a reader gets "permission denied" for them,
--      even in its own tenant.
--
-- The two tables live in their own schema, app_security, not in public: they are security
-- metadata, not application data. Outside public they are not application tables for the
-- entity generator (scripts/generate-entities reads public only), nor for the catalog tests that
-- treat every public table with a tenant_id as tenant data (fixtures, policies, entities), and
-- the application roles cannot even look them up (no USAGE on the schema but app_platform's).
--
-- Later migrations: app_enable_tenant_rls gives new tenant tables the reader policy, and
-- app_grant_table grants readonly_user the columns of a new table that are not secret. A new
-- secret column is listed in app_security.secret_columns before app_grant_table runs on its
-- table. A column added to an existing table is readable by nobody but the owner until granted:
-- `SELECT app_grant_reader_columns('<table>')` grants readonly_user every non-secret column again.
-- Roles are cluster-wide: the reader roles this creates are never dropped by a migration.

-- ---------------------------------------------------------------------------------------------
-- The schema of security metadata
-- ---------------------------------------------------------------------------------------------

CREATE SCHEMA app_security;
-- A new schema grants PUBLIC nothing; app_platform may read the reader mappings (provisioning
-- and support tools), nobody else needs to see this schema.
GRANT USAGE ON SCHEMA app_security TO app_platform;

COMMENT ON SCHEMA app_security IS
    'Security metadata, not application data: which login reads which tenant (tenant_readers) and which columns hold secrets (secret_columns). Owned by the migrating role; only app_platform has USAGE.';

-- ---------------------------------------------------------------------------------------------
-- Secret columns
-- ---------------------------------------------------------------------------------------------

-- A table rather than a list inside a function: later migrations add a row (INSERT) instead of
-- rewriting a function, the grant helper and the catalog test read the same rows, and each
-- entry carries its reason. Rows name tables of the public schema.
CREATE TABLE app_security.secret_columns (
    table_name  text        NOT NULL,
    column_name text        NOT NULL,
    reason      text        NOT NULL,
    created_on  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_name, column_name)
);
REVOKE ALL ON app_security.secret_columns FROM PUBLIC;

COMMENT ON TABLE app_security.secret_columns IS
    'Columns of public tables that hold a credential, a hash of one, a token or an encrypted secret. readonly_user gets no SELECT on them (app_grant_reader_columns); a catalog test fails for a column whose name looks like a secret and is neither listed here nor allow-listed in the test.';
COMMENT ON COLUMN app_security.secret_columns.table_name IS 'Table in the public schema.';
COMMENT ON COLUMN app_security.secret_columns.column_name IS 'Column of that table.';
COMMENT ON COLUMN app_security.secret_columns.reason IS 'What the column holds, and so why no dashboard may read it.';
COMMENT ON COLUMN app_security.secret_columns.created_on IS 'When the column was listed.';

INSERT INTO app_security.secret_columns (table_name, column_name, reason) VALUES
    ('users', 'password_hash', 'Argon2id hash of the user''s password: offline guessing.'),
    ('api_keys', 'key_hash', 'SHA-256 of an API key; the login look-up key of the key.'),
    ('channels', 'access_token', 'Encrypted OAuth access token of the connected platform.'),
    ('channels', 'refresh_token', 'Encrypted OAuth refresh token of the connected platform.'),
    ('integrations', 'api_key', 'Encrypted API key of the third-party tool.'),
    ('integrations', 'api_secret', 'Encrypted API secret of the third-party tool.'),
    ('integrations', 'extra_config', 'Provider configuration (account ids, endpoints) next to the credentials; not for dashboards.'),
    ('llm_providers', 'api_key', 'Encrypted API key of the LLM provider.'),
    ('notification_providers', 'config', 'Encrypted SMTP credentials, API keys and sender ids.'),
    ('agent_configs', 'env_secrets', 'Encrypted per-agent environment secrets (e.g. BRAND_API_KEY).'),
    ('registration_sessions', 'session_token', 'Bearer token (cookie) that resumes a registration.'),
    ('registration_sessions', 'contact_data', 'Holds passwordHash, the Argon2id hash of the future admin''s password.');

-- ---------------------------------------------------------------------------------------------
-- Tenant readers
-- ---------------------------------------------------------------------------------------------

CREATE TABLE app_security.tenant_readers (
    role_name   name        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
    created_on  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_tenant_readers_tenant ON app_security.tenant_readers (tenant_id);
-- Written only through app_grant_tenant_reader / app_revoke_tenant_reader by the migrating role.
REVOKE ALL ON app_security.tenant_readers FROM PUBLIC;
GRANT SELECT ON app_security.tenant_readers TO app_platform;

COMMENT ON TABLE app_security.tenant_readers IS
    'Dashboard logins (members of readonly_user) and the one tenant each reads: app_reader_tenant() looks up session_user here. Written by app_grant_tenant_reader / app_revoke_tenant_reader (migrating role only); app_platform may read it.';
COMMENT ON COLUMN app_security.tenant_readers.role_name IS 'The login role (cluster-wide, e.g. grafana_acme).';
COMMENT ON COLUMN app_security.tenant_readers.tenant_id IS 'The only tenant whose rows the role reads. Deleting the tenant deletes the mapping; the role then reads nothing.';
COMMENT ON COLUMN app_security.tenant_readers.created_on IS 'When the role was first mapped.';

-- The tenant of the session's login. session_user, not current_user: inside this SECURITY
-- DEFINER function current_user is the owner, and outside it current_user follows SET ROLE,
-- while session_user is the authenticated login, which only a superuser can change.
-- SECURITY DEFINER so readers need no access to app_security; the fixed search_path keeps a
-- reader's own objects (pg_temp included) out of its name resolution.
CREATE FUNCTION app_reader_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$ SELECT tenant_id FROM app_security.tenant_readers WHERE role_name = session_user $$;

REVOKE EXECUTE ON FUNCTION app_reader_tenant() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_reader_tenant() TO readonly_user;
COMMENT ON FUNCTION app_reader_tenant() IS
    'Tenant mapped to session_user in app_security.tenant_readers; NULL for any other login. readonly_user''s policies compare tenant_id with it, so a reader cannot choose its tenant (app.tenant_id is ignored for readonly_user).';

-- Makes a login read one tenant: creates the role when missing (LOGIN, INHERIT so readonly_user's
-- grants and policies apply to it, no password: the operator sets one with ALTER ROLE), makes
-- sure it is a member of readonly_user and maps it (again) to the tenant with that ref_id.
-- Run by the migrating role (it needs CREATEROLE): EXECUTE is revoked from PUBLIC.
-- An existing role is refused if it could read more than the tenant: a superuser or BYPASSRLS
-- role ignores the policies, a NOINHERIT role would not get readonly_user's policies, and a
-- member of app_user or app_platform has their policies too; platform role names are refused.
CREATE FUNCTION app_grant_tenant_reader(role_name name, tenant_ref text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
DECLARE
    tenant uuid;
    existing pg_roles%ROWTYPE;
BEGIN
    IF role_name IS NULL OR role_name = '' THEN
        RAISE EXCEPTION 'app_grant_tenant_reader: a role name is required'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF role_name IN ('app_user', 'app_platform', 'readonly_user', 'public', current_user, session_user)
       OR role_name LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'app_grant_tenant_reader: % is a platform role, not a dashboard login', role_name
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT t.id INTO tenant FROM tenants t WHERE t.ref_id = upper(tenant_ref);
    IF tenant IS NULL THEN
        RAISE EXCEPTION 'app_grant_tenant_reader: no tenant has ref_id %', coalesce(quote_literal(tenant_ref), 'NULL')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Pass the tenant''s ref_id (its public id, a ULID): SELECT ref_id, slug FROM tenants;';
    END IF;

    SELECT * INTO existing FROM pg_roles r WHERE r.rolname = role_name;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS IN ROLE readonly_user',
                       role_name);
    ELSE
        IF existing.rolsuper OR existing.rolbypassrls THEN
            RAISE EXCEPTION 'app_grant_tenant_reader: role % bypasses row-level security', role_name
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF NOT existing.rolinherit THEN
            RAISE EXCEPTION 'app_grant_tenant_reader: role % is NOINHERIT, so readonly_user''s policies would not apply', role_name
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = format('ALTER ROLE %I INHERIT;', role_name);
        END IF;
        IF pg_has_role(role_name, 'app_user', 'MEMBER') OR pg_has_role(role_name, 'app_platform', 'MEMBER') THEN
            RAISE EXCEPTION 'app_grant_tenant_reader: role % is a member of app_user or app_platform', role_name
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- Any role it can become (SET ROLE, through any chain of memberships) counts as its
        -- own: one that bypasses row-level security, reads everything (pg_read_all_data) or
        -- owns the tables would undo the reader's isolation.
        IF EXISTS (
            SELECT 1 FROM pg_roles other
            WHERE other.rolname <> role_name
              AND pg_has_role(role_name, other.oid, 'MEMBER')
              AND (other.rolsuper OR other.rolbypassrls
                   OR other.rolname IN ('pg_read_all_data', 'pg_write_all_data', 'pg_database_owner')
                   OR other.oid = (SELECT c.relowner FROM pg_class c WHERE c.oid = 'public.users'::regclass))
        ) THEN
            RAISE EXCEPTION 'app_grant_tenant_reader: role % can become a role that bypasses row-level security or reads every row', role_name
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF NOT pg_has_role(role_name, 'readonly_user', 'MEMBER') THEN
            EXECUTE format('GRANT readonly_user TO %I', role_name);
        END IF;
    END IF;

    INSERT INTO app_security.tenant_readers AS r (role_name, tenant_id)
    VALUES (app_grant_tenant_reader.role_name, tenant)
    ON CONFLICT ON CONSTRAINT tenant_readers_pkey DO UPDATE SET tenant_id = EXCLUDED.tenant_id;
END
$$;

REVOKE EXECUTE ON FUNCTION app_grant_tenant_reader(name, text) FROM PUBLIC;
COMMENT ON FUNCTION app_grant_tenant_reader(name, text) IS
    'Run by the migrating role: creates the dashboard login role_name if missing (LOGIN, INHERIT, member of readonly_user, no password) and maps it to the tenant with ref_id tenant_ref (re-mapping if already mapped). Set the password with ALTER ROLE … PASSWORD. Refuses platform roles, superusers, BYPASSRLS/NOINHERIT roles, roles that can become one of those (or pg_read_all_data, or the tables'' owner) and unknown tenants.';

-- Ends a login's reading: deletes its mapping, after which it sees no tenant row. The role and
-- its membership stay: roles are cluster-wide (another database may map the same login), so
-- dropping or disabling the login is the operator's decision (DROP ROLE / ALTER ROLE NOLOGIN).
CREATE FUNCTION app_revoke_tenant_reader(role_name name) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    DELETE FROM app_security.tenant_readers r WHERE r.role_name = app_revoke_tenant_reader.role_name;
    RETURN FOUND;
END
$$;

REVOKE EXECUTE ON FUNCTION app_revoke_tenant_reader(name) FROM PUBLIC;
COMMENT ON FUNCTION app_revoke_tenant_reader(name) IS
    'Run by the migrating role: deletes the tenant mapping of role_name (true if there was one); the role then reads no tenant row in this database. The role itself stays (cluster-wide).';

-- ---------------------------------------------------------------------------------------------
-- readonly_user's row rule
-- ---------------------------------------------------------------------------------------------

-- The reader policy of a tenant-scoped table: SELECT only (readonly_user holds no other
-- privilege either), the reader's tenant instead of the transaction's, and global rows once a
-- reader tenant is known, exactly as for app_user. `(SELECT app_reader_tenant())` is evaluated
-- once per statement (an init plan) instead of once per row, and an index on tenant_id can
-- use it.
CREATE FUNCTION app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean DEFAULT false)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF has_global_rows THEN
        EXECUTE format($p$CREATE POLICY tenant_reader ON %s FOR SELECT TO readonly_user
            USING (tenant_id = (SELECT app_reader_tenant())
                   OR (tenant_id IS NULL AND (SELECT app_reader_tenant()) IS NOT NULL))$p$, tbl);
    ELSE
        EXECUTE format($p$CREATE POLICY tenant_reader ON %s FOR SELECT TO readonly_user
            USING (tenant_id = (SELECT app_reader_tenant()))$p$, tbl);
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION app_enable_tenant_reader_policy(regclass, boolean) FROM PUBLIC;
COMMENT ON FUNCTION app_enable_tenant_reader_policy(regclass, boolean) IS
    'Creates the tenant_reader policy of a tenant-scoped table: readonly_user (and its members) SELECT the rows of app_reader_tenant() (plus global rows when has_global_rows). Called by app_enable_tenant_rls.';

-- Every policy that named readonly_user now names only the other roles (app_user), and
-- readonly_user gets its reader policy instead. Only the three shapes the earlier migrations
-- created are expected; any other stops the migration rather than being guessed at.
DO $$
DECLARE
    p record;
    others text;
BEGIN
    FOR p IN
        SELECT schemaname, tablename, policyname, cmd, roles FROM pg_policies
        WHERE 'readonly_user' = ANY (roles) ORDER BY tablename, policyname
    LOOP
        IF p.schemaname <> 'public'
           OR NOT ((p.policyname = 'tenant_isolation' AND p.cmd = 'ALL')
                   OR (p.policyname = 'tenant_read' AND p.cmd = 'SELECT')) THEN
            RAISE EXCEPTION 'unexpected policy % on %.% for readonly_user', p.policyname, p.schemaname, p.tablename;
        END IF;
        SELECT string_agg(quote_ident(r), ', ') INTO others
        FROM unnest(p.roles) AS r WHERE r <> 'readonly_user';
        IF others IS NULL THEN
            RAISE EXCEPTION 'policy % on % names only readonly_user', p.policyname, p.tablename;
        END IF;
        EXECUTE format('ALTER POLICY %I ON public.%I TO %s', p.policyname, p.tablename, others);
        IF p.tablename = 'tenants' THEN
            -- The tenant row is the tenant itself (no tenant_id column), as in its own policy.
            CREATE POLICY tenant_reader ON tenants FOR SELECT TO readonly_user
                USING (id = (SELECT app_reader_tenant()));
        ELSE
            PERFORM app_enable_tenant_reader_policy(format('public.%I', p.tablename)::regclass,
                                                    p.policyname = 'tenant_read');
        END IF;
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_policies WHERE 'readonly_user' = ANY (roles) AND policyname <> 'tenant_reader') THEN
        RAISE EXCEPTION 'a policy other than tenant_reader still applies to readonly_user';
    END IF;
END
$$;

-- Tables created from now on: the same policies for app_user and app_platform as before, and
-- the reader policy for readonly_user. Same signature, so the calls in earlier migrations
-- (and their documentation) stay valid.
CREATE OR REPLACE FUNCTION app_enable_tenant_rls(tbl regclass, has_global_rows boolean DEFAULT false)
    RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    IF has_global_rows THEN
        EXECUTE format($p$CREATE POLICY tenant_read ON %s FOR SELECT TO app_user
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
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %s FOR ALL TO app_user
            USING (tenant_id = app_current_tenant())
            WITH CHECK (tenant_id = app_current_tenant())$p$, tbl);
    END IF;
    PERFORM app_enable_tenant_reader_policy(tbl, has_global_rows);
    EXECUTE format($p$CREATE POLICY platform_access ON %s FOR ALL TO app_platform
        USING (true) WITH CHECK (true)$p$, tbl);
END
$$;

COMMENT ON FUNCTION app_enable_tenant_rls(regclass, boolean) IS
    'Enables and forces row-level security on a tenant-scoped table with the standard policies: app_user the tenant of the transaction (app_current_tenant()); readonly_user SELECT of the tenant mapped to its login (app_reader_tenant()); global rows read-only when has_global_rows; everything for app_platform.';

-- ---------------------------------------------------------------------------------------------
-- readonly_user's columns
-- ---------------------------------------------------------------------------------------------

-- Grants readonly_user SELECT on every column of a table that app_security.secret_columns does
-- not list, and nothing at table level. The REVOKE first removes the table-level grant and
-- every column grant, so the function can run again after columns are added or listed.
CREATE FUNCTION app_grant_reader_columns(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    readable text;
BEGIN
    EXECUTE format('REVOKE SELECT ON %s FROM readonly_user', tbl);
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO readable
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT EXISTS (SELECT 1 FROM app_security.secret_columns s
                      WHERE n.nspname = 'public' AND s.table_name = c.relname AND s.column_name = a.attname);
    IF readable IS NOT NULL THEN
        EXECUTE format('GRANT SELECT (%s) ON %s TO readonly_user', readable, tbl);
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION app_grant_reader_columns(regclass) FROM PUBLIC;
COMMENT ON FUNCTION app_grant_reader_columns(regclass) IS
    'Grants readonly_user SELECT on each column of the table not listed in app_security.secret_columns (column grants only: a table-level grant would cover the secret columns too). Idempotent; run it again after adding columns to a table.';

-- Same signature; readonly_user now gets the non-secret columns instead of the whole table.
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
    PERFORM app_grant_reader_columns(tbl);
END
$$;

COMMENT ON FUNCTION app_grant_table(regclass, boolean) IS
    'Grants app_user/app_platform SELECT, INSERT, UPDATE, DELETE (or SELECT, INSERT only when append_only) on a table, and readonly_user SELECT on its columns that are not in app_security.secret_columns (list a new secret column there first).';

-- ---------------------------------------------------------------------------------------------
-- operator_audit_log: what the operator ran, and whose request id it is
-- ---------------------------------------------------------------------------------------------

ALTER TABLE operator_audit_log
    ADD COLUMN document_hash varchar(64) CHECK (document_hash ~ '^[0-9a-f]{64}$');

COMMENT ON COLUMN operator_audit_log.document_hash IS
    'SHA-256 (lower-case hex) of the GraphQL document the operator sent, so the exact query can be matched later without storing it (it may carry personal data); NULL when the request could not be parsed.';
COMMENT ON COLUMN operator_audit_log.request_id IS
    'The server''s own id of the request, to correlate with its logs. A client''s X-Request-Id is used only when it comes through a trusted proxy, so an operator cannot choose the id of their own audit rows.';

-- ---------------------------------------------------------------------------------------------
-- Existing tables: columns instead of tables
-- ---------------------------------------------------------------------------------------------

-- Every table readonly_user could read (every table app_grant_table ran on; not
-- registration_sessions, not the llm_calls partitions, which get no grants at all) now grants
-- it its non-secret columns only. operator_audit_log.document_hash, added above, is included.
DO $$
DECLARE
    tbl regclass;
BEGIN
    FOR tbl IN
        SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND has_table_privilege('readonly_user', c.oid, 'SELECT')
        ORDER BY c.relname
    LOOP
        PERFORM app_grant_reader_columns(tbl);
    END LOOP;
END
$$;
