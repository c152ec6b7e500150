--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: app_security; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app_security;


--
-- Name: SCHEMA app_security; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON SCHEMA app_security IS 'Security metadata, not application data: which login reads which tenant (tenant_readers) and which columns hold secrets (secret_columns). Owned by the migrating role; only app_platform has USAGE.';


--
-- Name: activity_priority; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.activity_priority AS ENUM (
    'low',
    'normal',
    'high',
    'urgent'
);


--
-- Name: activity_run_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.activity_run_status AS ENUM (
    'running',
    'completed',
    'failed',
    'timed_out'
);


--
-- Name: activity_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.activity_status AS ENUM (
    'created',
    'assigned',
    'in_progress',
    'awaiting_approval',
    'approved',
    'rejected',
    'completed',
    'failed',
    'cancelled'
);


--
-- Name: activity_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.activity_type AS ENUM (
    'research',
    'write',
    'review',
    'approve',
    'publish',
    'audit',
    'report',
    'outreach',
    'other'
);


--
-- Name: ad_entity_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_entity_status AS ENUM (
    'active',
    'paused',
    'removed'
);


--
-- Name: ad_match_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_match_type AS ENUM (
    'exact',
    'phrase',
    'broad'
);


--
-- Name: ad_optimization_recommendation_priority; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_optimization_recommendation_priority AS ENUM (
    'low',
    'medium',
    'high'
);


--
-- Name: ad_optimization_recommendation_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_optimization_recommendation_status AS ENUM (
    'pending_review',
    'approved',
    'rejected',
    'snoozed',
    'pushed',
    'failed'
);


--
-- Name: ad_optimization_recommendation_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_optimization_recommendation_type AS ENUM (
    'bid_adjustment',
    'budget_change',
    'pause_keyword',
    'enable_keyword',
    'pause_ad',
    'audience_update',
    'creative_refresh',
    'add_keyword',
    'add_negative'
);


--
-- Name: ad_platform; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.ad_platform AS ENUM (
    'google_ads',
    'meta_ads'
);


--
-- Name: adapter_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.adapter_type AS ENUM (
    'claude',
    'openai',
    'ollama',
    'webhook'
);


--
-- Name: approval_risk_level; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.approval_risk_level AS ENUM (
    'low',
    'medium',
    'high',
    'critical'
);


--
-- Name: approval_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.approval_status AS ENUM (
    'pending',
    'approved',
    'rejected',
    'revision_requested',
    'expired'
);


--
-- Name: approval_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.approval_type AS ENUM (
    'content_review',
    'strategy_review',
    'brand_direction',
    'content_direction',
    'hire_agent'
);


--
-- Name: assignee_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.assignee_type AS ENUM (
    'agent',
    'human'
);


--
-- Name: backlink_link_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.backlink_link_type AS ENUM (
    'dofollow',
    'nofollow',
    'ugc',
    'sponsored'
);


--
-- Name: backlink_outreach_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.backlink_outreach_status AS ENUM (
    'prospecting',
    'outreach_sent',
    'responded',
    'agreed',
    'published',
    'rejected',
    'no_response'
);


--
-- Name: blog_post_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.blog_post_status AS ENUM (
    'draft',
    'writing',
    'review',
    'approved',
    'scheduled',
    'published',
    'rejected'
);


--
-- Name: blog_request_search_intent; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.blog_request_search_intent AS ENUM (
    'informational',
    'commercial',
    'navigational',
    'transactional'
);


--
-- Name: campaign_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.campaign_status AS ENUM (
    'draft',
    'active',
    'paused',
    'completed',
    'archived'
);


--
-- Name: channel_platform; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.channel_platform AS ENUM (
    'linkedin',
    'facebook',
    'instagram',
    'x_twitter',
    'tiktok',
    'wordpress',
    'webflow',
    'google_business_profile',
    'google_search_console',
    'google_analytics',
    'mailchimp',
    'klaviyo',
    'google_ads',
    'meta_ads'
);


--
-- Name: channel_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.channel_status AS ENUM (
    'connected',
    'expired',
    'revoked',
    'error'
);


--
-- Name: channel_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.channel_type AS ENUM (
    'social',
    'cms',
    'analytics',
    'local',
    'email',
    'ads'
);


--
-- Name: contract_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.contract_status AS ENUM (
    'pending_acceptance',
    'accepted',
    'superseded'
);


--
-- Name: deliverable_period; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.deliverable_period AS ENUM (
    'monthly',
    'quarterly'
);


--
-- Name: deliverable_period_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.deliverable_period_status AS ENUM (
    'not_started',
    'in_progress',
    'completed',
    'at_risk',
    'missed'
);


--
-- Name: deliverable_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.deliverable_type AS ENUM (
    'blog_posts',
    'social_posts',
    'backlinks',
    'gbp_posts',
    'website_audit',
    'email_newsletters',
    'ad_copy_sets',
    'performance_reports',
    'landing_pages',
    'video_scripts'
);


--
-- Name: email_template_category; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.email_template_category AS ENUM (
    'approval',
    'report_delivery',
    'onboarding',
    'billing',
    'alert',
    'custom'
);


--
-- Name: email_template_send_via; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.email_template_send_via AS ENUM (
    'sendgrid',
    'ses',
    'smtp'
);


--
-- Name: goal_period; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.goal_period AS ENUM (
    'monthly',
    'quarterly',
    'annual'
);


--
-- Name: goal_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.goal_status AS ENUM (
    'active',
    'on_track',
    'at_risk',
    'achieved',
    'paused'
);


--
-- Name: integration_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.integration_status AS ENUM (
    'connected',
    'error',
    'quota_exceeded',
    'expired'
);


--
-- Name: integration_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.integration_type AS ENUM (
    'semrush',
    'dataforseo',
    'ahrefs',
    'google_ads_api',
    'meta_ads_api',
    'razorpay',
    'sendgrid',
    'twilio',
    'custom'
);


--
-- Name: lead_activity_actor_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.lead_activity_actor_type AS ENUM (
    'human',
    'agent',
    'system'
);


--
-- Name: lead_activity_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.lead_activity_type AS ENUM (
    'note',
    'email_sent',
    'email_received',
    'call',
    'status_change',
    'enrichment'
);


--
-- Name: lead_source; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.lead_source AS ENUM (
    'website_form',
    'facebook_lead_ad',
    'google_lead_form',
    'manual',
    'import',
    'other'
);


--
-- Name: lead_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.lead_status AS ENUM (
    'new',
    'contacted',
    'qualified',
    'disqualified',
    'converted'
);


--
-- Name: llm_provider_health_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.llm_provider_health_status AS ENUM (
    'ok',
    'degraded',
    'error',
    'unknown'
);


--
-- Name: llm_provider_provider_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.llm_provider_provider_type AS ENUM (
    'anthropic',
    'openai',
    'ollama',
    'azure_openai',
    'custom'
);


--
-- Name: onboarding_run_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.onboarding_run_status AS ENUM (
    'pending',
    'researching',
    'review',
    'completed'
);


--
-- Name: recurring_task_template_human_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.recurring_task_template_human_role AS ENUM (
    'reviewer',
    'admin'
);


--
-- Name: recurring_task_template_periodicity; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.recurring_task_template_periodicity AS ENUM (
    'one_time',
    'daily',
    'weekly',
    'monthly',
    'quarterly',
    'yearly'
);


--
-- Name: recurring_task_template_trigger; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.recurring_task_template_trigger AS ENUM (
    'on_onboarding',
    'on_strategy_approval',
    'cron',
    'manual'
);


--
-- Name: report_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.report_status AS ENUM (
    'draft',
    'ready',
    'delivered',
    'archived'
);


--
-- Name: report_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.report_type AS ENUM (
    'monthly_performance',
    'quarterly_review',
    'ad_audit',
    'seo_audit',
    'custom'
);


--
-- Name: request_priority; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.request_priority AS ENUM (
    'normal',
    'high',
    'urgent'
);


--
-- Name: request_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.request_status AS ENUM (
    'draft',
    'pending_approval',
    'approved',
    'rejected',
    'in_progress',
    'completed'
);


--
-- Name: requester_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.requester_type AS ENUM (
    'agent',
    'human'
);


--
-- Name: search_term_class; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.search_term_class AS ENUM (
    'keyword',
    'negative_keyword',
    'watch',
    'skip'
);


--
-- Name: search_term_classification_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.search_term_classification_status AS ENUM (
    'pending_review',
    'approved',
    'rejected',
    'pushed'
);


--
-- Name: social_media_request_post_type; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.social_media_request_post_type AS ENUM (
    'standard',
    'carousel',
    'reel',
    'story',
    'article',
    'gbp_update'
);


--
-- Name: social_post_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.social_post_status AS ENUM (
    'draft',
    'writing',
    'review',
    'approved',
    'scheduled',
    'published',
    'rejected',
    'failed'
);


--
-- Name: strategy_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.strategy_status AS ENUM (
    'draft',
    'awaiting_approval',
    'active',
    'archived'
);


--
-- Name: tenant_data_privacy_level; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.tenant_data_privacy_level AS ENUM (
    'cloud_ok',
    'local_only'
);


--
-- Name: tenant_deployment_mode; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.tenant_deployment_mode AS ENUM (
    'saas',
    'on_prem'
);


--
-- Name: tenant_plan; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.tenant_plan AS ENUM (
    'starter',
    'professional',
    'enterprise'
);


--
-- Name: tenant_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.tenant_status AS ENUM (
    'trialing',
    'active',
    'suspended',
    'cancelled'
);


--
-- Name: tool_call_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.tool_call_status AS ENUM (
    'success',
    'error'
);


--
-- Name: user_role; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.user_role AS ENUM (
    'admin',
    'member',
    'reviewer',
    'super_admin'
);


--
-- Name: user_status; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.user_status AS ENUM (
    'active',
    'invited',
    'deactivated'
);


--
-- Name: app_check_reference_tenant(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_check_reference_tenant() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
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
$_$;


--
-- Name: FUNCTION app_check_reference_tenant(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_check_reference_tenant() IS 'Trigger: the referenced row(s) (TG_ARGV[0] table, TG_ARGV[1] column, scalar or uuid[]) must be global (tenant_id NULL) or of the same tenant as the new row.';


--
-- Name: app_current_tenant(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;


--
-- Name: FUNCTION app_current_tenant(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_current_tenant() IS 'Tenant of the current transaction (setting app.tenant_id, set with set_config(..., true)); NULL when unset. Every row-level-security policy compares tenant_id with it.';


--
-- Name: app_document_base_columns(regclass); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_document_base_columns(tbl regclass) RETURNS void
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


--
-- Name: app_enable_tenant_reader_policy(regclass, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql
    AS $_$
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
$_$;


--
-- Name: FUNCTION app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean) IS 'Creates the tenant_reader policy of a tenant-scoped table: readonly_user (and its members) SELECT the rows of app_reader_tenant() (plus global rows when has_global_rows). Called by app_enable_tenant_rls.';


--
-- Name: app_enable_tenant_rls(regclass, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_enable_tenant_rls(tbl regclass, has_global_rows boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql
    AS $_$
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
$_$;


--
-- Name: FUNCTION app_enable_tenant_rls(tbl regclass, has_global_rows boolean); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_enable_tenant_rls(tbl regclass, has_global_rows boolean) IS 'Enables and forces row-level security on a tenant-scoped table with the standard policies: app_user the tenant of the transaction (app_current_tenant()); readonly_user SELECT of the tenant mapped to its login (app_reader_tenant()); global rows read-only when has_global_rows; everything for app_platform.';


--
-- Name: app_grant_reader_columns(regclass); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_grant_reader_columns(tbl regclass) RETURNS void
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


--
-- Name: FUNCTION app_grant_reader_columns(tbl regclass); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_grant_reader_columns(tbl regclass) IS 'Grants readonly_user SELECT on each column of the table not listed in app_security.secret_columns (column grants only: a table-level grant would cover the secret columns too). Idempotent; run it again after adding columns to a table.';


--
-- Name: app_grant_table(regclass, boolean); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_grant_table(tbl regclass, append_only boolean DEFAULT false) RETURNS void
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


--
-- Name: FUNCTION app_grant_table(tbl regclass, append_only boolean); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_grant_table(tbl regclass, append_only boolean) IS 'Grants app_user/app_platform SELECT, INSERT, UPDATE, DELETE (or SELECT, INSERT only when append_only) on a table, and readonly_user SELECT on its columns that are not in app_security.secret_columns (list a new secret column there first).';


--
-- Name: app_grant_tenant_reader(name, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_grant_tenant_reader(role_name name, tenant_ref text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
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


--
-- Name: FUNCTION app_grant_tenant_reader(role_name name, tenant_ref text); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_grant_tenant_reader(role_name name, tenant_ref text) IS 'Run by the migrating role: creates the dashboard login role_name if missing (LOGIN, INHERIT, member of readonly_user, no password) and maps it to the tenant with ref_id tenant_ref (re-mapping if already mapped). Set the password with ALTER ROLE … PASSWORD. Refuses platform roles, superusers, BYPASSRLS/NOINHERIT roles, roles that can become one of those (or pg_read_all_data, or the tables'' owner) and unknown tenants.';


--
-- Name: app_reader_tenant(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_reader_tenant() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT tenant_id FROM app_security.tenant_readers WHERE role_name = session_user $$;


--
-- Name: FUNCTION app_reader_tenant(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_reader_tenant() IS 'Tenant mapped to session_user in app_security.tenant_readers; NULL for any other login. readonly_user''s policies compare tenant_id with it, so a reader cannot choose its tenant (app.tenant_id is ignored for readonly_user).';


--
-- Name: app_revoke_tenant_reader(name); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.app_revoke_tenant_reader(role_name name) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM app_security.tenant_readers r WHERE r.role_name = app_revoke_tenant_reader.role_name;
    RETURN FOUND;
END
$$;


--
-- Name: FUNCTION app_revoke_tenant_reader(role_name name); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.app_revoke_tenant_reader(role_name name) IS 'Run by the migrating role: deletes the tenant mapping of role_name (true if there was one); the role then reads no tenant row in this database. The role itself stays (cluster-wide).';


--
-- Name: create_llm_calls_partitions(date, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.create_llm_calls_partitions(from_month date, months integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public'
    AS $$
DECLARE
    first_month date;
    month_start date;
    part_name text;
    created int := 0;
BEGIN
    IF from_month IS NULL OR months IS NULL OR months < 0 OR months > 120 THEN
        RAISE EXCEPTION 'create_llm_calls_partitions: invalid arguments (%, %)', from_month, months
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Serialises concurrent calls (the lock conflicts with itself, not with inserts), so the
    -- existence check and the CREATE cannot race.
    LOCK TABLE public.llm_calls IN SHARE UPDATE EXCLUSIVE MODE;
    first_month := date_trunc('month', from_month)::date;
    FOR i IN 0 .. months - 1 LOOP
        month_start := (first_month + make_interval(months => i))::date;
        part_name := format('llm_calls_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        CONTINUE WHEN to_regclass(format('public.%I', part_name)) IS NOT NULL;
        EXECUTE format(
            'CREATE TABLE public.%I PARTITION OF public.llm_calls FOR VALUES FROM (%L) TO (%L)',
            part_name,
            to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
            to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC, app_user, app_platform, readonly_user', part_name);
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', part_name);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', part_name);
        EXECUTE format('COMMENT ON TABLE public.%I IS %L', part_name,
            format('Partition of llm_calls for %s (UTC). Reached only through llm_calls; no grants.',
                   to_char(month_start, 'YYYY-MM')));
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;


--
-- Name: FUNCTION create_llm_calls_partitions(from_month date, months integer); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.create_llm_calls_partitions(from_month date, months integer) IS 'Creates the monthly llm_calls partitions (llm_calls_yYYYYmMM, UTC months) for `months` months from the month of from_month, if missing; returns how many were created. Called by the scheduled partition job ahead of time so llm_calls_default stays empty. Partitions get no grants: access only through llm_calls.';


--
-- Name: gen_ulid(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.gen_ulid() RETURNS character varying
    LANGUAGE plpgsql PARALLEL SAFE
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


--
-- Name: FUNCTION gen_ulid(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.gen_ulid() IS 'Generates a ULID (Crockford base32, time-ordered). Default for ref_id columns; the server normally supplies its own.';


--
-- Name: rag_datasets_embedding_immutable(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.rag_datasets_embedding_immutable() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.embedding_provider IS DISTINCT FROM OLD.embedding_provider
       OR NEW.embedding_model IS DISTINCT FROM OLD.embedding_model
       OR NEW.vector_size IS DISTINCT FROM OLD.vector_size
       OR NEW.qdrant_collection IS DISTINCT FROM OLD.qdrant_collection THEN
        RAISE EXCEPTION 'rag_datasets: embedding_provider, embedding_model, vector_size and qdrant_collection are immutable after creation'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;


--
-- Name: FUNCTION rag_datasets_embedding_immutable(); Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON FUNCTION public.rag_datasets_embedding_immutable() IS 'Trigger: refuses changes to rag_datasets.embedding_provider, embedding_model, vector_size and qdrant_collection after creation.';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: secret_columns; Type: TABLE; Schema: app_security; Owner: -
--

CREATE TABLE app_security.secret_columns (
    table_name text NOT NULL,
    column_name text NOT NULL,
    reason text NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE secret_columns; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON TABLE app_security.secret_columns IS 'Columns of public tables that hold a credential, a hash of one, a token or an encrypted secret. readonly_user gets no SELECT on them (app_grant_reader_columns); a catalog test fails for a column whose name looks like a secret and is neither listed here nor allow-listed in the test.';


--
-- Name: COLUMN secret_columns.table_name; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.secret_columns.table_name IS 'Table in the public schema.';


--
-- Name: COLUMN secret_columns.column_name; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.secret_columns.column_name IS 'Column of that table.';


--
-- Name: COLUMN secret_columns.reason; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.secret_columns.reason IS 'What the column holds, and so why no dashboard may read it.';


--
-- Name: COLUMN secret_columns.created_on; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.secret_columns.created_on IS 'When the column was listed.';


--
-- Name: tenant_readers; Type: TABLE; Schema: app_security; Owner: -
--

CREATE TABLE app_security.tenant_readers (
    role_name name NOT NULL,
    tenant_id uuid NOT NULL,
    created_on timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: TABLE tenant_readers; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON TABLE app_security.tenant_readers IS 'Dashboard logins (members of readonly_user) and the one tenant each reads: app_reader_tenant() looks up session_user here. Written by app_grant_tenant_reader / app_revoke_tenant_reader (migrating role only); app_platform may read it.';


--
-- Name: COLUMN tenant_readers.role_name; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.tenant_readers.role_name IS 'The login role (cluster-wide, e.g. grafana_acme).';


--
-- Name: COLUMN tenant_readers.tenant_id; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.tenant_readers.tenant_id IS 'The only tenant whose rows the role reads. Deleting the tenant deletes the mapping; the role then reads nothing.';


--
-- Name: COLUMN tenant_readers.created_on; Type: COMMENT; Schema: app_security; Owner: -
--

COMMENT ON COLUMN app_security.tenant_readers.created_on IS 'When the role was first mapped.';


--
-- Name: activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    deliverable_period_id uuid,
    goal_id uuid,
    parent_activity_id uuid,
    pipeline_step character varying(100),
    title character varying(500) NOT NULL,
    type public.activity_type NOT NULL,
    assignee_type public.assignee_type NOT NULL,
    assignee_agent_role character varying(100),
    assignee_user_id uuid,
    status public.activity_status DEFAULT 'created'::public.activity_status NOT NULL,
    priority public.activity_priority DEFAULT 'normal'::public.activity_priority NOT NULL,
    is_approval_gate boolean DEFAULT false NOT NULL,
    input_data jsonb,
    output_summary jsonb,
    output_ref character varying(255),
    rejection_note text,
    revision_note text,
    due_date date,
    started_on timestamp with time zone,
    completed_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT activities_agent_has_role_no_user CHECK (((assignee_type <> 'agent'::public.assignee_type) OR ((assignee_agent_role IS NOT NULL) AND (assignee_user_id IS NULL)))),
    CONSTRAINT activities_completed_after_started CHECK ((completed_on >= started_on)),
    CONSTRAINT activities_human_has_no_agent_role CHECK (((assignee_type <> 'human'::public.assignee_type) OR (assignee_agent_role IS NULL))),
    CONSTRAINT activities_not_own_parent CHECK ((parent_activity_id <> id)),
    CONSTRAINT activities_output_ref_check CHECK (((output_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT activities_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.activities FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE activities; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.activities IS 'The primary work unit. Every piece of work — agent task or human review — is an activity.';


--
-- Name: COLUMN activities.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN activities.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN activities.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN activities.deliverable_period_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.deliverable_period_id IS 'Which monthly deliverable this advances (NULL for standalone recurring tasks)';


--
-- Name: COLUMN activities.goal_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.goal_id IS 'Denormalised for quick goal-progress queries';


--
-- Name: COLUMN activities.parent_activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.parent_activity_id IS 'For sub-activities (e.g. one per blog post)';


--
-- Name: COLUMN activities.pipeline_step; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.pipeline_step IS 'Step name from activity template';


--
-- Name: COLUMN activities.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.title IS 'Human-readable: “Write blog post: The future of B2B SaaS”';


--
-- Name: COLUMN activities.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.type IS 'research | write | review | approve | publish | audit | report | outreach | other';


--
-- Name: COLUMN activities.assignee_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.assignee_type IS 'agent | human';


--
-- Name: COLUMN activities.assignee_agent_role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.assignee_agent_role IS 'If agent: e.g. copywriter';


--
-- Name: COLUMN activities.assignee_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.assignee_user_id IS 'If human';


--
-- Name: COLUMN activities.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.status IS 'created | assigned | in_progress | awaiting_approval | approved | rejected | completed | failed | cancelled';


--
-- Name: COLUMN activities.priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.priority IS 'low | normal | high | urgent';


--
-- Name: COLUMN activities.is_approval_gate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.is_approval_gate IS 'True = this is a human review step';


--
-- Name: COLUMN activities.input_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.input_data IS 'What was passed into this activity';


--
-- Name: COLUMN activities.output_summary; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.output_summary IS 'Structured summary of result (not full content — that’s in MongoDB)';


--
-- Name: COLUMN activities.output_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.output_ref IS 'MongoDB ObjectId of full output content';


--
-- Name: COLUMN activities.rejection_note; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.rejection_note IS 'Human’s rejection feedback';


--
-- Name: COLUMN activities.revision_note; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.revision_note IS 'Instructions for re-run';


--
-- Name: COLUMN activities.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN activities.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN activities.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN activities.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN activities.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN activities.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activities.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: activity_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    adapter_type character varying(50) NOT NULL,
    model_id character varying(100),
    session_id uuid,
    status public.activity_run_status NOT NULL,
    error text,
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    cost_usd numeric(10,6) DEFAULT 0 NOT NULL,
    duration_ms integer,
    started_on timestamp with time zone DEFAULT now() NOT NULL,
    ended_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT activity_runs_adapter_type_check CHECK (((adapter_type)::text = ANY ((ARRAY['claude'::character varying, 'openai'::character varying, 'ollama'::character varying, 'webhook'::character varying])::text[]))),
    CONSTRAINT activity_runs_cost_usd_check CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT activity_runs_duration_ms_check CHECK ((duration_ms >= 0)),
    CONSTRAINT activity_runs_ended_after_started CHECK ((ended_on >= started_on)),
    CONSTRAINT activity_runs_input_tokens_check CHECK ((input_tokens >= 0)),
    CONSTRAINT activity_runs_output_tokens_check CHECK ((output_tokens >= 0)),
    CONSTRAINT activity_runs_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.activity_runs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE activity_runs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.activity_runs IS 'Each execution attempt of an agent activity (retries create new runs). Immutable execution audit log: SELECT/INSERT only.';


--
-- Name: COLUMN activity_runs.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN activity_runs.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN activity_runs.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN activity_runs.adapter_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.adapter_type IS 'claude | openai | ollama | webhook';


--
-- Name: COLUMN activity_runs.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.status IS 'running | completed | failed | timed_out';


--
-- Name: COLUMN activity_runs.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN activity_runs.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_runs.created_on IS 'When the row was inserted; never changed.';


--
-- Name: activity_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.activity_templates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid,
    deliverable_type public.deliverable_type NOT NULL,
    name character varying(255) NOT NULL,
    source_template_id uuid,
    steps jsonb DEFAULT '[]'::jsonb NOT NULL,
    version smallint DEFAULT 1 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT activity_templates_copy_is_tenant_row CHECK (((source_template_id IS NULL) OR (tenant_id IS NOT NULL))),
    CONSTRAINT activity_templates_not_own_source CHECK ((source_template_id <> id)),
    CONSTRAINT activity_templates_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT activity_templates_steps_check CHECK ((jsonb_typeof(steps) = 'array'::text)),
    CONSTRAINT activity_templates_version_check CHECK ((version > 0))
);

ALTER TABLE ONLY public.activity_templates FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE activity_templates; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.activity_templates IS 'Pipeline definitions per deliverable type. Used by the Activity Planner to spawn activity pipelines at the start of each deliverable period. Global rows (tenant_id NULL) are readable by every tenant; tenants may hold their own overrides.';


--
-- Name: COLUMN activity_templates.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN activity_templates.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN activity_templates.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.tenant_id IS 'NULL = global template (read-only to tenants); set = tenant-specific override. Row-level security compares it with app_current_tenant().';


--
-- Name: COLUMN activity_templates.deliverable_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.deliverable_type IS 'e.g. blog_posts';


--
-- Name: COLUMN activity_templates.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.name IS 'e.g. “Standard Blog Post Pipeline”';


--
-- Name: COLUMN activity_templates.source_template_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.source_template_id IS 'NULL for originals; set if copied from global';


--
-- Name: COLUMN activity_templates.steps; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.steps IS 'Array of ActivityTemplateStep (see workflow-model.md)';


--
-- Name: COLUMN activity_templates.version; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.version IS 'Incremented on edit';


--
-- Name: COLUMN activity_templates.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN activity_templates.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN activity_templates.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN activity_templates.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN activity_templates.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN activity_templates.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.activity_templates.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: ad_campaigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ad_campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel_id uuid NOT NULL,
    platform public.ad_platform NOT NULL,
    external_campaign_id character varying(255) NOT NULL,
    name character varying(500) NOT NULL,
    status public.ad_entity_status NOT NULL,
    campaign_type character varying(100),
    budget_amount numeric(12,2),
    budget_currency character varying(10),
    total_spend numeric(12,2) DEFAULT 0 NOT NULL,
    performance_snapshot jsonb DEFAULT '{}'::jsonb NOT NULL,
    last_synced_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT ad_campaigns_budget_amount_check CHECK ((budget_amount >= (0)::numeric)),
    CONSTRAINT ad_campaigns_budget_currency_check CHECK (((budget_currency)::text ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT ad_campaigns_campaign_type_check CHECK (((campaign_type)::text ~ '^[A-Z][A-Z0-9_]*$'::text)),
    CONSTRAINT ad_campaigns_external_campaign_id_check CHECK (((external_campaign_id)::text <> ''::text)),
    CONSTRAINT ad_campaigns_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT ad_campaigns_total_spend_check CHECK ((total_spend >= (0)::numeric))
);

ALTER TABLE ONLY public.ad_campaigns FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ad_campaigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ad_campaigns IS 'Ad campaigns synced from Google Ads and Meta Ads. Upserted on each sync run.';


--
-- Name: COLUMN ad_campaigns.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN ad_campaigns.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN ad_campaigns.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN ad_campaigns.channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.channel_id IS 'The connected Google Ads or Meta Ads channel';


--
-- Name: COLUMN ad_campaigns.platform; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.platform IS 'google_ads | meta_ads';


--
-- Name: COLUMN ad_campaigns.external_campaign_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.external_campaign_id IS 'Google Ads campaign ID or Meta campaign ID';


--
-- Name: COLUMN ad_campaigns.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.name IS 'Campaign name from platform';


--
-- Name: COLUMN ad_campaigns.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.status IS 'active | paused | removed (state on the platform)';


--
-- Name: COLUMN ad_campaigns.campaign_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.campaign_type IS 'SEARCH, DISPLAY, VIDEO (Google) / AWARENESS, CONVERSIONS (Meta). Platform-defined: any upper-case identifier is accepted.';


--
-- Name: COLUMN ad_campaigns.budget_amount; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.budget_amount IS 'Daily or lifetime budget';


--
-- Name: COLUMN ad_campaigns.budget_currency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.budget_currency IS 'ISO 4217 currency code of budget_amount and total_spend.';


--
-- Name: COLUMN ad_campaigns.total_spend; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.total_spend IS 'Lifetime spend (from last sync)';


--
-- Name: COLUMN ad_campaigns.performance_snapshot; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.performance_snapshot IS '{ impressions, clicks, ctr, cpc, conversions, roas, spend }';


--
-- Name: COLUMN ad_campaigns.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN ad_campaigns.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN ad_campaigns.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN ad_campaigns.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_campaigns.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: ad_keywords; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ad_keywords (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel_id uuid NOT NULL,
    ad_campaign_id uuid NOT NULL,
    external_keyword_id character varying(255) NOT NULL,
    text character varying(500) NOT NULL,
    match_type public.ad_match_type NOT NULL,
    status public.ad_entity_status NOT NULL,
    bid_amount numeric(10,4),
    performance_snapshot jsonb DEFAULT '{}'::jsonb NOT NULL,
    last_synced_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT ad_keywords_bid_amount_check CHECK ((bid_amount >= (0)::numeric)),
    CONSTRAINT ad_keywords_external_keyword_id_check CHECK (((external_keyword_id)::text <> ''::text)),
    CONSTRAINT ad_keywords_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.ad_keywords FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ad_keywords; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ad_keywords IS 'Keywords in Google Ads ad groups. Synced from Google Ads API.';


--
-- Name: COLUMN ad_keywords.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN ad_keywords.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN ad_keywords.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN ad_keywords.external_keyword_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.external_keyword_id IS 'Google Ads criterion ID';


--
-- Name: COLUMN ad_keywords.text; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.text IS 'Keyword text';


--
-- Name: COLUMN ad_keywords.match_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.match_type IS 'exact | phrase | broad';


--
-- Name: COLUMN ad_keywords.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.status IS 'active | paused | removed (state on the platform)';


--
-- Name: COLUMN ad_keywords.bid_amount; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.bid_amount IS 'CPC bid';


--
-- Name: COLUMN ad_keywords.performance_snapshot; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.performance_snapshot IS '{ impressions, clicks, ctr, cpc, conversions, quality_score }';


--
-- Name: COLUMN ad_keywords.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN ad_keywords.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN ad_keywords.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN ad_keywords.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_keywords.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: ad_optimization_recommendations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ad_optimization_recommendations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel_id uuid NOT NULL,
    ad_campaign_id uuid NOT NULL,
    platform public.ad_platform NOT NULL,
    activity_id uuid,
    type public.ad_optimization_recommendation_type NOT NULL,
    title character varying(500) NOT NULL,
    reasoning text,
    impact_estimate jsonb,
    change_payload jsonb NOT NULL,
    priority public.ad_optimization_recommendation_priority DEFAULT 'medium'::public.ad_optimization_recommendation_priority NOT NULL,
    status public.ad_optimization_recommendation_status DEFAULT 'pending_review'::public.ad_optimization_recommendation_status NOT NULL,
    snooze_until timestamp with time zone,
    reviewed_by uuid,
    reviewed_on timestamp with time zone,
    pushed_on timestamp with time zone,
    push_result jsonb,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT ad_optimization_recommendations_pushed_check CHECK (((status <> 'pushed'::public.ad_optimization_recommendation_status) OR (pushed_on IS NOT NULL))),
    CONSTRAINT ad_optimization_recommendations_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT ad_optimization_recommendations_snooze_check CHECK (((status <> 'snoozed'::public.ad_optimization_recommendation_status) OR (snooze_until IS NOT NULL)))
);

ALTER TABLE ONLY public.ad_optimization_recommendations FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE ad_optimization_recommendations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.ad_optimization_recommendations IS 'Agent-generated optimization recommendations. Pending human review before being applied.';


--
-- Name: COLUMN ad_optimization_recommendations.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN ad_optimization_recommendations.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN ad_optimization_recommendations.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN ad_optimization_recommendations.platform; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.platform IS 'google_ads | meta_ads';


--
-- Name: COLUMN ad_optimization_recommendations.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.activity_id IS 'The recommendation activity';


--
-- Name: COLUMN ad_optimization_recommendations.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.type IS 'bid_adjustment | budget_change | pause_keyword | enable_keyword | pause_ad | audience_update | creative_refresh | add_keyword | add_negative';


--
-- Name: COLUMN ad_optimization_recommendations.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.title IS 'e.g. "Increase bid for ''seo services london'' by 15%"';


--
-- Name: COLUMN ad_optimization_recommendations.reasoning; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.reasoning IS 'Agent''s explanation with supporting data';


--
-- Name: COLUMN ad_optimization_recommendations.impact_estimate; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.impact_estimate IS '{ impressions_delta, spend_delta, conv_delta }';


--
-- Name: COLUMN ad_optimization_recommendations.change_payload; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.change_payload IS 'Exact API call payload to apply the change';


--
-- Name: COLUMN ad_optimization_recommendations.priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.priority IS 'low | medium | high';


--
-- Name: COLUMN ad_optimization_recommendations.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.status IS 'pending_review | approved | rejected | snoozed | pushed | failed';


--
-- Name: COLUMN ad_optimization_recommendations.push_result; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.push_result IS 'API response from platform';


--
-- Name: COLUMN ad_optimization_recommendations.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN ad_optimization_recommendations.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN ad_optimization_recommendations.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN ad_optimization_recommendations.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.ad_optimization_recommendations.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: agent_configs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.agent_configs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    agent_role character varying(100) NOT NULL,
    is_enabled boolean DEFAULT true NOT NULL,
    adapter_type public.adapter_type NOT NULL,
    model_id character varying(100),
    skill_ids text[] DEFAULT '{}'::text[] NOT NULL,
    tool_names text[] DEFAULT '{}'::text[] NOT NULL,
    max_concurrent smallint DEFAULT 1 NOT NULL,
    timeout_ms integer,
    max_cost_usd_per_activity numeric(8,4),
    escalation_after_failures smallint DEFAULT 3 NOT NULL,
    env_secrets text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT agent_configs_escalation_after_failures_check CHECK ((escalation_after_failures > 0)),
    CONSTRAINT agent_configs_max_concurrent_check CHECK ((max_concurrent > 0)),
    CONSTRAINT agent_configs_max_cost_usd_per_activity_check CHECK ((max_cost_usd_per_activity >= (0)::numeric)),
    CONSTRAINT agent_configs_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT agent_configs_timeout_ms_check CHECK ((timeout_ms > 0))
);

ALTER TABLE ONLY public.agent_configs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE agent_configs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.agent_configs IS 'Tenant-specific agent configuration. Always exists per agent per tenant; disabled via is_enabled.';


--
-- Name: COLUMN agent_configs.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN agent_configs.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN agent_configs.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN agent_configs.is_enabled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.is_enabled IS 'Tenant can disable agents they don’t need';


--
-- Name: COLUMN agent_configs.adapter_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.adapter_type IS 'claude | openai | ollama | webhook';


--
-- Name: COLUMN agent_configs.skill_ids; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.skill_ids IS 'MongoDB ObjectIds of assigned skill files';


--
-- Name: COLUMN agent_configs.tool_names; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.tool_names IS 'Allowed integrations';


--
-- Name: COLUMN agent_configs.escalation_after_failures; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.escalation_after_failures IS 'Default 3';


--
-- Name: COLUMN agent_configs.env_secrets; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.env_secrets IS 'Per-agent env vars (e.g. BRAND_API_KEY): a JSON object encrypted with AES-256-GCM by the application (ciphertext). Write-only in the API.';


--
-- Name: COLUMN agent_configs.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN agent_configs.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN agent_configs.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN agent_configs.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.agent_configs.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(255) NOT NULL,
    key_prefix character varying(16) NOT NULL,
    key_hash character varying(64) NOT NULL,
    scopes text[] NOT NULL,
    last_used_on timestamp with time zone,
    expires_on timestamp with time zone,
    revoked_on timestamp with time zone,
    revoked_by uuid,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT api_keys_key_hash_check CHECK (((key_hash)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT api_keys_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT api_keys_revoked_by_requires_revoked_on CHECK (((revoked_by IS NULL) OR (revoked_on IS NOT NULL))),
    CONSTRAINT api_keys_scopes_check CHECK (((scopes <@ ARRAY['read'::text, 'write'::text]) AND (cardinality(scopes) > 0)))
);

ALTER TABLE ONLY public.api_keys FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE api_keys; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.api_keys IS 'API keys of integrators (machine clients) of a tenant. Only a SHA-256 hash of the secret is stored; keys are revoked (revoked_on), not deleted.';


--
-- Name: COLUMN api_keys.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN api_keys.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN api_keys.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN api_keys.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.name IS 'Human label of the key, chosen by the tenant admin.';


--
-- Name: COLUMN api_keys.key_prefix; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.key_prefix IS 'Non-secret leading characters of the key, shown in the UI so a key can be recognised.';


--
-- Name: COLUMN api_keys.key_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.key_hash IS 'SHA-256 (lowercase hex) of the high-entropy secret; the secret itself is shown once and never stored.';


--
-- Name: COLUMN api_keys.scopes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.scopes IS 'Granted scopes: non-empty subset of [''read'',''write''].';


--
-- Name: COLUMN api_keys.last_used_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.last_used_on IS 'Last successful authentication with the key (updated coarsely by the server).';


--
-- Name: COLUMN api_keys.expires_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.expires_on IS 'NULL = does not expire.';


--
-- Name: COLUMN api_keys.revoked_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.revoked_on IS 'NULL while the key is valid; set when revoked. A revoked key never authenticates again.';


--
-- Name: COLUMN api_keys.revoked_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.revoked_by IS 'Principal that revoked the key. Audit only, no foreign key.';


--
-- Name: COLUMN api_keys.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN api_keys.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN api_keys.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN api_keys.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.api_keys.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: approvals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.approvals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_id uuid NOT NULL,
    type public.approval_type NOT NULL,
    risk_level public.approval_risk_level DEFAULT 'low'::public.approval_risk_level NOT NULL,
    status public.approval_status DEFAULT 'pending'::public.approval_status NOT NULL,
    title character varying(500) NOT NULL,
    content_ref character varying(255),
    reviewer_id uuid,
    reviewed_by uuid,
    reviewer_notes text,
    chosen_option character varying(255),
    expires_at timestamp with time zone DEFAULT (now() + '72:00:00'::interval) NOT NULL,
    resolved_at timestamp with time zone,
    sent_to_client_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT approvals_content_ref_check CHECK (((content_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT approvals_decided_resolved CHECK (((status <> ALL (ARRAY['approved'::public.approval_status, 'rejected'::public.approval_status, 'revision_requested'::public.approval_status])) OR (resolved_at IS NOT NULL))),
    CONSTRAINT approvals_pending_unresolved CHECK (((status <> 'pending'::public.approval_status) OR (resolved_at IS NULL))),
    CONSTRAINT approvals_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.approvals FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE approvals; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.approvals IS 'Content and strategy approvals that route through the HITL pipeline. Each approval is linked to an activity and expires after 72 hours if unresolved, triggering escalation.';


--
-- Name: COLUMN approvals.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN approvals.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN approvals.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN approvals.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.activity_id IS 'The activity this approval is for';


--
-- Name: COLUMN approvals.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.type IS 'content_review | strategy_review | brand_direction | content_direction | hire_agent';


--
-- Name: COLUMN approvals.risk_level; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.risk_level IS 'low | medium | high | critical';


--
-- Name: COLUMN approvals.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.status IS 'pending | approved | rejected | revision_requested | expired';


--
-- Name: COLUMN approvals.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.title IS 'Short label shown in the approval queue';


--
-- Name: COLUMN approvals.content_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.content_ref IS 'MongoDB ObjectId of the content being reviewed (nullable — some approvals are structural)';


--
-- Name: COLUMN approvals.reviewer_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.reviewer_id IS 'NULL until assigned';


--
-- Name: COLUMN approvals.reviewed_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.reviewed_by IS 'NULL until resolved';


--
-- Name: COLUMN approvals.reviewer_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.reviewer_notes IS 'Free-text feedback from reviewer';


--
-- Name: COLUMN approvals.chosen_option; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.chosen_option IS 'For multi-option approvals (e.g. pick A or B direction)';


--
-- Name: COLUMN approvals.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.expires_at IS 'Auto-expires after 72 h if unresolved — triggers escalation';


--
-- Name: COLUMN approvals.sent_to_client_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.sent_to_client_at IS 'When reviewer forwarded to client for sign-off';


--
-- Name: COLUMN approvals.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN approvals.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN approvals.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN approvals.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.approvals.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: backlinks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.backlinks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_id uuid,
    deliverable_id uuid,
    target_url character varying(1000) NOT NULL,
    source_url character varying(1000),
    anchor_text character varying(500),
    domain_authority smallint,
    link_type public.backlink_link_type,
    outreach_status public.backlink_outreach_status DEFAULT 'prospecting'::public.backlink_outreach_status NOT NULL,
    outreach_sent_on timestamp with time zone,
    link_published_on timestamp with time zone,
    last_checked_on timestamp with time zone,
    is_live boolean DEFAULT false NOT NULL,
    is_indexed boolean DEFAULT false NOT NULL,
    dataforseo_check_result jsonb,
    notes text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT backlinks_domain_authority_check CHECK (((domain_authority >= 0) AND (domain_authority <= 100))),
    CONSTRAINT backlinks_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.backlinks FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE backlinks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.backlinks IS 'Tracks all backlinks built for a tenant. Periodically checked for live/indexed status via DataForSEO (daily cron per tenant; a link going down creates an alert activity for the DM reviewer).';


--
-- Name: COLUMN backlinks.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN backlinks.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN backlinks.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN backlinks.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.activity_id IS 'The outreach activity that produced this backlink.';


--
-- Name: COLUMN backlinks.deliverable_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.deliverable_id IS 'The backlinks deliverable this belongs to.';


--
-- Name: COLUMN backlinks.target_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.target_url IS 'The page on the linking site.';


--
-- Name: COLUMN backlinks.source_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.source_url IS 'The page on the client''s site being linked to.';


--
-- Name: COLUMN backlinks.domain_authority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.domain_authority IS 'DA of the linking domain at time of discovery.';


--
-- Name: COLUMN backlinks.link_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.link_type IS 'dofollow | nofollow | ugc | sponsored.';


--
-- Name: COLUMN backlinks.outreach_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.outreach_status IS 'prospecting | outreach_sent | responded | agreed | published | rejected | no_response.';


--
-- Name: COLUMN backlinks.last_checked_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.last_checked_on IS 'Last DataForSEO check.';


--
-- Name: COLUMN backlinks.is_live; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.is_live IS 'DataForSEO: link currently live? false until checked.';


--
-- Name: COLUMN backlinks.is_indexed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.is_indexed IS 'DataForSEO: linking page indexed by Google? false until checked.';


--
-- Name: COLUMN backlinks.dataforseo_check_result; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.dataforseo_check_result IS 'Full DataForSEO response payload.';


--
-- Name: COLUMN backlinks.notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.notes IS 'Manual notes from DM reviewer.';


--
-- Name: COLUMN backlinks.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN backlinks.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN backlinks.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN backlinks.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN backlinks.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN backlinks.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.backlinks.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: billing_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    event_type character varying(100) NOT NULL,
    razorpay_entity_id character varying(255),
    amount_inr integer,
    plan character varying(50),
    payload jsonb NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT billing_events_amount_inr_check CHECK ((amount_inr >= 0)),
    CONSTRAINT billing_events_event_type_check CHECK (((event_type)::text ~ '^[a-z0-9_]+(\.[a-z0-9_]+)*$'::text)),
    CONSTRAINT billing_events_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.billing_events FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE billing_events; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.billing_events IS 'Payment and subscription lifecycle events from Razorpay. Immutable.';


--
-- Name: COLUMN billing_events.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN billing_events.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN billing_events.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN billing_events.event_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.event_type IS 'e.g. subscription.activated, payment.failed';


--
-- Name: COLUMN billing_events.razorpay_entity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.razorpay_entity_id IS 'Subscription ID or payment ID';


--
-- Name: COLUMN billing_events.amount_inr; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.amount_inr IS 'Paise (÷100 for rupees)';


--
-- Name: COLUMN billing_events.payload; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.payload IS 'Full Razorpay event payload';


--
-- Name: COLUMN billing_events.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN billing_events.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.billing_events.created_on IS 'When the row was inserted; never changed.';


--
-- Name: blog_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blog_posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    blog_request_id uuid NOT NULL,
    channel_id uuid,
    title character varying(500) NOT NULL,
    slug character varying(500),
    meta_description character varying(160),
    focus_keyword character varying(255),
    content_ref character varying(24),
    word_count integer,
    status public.blog_post_status DEFAULT 'draft'::public.blog_post_status NOT NULL,
    scheduled_for timestamp with time zone,
    published_on timestamp with time zone,
    published_url character varying(1000),
    cms_post_id character varying(255),
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT blog_posts_content_ref_check CHECK (((content_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT blog_posts_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT blog_posts_word_count_check CHECK ((word_count >= 0))
);

ALTER TABLE ONLY public.blog_posts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE blog_posts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.blog_posts IS 'The actual blog post content entity, created when a blog request is approved. The article body is in MongoDB (content_ref).';


--
-- Name: COLUMN blog_posts.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN blog_posts.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN blog_posts.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN blog_posts.blog_request_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.blog_request_id IS 'The approved request this post realises (one post per request).';


--
-- Name: COLUMN blog_posts.channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.channel_id IS 'Target CMS channel (WordPress, Webflow).';


--
-- Name: COLUMN blog_posts.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.title IS 'Final title (may differ from request).';


--
-- Name: COLUMN blog_posts.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.slug IS 'URL slug.';


--
-- Name: COLUMN blog_posts.meta_description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.meta_description IS 'SEO meta description (at most 160 characters).';


--
-- Name: COLUMN blog_posts.content_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.content_ref IS 'MongoDB ObjectId — full article content (activity_outputs; the document holds the S3 key). Application-level reference.';


--
-- Name: COLUMN blog_posts.scheduled_for; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.scheduled_for IS 'NULL = publish immediately on approval.';


--
-- Name: COLUMN blog_posts.published_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.published_url IS 'URL after WordPress publish.';


--
-- Name: COLUMN blog_posts.cms_post_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.cms_post_id IS 'WordPress post ID / Webflow item ID.';


--
-- Name: COLUMN blog_posts.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN blog_posts.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN blog_posts.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN blog_posts.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN blog_posts.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN blog_posts.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_posts.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: blog_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.blog_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    deliverable_id uuid,
    deliverable_period_id uuid,
    activity_id uuid,
    requested_by_type public.requester_type NOT NULL,
    requested_by_id character varying(255) NOT NULL,
    title character varying(500) NOT NULL,
    topic_brief text,
    target_keyword character varying(255),
    secondary_keywords text[] DEFAULT '{}'::text[] NOT NULL,
    search_intent public.blog_request_search_intent,
    target_audience text,
    target_channel_id uuid,
    target_word_count integer,
    notes text,
    priority public.request_priority DEFAULT 'normal'::public.request_priority NOT NULL,
    status public.request_status DEFAULT 'draft'::public.request_status NOT NULL,
    rejection_notes text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT blog_requests_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT blog_requests_requested_by_check CHECK (((requested_by_type <> 'human'::public.requester_type) OR ((requested_by_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))),
    CONSTRAINT blog_requests_target_word_count_check CHECK ((target_word_count > 0))
);

ALTER TABLE ONLY public.blog_requests FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE blog_requests; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.blog_requests IS 'A request to create a blog post. Content is not created until the request is approved; on approval a blog_posts row is created with status = draft and linked to this request.';


--
-- Name: COLUMN blog_requests.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN blog_requests.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN blog_requests.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN blog_requests.deliverable_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.deliverable_id IS 'NULL if ad-hoc request.';


--
-- Name: COLUMN blog_requests.deliverable_period_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.deliverable_period_id IS 'NULL if ad-hoc.';


--
-- Name: COLUMN blog_requests.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.activity_id IS 'The approval activity for this request.';


--
-- Name: COLUMN blog_requests.requested_by_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.requested_by_type IS 'agent | human.';


--
-- Name: COLUMN blog_requests.requested_by_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.requested_by_id IS 'Agent role or user ref_id. Soft reference (polymorphic: no foreign key); a human requester must be a ULID (checked).';


--
-- Name: COLUMN blog_requests.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.title IS 'Proposed post title.';


--
-- Name: COLUMN blog_requests.topic_brief; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.topic_brief IS 'What the post should cover.';


--
-- Name: COLUMN blog_requests.target_keyword; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.target_keyword IS 'Primary SEO keyword.';


--
-- Name: COLUMN blog_requests.search_intent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.search_intent IS 'informational | commercial | navigational | transactional.';


--
-- Name: COLUMN blog_requests.target_audience; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.target_audience IS 'Who this is for.';


--
-- Name: COLUMN blog_requests.target_channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.target_channel_id IS 'Which WordPress/CMS to publish to.';


--
-- Name: COLUMN blog_requests.target_word_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.target_word_count IS 'e.g. 1500.';


--
-- Name: COLUMN blog_requests.notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.notes IS 'Creative direction, references, don''ts.';


--
-- Name: COLUMN blog_requests.rejection_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.rejection_notes IS 'Reviewer feedback if rejected.';


--
-- Name: COLUMN blog_requests.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN blog_requests.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN blog_requests.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN blog_requests.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN blog_requests.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN blog_requests.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.blog_requests.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: campaigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(255) NOT NULL,
    description text,
    objective character varying(100),
    status public.campaign_status DEFAULT 'draft'::public.campaign_status NOT NULL,
    strategy_id uuid,
    goal_id uuid,
    activity_id uuid,
    start_date date,
    end_date date,
    budget_amount numeric(12,2),
    budget_currency character varying(10),
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT campaigns_budget_amount_check CHECK ((budget_amount >= (0)::numeric)),
    CONSTRAINT campaigns_budget_currency_check CHECK (((budget_currency)::text ~ '^[A-Z]{3}$'::text)),
    CONSTRAINT campaigns_dates_check CHECK ((end_date >= start_date)),
    CONSTRAINT campaigns_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.campaigns FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE campaigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.campaigns IS 'Marketing campaigns of a tenant (organic or mixed), grouping work and reports under one objective and budget. Paid-platform campaigns synced from Google/Meta Ads are ad_campaigns, not these.';


--
-- Name: COLUMN campaigns.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN campaigns.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN campaigns.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN campaigns.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.name IS 'Display name of the campaign.';


--
-- Name: COLUMN campaigns.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.description IS 'What the campaign is about.';


--
-- Name: COLUMN campaigns.objective; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.objective IS 'Campaign objective, e.g. awareness, leads, sales.';


--
-- Name: COLUMN campaigns.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.status IS 'draft | active | paused | completed | archived.';


--
-- Name: COLUMN campaigns.strategy_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.strategy_id IS 'Strategy the campaign belongs to; NULL if none (set NULL when the strategy is deleted).';


--
-- Name: COLUMN campaigns.goal_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.goal_id IS 'Goal the campaign serves; NULL if none (set NULL when the goal is deleted).';


--
-- Name: COLUMN campaigns.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.activity_id IS 'Activity that created or runs the campaign. A real foreign key (review finding 18): set NULL when the activity is deleted.';


--
-- Name: COLUMN campaigns.start_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.start_date IS 'First day of the campaign.';


--
-- Name: COLUMN campaigns.end_date; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.end_date IS 'Last day of the campaign; not before start_date.';


--
-- Name: COLUMN campaigns.budget_amount; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.budget_amount IS 'Total campaign budget in budget_currency.';


--
-- Name: COLUMN campaigns.budget_currency; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.budget_currency IS 'ISO 4217 currency code of budget_amount, e.g. INR.';


--
-- Name: COLUMN campaigns.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN campaigns.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN campaigns.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN campaigns.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN campaigns.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN campaigns.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.campaigns.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: channel_scores; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel_scores (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel_id uuid NOT NULL,
    score smallint NOT NULL,
    score_breakdown jsonb,
    scoring_criteria jsonb,
    scored_on timestamp with time zone DEFAULT now() NOT NULL,
    period character varying(7) NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT channel_scores_period_check CHECK (((period)::text ~ '^\d{4}-(0[1-9]|1[0-2])$'::text)),
    CONSTRAINT channel_scores_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT channel_scores_score_check CHECK (((score >= 0) AND (score <= 100)))
);

ALTER TABLE ONLY public.channel_scores FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE channel_scores; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.channel_scores IS 'Historical score records per channel per scoring period. Append-only: a re-score appends a new row (the latest scored_on of a period wins); channels.score holds the current value.';


--
-- Name: COLUMN channel_scores.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN channel_scores.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN channel_scores.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN channel_scores.channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.channel_id IS 'Scored channel.';


--
-- Name: COLUMN channel_scores.score; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.score IS '0–100.';


--
-- Name: COLUMN channel_scores.score_breakdown; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.score_breakdown IS 'Component scores with values and max values.';


--
-- Name: COLUMN channel_scores.scoring_criteria; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.scoring_criteria IS 'What was evaluated (platform-specific rubric).';


--
-- Name: COLUMN channel_scores.scored_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.scored_on IS 'When the score was calculated.';


--
-- Name: COLUMN channel_scores.period; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.period IS '2026-04 — YYYY-MM, for monthly tracking.';


--
-- Name: COLUMN channel_scores.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN channel_scores.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channel_scores.created_on IS 'When the row was inserted; never changed.';


--
-- Name: channels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channels (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    platform public.channel_platform NOT NULL,
    channel_type public.channel_type NOT NULL,
    name character varying(255) NOT NULL,
    external_id character varying(500) NOT NULL,
    external_url character varying(1000),
    access_token text,
    refresh_token text,
    token_expires_at timestamp with time zone,
    scopes text[] DEFAULT '{}'::text[] NOT NULL,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    status public.channel_status DEFAULT 'connected'::public.channel_status NOT NULL,
    last_verified_at timestamp with time zone,
    error_message text,
    score smallint,
    score_breakdown jsonb,
    score_calculated_at timestamp with time zone,
    score_previous smallint,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT channels_platform_type_check CHECK ((channel_type = (
CASE
    WHEN (platform = ANY (ARRAY['linkedin'::public.channel_platform, 'facebook'::public.channel_platform, 'instagram'::public.channel_platform, 'x_twitter'::public.channel_platform, 'tiktok'::public.channel_platform])) THEN 'social'::text
    WHEN (platform = ANY (ARRAY['wordpress'::public.channel_platform, 'webflow'::public.channel_platform])) THEN 'cms'::text
    WHEN (platform = ANY (ARRAY['google_search_console'::public.channel_platform, 'google_analytics'::public.channel_platform])) THEN 'analytics'::text
    WHEN (platform = 'google_business_profile'::public.channel_platform) THEN 'local'::text
    WHEN (platform = ANY (ARRAY['mailchimp'::public.channel_platform, 'klaviyo'::public.channel_platform])) THEN 'email'::text
    WHEN (platform = ANY (ARRAY['google_ads'::public.channel_platform, 'meta_ads'::public.channel_platform])) THEN 'ads'::text
    ELSE NULL::text
END)::public.channel_type)),
    CONSTRAINT channels_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT channels_score_check CHECK (((score >= 0) AND (score <= 100))),
    CONSTRAINT channels_score_previous_check CHECK (((score_previous >= 0) AND (score_previous <= 100)))
);

ALTER TABLE ONLY public.channels FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE channels; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.channels IS 'OAuth-connected external platforms per tenant. Stores encrypted credentials used by agents to publish content. Token refresh cron runs hourly and refreshes tokens expiring within 1 hour; on failure status = expired and an alert activity is created.';


--
-- Name: COLUMN channels.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN channels.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN channels.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN channels.platform; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.platform IS 'External platform of the connection.';


--
-- Name: COLUMN channels.channel_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.channel_type IS 'Kind of platform; determined by platform (checked).';


--
-- Name: COLUMN channels.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.name IS 'Display name: "Acme Corp LinkedIn Page".';


--
-- Name: COLUMN channels.external_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.external_id IS 'Platform''s internal ID: page ID, account ID, workspace ID. Unique per tenant and platform.';


--
-- Name: COLUMN channels.external_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.external_url IS 'URL to the connected page/profile/site.';


--
-- Name: COLUMN channels.access_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.access_token IS 'Encrypted OAuth access token: AES-256-GCM ciphertext written by the application (key ring via Doppler, never in the database). Decrypted in memory only for API calls; never returned by the API.';


--
-- Name: COLUMN channels.refresh_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.refresh_token IS 'Encrypted OAuth refresh token: AES-256-GCM ciphertext written by the application (key ring via Doppler, never in the database). Never returned by the API.';


--
-- Name: COLUMN channels.token_expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.token_expires_at IS 'When access_token expires; NULL if does not expire.';


--
-- Name: COLUMN channels.scopes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.scopes IS 'OAuth scopes granted: [''w_member_social'', ''r_basicprofile''].';


--
-- Name: COLUMN channels.metadata; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.metadata IS 'Platform-specific info: { pageId, followersCount, avatarUrl }.';


--
-- Name: COLUMN channels.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.status IS 'Connection status: connected | expired | revoked | error.';


--
-- Name: COLUMN channels.last_verified_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.last_verified_at IS 'Last successful token validation.';


--
-- Name: COLUMN channels.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.error_message IS 'Last error if status = error.';


--
-- Name: COLUMN channels.score; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.score IS '0–100. NULL until first score calculated.';


--
-- Name: COLUMN channels.score_breakdown; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.score_breakdown IS 'Component scores: { completeness: 70, activity: 60, engagement: 45 }.';


--
-- Name: COLUMN channels.score_previous; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.score_previous IS 'Score from previous calculation (for delta display).';


--
-- Name: COLUMN channels.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN channels.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN channels.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN channels.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN channels.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN channels.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.channels.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: contracts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contracts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    template_version character varying(50) NOT NULL,
    pdf_s3_key character varying(500),
    generated_on timestamp with time zone,
    status public.contract_status DEFAULT 'pending_acceptance'::public.contract_status NOT NULL,
    accepted_on timestamp with time zone,
    accepted_by uuid,
    accepted_ip character varying(45),
    accepted_user_agent text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    document_ref character varying(24),
    CONSTRAINT contracts_accepted_has_accepted_on CHECK (((status <> 'accepted'::public.contract_status) OR (accepted_on IS NOT NULL))),
    CONSTRAINT contracts_document_ref_check CHECK (((document_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT contracts_pending_not_accepted CHECK (((status <> 'pending_acceptance'::public.contract_status) OR (accepted_on IS NULL))),
    CONSTRAINT contracts_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.contracts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE contracts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.contracts IS 'The tenant''s contract: tracks the generated PDF and the tenant''s acceptance. At most one non-superseded contract per tenant; older versions are kept as superseded (legal record).';


--
-- Name: COLUMN contracts.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN contracts.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN contracts.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN contracts.template_version; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.template_version IS 'Version of the contract template used (e.g. v1.2) — from template frontmatter';


--
-- Name: COLUMN contracts.pdf_s3_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.pdf_s3_key IS 'S3 object key → {tenantId}/contracts/{refId}/v{templateVersion}.pdf';


--
-- Name: COLUMN contracts.generated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.generated_on IS 'When the PDF was generated';


--
-- Name: COLUMN contracts.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.status IS 'pending_acceptance | accepted | superseded';


--
-- Name: COLUMN contracts.accepted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.accepted_on IS 'NULL until accepted';


--
-- Name: COLUMN contracts.accepted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.accepted_by IS 'The user who clicked “I agree”';


--
-- Name: COLUMN contracts.accepted_ip; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.accepted_ip IS 'IP address at time of acceptance (legal record)';


--
-- Name: COLUMN contracts.accepted_user_agent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.accepted_user_agent IS 'Browser user agent at time of acceptance';


--
-- Name: COLUMN contracts.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN contracts.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN contracts.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN contracts.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN contracts.document_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.contracts.document_ref IS 'MongoDB ObjectId of the contract''s document in contract_pdfs (rendered text and PDF); NULL for contracts made before documents were generated.';


--
-- Name: credit_balances; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_balances (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    credits_monthly integer DEFAULT 0 NOT NULL,
    credits_available integer DEFAULT 0 NOT NULL,
    credits_reserved integer DEFAULT 0 NOT NULL,
    credits_consumed integer DEFAULT 0 NOT NULL,
    credits_topup integer DEFAULT 0 NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    next_reset_at timestamp with time zone NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT credit_balances_credits_available_check CHECK ((credits_available >= 0)),
    CONSTRAINT credit_balances_credits_consumed_check CHECK ((credits_consumed >= 0)),
    CONSTRAINT credit_balances_credits_monthly_check CHECK ((credits_monthly >= 0)),
    CONSTRAINT credit_balances_credits_reserved_check CHECK ((credits_reserved >= 0)),
    CONSTRAINT credit_balances_credits_topup_check CHECK ((credits_topup >= 0)),
    CONSTRAINT credit_balances_period_check CHECK ((period_end >= period_start)),
    CONSTRAINT credit_balances_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT credit_balances_reserved_within_available CHECK ((credits_reserved <= credits_available))
);

ALTER TABLE ONLY public.credit_balances FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE credit_balances; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.credit_balances IS 'Live credit position per tenant. One row per tenant, updated atomically on every reservation, consumption, release, and monthly reset. Effective available balance = credits_available - credits_reserved.';


--
-- Name: COLUMN credit_balances.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN credit_balances.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN credit_balances.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN credit_balances.credits_monthly; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.credits_monthly IS 'Monthly allocation for the tenant''s plan';


--
-- Name: COLUMN credit_balances.credits_available; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.credits_available IS 'Allocation + top-ups remaining (includes reserved)';


--
-- Name: COLUMN credit_balances.credits_reserved; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.credits_reserved IS 'Held for in-progress runs; not yet consumed';


--
-- Name: COLUMN credit_balances.credits_consumed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.credits_consumed IS 'Consumed this billing period';


--
-- Name: COLUMN credit_balances.credits_topup; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.credits_topup IS 'Remaining top-up credits (consumed first; expire end of month)';


--
-- Name: COLUMN credit_balances.period_start; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.period_start IS 'e.g. 2026-04-01';


--
-- Name: COLUMN credit_balances.period_end; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.period_end IS 'e.g. 2026-04-30';


--
-- Name: COLUMN credit_balances.next_reset_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.next_reset_at IS 'Next monthly reset timestamp';


--
-- Name: COLUMN credit_balances.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN credit_balances.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN credit_balances.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN credit_balances.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_balances.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: credit_ledger; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_ledger (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    type character varying(20) NOT NULL,
    credits integer NOT NULL,
    activity_run_id uuid,
    deliverable_type character varying(100),
    topup_order_id text,
    balance_after integer NOT NULL,
    actor text NOT NULL,
    note text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credit_ledger_actor_check CHECK ((actor ~ '^(system|admin:.+|support:.+)$'::text)),
    CONSTRAINT credit_ledger_balance_after_check CHECK ((balance_after >= 0)),
    CONSTRAINT credit_ledger_credits_sign_check CHECK (
CASE
    WHEN ((type)::text = ANY ((ARRAY['reserved'::character varying, 'consumed'::character varying])::text[])) THEN (credits < 0)
    WHEN ((type)::text = ANY ((ARRAY['allocated'::character varying, 'topup'::character varying, 'released'::character varying, 'refunded'::character varying])::text[])) THEN (credits > 0)
    ELSE (credits <> 0)
END),
    CONSTRAINT credit_ledger_no_run_for_allocation_check CHECK ((((type)::text <> ALL ((ARRAY['allocated'::character varying, 'topup'::character varying])::text[])) OR ((activity_run_id IS NULL) AND (deliverable_type IS NULL)))),
    CONSTRAINT credit_ledger_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT credit_ledger_topup_order_check CHECK ((((type)::text = 'topup'::text) = (topup_order_id IS NOT NULL))),
    CONSTRAINT credit_ledger_type_check CHECK (((type)::text = ANY ((ARRAY['allocated'::character varying, 'topup'::character varying, 'reserved'::character varying, 'consumed'::character varying, 'released'::character varying, 'refunded'::character varying, 'adjusted'::character varying])::text[])))
);

ALTER TABLE ONLY public.credit_ledger FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE credit_ledger; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.credit_ledger IS 'Immutable append-only log of every credit movement. Source of truth — credit_balances is a materialised view of this table.';


--
-- Name: COLUMN credit_ledger.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN credit_ledger.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN credit_ledger.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN credit_ledger.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.type IS 'allocated | topup | reserved | consumed | released | refunded | adjusted';


--
-- Name: COLUMN credit_ledger.credits; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.credits IS 'Negative for reserved/consumed; positive for allocated/topup/released/refunded; adjusted: any non-zero amount';


--
-- Name: COLUMN credit_ledger.activity_run_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.activity_run_id IS 'Null for allocation and top-up entries';


--
-- Name: COLUMN credit_ledger.deliverable_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.deliverable_type IS 'Null for allocation and top-up entries';


--
-- Name: COLUMN credit_ledger.topup_order_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.topup_order_id IS 'Razorpay order ID — top-up entries only (references credit_topup_orders.razorpay_order_id)';


--
-- Name: COLUMN credit_ledger.balance_after; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.balance_after IS 'Available balance snapshot at time of entry';


--
-- Name: COLUMN credit_ledger.actor; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.actor IS 'system | admin:{userId} | support:{userId}';


--
-- Name: COLUMN credit_ledger.note; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.note IS 'Human note for refund/adjustment entries';


--
-- Name: COLUMN credit_ledger.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN credit_ledger.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_ledger.created_on IS 'When the row was inserted; never changed.';


--
-- Name: credit_topup_orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_topup_orders (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    razorpay_order_id text NOT NULL,
    credits integer NOT NULL,
    amount_inr integer NOT NULL,
    status character varying(20) DEFAULT 'pending'::character varying NOT NULL,
    paid_at timestamp with time zone,
    expires_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT credit_topup_orders_amount_inr_check CHECK ((amount_inr > 0)),
    CONSTRAINT credit_topup_orders_credits_check CHECK ((credits > 0)),
    CONSTRAINT credit_topup_orders_paid_check CHECK ((((status)::text <> ALL ((ARRAY['paid'::character varying, 'refunded'::character varying])::text[])) OR (paid_at IS NOT NULL))),
    CONSTRAINT credit_topup_orders_razorpay_order_id_check CHECK ((razorpay_order_id <> ''::text)),
    CONSTRAINT credit_topup_orders_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT credit_topup_orders_status_check CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'paid'::character varying, 'failed'::character varying, 'refunded'::character varying])::text[])))
);

ALTER TABLE ONLY public.credit_topup_orders FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE credit_topup_orders; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.credit_topup_orders IS 'Top-up bundle purchases via Razorpay.';


--
-- Name: COLUMN credit_topup_orders.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN credit_topup_orders.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN credit_topup_orders.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN credit_topup_orders.credits; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.credits IS 'Credits in this bundle';


--
-- Name: COLUMN credit_topup_orders.amount_inr; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.amount_inr IS 'Razorpay amount in paise';


--
-- Name: COLUMN credit_topup_orders.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.status IS 'pending | paid | failed | refunded';


--
-- Name: COLUMN credit_topup_orders.paid_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.paid_at IS 'Set on payment.captured webhook';


--
-- Name: COLUMN credit_topup_orders.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.expires_at IS 'End of current billing month';


--
-- Name: COLUMN credit_topup_orders.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN credit_topup_orders.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN credit_topup_orders.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN credit_topup_orders.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.credit_topup_orders.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: deliverable_periods; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.deliverable_periods (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    deliverable_id uuid NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    target_count smallint DEFAULT 0 NOT NULL,
    completed_count smallint DEFAULT 0 NOT NULL,
    status public.deliverable_period_status DEFAULT 'not_started'::public.deliverable_period_status NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT deliverable_periods_completed_count_check CHECK ((completed_count >= 0)),
    CONSTRAINT deliverable_periods_dates_ordered CHECK ((period_end >= period_start)),
    CONSTRAINT deliverable_periods_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT deliverable_periods_target_count_check CHECK ((target_count >= 0))
);

ALTER TABLE ONLY public.deliverable_periods FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE deliverable_periods; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.deliverable_periods IS 'Monthly (or quarterly) tracking record for each deliverable. One row per deliverable per period; historical record, immutable after close.';


--
-- Name: COLUMN deliverable_periods.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN deliverable_periods.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN deliverable_periods.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN deliverable_periods.period_start; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.period_start IS 'e.g. 2026-04-01';


--
-- Name: COLUMN deliverable_periods.period_end; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.period_end IS 'e.g. 2026-04-30';


--
-- Name: COLUMN deliverable_periods.target_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.target_count IS 'From deliverable.quantity_per_period';


--
-- Name: COLUMN deliverable_periods.completed_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.completed_count IS 'Increments as activities complete';


--
-- Name: COLUMN deliverable_periods.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.status IS 'not_started | in_progress | completed | at_risk | missed';


--
-- Name: COLUMN deliverable_periods.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN deliverable_periods.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN deliverable_periods.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN deliverable_periods.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverable_periods.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: deliverables; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.deliverables (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    goal_id uuid NOT NULL,
    strategy_id uuid NOT NULL,
    type public.deliverable_type NOT NULL,
    name character varying(255) NOT NULL,
    quantity_per_period smallint NOT NULL,
    period public.deliverable_period DEFAULT 'monthly'::public.deliverable_period NOT NULL,
    platforms text[] DEFAULT '{}'::text[] NOT NULL,
    template_id uuid,
    is_active boolean DEFAULT true NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT deliverables_quantity_per_period_check CHECK ((quantity_per_period > 0)),
    CONSTRAINT deliverables_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.deliverables FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE deliverables; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.deliverables IS 'Fixed recurring commitments per goal. Defines what is produced each month.';


--
-- Name: COLUMN deliverables.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN deliverables.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN deliverables.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN deliverables.goal_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.goal_id IS 'Primary goal this deliverable serves';


--
-- Name: COLUMN deliverables.strategy_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.strategy_id IS 'Strategy of the goal (denormalised; the application keeps it equal to goals.strategy_id).';


--
-- Name: COLUMN deliverables.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.type IS 'blog_posts | social_posts | backlinks | gbp_posts | website_audit | email_newsletters | ad_copy_sets | performance_reports | landing_pages | video_scripts';


--
-- Name: COLUMN deliverables.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.name IS 'Human label: “Monthly Blog Posts”';


--
-- Name: COLUMN deliverables.quantity_per_period; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.quantity_per_period IS 'e.g. 10 (posts per month)';


--
-- Name: COLUMN deliverables.period; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.period IS 'monthly | quarterly';


--
-- Name: COLUMN deliverables.platforms; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.platforms IS 'Which platforms this targets';


--
-- Name: COLUMN deliverables.template_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.template_id IS 'Activity template that defines the pipeline (global or of the same tenant; checked by trigger).';


--
-- Name: COLUMN deliverables.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN deliverables.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN deliverables.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN deliverables.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN deliverables.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN deliverables.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.deliverables.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: email_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.email_templates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid,
    name character varying(255) NOT NULL,
    slug character varying(100) NOT NULL,
    subject character varying(500) NOT NULL,
    body_html text NOT NULL,
    body_text text,
    variables jsonb DEFAULT '[]'::jsonb NOT NULL,
    category public.email_template_category NOT NULL,
    source_template_id uuid,
    is_active boolean DEFAULT true NOT NULL,
    send_via public.email_template_send_via DEFAULT 'sendgrid'::public.email_template_send_via NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT email_templates_global_source_check CHECK (((tenant_id IS NOT NULL) OR (source_template_id IS NULL))),
    CONSTRAINT email_templates_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT email_templates_slug_check CHECK (((slug)::text ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'::text)),
    CONSTRAINT email_templates_variables_check CHECK ((jsonb_typeof(variables) = 'array'::text))
);

ALTER TABLE ONLY public.email_templates FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE email_templates; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.email_templates IS 'Transactional email templates used by the system for notifications, reports, and client communications. Supports global system templates (tenant_id NULL, readable by every tenant, written only by the platform) and per-tenant overrides.';


--
-- Name: COLUMN email_templates.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN email_templates.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN email_templates.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.tenant_id IS 'NULL = global/system template; set = tenant-customised version.';


--
-- Name: COLUMN email_templates.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.name IS 'e.g. "Monthly Report Delivery".';


--
-- Name: COLUMN email_templates.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.slug IS 'Used in code: email_templates.monthly_report. Unique among global templates and per tenant among overrides (a tenant override shares its global template''s slug).';


--
-- Name: COLUMN email_templates.subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.subject IS 'Email subject line — supports {{variable}} placeholders.';


--
-- Name: COLUMN email_templates.body_html; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.body_html IS 'HTML body — supports {{variable}} placeholders.';


--
-- Name: COLUMN email_templates.body_text; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.body_text IS 'Plain-text fallback.';


--
-- Name: COLUMN email_templates.variables; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.variables IS 'Array of { key, description, required } — documents what placeholders exist.';


--
-- Name: COLUMN email_templates.category; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.category IS 'approval | report_delivery | onboarding | billing | alert | custom.';


--
-- Name: COLUMN email_templates.source_template_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.source_template_id IS 'NULL for globals; set for tenant overrides. Plain foreign key (set NULL on delete) plus a trigger that refuses a source of another tenant.';


--
-- Name: COLUMN email_templates.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.is_active IS 'Inactive templates are not used for sending.';


--
-- Name: COLUMN email_templates.send_via; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.send_via IS 'sendgrid | ses | smtp.';


--
-- Name: COLUMN email_templates.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN email_templates.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN email_templates.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN email_templates.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN email_templates.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN email_templates.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.email_templates.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: goals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.goals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    strategy_id uuid NOT NULL,
    name character varying(255) NOT NULL,
    description text,
    metric character varying(100) NOT NULL,
    target_value numeric(12,2),
    baseline_value numeric(12,2),
    current_value numeric(12,2),
    period public.goal_period DEFAULT 'monthly'::public.goal_period NOT NULL,
    target_date date,
    status public.goal_status DEFAULT 'active'::public.goal_status NOT NULL,
    priority smallint DEFAULT 1 NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT goals_priority_check CHECK ((priority >= 1)),
    CONSTRAINT goals_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.goals FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE goals; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.goals IS 'High-level outcomes the strategy aims to achieve.';


--
-- Name: COLUMN goals.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN goals.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN goals.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN goals.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.name IS 'e.g. “Increase organic website traffic”';


--
-- Name: COLUMN goals.metric; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.metric IS 'e.g. organic_sessions, keyword_rankings, domain_authority';


--
-- Name: COLUMN goals.target_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.target_value IS 'e.g. 10000 (sessions/month)';


--
-- Name: COLUMN goals.baseline_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.baseline_value IS 'Current value at strategy start';


--
-- Name: COLUMN goals.current_value; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.current_value IS 'Updated periodically by Data Analyst';


--
-- Name: COLUMN goals.period; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.period IS 'monthly | quarterly | annual';


--
-- Name: COLUMN goals.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.status IS 'active | on_track | at_risk | achieved | paused';


--
-- Name: COLUMN goals.priority; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.priority IS '1 = highest';


--
-- Name: COLUMN goals.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN goals.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN goals.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN goals.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN goals.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN goals.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.goals.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: integrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.integrations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    integration_type public.integration_type NOT NULL,
    name character varying(255) NOT NULL,
    api_key text,
    api_secret text,
    extra_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    status public.integration_status DEFAULT 'connected'::public.integration_status NOT NULL,
    last_verified_at timestamp with time zone,
    error_message text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT integrations_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.integrations FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE integrations; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.integrations IS 'API-key based third-party tool and data integrations (SEMrush, DataForSEO, etc.). Distinct from OAuth channels — these are tool/data integrations, not publishing channels. Hard-deleted (no soft delete) so removed credentials do not linger.';


--
-- Name: COLUMN integrations.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN integrations.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN integrations.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN integrations.integration_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.integration_type IS 'Provider; one integration per type per tenant, except custom.';


--
-- Name: COLUMN integrations.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.name IS 'Display label: "SEMrush Production Key".';


--
-- Name: COLUMN integrations.api_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.api_key IS 'Encrypted AES-256-GCM: ciphertext written by the application (key never in the database). Write-only through the API, never returned.';


--
-- Name: COLUMN integrations.api_secret; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.api_secret IS 'Encrypted AES-256-GCM (if required by provider): ciphertext written by the application. Write-only through the API, never returned.';


--
-- Name: COLUMN integrations.extra_config; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.extra_config IS 'Provider-specific extra config (account IDs, endpoints, etc.). Not encrypted: no secrets here.';


--
-- Name: COLUMN integrations.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.is_active IS 'Inactive integrations are not offered to agents.';


--
-- Name: COLUMN integrations.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.status IS 'connected | error | quota_exceeded | expired.';


--
-- Name: COLUMN integrations.last_verified_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.last_verified_at IS 'Last successful health-check call.';


--
-- Name: COLUMN integrations.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.error_message IS 'Last error of a failed health check.';


--
-- Name: COLUMN integrations.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN integrations.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN integrations.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN integrations.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.integrations.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: lead_activities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lead_activities (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    lead_id uuid NOT NULL,
    type public.lead_activity_type NOT NULL,
    description text,
    actor_type public.lead_activity_actor_type NOT NULL,
    actor_id character varying(255),
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT lead_activities_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.lead_activities FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE lead_activities; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.lead_activities IS 'Timeline of touchpoints and actions on a lead. Append-only; removed only with its lead (erasure) or tenant.';


--
-- Name: COLUMN lead_activities.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN lead_activities.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN lead_activities.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN lead_activities.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.type IS 'note | email_sent | email_received | call | status_change | enrichment';


--
-- Name: COLUMN lead_activities.actor_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.actor_type IS 'human | agent | system';


--
-- Name: COLUMN lead_activities.actor_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.actor_id IS 'User ref_id or agent role';


--
-- Name: COLUMN lead_activities.metadata; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.metadata IS 'e.g. { emailSubject, fromStatus, toStatus }';


--
-- Name: COLUMN lead_activities.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN lead_activities.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.lead_activities.created_on IS 'When the row was inserted; never changed.';


--
-- Name: leads; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.leads (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    source public.lead_source NOT NULL,
    source_channel_id uuid,
    source_campaign_id uuid,
    first_name character varying(255),
    last_name character varying(255),
    email character varying(255),
    phone character varying(50),
    company character varying(255),
    job_title character varying(255),
    message text,
    source_url character varying(1000),
    utm_source character varying(255),
    utm_medium character varying(255),
    utm_campaign character varying(255),
    status public.lead_status DEFAULT 'new'::public.lead_status NOT NULL,
    disqualification_reason text,
    assigned_to uuid,
    enrichment_data jsonb,
    notes text,
    last_activity_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT leads_email_check CHECK ((POSITION(('@'::text) IN (email)) > 1)),
    CONSTRAINT leads_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.leads FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE leads; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.leads IS 'CRM: contacts captured from any source.';


--
-- Name: COLUMN leads.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN leads.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN leads.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN leads.source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.source IS 'website_form | facebook_lead_ad | google_lead_form | manual | import | other';


--
-- Name: COLUMN leads.source_channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.source_channel_id IS 'NULL for manual/import';


--
-- Name: COLUMN leads.source_campaign_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.source_campaign_id IS 'NULL unless from a paid campaign';


--
-- Name: COLUMN leads.message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.message IS 'Message from form or lead ad answers';


--
-- Name: COLUMN leads.source_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.source_url IS 'Landing page or ad URL';


--
-- Name: COLUMN leads.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.status IS 'new | contacted | qualified | disqualified | converted';


--
-- Name: COLUMN leads.enrichment_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.enrichment_data IS '{ linkedinUrl, companySize, industry, website }';


--
-- Name: COLUMN leads.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN leads.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN leads.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN leads.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN leads.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN leads.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.leads.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: llm_calls; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.llm_calls (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_run_id uuid,
    adapter_type character varying(50) NOT NULL,
    model_id character varying(100) NOT NULL,
    prompt_hash character varying(64),
    response_hash character varying(64),
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    cost_usd numeric(10,6) DEFAULT 0 NOT NULL,
    duration_ms integer,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT llm_calls_adapter_type_check CHECK (((adapter_type)::text = ANY ((ARRAY['claude'::character varying, 'openai'::character varying, 'ollama'::character varying, 'webhook'::character varying])::text[]))),
    CONSTRAINT llm_calls_cost_usd_check CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT llm_calls_duration_ms_check CHECK ((duration_ms >= 0)),
    CONSTRAINT llm_calls_input_tokens_check CHECK ((input_tokens >= 0)),
    CONSTRAINT llm_calls_output_tokens_check CHECK ((output_tokens >= 0)),
    CONSTRAINT llm_calls_prompt_hash_check CHECK (((prompt_hash)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT llm_calls_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT llm_calls_response_hash_check CHECK (((response_hash)::text ~ '^[0-9a-f]{64}$'::text))
)
PARTITION BY RANGE (created_on);

ALTER TABLE ONLY public.llm_calls FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE llm_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.llm_calls IS 'Full audit log of every LLM request. Immutable; partitioned by month on created_on (partitions llm_calls_yYYYYmMM, created ahead by create_llm_calls_partitions; llm_calls_default catches anything else and should stay empty).';


--
-- Name: COLUMN llm_calls.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN llm_calls.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN llm_calls.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN llm_calls.activity_run_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.activity_run_id IS 'The run that made the call; NULL for calls outside an activity run.';


--
-- Name: COLUMN llm_calls.adapter_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.adapter_type IS 'claude | openai | ollama | webhook (the values of the adapter_type enum, as on activity_runs and sessions)';


--
-- Name: COLUMN llm_calls.prompt_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.prompt_hash IS 'SHA-256 — no raw prompt stored (lower-case hex)';


--
-- Name: COLUMN llm_calls.response_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.response_hash IS 'SHA-256 of the response; NULL when the call returned no response.';


--
-- Name: COLUMN llm_calls.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN llm_calls.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_calls.created_on IS 'When the row was inserted; never changed.';


--
-- Name: llm_calls_default; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.llm_calls_default (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_run_id uuid,
    adapter_type character varying(50) NOT NULL,
    model_id character varying(100) NOT NULL,
    prompt_hash character varying(64),
    response_hash character varying(64),
    input_tokens integer DEFAULT 0 NOT NULL,
    output_tokens integer DEFAULT 0 NOT NULL,
    cost_usd numeric(10,6) DEFAULT 0 NOT NULL,
    duration_ms integer,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT llm_calls_adapter_type_check CHECK (((adapter_type)::text = ANY ((ARRAY['claude'::character varying, 'openai'::character varying, 'ollama'::character varying, 'webhook'::character varying])::text[]))),
    CONSTRAINT llm_calls_cost_usd_check CHECK ((cost_usd >= (0)::numeric)),
    CONSTRAINT llm_calls_duration_ms_check CHECK ((duration_ms >= 0)),
    CONSTRAINT llm_calls_input_tokens_check CHECK ((input_tokens >= 0)),
    CONSTRAINT llm_calls_output_tokens_check CHECK ((output_tokens >= 0)),
    CONSTRAINT llm_calls_prompt_hash_check CHECK (((prompt_hash)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT llm_calls_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT llm_calls_response_hash_check CHECK (((response_hash)::text ~ '^[0-9a-f]{64}$'::text))
);

ALTER TABLE ONLY public.llm_calls_default FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE llm_calls_default; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.llm_calls_default IS 'Default partition of llm_calls; should stay empty (the partition job creates monthly partitions ahead of time). Reached only through llm_calls; no grants.';


--
-- Name: llm_providers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.llm_providers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid,
    name character varying(100) NOT NULL,
    provider_type public.llm_provider_provider_type NOT NULL,
    base_url character varying(500),
    api_key text,
    default_model character varying(100),
    available_models text[] DEFAULT '{}'::text[] NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    is_global_default boolean DEFAULT false NOT NULL,
    monthly_spend_usd numeric(12,4) DEFAULT 0 NOT NULL,
    monthly_spend_reset_at timestamp with time zone,
    health_status public.llm_provider_health_status DEFAULT 'unknown'::public.llm_provider_health_status NOT NULL,
    last_health_check_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT llm_providers_base_url_required CHECK (((provider_type <> ALL (ARRAY['ollama'::public.llm_provider_provider_type, 'azure_openai'::public.llm_provider_provider_type])) OR (base_url IS NOT NULL))),
    CONSTRAINT llm_providers_deleted_has_no_key CHECK (((deleted_on IS NULL) OR (api_key IS NULL))),
    CONSTRAINT llm_providers_global_default_is_global CHECK (((NOT is_global_default) OR (tenant_id IS NULL))),
    CONSTRAINT llm_providers_monthly_spend_usd_check CHECK ((monthly_spend_usd >= (0)::numeric)),
    CONSTRAINT llm_providers_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.llm_providers FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE llm_providers; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.llm_providers IS 'LLM provider configurations — connection details and API credentials for all AI providers available on the platform. Global rows (tenant_id NULL) are shared providers; tenant rows are tenant-owned private keys.';


--
-- Name: COLUMN llm_providers.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN llm_providers.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN llm_providers.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.tenant_id IS 'NULL = global/shared provider (read-only to tenants); set = tenant-owned private key. Row-level security compares it with app_current_tenant().';


--
-- Name: COLUMN llm_providers.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.name IS 'Display name: “Anthropic Production”, “OpenAI Backup”';


--
-- Name: COLUMN llm_providers.provider_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.provider_type IS 'anthropic | openai | ollama | azure_openai | custom';


--
-- Name: COLUMN llm_providers.base_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.base_url IS 'API base URL — required for Ollama and Azure';


--
-- Name: COLUMN llm_providers.api_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.api_key IS 'Encrypted AES-256-GCM (ciphertext). NULL for Ollama (no key needed). Write-only in the API; cleared on soft delete.';


--
-- Name: COLUMN llm_providers.default_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.default_model IS 'e.g. claude-sonnet-4-6';


--
-- Name: COLUMN llm_providers.available_models; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.available_models IS 'Models exposed to agent configs';


--
-- Name: COLUMN llm_providers.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.is_active IS 'Only active providers are offered in agent config dropdowns';


--
-- Name: COLUMN llm_providers.is_global_default; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.is_global_default IS 'The platform-level default for new tenants (at most one per provider_type)';


--
-- Name: COLUMN llm_providers.monthly_spend_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.monthly_spend_usd IS 'Cached sum of llm_calls.cost_usd for the current month';


--
-- Name: COLUMN llm_providers.monthly_spend_reset_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.monthly_spend_reset_at IS 'When the monthly spend cache was last reset';


--
-- Name: COLUMN llm_providers.health_status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.health_status IS 'ok | degraded | error | unknown';


--
-- Name: COLUMN llm_providers.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN llm_providers.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN llm_providers.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN llm_providers.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN llm_providers.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN llm_providers.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.llm_providers.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: notification_dispatch_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_dispatch_log (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    notification_job_id character varying(255) NOT NULL,
    channel character varying(20) NOT NULL,
    type character varying(100) NOT NULL,
    recipients_count integer DEFAULT 0 NOT NULL,
    provider character varying(50),
    status character varying(30) NOT NULL,
    provider_response jsonb,
    error text,
    duration_ms integer,
    attempt integer DEFAULT 1 NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT notification_dispatch_log_attempt_check CHECK ((attempt >= 1)),
    CONSTRAINT notification_dispatch_log_channel_check CHECK (((channel)::text = ANY ((ARRAY['email'::character varying, 'sms'::character varying, 'whatsapp'::character varying, 'web'::character varying])::text[]))),
    CONSTRAINT notification_dispatch_log_duration_ms_check CHECK ((duration_ms >= 0)),
    CONSTRAINT notification_dispatch_log_error_check CHECK ((((status)::text <> 'failed'::text) OR (error IS NOT NULL))),
    CONSTRAINT notification_dispatch_log_notification_job_id_check CHECK (((notification_job_id)::text <> ''::text)),
    CONSTRAINT notification_dispatch_log_recipients_count_check CHECK ((recipients_count >= 0)),
    CONSTRAINT notification_dispatch_log_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT notification_dispatch_log_status_check CHECK (((status)::text = ANY ((ARRAY['sent'::character varying, 'failed'::character varying, 'partial'::character varying, 'skipped_dev_filter'::character varying])::text[])))
);

ALTER TABLE ONLY public.notification_dispatch_log FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE notification_dispatch_log; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.notification_dispatch_log IS 'Append-only audit log of every outbound notification dispatch attempt across all channels (email, SMS, WhatsApp, web).';


--
-- Name: COLUMN notification_dispatch_log.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN notification_dispatch_log.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN notification_dispatch_log.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN notification_dispatch_log.notification_job_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.notification_job_id IS 'BullMQ job ID';


--
-- Name: COLUMN notification_dispatch_log.channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.channel IS 'email | sms | whatsapp | web';


--
-- Name: COLUMN notification_dispatch_log.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.type IS 'Notification type slug';


--
-- Name: COLUMN notification_dispatch_log.recipients_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.recipients_count IS 'Count after dev-filter applied';


--
-- Name: COLUMN notification_dispatch_log.provider; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.provider IS 'e.g. sendgrid, twilio, whatsapp_biz';


--
-- Name: COLUMN notification_dispatch_log.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.status IS 'sent | failed | partial | skipped_dev_filter';


--
-- Name: COLUMN notification_dispatch_log.provider_response; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.provider_response IS 'Provider response body (truncated to 1 KB)';


--
-- Name: COLUMN notification_dispatch_log.error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.error IS 'Error message if status = failed';


--
-- Name: COLUMN notification_dispatch_log.attempt; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.attempt IS 'BullMQ attempt number (1 = first attempt)';


--
-- Name: COLUMN notification_dispatch_log.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN notification_dispatch_log.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_dispatch_log.created_on IS 'When the row was inserted; never changed.';


--
-- Name: notification_providers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification_providers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel character varying(20) NOT NULL,
    provider character varying(50) NOT NULL,
    config text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    verified_at timestamp with time zone,
    last_error text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT notification_providers_channel_check CHECK (((channel)::text = ANY ((ARRAY['email'::character varying, 'sms'::character varying, 'whatsapp'::character varying])::text[]))),
    CONSTRAINT notification_providers_config_check CHECK ((config <> ''::text)),
    CONSTRAINT notification_providers_provider_check CHECK (((provider)::text = ANY ((ARRAY['smtp'::character varying, 'sendgrid'::character varying, 'ses'::character varying, 'msg91'::character varying, 'twilio'::character varying, 'whatsapp_business_api'::character varying])::text[]))),
    CONSTRAINT notification_providers_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.notification_providers FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE notification_providers; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.notification_providers IS 'Per-tenant notification provider configuration. One row per channel per tenant. If no verified row exists for a channel, the platform default provider is used automatically.';


--
-- Name: COLUMN notification_providers.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN notification_providers.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN notification_providers.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN notification_providers.channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.channel IS 'email | sms | whatsapp';


--
-- Name: COLUMN notification_providers.provider; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.provider IS 'smtp | sendgrid | ses | msg91 | twilio | whatsapp_business_api';


--
-- Name: COLUMN notification_providers.config; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.config IS 'Encrypted at rest — SMTP credentials, API keys, sender IDs. AES-256-GCM ciphertext of the JSON config (application-layer encryption), hence text.';


--
-- Name: COLUMN notification_providers.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.is_active IS 'Default true; set false to revert to platform default without deleting config';


--
-- Name: COLUMN notification_providers.verified_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.verified_at IS 'Null = not yet tested. Unverified rows are ignored — platform default is used';


--
-- Name: COLUMN notification_providers.last_error; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.last_error IS 'Populated on failed test connection; cleared on success';


--
-- Name: COLUMN notification_providers.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN notification_providers.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN notification_providers.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN notification_providers.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notification_providers.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    user_id uuid,
    type character varying(100) NOT NULL,
    channel character varying(20) DEFAULT 'web'::character varying NOT NULL,
    message text NOT NULL,
    subject_ref_id character varying(26),
    subject_type character varying(50),
    read boolean DEFAULT false NOT NULL,
    read_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT notifications_channel_check CHECK (((channel)::text = 'web'::text)),
    CONSTRAINT notifications_read_at_check CHECK ((read = (read_at IS NOT NULL))),
    CONSTRAINT notifications_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT notifications_subject_check CHECK (((subject_ref_id IS NULL) = (subject_type IS NULL))),
    CONSTRAINT notifications_subject_ref_id_check CHECK (((subject_ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT notifications_subject_type_check CHECK (((subject_type)::text ~ '^[a-z][a-z0-9_]*$'::text))
);

ALTER TABLE ONLY public.notifications FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE notifications; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.notifications IS 'In-app notification records shown in the Dashboard notification centre. One row per notification per user (user_id NULL: one row broadcast to all admins).';


--
-- Name: COLUMN notifications.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN notifications.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN notifications.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN notifications.user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.user_id IS 'Null = broadcast to all admins';


--
-- Name: COLUMN notifications.type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.type IS 'e.g. approval_required, credits_exhausted';


--
-- Name: COLUMN notifications.channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.channel IS 'web (this table is web-only; other channels log to notification_dispatch_log)';


--
-- Name: COLUMN notifications.message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.message IS 'Human-readable notification body';


--
-- Name: COLUMN notifications.subject_ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.subject_ref_id IS 'Optional — public id (ULID ref_id) of the referenced entity (activity, approval, etc.). The spec''s notifications.ref_id.';


--
-- Name: COLUMN notifications.subject_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.subject_type IS 'Optional — entity type e.g. approval, activity, report. The spec''s notifications.ref_type.';


--
-- Name: COLUMN notifications.read; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.read IS 'Default false; toggled when user marks as read';


--
-- Name: COLUMN notifications.read_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.read_at IS 'When the notification was marked as read; NULL while unread.';


--
-- Name: COLUMN notifications.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN notifications.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN notifications.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN notifications.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.notifications.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: onboarding_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.onboarding_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    status public.onboarding_run_status DEFAULT 'pending'::public.onboarding_run_status NOT NULL,
    research_output text,
    context_file_id character varying(255),
    reviewed_by uuid,
    reviewed_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT onboarding_runs_context_file_id_check CHECK (((context_file_id)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT onboarding_runs_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.onboarding_runs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE onboarding_runs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.onboarding_runs IS 'Tracks the Onboarding Agent''s research run for a tenant.';


--
-- Name: COLUMN onboarding_runs.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN onboarding_runs.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN onboarding_runs.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN onboarding_runs.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.status IS 'pending | researching | review | completed';


--
-- Name: COLUMN onboarding_runs.research_output; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.research_output IS 'Raw research findings from Onboarding Agent';


--
-- Name: COLUMN onboarding_runs.context_file_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.context_file_id IS 'MongoDB ObjectId of generated context skill file';


--
-- Name: COLUMN onboarding_runs.reviewed_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.reviewed_by IS 'Who approved the context file';


--
-- Name: COLUMN onboarding_runs.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN onboarding_runs.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN onboarding_runs.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN onboarding_runs.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.onboarding_runs.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: operator_audit_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.operator_audit_log (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    operator_user_id uuid NOT NULL,
    operator_tenant_id uuid NOT NULL,
    operation_type character varying(20) NOT NULL,
    operation_name character varying(255),
    request_id character varying(64) NOT NULL,
    subgraph character varying(20) NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    document_hash character varying(64),
    CONSTRAINT operator_audit_log_document_hash_check CHECK (((document_hash)::text ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT operator_audit_log_operation_type_check CHECK (((operation_type)::text = ANY ((ARRAY['query'::character varying, 'mutation'::character varying, 'subscription'::character varying, 'unknown'::character varying])::text[]))),
    CONSTRAINT operator_audit_log_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT operator_audit_log_subgraph_check CHECK (((subgraph)::text = ANY ((ARRAY['tenant'::character varying, 'content'::character varying, 'ads'::character varying, 'crm'::character varying, 'billing'::character varying])::text[])))
);

ALTER TABLE ONLY public.operator_audit_log FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE operator_audit_log; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.operator_audit_log IS 'Append-only record of every request a platform operator (super_admin) made while acting for this tenant.';


--
-- Name: COLUMN operator_audit_log.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN operator_audit_log.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN operator_audit_log.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN operator_audit_log.operator_user_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.operator_user_id IS 'The operator (a user of the platform''s own tenant). No foreign key: it crosses tenants by design and is written only from the verified session.';


--
-- Name: COLUMN operator_audit_log.operator_tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.operator_tenant_id IS 'The operator''s home tenant.';


--
-- Name: COLUMN operator_audit_log.operation_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.operation_type IS 'query | mutation | subscription | unknown (unparsable request)';


--
-- Name: COLUMN operator_audit_log.operation_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.operation_name IS 'The GraphQL operation name the client sent, if any.';


--
-- Name: COLUMN operator_audit_log.request_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.request_id IS 'The server''s own id of the request, to correlate with its logs. A client''s X-Request-Id is used only when it comes through a trusted proxy, so an operator cannot choose the id of their own audit rows.';


--
-- Name: COLUMN operator_audit_log.subgraph; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.subgraph IS 'Which subgraph served the request.';


--
-- Name: COLUMN operator_audit_log.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN operator_audit_log.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN operator_audit_log.document_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.operator_audit_log.document_hash IS 'SHA-256 (lower-case hex) of the GraphQL document the operator sent, so the exact query can be matched later without storing it (it may carry personal data); NULL when the request could not be parsed.';


--
-- Name: rag_crawl_jobs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rag_crawl_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    start_url text NOT NULL,
    max_pages integer DEFAULT 200 NOT NULL,
    max_depth integer DEFAULT 3 NOT NULL,
    url_path_filter text,
    status text DEFAULT 'queued'::text NOT NULL,
    pages_crawled integer DEFAULT 0 NOT NULL,
    pages_indexed integer DEFAULT 0 NOT NULL,
    pages_failed integer DEFAULT 0 NOT NULL,
    error_message text,
    scheduled_for timestamp with time zone,
    completed_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT rag_crawl_jobs_max_depth_check CHECK ((max_depth >= 0)),
    CONSTRAINT rag_crawl_jobs_max_pages_check CHECK ((max_pages > 0)),
    CONSTRAINT rag_crawl_jobs_pages_crawled_check CHECK ((pages_crawled >= 0)),
    CONSTRAINT rag_crawl_jobs_pages_failed_check CHECK ((pages_failed >= 0)),
    CONSTRAINT rag_crawl_jobs_pages_indexed_check CHECK ((pages_indexed >= 0)),
    CONSTRAINT rag_crawl_jobs_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT rag_crawl_jobs_start_url_check CHECK ((start_url ~* '^https?://'::text)),
    CONSTRAINT rag_crawl_jobs_status_check CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'completed'::text, 'failed'::text]))),
    CONSTRAINT rag_crawl_jobs_url_path_filter_check CHECK ((url_path_filter ~~ '/%'::text))
);

ALTER TABLE ONLY public.rag_crawl_jobs FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE rag_crawl_jobs; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.rag_crawl_jobs IS 'RAG ingestion crawl runs: crawls an external website into a RAG dataset (pages become rag_files with source = website_crawl and are indexed into Qdrant). Tracks progress and results for each crawl triggered against a dataset. Not the website-audit crawl of a tenant''s own site.';


--
-- Name: COLUMN rag_crawl_jobs.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN rag_crawl_jobs.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN rag_crawl_jobs.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN rag_crawl_jobs.dataset_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.dataset_id IS 'Dataset the crawled pages are ingested into; deleted with it.';


--
-- Name: COLUMN rag_crawl_jobs.start_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.start_url IS 'The URL crawling begins from.';


--
-- Name: COLUMN rag_crawl_jobs.max_pages; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.max_pages IS 'Maximum pages to crawl (default: 200).';


--
-- Name: COLUMN rag_crawl_jobs.max_depth; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.max_depth IS 'Maximum link depth from start URL (default: 3).';


--
-- Name: COLUMN rag_crawl_jobs.url_path_filter; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.url_path_filter IS 'Optional path prefix filter — e.g. /blog crawls only that section.';


--
-- Name: COLUMN rag_crawl_jobs.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.status IS 'queued | running | completed | failed.';


--
-- Name: COLUMN rag_crawl_jobs.pages_crawled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.pages_crawled IS 'Count of pages fetched.';


--
-- Name: COLUMN rag_crawl_jobs.pages_indexed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.pages_indexed IS 'Count of pages successfully ingested into Qdrant.';


--
-- Name: COLUMN rag_crawl_jobs.pages_failed; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.pages_failed IS 'Count of pages that failed during ingestion.';


--
-- Name: COLUMN rag_crawl_jobs.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.error_message IS 'Set if status = failed.';


--
-- Name: COLUMN rag_crawl_jobs.scheduled_for; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.scheduled_for IS 'NULL = immediate; set = deferred crawl.';


--
-- Name: COLUMN rag_crawl_jobs.completed_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.completed_at IS 'When the crawl finished (completed or failed).';


--
-- Name: COLUMN rag_crawl_jobs.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN rag_crawl_jobs.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN rag_crawl_jobs.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN rag_crawl_jobs.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_crawl_jobs.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: rag_datasets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rag_datasets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    description text,
    embedding_provider text NOT NULL,
    embedding_model text NOT NULL,
    vector_size integer NOT NULL,
    chunk_size integer DEFAULT 512 NOT NULL,
    chunk_overlap integer DEFAULT 64 NOT NULL,
    parse_type text DEFAULT 'NAIVE'::text NOT NULL,
    parser_engine text DEFAULT 'NODE_NATIVE'::text NOT NULL,
    allowed_agent_roles text[] DEFAULT '{}'::text[] NOT NULL,
    qdrant_collection text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    total_files integer DEFAULT 0 NOT NULL,
    total_chunks integer DEFAULT 0 NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT rag_datasets_chunk_overlap_check CHECK ((chunk_overlap >= 0)),
    CONSTRAINT rag_datasets_chunk_overlap_size_check CHECK ((chunk_overlap < chunk_size)),
    CONSTRAINT rag_datasets_chunk_size_check CHECK ((chunk_size > 0)),
    CONSTRAINT rag_datasets_embedding_provider_check CHECK ((embedding_provider ~ '^[a-z][a-z0-9_]*$'::text)),
    CONSTRAINT rag_datasets_parse_type_check CHECK ((parse_type = ANY (ARRAY['NAIVE'::text, 'MARKDOWN'::text, 'MANUAL'::text]))),
    CONSTRAINT rag_datasets_parser_engine_check CHECK ((parser_engine = ANY (ARRAY['NODE_NATIVE'::text, 'DOCLING'::text]))),
    CONSTRAINT rag_datasets_qdrant_collection_check CHECK ((lower(qdrant_collection) = ('ds_'::text || lower((ref_id)::text)))),
    CONSTRAINT rag_datasets_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT rag_datasets_status_check CHECK ((status = ANY (ARRAY['active'::text, 'building'::text, 'error'::text]))),
    CONSTRAINT rag_datasets_total_chunks_check CHECK ((total_chunks >= 0)),
    CONSTRAINT rag_datasets_total_files_check CHECK ((total_files >= 0)),
    CONSTRAINT rag_datasets_vector_size_check CHECK ((vector_size > 0))
);

ALTER TABLE ONLY public.rag_datasets FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE rag_datasets; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.rag_datasets IS 'RAG dataset containers — one per knowledge domain (e.g. client_docs, website_content, published_content, competitor_content). Each dataset maps to one Qdrant collection named ds_{ref_id}.';


--
-- Name: COLUMN rag_datasets.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN rag_datasets.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.ref_id IS 'ULID — also used as the Qdrant collection name suffix. Public id, exposed as the GraphQL ID.';


--
-- Name: COLUMN rag_datasets.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN rag_datasets.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.name IS 'e.g. client_docs, website_content. Unique per tenant among live datasets.';


--
-- Name: COLUMN rag_datasets.embedding_provider; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.embedding_provider IS 'openai | ollama | azure_openai | … (lower-case identifier). Immutable after creation.';


--
-- Name: COLUMN rag_datasets.embedding_model; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.embedding_model IS 'e.g. text-embedding-3-small, nomic-embed-text. Immutable after creation.';


--
-- Name: COLUMN rag_datasets.vector_size; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.vector_size IS 'Derived from model at creation time. Immutable after creation.';


--
-- Name: COLUMN rag_datasets.chunk_size; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.chunk_size IS 'Default chunk size in characters (default: 512).';


--
-- Name: COLUMN rag_datasets.chunk_overlap; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.chunk_overlap IS 'Default chunk overlap (default: 64); less than chunk_size.';


--
-- Name: COLUMN rag_datasets.parse_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.parse_type IS 'NAIVE | MARKDOWN | MANUAL — default chunking strategy.';


--
-- Name: COLUMN rag_datasets.parser_engine; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.parser_engine IS 'NODE_NATIVE | DOCLING — default parser.';


--
-- Name: COLUMN rag_datasets.allowed_agent_roles; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.allowed_agent_roles IS 'Which agent roles can query this dataset.';


--
-- Name: COLUMN rag_datasets.qdrant_collection; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.qdrant_collection IS 'Qdrant collection name: ds_{ref_id} (checked, case-insensitively). Immutable after creation.';


--
-- Name: COLUMN rag_datasets.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.status IS 'active | building | error.';


--
-- Name: COLUMN rag_datasets.total_files; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.total_files IS 'Cached count of indexed files.';


--
-- Name: COLUMN rag_datasets.total_chunks; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.total_chunks IS 'Cached count of indexed chunks across all files.';


--
-- Name: COLUMN rag_datasets.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN rag_datasets.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN rag_datasets.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN rag_datasets.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN rag_datasets.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN rag_datasets.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_datasets.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: rag_files; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rag_files (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    dataset_id uuid NOT NULL,
    file_name text NOT NULL,
    mime_type text,
    file_size_bytes integer,
    storage_path text,
    chunk_size integer,
    chunk_overlap integer,
    parse_type text,
    parser_engine text,
    status text DEFAULT 'pending'::text NOT NULL,
    error_message text,
    chunks_count integer DEFAULT 0 NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    bull_job_id text,
    source text DEFAULT 'upload'::text NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT rag_files_chunk_overlap_check CHECK ((chunk_overlap >= 0)),
    CONSTRAINT rag_files_chunk_overlap_size_check CHECK ((chunk_overlap < chunk_size)),
    CONSTRAINT rag_files_chunk_size_check CHECK ((chunk_size > 0)),
    CONSTRAINT rag_files_chunks_count_check CHECK ((chunks_count >= 0)),
    CONSTRAINT rag_files_file_size_bytes_check CHECK ((file_size_bytes >= 0)),
    CONSTRAINT rag_files_parse_type_check CHECK ((parse_type = ANY (ARRAY['NAIVE'::text, 'MARKDOWN'::text, 'MANUAL'::text]))),
    CONSTRAINT rag_files_parser_engine_check CHECK ((parser_engine = ANY (ARRAY['NODE_NATIVE'::text, 'DOCLING'::text]))),
    CONSTRAINT rag_files_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT rag_files_source_check CHECK ((source = ANY (ARRAY['upload'::text, 'website_crawl'::text, 'published_content'::text, 'competitor_research'::text]))),
    CONSTRAINT rag_files_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'parsing'::text, 'embedding'::text, 'indexed'::text, 'error'::text, 'disabled'::text])))
);

ALTER TABLE ONLY public.rag_files FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE rag_files; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.rag_files IS 'Individual files uploaded or crawled into a RAG dataset. Each file is processed through the ingestion pipeline (parse → chunk → embed → index into Qdrant).';


--
-- Name: COLUMN rag_files.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN rag_files.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN rag_files.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN rag_files.dataset_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.dataset_id IS 'Dataset the file belongs to; deleted with it.';


--
-- Name: COLUMN rag_files.file_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.file_name IS 'Original filename.';


--
-- Name: COLUMN rag_files.mime_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.mime_type IS 'e.g. application/pdf, text/markdown.';


--
-- Name: COLUMN rag_files.file_size_bytes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.file_size_bytes IS 'File size in bytes.';


--
-- Name: COLUMN rag_files.storage_path; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.storage_path IS 'Path on disk or object storage key.';


--
-- Name: COLUMN rag_files.chunk_size; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.chunk_size IS 'Per-file override — NULL uses dataset default.';


--
-- Name: COLUMN rag_files.chunk_overlap; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.chunk_overlap IS 'Per-file override — NULL uses dataset default.';


--
-- Name: COLUMN rag_files.parse_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.parse_type IS 'Per-file override — NULL uses dataset default. NAIVE | MARKDOWN | MANUAL.';


--
-- Name: COLUMN rag_files.parser_engine; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.parser_engine IS 'Per-file override — NULL uses dataset default. NODE_NATIVE | DOCLING.';


--
-- Name: COLUMN rag_files.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.status IS 'pending | parsing | embedding | indexed | error | disabled.';


--
-- Name: COLUMN rag_files.error_message; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.error_message IS 'Set if status = error.';


--
-- Name: COLUMN rag_files.chunks_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.chunks_count IS 'Number of chunks indexed into Qdrant.';


--
-- Name: COLUMN rag_files.enabled; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.enabled IS 'If false, file vectors are excluded from all search queries.';


--
-- Name: COLUMN rag_files.bull_job_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.bull_job_id IS 'BullMQ job reference for status polling.';


--
-- Name: COLUMN rag_files.source; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.source IS 'upload | website_crawl | published_content | competitor_research.';


--
-- Name: COLUMN rag_files.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN rag_files.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN rag_files.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN rag_files.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN rag_files.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN rag_files.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rag_files.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: recurring_task_templates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recurring_task_templates (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid,
    source_template_id uuid,
    name character varying(255) NOT NULL,
    description text,
    assignee_type public.assignee_type NOT NULL,
    agent_role character varying(100),
    human_role public.recurring_task_template_human_role,
    periodicity public.recurring_task_template_periodicity NOT NULL,
    trigger public.recurring_task_template_trigger NOT NULL,
    cron_expression character varying(100),
    prompt_template text,
    variables jsonb DEFAULT '[]'::jsonb NOT NULL,
    variable_values jsonb,
    is_active boolean DEFAULT true NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    version smallint DEFAULT 1 NOT NULL,
    CONSTRAINT recurring_task_templates_assignee CHECK ((((assignee_type = 'agent'::public.assignee_type) AND (agent_role IS NOT NULL) AND (human_role IS NULL)) OR ((assignee_type = 'human'::public.assignee_type) AND (agent_role IS NULL)))),
    CONSTRAINT recurring_task_templates_copy_is_tenant_row CHECK (((source_template_id IS NULL) OR (tenant_id IS NOT NULL))),
    CONSTRAINT recurring_task_templates_cron_expression CHECK (((trigger = 'cron'::public.recurring_task_template_trigger) = (cron_expression IS NOT NULL))),
    CONSTRAINT recurring_task_templates_global_has_no_values CHECK (((tenant_id IS NOT NULL) OR (variable_values IS NULL))),
    CONSTRAINT recurring_task_templates_not_own_source CHECK ((source_template_id <> id)),
    CONSTRAINT recurring_task_templates_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT recurring_task_templates_variable_values_check CHECK ((jsonb_typeof(variable_values) = 'object'::text)),
    CONSTRAINT recurring_task_templates_variables_check CHECK ((jsonb_typeof(variables) = 'array'::text)),
    CONSTRAINT recurring_task_templates_version_check CHECK ((version > 0))
);

ALTER TABLE ONLY public.recurring_task_templates FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE recurring_task_templates; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.recurring_task_templates IS 'Predefined standalone tasks that recur on a schedule, not tied to a deliverable pipeline. Global templates (tenant_id NULL) are copied to each tenant on creation; changes to a global template do not propagate to existing tenant copies.';


--
-- Name: COLUMN recurring_task_templates.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN recurring_task_templates.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN recurring_task_templates.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.tenant_id IS 'NULL = global template (read-only to tenants); set = tenant copy. Row-level security compares it with app_current_tenant().';


--
-- Name: COLUMN recurring_task_templates.source_template_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.source_template_id IS 'NULL for globals; set on tenant copy';


--
-- Name: COLUMN recurring_task_templates.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.name IS 'e.g. “Update Google My Business listing”';


--
-- Name: COLUMN recurring_task_templates.description; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.description IS 'What to do and why';


--
-- Name: COLUMN recurring_task_templates.assignee_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.assignee_type IS 'agent | human';


--
-- Name: COLUMN recurring_task_templates.agent_role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.agent_role IS 'NULL if human task';


--
-- Name: COLUMN recurring_task_templates.human_role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.human_role IS 'reviewer | admin | NULL';


--
-- Name: COLUMN recurring_task_templates.periodicity; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.periodicity IS 'one_time | daily | weekly | monthly | quarterly | yearly';


--
-- Name: COLUMN recurring_task_templates.trigger; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.trigger IS 'on_onboarding | on_strategy_approval | cron | manual';


--
-- Name: COLUMN recurring_task_templates.cron_expression; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.cron_expression IS 'Only if trigger = cron';


--
-- Name: COLUMN recurring_task_templates.prompt_template; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.prompt_template IS 'Task description with {{variable}} placeholders';


--
-- Name: COLUMN recurring_task_templates.variables; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.variables IS 'Array of TemplateVariable definitions (key, label, type, required)';


--
-- Name: COLUMN recurring_task_templates.variable_values; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.variable_values IS 'Filled in at tenant level; null for global templates';


--
-- Name: COLUMN recurring_task_templates.is_active; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.is_active IS 'Can be disabled per tenant';


--
-- Name: COLUMN recurring_task_templates.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN recurring_task_templates.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN recurring_task_templates.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN recurring_task_templates.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN recurring_task_templates.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN recurring_task_templates.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: COLUMN recurring_task_templates.version; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.recurring_task_templates.version IS 'Incremented on edit (tenant copies start at 1)';


--
-- Name: registration_sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registration_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    session_token character varying(64) NOT NULL,
    current_step smallint DEFAULT 1 NOT NULL,
    contact_data jsonb NOT NULL,
    company_data jsonb,
    location_data jsonb,
    plan_selected character varying(50),
    billing_data jsonb,
    expires_at timestamp with time zone DEFAULT (now() + '24:00:00'::interval) NOT NULL,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT registration_sessions_billing_data_check CHECK ((jsonb_typeof(billing_data) = 'object'::text)),
    CONSTRAINT registration_sessions_company_data_check CHECK ((jsonb_typeof(company_data) = 'object'::text)),
    CONSTRAINT registration_sessions_contact_data_check CHECK ((jsonb_typeof(contact_data) = 'object'::text)),
    CONSTRAINT registration_sessions_current_step_check CHECK (((current_step >= 1) AND (current_step <= 4))),
    CONSTRAINT registration_sessions_location_data_check CHECK ((jsonb_typeof(location_data) = 'object'::text)),
    CONSTRAINT registration_sessions_plan_selected_check CHECK (((plan_selected)::text = ANY ((ARRAY['starter'::character varying, 'professional'::character varying])::text[]))),
    CONSTRAINT registration_sessions_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.registration_sessions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE registration_sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.registration_sessions IS 'Partial state of the 4-step self-registration wizard. The tenant and user records are not created until Step 4 (payment) succeeds — until then, all collected data lives here. Platform-only (app_platform); no tenant exists yet. Deleted on payment success or by the expiry cron.';


--
-- Name: COLUMN registration_sessions.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN registration_sessions.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN registration_sessions.session_token; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.session_token IS 'Cryptographically random — sent as cookie for session resumption; compared in constant time.';


--
-- Name: COLUMN registration_sessions.current_step; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.current_step IS 'Last completed step: 1–4';


--
-- Name: COLUMN registration_sessions.contact_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.contact_data IS 'Step 1: { country, title, firstName, lastName, email, phone, passwordHash } — passwordHash is an Argon2id PHC string.';


--
-- Name: COLUMN registration_sessions.company_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.company_data IS 'Step 2: { legalName, brandName, panNumber }';


--
-- Name: COLUMN registration_sessions.location_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.location_data IS 'Step 3: { state, hasGst, gstNumber }';


--
-- Name: COLUMN registration_sessions.plan_selected; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.plan_selected IS '''starter'' | ''professional''';


--
-- Name: COLUMN registration_sessions.billing_data; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.billing_data IS 'Step 4: { name, address, city, postalCode, state, country }';


--
-- Name: COLUMN registration_sessions.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.expires_at IS '24 hours after creation — cron deletes expired sessions';


--
-- Name: COLUMN registration_sessions.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN registration_sessions.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN registration_sessions.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN registration_sessions.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.registration_sessions.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    campaign_id uuid,
    deliverable_period_id uuid,
    activity_id uuid,
    title character varying(500) NOT NULL,
    type public.report_type NOT NULL,
    status public.report_status DEFAULT 'draft'::public.report_status NOT NULL,
    content_ref character varying(255),
    period_start date NOT NULL,
    period_end date NOT NULL,
    delivered_at timestamp with time zone,
    delivered_by uuid,
    delivery_channel character varying(50),
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT reports_content_ref_check CHECK (((content_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT reports_delivery_channel_check CHECK (((delivery_channel)::text = ANY ((ARRAY['email'::character varying, 'portal'::character varying, 'both'::character varying])::text[]))),
    CONSTRAINT reports_period_check CHECK ((period_end >= period_start)),
    CONSTRAINT reports_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.reports FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE reports; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.reports IS 'Performance reports generated by the Report Writer agent or manually uploaded, covering a specific deliverable period.';


--
-- Name: COLUMN reports.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN reports.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN reports.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN reports.campaign_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.campaign_id IS 'Campaign the report covers; NULL if none.';


--
-- Name: COLUMN reports.deliverable_period_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.deliverable_period_id IS 'The period this report covers.';


--
-- Name: COLUMN reports.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.activity_id IS 'The Report Writer activity that generated this.';


--
-- Name: COLUMN reports.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.title IS 'e.g. "March 2026 Performance Report — Acme Corp".';


--
-- Name: COLUMN reports.content_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.content_ref IS 'MongoDB ObjectId (24 lowercase hex) of full report Markdown content. Application-level reference, not a database constraint.';


--
-- Name: COLUMN reports.period_start; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.period_start IS 'First day of the reporting period.';


--
-- Name: COLUMN reports.period_end; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.period_end IS 'Last day of the reporting period.';


--
-- Name: COLUMN reports.delivered_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.delivered_at IS 'When sent to the client.';


--
-- Name: COLUMN reports.delivered_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.delivered_by IS 'DM reviewer who sent it (a user of the tenant).';


--
-- Name: COLUMN reports.delivery_channel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.delivery_channel IS 'email | portal | both.';


--
-- Name: COLUMN reports.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN reports.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN reports.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN reports.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN reports.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN reports.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.reports.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: seaql_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.seaql_migrations (
    version character varying NOT NULL,
    applied_at bigint NOT NULL
);


--
-- Name: search_term_classifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_term_classifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    search_term_report_id uuid NOT NULL,
    activity_id uuid,
    classification public.search_term_class NOT NULL,
    recommended_match_type public.ad_match_type,
    agent_reasoning text,
    status public.search_term_classification_status DEFAULT 'pending_review'::public.search_term_classification_status NOT NULL,
    override_classification public.search_term_class,
    reviewed_by uuid,
    reviewed_on timestamp with time zone,
    pushed_on timestamp with time zone,
    push_result jsonb,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT search_term_classifications_check CHECK ((override_classification <> classification)),
    CONSTRAINT search_term_classifications_pushed_check CHECK (((status <> 'pushed'::public.search_term_classification_status) OR (pushed_on IS NOT NULL))),
    CONSTRAINT search_term_classifications_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT search_term_classifications_reviewed_check CHECK (((status = 'pending_review'::public.search_term_classification_status) OR (reviewed_on IS NOT NULL)))
);

ALTER TABLE ONLY public.search_term_classifications FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE search_term_classifications; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.search_term_classifications IS 'Agent-classified search terms, pending human review before being pushed to Google Ads.';


--
-- Name: COLUMN search_term_classifications.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN search_term_classifications.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN search_term_classifications.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN search_term_classifications.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.activity_id IS 'The classification activity';


--
-- Name: COLUMN search_term_classifications.classification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.classification IS 'keyword | negative_keyword | watch | skip';


--
-- Name: COLUMN search_term_classifications.recommended_match_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.recommended_match_type IS 'exact | phrase | broad | NULL';


--
-- Name: COLUMN search_term_classifications.agent_reasoning; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.agent_reasoning IS 'Why the agent classified it this way';


--
-- Name: COLUMN search_term_classifications.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.status IS 'pending_review | approved | rejected | pushed';


--
-- Name: COLUMN search_term_classifications.override_classification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.override_classification IS 'NULL if human accepted; set if overridden';


--
-- Name: COLUMN search_term_classifications.push_result; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.push_result IS 'API response from Google Ads';


--
-- Name: COLUMN search_term_classifications.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN search_term_classifications.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN search_term_classifications.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN search_term_classifications.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_classifications.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: search_term_reports; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_term_reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    channel_id uuid NOT NULL,
    ad_campaign_id uuid NOT NULL,
    search_term character varying(500) NOT NULL,
    impressions integer DEFAULT 0 NOT NULL,
    clicks integer DEFAULT 0 NOT NULL,
    conversions numeric(10,2) DEFAULT 0 NOT NULL,
    cost numeric(10,4) DEFAULT 0 NOT NULL,
    ctr numeric(6,4) DEFAULT 0 NOT NULL,
    report_date_range daterange NOT NULL,
    synced_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT search_term_reports_clicks_check CHECK ((clicks >= 0)),
    CONSTRAINT search_term_reports_conversions_check CHECK ((conversions >= (0)::numeric)),
    CONSTRAINT search_term_reports_cost_check CHECK ((cost >= (0)::numeric)),
    CONSTRAINT search_term_reports_ctr_check CHECK ((ctr >= (0)::numeric)),
    CONSTRAINT search_term_reports_impressions_check CHECK ((impressions >= 0)),
    CONSTRAINT search_term_reports_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT search_term_reports_report_date_range_check CHECK (((NOT isempty(report_date_range)) AND (NOT lower_inf(report_date_range)) AND (NOT upper_inf(report_date_range))))
);

ALTER TABLE ONLY public.search_term_reports FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE search_term_reports; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.search_term_reports IS 'Raw search terms from Google Ads search term reports.';


--
-- Name: COLUMN search_term_reports.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN search_term_reports.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN search_term_reports.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN search_term_reports.search_term; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.search_term IS 'The actual search query';


--
-- Name: COLUMN search_term_reports.ctr; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.ctr IS 'Click-through rate';


--
-- Name: COLUMN search_term_reports.report_date_range; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.report_date_range IS 'e.g. last 30 days (bounded, non-empty date range)';


--
-- Name: COLUMN search_term_reports.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN search_term_reports.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN search_term_reports.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN search_term_reports.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.search_term_reports.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    external_session_id character varying(255),
    agent_role character varying(100) NOT NULL,
    goal_id uuid,
    adapter_type character varying(50) NOT NULL,
    model_id character varying(100),
    token_count integer DEFAULT 0 NOT NULL,
    expires_at timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT sessions_adapter_type_check CHECK (((adapter_type)::text = ANY ((ARRAY['claude'::character varying, 'openai'::character varying, 'ollama'::character varying, 'webhook'::character varying])::text[]))),
    CONSTRAINT sessions_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT sessions_token_count_check CHECK ((token_count >= 0))
);

ALTER TABLE ONLY public.sessions FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE sessions; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.sessions IS 'LLM session continuity records. Expire via TTL (expires_at); a session referenced by an activity run is kept.';


--
-- Name: COLUMN sessions.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN sessions.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN sessions.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN sessions.external_session_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.external_session_id IS 'Claude session ID; null for Ollama/OpenAI';


--
-- Name: COLUMN sessions.goal_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.goal_id IS 'Sessions scoped to a goal for context continuity';


--
-- Name: COLUMN sessions.adapter_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.adapter_type IS 'claude | openai | ollama | webhook';


--
-- Name: COLUMN sessions.token_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.token_count IS 'Running total';


--
-- Name: COLUMN sessions.expires_at; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.expires_at IS 'TTL-based expiry';


--
-- Name: COLUMN sessions.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN sessions.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN sessions.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN sessions.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.sessions.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: social_media_requests; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.social_media_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    deliverable_id uuid,
    deliverable_period_id uuid,
    activity_id uuid,
    requested_by_type public.requester_type NOT NULL,
    requested_by_id character varying(255) NOT NULL,
    topic character varying(500) NOT NULL,
    content_brief text,
    post_type public.social_media_request_post_type DEFAULT 'standard'::public.social_media_request_post_type NOT NULL,
    target_channel_ids uuid[] NOT NULL,
    scheduled_for timestamp with time zone,
    notes text,
    priority public.request_priority DEFAULT 'normal'::public.request_priority NOT NULL,
    status public.request_status DEFAULT 'draft'::public.request_status NOT NULL,
    rejection_notes text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT social_media_requests_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT social_media_requests_requested_by_check CHECK (((requested_by_type <> 'human'::public.requester_type) OR ((requested_by_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))),
    CONSTRAINT social_media_requests_target_channel_ids_check CHECK (((cardinality(target_channel_ids) > 0) AND (array_position(target_channel_ids, NULL::uuid) IS NULL)))
);

ALTER TABLE ONLY public.social_media_requests FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE social_media_requests; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.social_media_requests IS 'A request to create social post(s). One request can target multiple channels; on approval one social_posts row is created per channel in target_channel_ids.';


--
-- Name: COLUMN social_media_requests.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN social_media_requests.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN social_media_requests.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN social_media_requests.deliverable_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.deliverable_id IS 'NULL if ad-hoc.';


--
-- Name: COLUMN social_media_requests.deliverable_period_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.deliverable_period_id IS 'NULL if ad-hoc.';


--
-- Name: COLUMN social_media_requests.activity_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.activity_id IS 'Approval activity.';


--
-- Name: COLUMN social_media_requests.requested_by_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.requested_by_type IS 'agent | human.';


--
-- Name: COLUMN social_media_requests.requested_by_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.requested_by_id IS 'Agent role or user ref_id. Soft reference (polymorphic: no foreign key); a human requester must be a ULID (checked).';


--
-- Name: COLUMN social_media_requests.topic; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.topic IS 'What the post is about.';


--
-- Name: COLUMN social_media_requests.content_brief; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.content_brief IS 'Key messages, angle, tone direction.';


--
-- Name: COLUMN social_media_requests.post_type; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.post_type IS 'standard | carousel | reel | story | article (LinkedIn) | gbp_update.';


--
-- Name: COLUMN social_media_requests.target_channel_ids; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.target_channel_ids IS 'FK → channels — which platforms to post to. At least one, no NULLs. Arrays cannot carry foreign keys: a trigger refuses ids that are not channels of the same tenant on write; deleting a channel does not prune the arrays (the application does).';


--
-- Name: COLUMN social_media_requests.scheduled_for; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.scheduled_for IS 'Requested publish date/time.';


--
-- Name: COLUMN social_media_requests.notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.notes IS 'Hashtag direction, visual notes, don''ts.';


--
-- Name: COLUMN social_media_requests.rejection_notes; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.rejection_notes IS 'Reviewer feedback if rejected.';


--
-- Name: COLUMN social_media_requests.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN social_media_requests.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN social_media_requests.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN social_media_requests.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN social_media_requests.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN social_media_requests.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_media_requests.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: social_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.social_posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    social_media_request_id uuid NOT NULL,
    channel_id uuid,
    platform public.channel_platform NOT NULL,
    content_ref character varying(24),
    char_count integer,
    status public.social_post_status DEFAULT 'draft'::public.social_post_status NOT NULL,
    scheduled_for timestamp with time zone,
    published_on timestamp with time zone,
    published_url character varying(1000),
    platform_post_id character varying(255),
    engagement_snapshot jsonb,
    last_engagement_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT social_posts_char_count_check CHECK ((char_count >= 0)),
    CONSTRAINT social_posts_content_ref_check CHECK (((content_ref)::text ~ '^[0-9a-f]{24}$'::text)),
    CONSTRAINT social_posts_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.social_posts FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE social_posts; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.social_posts IS 'One record per platform per approved social media request. The post copy is in MongoDB (content_ref).';


--
-- Name: COLUMN social_posts.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN social_posts.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN social_posts.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN social_posts.social_media_request_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.social_media_request_id IS 'The approved request this post realises.';


--
-- Name: COLUMN social_posts.channel_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.channel_id IS 'Which specific platform/page. Set NULL if the channel is hard-deleted (platform keeps which platform it was).';


--
-- Name: COLUMN social_posts.platform; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.platform IS 'Denormalised from channel for query convenience; kept equal to the channel''s platform by the (tenant_id, channel_id, platform) foreign key.';


--
-- Name: COLUMN social_posts.content_ref; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.content_ref IS 'MongoDB ObjectId — post copy + hashtags (activity_outputs; the document holds the S3 key). Application-level reference.';


--
-- Name: COLUMN social_posts.char_count; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.char_count IS 'For validation against platform limits.';


--
-- Name: COLUMN social_posts.published_url; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.published_url IS 'URL of the published post.';


--
-- Name: COLUMN social_posts.platform_post_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.platform_post_id IS 'Platform''s post ID (for analytics, editing, deletion).';


--
-- Name: COLUMN social_posts.engagement_snapshot; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.engagement_snapshot IS 'Latest metrics: { likes, comments, shares, impressions }.';


--
-- Name: COLUMN social_posts.last_engagement_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.last_engagement_on IS 'When engagement was last fetched.';


--
-- Name: COLUMN social_posts.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN social_posts.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN social_posts.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN social_posts.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN social_posts.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN social_posts.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.social_posts.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: strategies; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.strategies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    version smallint NOT NULL,
    status public.strategy_status DEFAULT 'draft'::public.strategy_status NOT NULL,
    summary text,
    rationale text,
    period_months smallint,
    start_date date,
    end_date date,
    approved_by uuid,
    approved_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    CONSTRAINT strategies_dates_ordered CHECK ((end_date >= start_date)),
    CONSTRAINT strategies_period_months_check CHECK ((period_months > 0)),
    CONSTRAINT strategies_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT strategies_version_check CHECK ((version > 0))
);

ALTER TABLE ONLY public.strategies FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE strategies; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.strategies IS 'The marketing strategy generated from the context file. Versioned per tenant; old versions archived via status, not deleted.';


--
-- Name: COLUMN strategies.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN strategies.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN strategies.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN strategies.version; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.version IS 'Increments on each new strategy';


--
-- Name: COLUMN strategies.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.status IS 'draft | awaiting_approval | active | archived';


--
-- Name: COLUMN strategies.summary; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.summary IS 'Strategy overview narrative';


--
-- Name: COLUMN strategies.rationale; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.rationale IS 'Why these goals and deliverables were chosen';


--
-- Name: COLUMN strategies.period_months; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.period_months IS 'Strategy horizon (e.g. 6 months)';


--
-- Name: COLUMN strategies.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN strategies.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN strategies.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN strategies.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.strategies.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: tenants; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tenants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    slug character varying(100) NOT NULL,
    name character varying(255) NOT NULL,
    legal_name character varying(500),
    industry character varying(100),
    website character varying(500),
    country character varying(100),
    state character varying(100),
    pan_number character varying(10),
    has_gst boolean DEFAULT false NOT NULL,
    gst_number character varying(20),
    plan public.tenant_plan NOT NULL,
    status public.tenant_status DEFAULT 'trialing'::public.tenant_status NOT NULL,
    data_privacy_level public.tenant_data_privacy_level DEFAULT 'cloud_ok'::public.tenant_data_privacy_level NOT NULL,
    active_platforms text[] DEFAULT '{}'::text[] NOT NULL,
    monthly_spend_cap_usd numeric(10,4),
    current_month_spend_usd numeric(10,4) DEFAULT 0 NOT NULL,
    billing_name character varying(255),
    billing_address text,
    billing_city character varying(100),
    billing_postal_code character varying(20),
    billing_state character varying(100),
    billing_country character varying(100),
    razorpay_customer_id character varying(255),
    razorpay_subscription_id character varying(255),
    deployment_mode public.tenant_deployment_mode DEFAULT 'saas'::public.tenant_deployment_mode NOT NULL,
    contract_accepted_on timestamp with time zone,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    registration_ref_id character varying(26),
    CONSTRAINT tenants_current_month_spend_usd_check CHECK ((current_month_spend_usd >= (0)::numeric)),
    CONSTRAINT tenants_gst_number_check CHECK (((gst_number)::text ~ '^[0-9]{2}[0-9A-Z]{13}$'::text)),
    CONSTRAINT tenants_gst_number_required CHECK (((NOT has_gst) OR (gst_number IS NOT NULL))),
    CONSTRAINT tenants_monthly_spend_cap_usd_check CHECK ((monthly_spend_cap_usd >= (0)::numeric)),
    CONSTRAINT tenants_pan_number_check CHECK (((pan_number)::text ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'::text)),
    CONSTRAINT tenants_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT tenants_registration_ref_id_check CHECK (((registration_ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT tenants_slug_check CHECK (((slug)::text ~ '^[a-z0-9]+(-[a-z0-9]+)*$'::text))
);

ALTER TABLE ONLY public.tenants FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE tenants; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.tenants IS 'A customer organisation (the tenant). Every tenant-scoped row references it with ON DELETE CASCADE. Suspended/cancelled via status, never deleted by the application.';


--
-- Name: COLUMN tenants.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN tenants.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN tenants.slug; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.slug IS 'URL-safe slug: acme-corp';


--
-- Name: COLUMN tenants.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.name IS 'Brand / Display Name — shown throughout the platform';


--
-- Name: COLUMN tenants.legal_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.legal_name IS 'Legal company name — appears on invoices and contract PDFs';


--
-- Name: COLUMN tenants.country; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.country IS 'Country selected at registration (Step 1)';


--
-- Name: COLUMN tenants.state; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.state IS 'State/province (Step 3)';


--
-- Name: COLUMN tenants.pan_number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.pan_number IS 'Indian PAN number — optional, for GST invoicing';


--
-- Name: COLUMN tenants.has_gst; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.has_gst IS 'Whether the tenant has a GST registration (Step 3)';


--
-- Name: COLUMN tenants.gst_number; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.gst_number IS 'GST number — required if has_gst = true';


--
-- Name: COLUMN tenants.plan; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.plan IS 'starter | professional | enterprise';


--
-- Name: COLUMN tenants.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.status IS 'trialing | active | suspended | cancelled';


--
-- Name: COLUMN tenants.data_privacy_level; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.data_privacy_level IS 'cloud_ok | local_only';


--
-- Name: COLUMN tenants.active_platforms; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.active_platforms IS 'Active platforms, e.g. [''google'',''meta'',''linkedin'',''email'']';


--
-- Name: COLUMN tenants.current_month_spend_usd; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.current_month_spend_usd IS 'Running total';


--
-- Name: COLUMN tenants.billing_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.billing_name IS 'Billing address name (pre-filled from brand name at registration)';


--
-- Name: COLUMN tenants.billing_address; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.billing_address IS 'Street address';


--
-- Name: COLUMN tenants.deployment_mode; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.deployment_mode IS 'saas | on_prem';


--
-- Name: COLUMN tenants.contract_accepted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.contract_accepted_on IS 'NULL = contract not yet accepted; checked on every request by the auth middleware';


--
-- Name: COLUMN tenants.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN tenants.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN tenants.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN tenants.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN tenants.registration_ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tenants.registration_ref_id IS 'Public id of the self-registration this tenant was completed from (the session row is deleted on completion); makes completion idempotent. NULL for tenants provisioned otherwise.';


--
-- Name: tool_calls; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tool_calls (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    activity_run_id uuid,
    tool_name character varying(100) NOT NULL,
    method character varying(100) NOT NULL,
    input jsonb,
    output jsonb,
    status public.tool_call_status NOT NULL,
    error text,
    duration_ms integer,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tool_calls_duration_ms_check CHECK ((duration_ms >= 0)),
    CONSTRAINT tool_calls_error_check CHECK (((status = 'error'::public.tool_call_status) OR (error IS NULL))),
    CONSTRAINT tool_calls_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text))
);

ALTER TABLE ONLY public.tool_calls FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE tool_calls; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.tool_calls IS 'Every integration API call made by an agent. Immutable; full payloads are in MongoDB tool_call_logs.';


--
-- Name: COLUMN tool_calls.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN tool_calls.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN tool_calls.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN tool_calls.activity_run_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.activity_run_id IS 'The run that made the call; NULL for calls outside an activity run.';


--
-- Name: COLUMN tool_calls.tool_name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.tool_name IS 'e.g. google_search_console';


--
-- Name: COLUMN tool_calls.method; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.method IS 'e.g. getKeywordRankings';


--
-- Name: COLUMN tool_calls.output; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.output IS 'Summary (not full — full in MongoDB)';


--
-- Name: COLUMN tool_calls.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.status IS 'success | error';


--
-- Name: COLUMN tool_calls.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN tool_calls.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.tool_calls.created_on IS 'When the row was inserted; never changed.';


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    ref_id character varying(26) DEFAULT public.gen_ulid() NOT NULL,
    tenant_id uuid NOT NULL,
    email character varying(255) NOT NULL,
    title character varying(10),
    first_name character varying(255) NOT NULL,
    last_name character varying(255) NOT NULL,
    name character varying(511) GENERATED ALWAYS AS ((((first_name)::text || ' '::text) || (last_name)::text)) STORED,
    phone character varying(50),
    role public.user_role DEFAULT 'member'::public.user_role NOT NULL,
    app_access text[] DEFAULT '{}'::text[] NOT NULL,
    status public.user_status DEFAULT 'invited'::public.user_status NOT NULL,
    password_hash text,
    created_by uuid,
    created_on timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    updated_on timestamp with time zone,
    deleted_by uuid,
    deleted_on timestamp with time zone,
    CONSTRAINT users_app_access_check CHECK ((app_access <@ ARRAY['dashboard'::text, 'dm-portal'::text, 'manage'::text])),
    CONSTRAINT users_email_check CHECK (((email)::text ~~ '_%@_%'::text)),
    CONSTRAINT users_password_hash_check CHECK ((password_hash ~~ '$argon2id$%'::text)),
    CONSTRAINT users_phone_check CHECK (((phone)::text ~ '^\+[1-9][0-9]{1,14}$'::text)),
    CONSTRAINT users_ref_id_check CHECK (((ref_id)::text ~ '^[0-9A-HJKMNP-TV-Z]{26}$'::text)),
    CONSTRAINT users_title_check CHECK (((title)::text = ANY ((ARRAY['Mr.'::character varying, 'Mrs.'::character varying, 'Ms.'::character varying, 'Dr.'::character varying, 'Prof.'::character varying])::text[])))
);

ALTER TABLE ONLY public.users FORCE ROW LEVEL SECURITY;


--
-- Name: TABLE users; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.users IS 'A person who signs in to the platform (Dashboard, DM Portal, Manage). Belongs to one tenant; soft-deleted on deactivation.';


--
-- Name: COLUMN users.id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.id IS 'Internal primary key (UUID). Used only by foreign keys; never leaves the server.';


--
-- Name: COLUMN users.ref_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.ref_id IS 'Public id: a ULID, unique, time-ordered. Exposed as the GraphQL ID and used as the pagination cursor.';


--
-- Name: COLUMN users.tenant_id; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.tenant_id IS 'Owning tenant. Row-level security compares it with app_current_tenant(); every foreign key to another tenant-scoped table includes it.';


--
-- Name: COLUMN users.email; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.email IS 'Login identity, case-insensitive: unique within the tenant (users_tenant_email_key) and, among users who have a password, on the whole platform (users_email_key).';


--
-- Name: COLUMN users.title; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.title IS 'Mr. | Mrs. | Ms. | Dr. | Prof. — collected at registration';


--
-- Name: COLUMN users.name; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.name IS 'first_name || '' '' || last_name — display name, computed column';


--
-- Name: COLUMN users.phone; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.phone IS 'E.164 format: +919876543210. Collected at registration.';


--
-- Name: COLUMN users.role; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.role IS 'admin | member | reviewer | super_admin';


--
-- Name: COLUMN users.app_access; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.app_access IS 'Apps the user may open: subset of [''dashboard'',''dm-portal'',''manage'']';


--
-- Name: COLUMN users.status; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.status IS 'active | invited | deactivated';


--
-- Name: COLUMN users.password_hash; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.password_hash IS 'Argon2id PHC string ($argon2id$...). NULL for invited users who have not set a password yet. Never exposed through the API.';


--
-- Name: COLUMN users.created_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.created_by IS 'Principal that created the row (user, platform operator or agent principal). Audit only: no foreign key, written by the server from the request context.';


--
-- Name: COLUMN users.created_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.created_on IS 'When the row was inserted; never changed.';


--
-- Name: COLUMN users.updated_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.updated_by IS 'Principal of the last update; NULL if never updated. Audit only, no foreign key.';


--
-- Name: COLUMN users.updated_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.updated_on IS 'When the row was last updated; NULL if never updated.';


--
-- Name: COLUMN users.deleted_by; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.deleted_by IS 'Principal that soft-deleted the row. Audit only, no foreign key.';


--
-- Name: COLUMN users.deleted_on; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.users.deleted_on IS 'Soft-delete time; NULL while the row is live. Standard queries filter deleted_on IS NULL.';


--
-- Name: llm_calls_default; Type: TABLE ATTACH; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_calls ATTACH PARTITION public.llm_calls_default DEFAULT;


--
-- Name: secret_columns secret_columns_pkey; Type: CONSTRAINT; Schema: app_security; Owner: -
--

ALTER TABLE ONLY app_security.secret_columns
    ADD CONSTRAINT secret_columns_pkey PRIMARY KEY (table_name, column_name);


--
-- Name: tenant_readers tenant_readers_pkey; Type: CONSTRAINT; Schema: app_security; Owner: -
--

ALTER TABLE ONLY app_security.tenant_readers
    ADD CONSTRAINT tenant_readers_pkey PRIMARY KEY (role_name);


--
-- Name: activities activities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_pkey PRIMARY KEY (id);


--
-- Name: activities activities_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_ref_id_key EXCLUDE USING hash (ref_id WITH =);


--
-- Name: activities activities_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: activity_runs activity_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_pkey PRIMARY KEY (id);


--
-- Name: activity_runs activity_runs_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_ref_id_key UNIQUE (ref_id);


--
-- Name: activity_runs activity_runs_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: activity_templates activity_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_templates
    ADD CONSTRAINT activity_templates_pkey PRIMARY KEY (id);


--
-- Name: activity_templates activity_templates_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_templates
    ADD CONSTRAINT activity_templates_ref_id_key UNIQUE (ref_id);


--
-- Name: activity_templates activity_templates_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_templates
    ADD CONSTRAINT activity_templates_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: ad_campaigns ad_campaigns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_campaigns
    ADD CONSTRAINT ad_campaigns_pkey PRIMARY KEY (id);


--
-- Name: ad_campaigns ad_campaigns_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_campaigns
    ADD CONSTRAINT ad_campaigns_ref_id_key UNIQUE (ref_id);


--
-- Name: ad_campaigns ad_campaigns_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_campaigns
    ADD CONSTRAINT ad_campaigns_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: ad_keywords ad_keywords_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_keywords
    ADD CONSTRAINT ad_keywords_pkey PRIMARY KEY (id);


--
-- Name: ad_keywords ad_keywords_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_keywords
    ADD CONSTRAINT ad_keywords_ref_id_key UNIQUE (ref_id);


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_pkey PRIMARY KEY (id);


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_ref_id_key UNIQUE (ref_id);


--
-- Name: agent_configs agent_configs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agent_configs
    ADD CONSTRAINT agent_configs_pkey PRIMARY KEY (id);


--
-- Name: agent_configs agent_configs_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agent_configs
    ADD CONSTRAINT agent_configs_ref_id_key UNIQUE (ref_id);


--
-- Name: agent_configs agent_configs_tenant_id_agent_role_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agent_configs
    ADD CONSTRAINT agent_configs_tenant_id_agent_role_key UNIQUE (tenant_id, agent_role);


--
-- Name: api_keys api_keys_key_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash);


--
-- Name: api_keys api_keys_key_prefix_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_key_prefix_key UNIQUE (key_prefix);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: api_keys api_keys_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_ref_id_key EXCLUDE USING hash (ref_id WITH =);


--
-- Name: approvals approvals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_pkey PRIMARY KEY (id);


--
-- Name: approvals approvals_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_ref_id_key UNIQUE (ref_id);


--
-- Name: backlinks backlinks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.backlinks
    ADD CONSTRAINT backlinks_pkey PRIMARY KEY (id);


--
-- Name: backlinks backlinks_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.backlinks
    ADD CONSTRAINT backlinks_ref_id_key UNIQUE (ref_id);


--
-- Name: billing_events billing_events_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_events
    ADD CONSTRAINT billing_events_pkey PRIMARY KEY (id);


--
-- Name: billing_events billing_events_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_events
    ADD CONSTRAINT billing_events_ref_id_key UNIQUE (ref_id);


--
-- Name: blog_posts blog_posts_blog_request_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_blog_request_key UNIQUE (tenant_id, blog_request_id);


--
-- Name: blog_posts blog_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_pkey PRIMARY KEY (id);


--
-- Name: blog_posts blog_posts_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_ref_id_key UNIQUE (ref_id);


--
-- Name: blog_requests blog_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_pkey PRIMARY KEY (id);


--
-- Name: blog_requests blog_requests_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_ref_id_key UNIQUE (ref_id);


--
-- Name: blog_requests blog_requests_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: campaigns campaigns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_pkey PRIMARY KEY (id);


--
-- Name: campaigns campaigns_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_ref_id_key UNIQUE (ref_id);


--
-- Name: campaigns campaigns_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: channel_scores channel_scores_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_scores
    ADD CONSTRAINT channel_scores_pkey PRIMARY KEY (id);


--
-- Name: channel_scores channel_scores_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_scores
    ADD CONSTRAINT channel_scores_ref_id_key UNIQUE (ref_id);


--
-- Name: channels channels_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_pkey PRIMARY KEY (id);


--
-- Name: channels channels_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_ref_id_key UNIQUE (ref_id);


--
-- Name: channels channels_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: channels channels_tenant_id_id_platform_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_tenant_id_id_platform_key UNIQUE (tenant_id, id, platform);


--
-- Name: contracts contracts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contracts
    ADD CONSTRAINT contracts_pkey PRIMARY KEY (id);


--
-- Name: contracts contracts_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contracts
    ADD CONSTRAINT contracts_ref_id_key UNIQUE (ref_id);


--
-- Name: credit_balances credit_balances_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_pkey PRIMARY KEY (id);


--
-- Name: credit_balances credit_balances_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_ref_id_key UNIQUE (ref_id);


--
-- Name: credit_balances credit_balances_tenant_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_tenant_id_key UNIQUE (tenant_id);


--
-- Name: credit_ledger credit_ledger_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_pkey PRIMARY KEY (id);


--
-- Name: credit_ledger credit_ledger_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_ref_id_key UNIQUE (ref_id);


--
-- Name: credit_topup_orders credit_topup_orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_topup_orders
    ADD CONSTRAINT credit_topup_orders_pkey PRIMARY KEY (id);


--
-- Name: credit_topup_orders credit_topup_orders_razorpay_order_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_topup_orders
    ADD CONSTRAINT credit_topup_orders_razorpay_order_id_key UNIQUE (razorpay_order_id);


--
-- Name: credit_topup_orders credit_topup_orders_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_topup_orders
    ADD CONSTRAINT credit_topup_orders_ref_id_key UNIQUE (ref_id);


--
-- Name: credit_topup_orders credit_topup_orders_tenant_order_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_topup_orders
    ADD CONSTRAINT credit_topup_orders_tenant_order_key UNIQUE (tenant_id, razorpay_order_id);


--
-- Name: deliverable_periods deliverable_periods_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_pkey PRIMARY KEY (id);


--
-- Name: deliverable_periods deliverable_periods_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_ref_id_key EXCLUDE USING hash (ref_id WITH =);


--
-- Name: deliverable_periods deliverable_periods_tenant_id_deliverable_id_period_start_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_tenant_id_deliverable_id_period_start_key UNIQUE (tenant_id, deliverable_id, period_start);


--
-- Name: deliverable_periods deliverable_periods_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: deliverables deliverables_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_pkey PRIMARY KEY (id);


--
-- Name: deliverables deliverables_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_ref_id_key UNIQUE (ref_id);


--
-- Name: deliverables deliverables_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: email_templates email_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT email_templates_pkey PRIMARY KEY (id);


--
-- Name: email_templates email_templates_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT email_templates_ref_id_key UNIQUE (ref_id);


--
-- Name: goals goals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_pkey PRIMARY KEY (id);


--
-- Name: goals goals_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_ref_id_key UNIQUE (ref_id);


--
-- Name: goals goals_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: integrations integrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_pkey PRIMARY KEY (id);


--
-- Name: integrations integrations_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_ref_id_key UNIQUE (ref_id);


--
-- Name: lead_activities lead_activities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_activities
    ADD CONSTRAINT lead_activities_pkey PRIMARY KEY (id);


--
-- Name: lead_activities lead_activities_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_activities
    ADD CONSTRAINT lead_activities_ref_id_key UNIQUE (ref_id);


--
-- Name: leads leads_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_pkey PRIMARY KEY (id);


--
-- Name: leads leads_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_ref_id_key UNIQUE (ref_id);


--
-- Name: leads leads_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: llm_calls llm_calls_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_calls
    ADD CONSTRAINT llm_calls_pkey PRIMARY KEY (id, created_on);


--
-- Name: llm_calls_default llm_calls_default_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_calls_default
    ADD CONSTRAINT llm_calls_default_pkey PRIMARY KEY (id, created_on);


--
-- Name: llm_calls llm_calls_ref_id_created_on_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_calls
    ADD CONSTRAINT llm_calls_ref_id_created_on_key UNIQUE (ref_id, created_on);


--
-- Name: llm_calls_default llm_calls_default_ref_id_created_on_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_calls_default
    ADD CONSTRAINT llm_calls_default_ref_id_created_on_key UNIQUE (ref_id, created_on);


--
-- Name: llm_providers llm_providers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_providers
    ADD CONSTRAINT llm_providers_pkey PRIMARY KEY (id);


--
-- Name: llm_providers llm_providers_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_providers
    ADD CONSTRAINT llm_providers_ref_id_key UNIQUE (ref_id);


--
-- Name: notification_dispatch_log notification_dispatch_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_dispatch_log
    ADD CONSTRAINT notification_dispatch_log_pkey PRIMARY KEY (id);


--
-- Name: notification_dispatch_log notification_dispatch_log_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_dispatch_log
    ADD CONSTRAINT notification_dispatch_log_ref_id_key UNIQUE (ref_id);


--
-- Name: notification_providers notification_providers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_providers
    ADD CONSTRAINT notification_providers_pkey PRIMARY KEY (id);


--
-- Name: notification_providers notification_providers_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_providers
    ADD CONSTRAINT notification_providers_ref_id_key UNIQUE (ref_id);


--
-- Name: notification_providers notification_providers_tenant_channel_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_providers
    ADD CONSTRAINT notification_providers_tenant_channel_unique UNIQUE (tenant_id, channel);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_ref_id_key UNIQUE (ref_id);


--
-- Name: onboarding_runs onboarding_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_runs
    ADD CONSTRAINT onboarding_runs_pkey PRIMARY KEY (id);


--
-- Name: onboarding_runs onboarding_runs_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_runs
    ADD CONSTRAINT onboarding_runs_ref_id_key UNIQUE (ref_id);


--
-- Name: operator_audit_log operator_audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operator_audit_log
    ADD CONSTRAINT operator_audit_log_pkey PRIMARY KEY (id);


--
-- Name: operator_audit_log operator_audit_log_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operator_audit_log
    ADD CONSTRAINT operator_audit_log_ref_id_key UNIQUE (ref_id);


--
-- Name: rag_crawl_jobs rag_crawl_jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_crawl_jobs
    ADD CONSTRAINT rag_crawl_jobs_pkey PRIMARY KEY (id);


--
-- Name: rag_crawl_jobs rag_crawl_jobs_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_crawl_jobs
    ADD CONSTRAINT rag_crawl_jobs_ref_id_key UNIQUE (ref_id);


--
-- Name: rag_datasets rag_datasets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_datasets
    ADD CONSTRAINT rag_datasets_pkey PRIMARY KEY (id);


--
-- Name: rag_datasets rag_datasets_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_datasets
    ADD CONSTRAINT rag_datasets_ref_id_key UNIQUE (ref_id);


--
-- Name: rag_datasets rag_datasets_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_datasets
    ADD CONSTRAINT rag_datasets_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: rag_files rag_files_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_files
    ADD CONSTRAINT rag_files_pkey PRIMARY KEY (id);


--
-- Name: rag_files rag_files_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_files
    ADD CONSTRAINT rag_files_ref_id_key UNIQUE (ref_id);


--
-- Name: recurring_task_templates recurring_task_templates_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_task_templates
    ADD CONSTRAINT recurring_task_templates_pkey PRIMARY KEY (id);


--
-- Name: recurring_task_templates recurring_task_templates_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_task_templates
    ADD CONSTRAINT recurring_task_templates_ref_id_key UNIQUE (ref_id);


--
-- Name: recurring_task_templates recurring_task_templates_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_task_templates
    ADD CONSTRAINT recurring_task_templates_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: registration_sessions registration_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registration_sessions
    ADD CONSTRAINT registration_sessions_pkey PRIMARY KEY (id);


--
-- Name: registration_sessions registration_sessions_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registration_sessions
    ADD CONSTRAINT registration_sessions_ref_id_key UNIQUE (ref_id);


--
-- Name: registration_sessions registration_sessions_session_token_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registration_sessions
    ADD CONSTRAINT registration_sessions_session_token_key UNIQUE (session_token);


--
-- Name: reports reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);


--
-- Name: reports reports_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_ref_id_key UNIQUE (ref_id);


--
-- Name: seaql_migrations seaql_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.seaql_migrations
    ADD CONSTRAINT seaql_migrations_pkey PRIMARY KEY (version);


--
-- Name: search_term_classifications search_term_classifications_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_pkey PRIMARY KEY (id);


--
-- Name: search_term_classifications search_term_classifications_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_ref_id_key UNIQUE (ref_id);


--
-- Name: search_term_reports search_term_reports_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_pkey PRIMARY KEY (id);


--
-- Name: search_term_reports search_term_reports_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_ref_id_key UNIQUE (ref_id);


--
-- Name: search_term_reports search_term_reports_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_ref_id_key UNIQUE (ref_id);


--
-- Name: sessions sessions_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: social_media_requests social_media_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_pkey PRIMARY KEY (id);


--
-- Name: social_media_requests social_media_requests_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_ref_id_key UNIQUE (ref_id);


--
-- Name: social_media_requests social_media_requests_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: social_posts social_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_pkey PRIMARY KEY (id);


--
-- Name: social_posts social_posts_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_ref_id_key UNIQUE (ref_id);


--
-- Name: social_posts social_posts_request_channel_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_request_channel_key UNIQUE (tenant_id, social_media_request_id, channel_id);


--
-- Name: strategies strategies_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_pkey PRIMARY KEY (id);


--
-- Name: strategies strategies_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_ref_id_key EXCLUDE USING hash (ref_id WITH =);


--
-- Name: strategies strategies_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: strategies strategies_tenant_id_version_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_tenant_id_version_key UNIQUE (tenant_id, version);


--
-- Name: tenants tenants_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_pkey PRIMARY KEY (id);


--
-- Name: tenants tenants_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_ref_id_key UNIQUE (ref_id);


--
-- Name: tenants tenants_registration_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_registration_ref_id_key UNIQUE (registration_ref_id);


--
-- Name: tenants tenants_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tenants
    ADD CONSTRAINT tenants_slug_key UNIQUE (slug);


--
-- Name: tool_calls tool_calls_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tool_calls
    ADD CONSTRAINT tool_calls_pkey PRIMARY KEY (id);


--
-- Name: tool_calls tool_calls_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tool_calls
    ADD CONSTRAINT tool_calls_ref_id_key UNIQUE (ref_id);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_ref_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_ref_id_key EXCLUDE USING hash (ref_id WITH =);


--
-- Name: users users_tenant_id_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id);


--
-- Name: idx_tenant_readers_tenant; Type: INDEX; Schema: app_security; Owner: -
--

CREATE INDEX idx_tenant_readers_tenant ON app_security.tenant_readers USING btree (tenant_id);


--
-- Name: activities_tenant_ref_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX activities_tenant_ref_key ON public.activities USING btree (tenant_id, ref_id);


--
-- Name: activity_templates_tenant_source_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX activity_templates_tenant_source_key ON public.activity_templates USING btree (tenant_id, source_template_id) WHERE ((source_template_id IS NOT NULL) AND (deleted_on IS NULL));


--
-- Name: api_keys_tenant_ref_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX api_keys_tenant_ref_key ON public.api_keys USING btree (tenant_id, ref_id);


--
-- Name: approvals_expiry_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX approvals_expiry_due_idx ON public.approvals USING btree (expires_at) WHERE (status = 'pending'::public.approval_status);


--
-- Name: approvals_one_pending_per_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX approvals_one_pending_per_activity ON public.approvals USING btree (((tenant_id)::text), activity_id) WHERE (status = 'pending'::public.approval_status);


--
-- Name: INDEX approvals_one_pending_per_activity; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.approvals_one_pending_per_activity IS 'At most one pending approval per activity (expression on tenant_id keeps the entity generator from reading it as a model-level unique key).';


--
-- Name: contracts_tenant_current_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX contracts_tenant_current_key ON public.contracts USING btree (tenant_id) WHERE (status <> 'superseded'::public.contract_status);


--
-- Name: credit_ledger_run_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_ledger_run_idx ON public.credit_ledger USING btree (tenant_id, activity_run_id);


--
-- Name: credit_ledger_tenant_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_ledger_tenant_idx ON public.credit_ledger USING btree (tenant_id, created_on DESC);


--
-- Name: credit_ledger_topup_order_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credit_ledger_topup_order_idx ON public.credit_ledger USING btree (tenant_id, topup_order_id) WHERE (topup_order_id IS NOT NULL);


--
-- Name: deliverable_periods_tenant_ref_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX deliverable_periods_tenant_ref_key ON public.deliverable_periods USING btree (tenant_id, ref_id);


--
-- Name: idx_activities_agent_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_agent_queue ON public.activities USING btree (tenant_id, assignee_agent_role, priority DESC, due_date, ref_id) WHERE ((assignee_type = 'agent'::public.assignee_type) AND (status = ANY (ARRAY['created'::public.activity_status, 'assigned'::public.activity_status])) AND (deleted_on IS NULL));


--
-- Name: idx_activities_agent_role; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_agent_role ON public.activities USING btree (assignee_agent_role, status) WHERE (assignee_type = 'agent'::public.assignee_type);


--
-- Name: idx_activities_goal; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_goal ON public.activities USING btree (tenant_id, goal_id, ref_id) WHERE (goal_id IS NOT NULL);


--
-- Name: idx_activities_human_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_human_queue ON public.activities USING btree (tenant_id, assignee_user_id, is_approval_gate DESC, priority DESC, due_date, ref_id) WHERE ((assignee_type = 'human'::public.assignee_type) AND (status = ANY (ARRAY['created'::public.activity_status, 'awaiting_approval'::public.activity_status])) AND (deleted_on IS NULL));


--
-- Name: idx_activities_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_parent ON public.activities USING btree (tenant_id, parent_activity_id, ref_id) WHERE (parent_activity_id IS NOT NULL);


--
-- Name: idx_activities_tenant_agent_role; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_tenant_agent_role ON public.activities USING btree (tenant_id, assignee_agent_role, ref_id) WHERE (assignee_agent_role IS NOT NULL);


--
-- Name: idx_activities_tenant_assignee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_tenant_assignee ON public.activities USING btree (tenant_id, assignee_user_id, ref_id) WHERE (assignee_user_id IS NOT NULL);


--
-- Name: idx_activities_tenant_deliverable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_tenant_deliverable ON public.activities USING btree (tenant_id, deliverable_period_id, ref_id) WHERE (deliverable_period_id IS NOT NULL);


--
-- Name: idx_activities_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_tenant_status ON public.activities USING btree (tenant_id, status, ref_id);


--
-- Name: idx_activities_tenant_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activities_tenant_type ON public.activities USING btree (tenant_id, type, ref_id);


--
-- Name: idx_activity_runs_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activity_runs_activity ON public.activity_runs USING btree (tenant_id, activity_id, started_on DESC);


--
-- Name: idx_activity_runs_session; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activity_runs_session ON public.activity_runs USING btree (tenant_id, session_id) WHERE (session_id IS NOT NULL);


--
-- Name: idx_activity_templates_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activity_templates_tenant_ref ON public.activity_templates USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_activity_templates_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_activity_templates_type ON public.activity_templates USING btree (tenant_id, deliverable_type, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_ad_campaigns_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_campaigns_channel ON public.ad_campaigns USING btree (tenant_id, channel_id);


--
-- Name: idx_ad_campaigns_external; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_ad_campaigns_external ON public.ad_campaigns USING btree (tenant_id, platform, external_campaign_id);


--
-- Name: idx_ad_keywords_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_keywords_campaign ON public.ad_keywords USING btree (tenant_id, ad_campaign_id);


--
-- Name: idx_ad_keywords_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_keywords_channel ON public.ad_keywords USING btree (tenant_id, channel_id);


--
-- Name: idx_ad_optimization_recommendations_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_optimization_recommendations_campaign ON public.ad_optimization_recommendations USING btree (tenant_id, ad_campaign_id);


--
-- Name: idx_ad_optimization_recommendations_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_optimization_recommendations_channel ON public.ad_optimization_recommendations USING btree (tenant_id, channel_id);


--
-- Name: idx_ad_optimization_recommendations_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_ad_optimization_recommendations_pending ON public.ad_optimization_recommendations USING btree (tenant_id, priority, created_on) WHERE (status = 'pending_review'::public.ad_optimization_recommendation_status);


--
-- Name: idx_api_keys_tenant_active; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_api_keys_tenant_active ON public.api_keys USING btree (tenant_id, created_on DESC) WHERE (revoked_on IS NULL);


--
-- Name: idx_approvals_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_activity ON public.approvals USING btree (tenant_id, activity_id, ref_id);


--
-- Name: idx_approvals_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_pending ON public.approvals USING btree (tenant_id, expires_at, ref_id) WHERE (status = 'pending'::public.approval_status);


--
-- Name: idx_approvals_reviewer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_reviewer ON public.approvals USING btree (tenant_id, reviewer_id, status) WHERE (reviewer_id IS NOT NULL);


--
-- Name: idx_approvals_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_tenant_ref ON public.approvals USING btree (tenant_id, ref_id);


--
-- Name: idx_approvals_tenant_reviewer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_tenant_reviewer ON public.approvals USING btree (tenant_id, reviewer_id, ref_id) WHERE (reviewer_id IS NOT NULL);


--
-- Name: idx_approvals_tenant_risk; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_tenant_risk ON public.approvals USING btree (tenant_id, risk_level, ref_id);


--
-- Name: idx_approvals_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_tenant_status ON public.approvals USING btree (tenant_id, status, ref_id);


--
-- Name: idx_approvals_tenant_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_approvals_tenant_type ON public.approvals USING btree (tenant_id, type, ref_id);


--
-- Name: idx_backlinks_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_activity ON public.backlinks USING btree (tenant_id, activity_id, ref_id) WHERE (activity_id IS NOT NULL);


--
-- Name: idx_backlinks_check_schedule; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_check_schedule ON public.backlinks USING btree (last_checked_on, is_live) WHERE (outreach_status = 'published'::public.backlink_outreach_status);


--
-- Name: idx_backlinks_deliverable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_deliverable ON public.backlinks USING btree (tenant_id, deliverable_id, ref_id) WHERE (deliverable_id IS NOT NULL);


--
-- Name: idx_backlinks_tenant_indexed; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_tenant_indexed ON public.backlinks USING btree (tenant_id, is_indexed, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_backlinks_tenant_link_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_tenant_link_type ON public.backlinks USING btree (tenant_id, link_type, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_backlinks_tenant_live; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_tenant_live ON public.backlinks USING btree (tenant_id, is_live, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_backlinks_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_tenant_ref ON public.backlinks USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_backlinks_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_backlinks_tenant_status ON public.backlinks USING btree (tenant_id, outreach_status, is_live, ref_id);


--
-- Name: idx_billing_events_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_billing_events_entity ON public.billing_events USING btree (tenant_id, razorpay_entity_id) WHERE (razorpay_entity_id IS NOT NULL);


--
-- Name: idx_billing_events_tenant_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_billing_events_tenant_created ON public.billing_events USING btree (tenant_id, created_on DESC);


--
-- Name: idx_blog_posts_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_posts_channel ON public.blog_posts USING btree (tenant_id, channel_id, ref_id) WHERE (channel_id IS NOT NULL);


--
-- Name: idx_blog_posts_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_posts_tenant_ref ON public.blog_posts USING btree (tenant_id, ref_id);


--
-- Name: idx_blog_posts_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_posts_tenant_status ON public.blog_posts USING btree (tenant_id, status, ref_id);


--
-- Name: idx_blog_requests_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_activity ON public.blog_requests USING btree (tenant_id, activity_id, ref_id) WHERE (activity_id IS NOT NULL);


--
-- Name: idx_blog_requests_deliverable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_deliverable ON public.blog_requests USING btree (tenant_id, deliverable_id, ref_id) WHERE (deliverable_id IS NOT NULL);


--
-- Name: idx_blog_requests_deliverable_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_deliverable_period ON public.blog_requests USING btree (tenant_id, deliverable_period_id, ref_id) WHERE (deliverable_period_id IS NOT NULL);


--
-- Name: idx_blog_requests_target_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_target_channel ON public.blog_requests USING btree (tenant_id, target_channel_id, ref_id) WHERE (target_channel_id IS NOT NULL);


--
-- Name: idx_blog_requests_tenant_priority; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_tenant_priority ON public.blog_requests USING btree (tenant_id, priority, ref_id);


--
-- Name: idx_blog_requests_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_tenant_ref ON public.blog_requests USING btree (tenant_id, ref_id);


--
-- Name: idx_blog_requests_tenant_requester; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_tenant_requester ON public.blog_requests USING btree (tenant_id, requested_by_type, ref_id);


--
-- Name: idx_blog_requests_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_blog_requests_tenant_status ON public.blog_requests USING btree (tenant_id, status, ref_id);


--
-- Name: idx_campaigns_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_campaigns_activity ON public.campaigns USING btree (tenant_id, activity_id) WHERE (activity_id IS NOT NULL);


--
-- Name: idx_campaigns_goal; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_campaigns_goal ON public.campaigns USING btree (tenant_id, goal_id, ref_id) WHERE (goal_id IS NOT NULL);


--
-- Name: idx_campaigns_strategy; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_campaigns_strategy ON public.campaigns USING btree (tenant_id, strategy_id, ref_id) WHERE (strategy_id IS NOT NULL);


--
-- Name: idx_campaigns_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_campaigns_tenant_ref ON public.campaigns USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_campaigns_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_campaigns_tenant_status ON public.campaigns USING btree (tenant_id, status, ref_id);


--
-- Name: idx_channel_scores_channel_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channel_scores_channel_period ON public.channel_scores USING btree (tenant_id, channel_id, period DESC, scored_on DESC);


--
-- Name: idx_channel_scores_channel_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channel_scores_channel_ref ON public.channel_scores USING btree (tenant_id, channel_id, ref_id);


--
-- Name: idx_channels_expiry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channels_expiry ON public.channels USING btree (token_expires_at) WHERE (status = 'connected'::public.channel_status);


--
-- Name: idx_channels_tenant_platform; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_channels_tenant_platform ON public.channels USING btree (tenant_id, platform, external_id);


--
-- Name: idx_channels_tenant_platform_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channels_tenant_platform_ref ON public.channels USING btree (tenant_id, platform, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_channels_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channels_tenant_ref ON public.channels USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_channels_tenant_status_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channels_tenant_status_ref ON public.channels USING btree (tenant_id, status, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_channels_tenant_type_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_channels_tenant_type_ref ON public.channels USING btree (tenant_id, channel_type, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_contracts_current_version; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_contracts_current_version ON public.contracts USING btree (template_version, tenant_id) WHERE (status <> 'superseded'::public.contract_status);


--
-- Name: idx_contracts_tenant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_contracts_tenant ON public.contracts USING btree (tenant_id, created_on DESC);


--
-- Name: idx_deliverable_periods_active; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_deliverable_periods_active ON public.deliverable_periods USING btree (tenant_id, status) WHERE (status = ANY (ARRAY['not_started'::public.deliverable_period_status, 'in_progress'::public.deliverable_period_status, 'at_risk'::public.deliverable_period_status]));


--
-- Name: idx_deliverable_periods_tenant_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_deliverable_periods_tenant_period ON public.deliverable_periods USING btree (tenant_id, period_start);


--
-- Name: idx_deliverables_tenant_goal; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_deliverables_tenant_goal ON public.deliverables USING btree (tenant_id, goal_id);


--
-- Name: idx_deliverables_tenant_strategy; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_deliverables_tenant_strategy ON public.deliverables USING btree (tenant_id, strategy_id);


--
-- Name: idx_email_templates_slug_tenant; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_email_templates_slug_tenant ON public.email_templates USING btree (slug, COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid));


--
-- Name: idx_email_templates_source; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_email_templates_source ON public.email_templates USING btree (source_template_id) WHERE (source_template_id IS NOT NULL);


--
-- Name: idx_email_templates_tenant_category; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_email_templates_tenant_category ON public.email_templates USING btree (tenant_id, category, ref_id);


--
-- Name: idx_email_templates_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_email_templates_tenant_ref ON public.email_templates USING btree (tenant_id, ref_id);


--
-- Name: idx_email_templates_tenant_slug; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_email_templates_tenant_slug ON public.email_templates USING btree (tenant_id, slug, ref_id);


--
-- Name: idx_goals_active; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_goals_active ON public.goals USING btree (tenant_id, strategy_id, status);


--
-- Name: idx_integrations_tenant_active; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_integrations_tenant_active ON public.integrations USING btree (tenant_id, is_active, ref_id);


--
-- Name: idx_integrations_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_integrations_tenant_ref ON public.integrations USING btree (tenant_id, ref_id);


--
-- Name: idx_integrations_tenant_type; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_integrations_tenant_type ON public.integrations USING btree (tenant_id, integration_type) WHERE (integration_type <> 'custom'::public.integration_type);


--
-- Name: idx_integrations_tenant_type_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_integrations_tenant_type_ref ON public.integrations USING btree (tenant_id, integration_type, ref_id);


--
-- Name: idx_lead_activities_lead; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_lead_activities_lead ON public.lead_activities USING btree (tenant_id, lead_id, created_on DESC);


--
-- Name: idx_leads_assigned; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_leads_assigned ON public.leads USING btree (tenant_id, assigned_to) WHERE (assigned_to IS NOT NULL);


--
-- Name: idx_leads_source; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_leads_source ON public.leads USING btree (tenant_id, source, source_campaign_id);


--
-- Name: idx_leads_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_leads_tenant_status ON public.leads USING btree (tenant_id, status, created_on);


--
-- Name: idx_llm_calls_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_calls_run ON ONLY public.llm_calls USING btree (tenant_id, activity_run_id) WHERE (activity_run_id IS NOT NULL);


--
-- Name: idx_llm_calls_tenant_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_calls_tenant_created ON ONLY public.llm_calls USING btree (tenant_id, created_on DESC);


--
-- Name: idx_llm_providers_active; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_providers_active ON public.llm_providers USING btree (tenant_id, provider_type) WHERE is_active;


--
-- Name: idx_llm_providers_tenant_active_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_providers_tenant_active_ref ON public.llm_providers USING btree (tenant_id, is_active, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_llm_providers_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_providers_tenant_ref ON public.llm_providers USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_llm_providers_tenant_type_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_llm_providers_tenant_type_ref ON public.llm_providers USING btree (tenant_id, provider_type, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_onboarding_runs_tenant; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_onboarding_runs_tenant ON public.onboarding_runs USING btree (tenant_id, created_on DESC);


--
-- Name: idx_operator_audit_log_tenant_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_operator_audit_log_tenant_created ON public.operator_audit_log USING btree (tenant_id, created_on DESC);


--
-- Name: idx_rag_crawl_jobs_tenant_dataset; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_crawl_jobs_tenant_dataset ON public.rag_crawl_jobs USING btree (tenant_id, dataset_id, ref_id);


--
-- Name: idx_rag_crawl_jobs_tenant_dataset_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_crawl_jobs_tenant_dataset_status ON public.rag_crawl_jobs USING btree (tenant_id, dataset_id, status, ref_id);


--
-- Name: idx_rag_datasets_tenant_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX idx_rag_datasets_tenant_name ON public.rag_datasets USING btree (tenant_id, name) WHERE (deleted_on IS NULL);


--
-- Name: idx_rag_datasets_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_datasets_tenant_ref ON public.rag_datasets USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_rag_datasets_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_datasets_tenant_status ON public.rag_datasets USING btree (tenant_id, status, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_rag_files_tenant_dataset; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_files_tenant_dataset ON public.rag_files USING btree (tenant_id, dataset_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_rag_files_tenant_dataset_enabled; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_files_tenant_dataset_enabled ON public.rag_files USING btree (tenant_id, dataset_id, enabled, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_rag_files_tenant_dataset_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_rag_files_tenant_dataset_status ON public.rag_files USING btree (tenant_id, dataset_id, status, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_recurring_task_templates_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_recurring_task_templates_tenant_ref ON public.recurring_task_templates USING btree (tenant_id, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_recurring_task_templates_tenant_trigger_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_recurring_task_templates_tenant_trigger_ref ON public.recurring_task_templates USING btree (tenant_id, trigger, ref_id) WHERE (deleted_on IS NULL);


--
-- Name: idx_recurring_task_templates_trigger; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_recurring_task_templates_trigger ON public.recurring_task_templates USING btree (tenant_id, trigger) WHERE (is_active AND (deleted_on IS NULL));


--
-- Name: idx_registration_sessions_expiry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_registration_sessions_expiry ON public.registration_sessions USING btree (expires_at);


--
-- Name: idx_reports_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_activity ON public.reports USING btree (tenant_id, activity_id) WHERE (activity_id IS NOT NULL);


--
-- Name: idx_reports_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_campaign ON public.reports USING btree (tenant_id, campaign_id, period_start DESC, ref_id DESC) WHERE (campaign_id IS NOT NULL);


--
-- Name: idx_reports_deliverable_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_deliverable_period ON public.reports USING btree (tenant_id, deliverable_period_id, period_start DESC, ref_id DESC) WHERE (deliverable_period_id IS NOT NULL);


--
-- Name: idx_reports_delivered_by; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_delivered_by ON public.reports USING btree (tenant_id, delivered_by) WHERE (delivered_by IS NOT NULL);


--
-- Name: idx_reports_tenant_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_tenant_period ON public.reports USING btree (tenant_id, period_start DESC, ref_id DESC) WHERE (deleted_on IS NULL);


--
-- Name: idx_reports_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_tenant_status ON public.reports USING btree (tenant_id, status, period_start DESC, ref_id DESC) WHERE (deleted_on IS NULL);


--
-- Name: idx_reports_tenant_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_reports_tenant_type ON public.reports USING btree (tenant_id, type, period_start DESC, ref_id DESC) WHERE (deleted_on IS NULL);


--
-- Name: idx_search_term_classifications_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_search_term_classifications_pending ON public.search_term_classifications USING btree (tenant_id, created_on) WHERE (status = 'pending_review'::public.search_term_classification_status);


--
-- Name: idx_search_term_classifications_report; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_search_term_classifications_report ON public.search_term_classifications USING btree (tenant_id, search_term_report_id);


--
-- Name: idx_search_term_reports_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_search_term_reports_campaign ON public.search_term_reports USING btree (tenant_id, ad_campaign_id);


--
-- Name: idx_search_term_reports_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_search_term_reports_channel ON public.search_term_reports USING btree (tenant_id, channel_id);


--
-- Name: idx_sessions_expiry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_sessions_expiry ON public.sessions USING btree (expires_at);


--
-- Name: idx_sessions_goal_role; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_sessions_goal_role ON public.sessions USING btree (tenant_id, goal_id, agent_role, ref_id);


--
-- Name: idx_sessions_tenant_goal_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_sessions_tenant_goal_ref ON public.sessions USING btree (tenant_id, goal_id, ref_id) WHERE (goal_id IS NOT NULL);


--
-- Name: idx_sessions_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_sessions_tenant_ref ON public.sessions USING btree (tenant_id, ref_id);


--
-- Name: idx_sessions_tenant_role_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_sessions_tenant_role_ref ON public.sessions USING btree (tenant_id, agent_role, ref_id);


--
-- Name: idx_social_media_requests_activity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_activity ON public.social_media_requests USING btree (tenant_id, activity_id, ref_id) WHERE (activity_id IS NOT NULL);


--
-- Name: idx_social_media_requests_deliverable; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_deliverable ON public.social_media_requests USING btree (tenant_id, deliverable_id, ref_id) WHERE (deliverable_id IS NOT NULL);


--
-- Name: idx_social_media_requests_deliverable_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_deliverable_period ON public.social_media_requests USING btree (tenant_id, deliverable_period_id, ref_id) WHERE (deliverable_period_id IS NOT NULL);


--
-- Name: idx_social_media_requests_tenant_post_type; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_tenant_post_type ON public.social_media_requests USING btree (tenant_id, post_type, ref_id);


--
-- Name: idx_social_media_requests_tenant_priority; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_tenant_priority ON public.social_media_requests USING btree (tenant_id, priority, ref_id);


--
-- Name: idx_social_media_requests_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_tenant_ref ON public.social_media_requests USING btree (tenant_id, ref_id);


--
-- Name: idx_social_media_requests_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_media_requests_tenant_status ON public.social_media_requests USING btree (tenant_id, status, ref_id);


--
-- Name: idx_social_posts_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_posts_channel ON public.social_posts USING btree (tenant_id, channel_id, ref_id) WHERE (channel_id IS NOT NULL);


--
-- Name: idx_social_posts_request; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_posts_request ON public.social_posts USING btree (tenant_id, social_media_request_id, ref_id);


--
-- Name: idx_social_posts_tenant_platform; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_posts_tenant_platform ON public.social_posts USING btree (tenant_id, platform, ref_id);


--
-- Name: idx_social_posts_tenant_ref; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_posts_tenant_ref ON public.social_posts USING btree (tenant_id, ref_id);


--
-- Name: idx_social_posts_tenant_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_social_posts_tenant_status ON public.social_posts USING btree (tenant_id, status, ref_id);


--
-- Name: idx_tool_calls_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_tool_calls_run ON public.tool_calls USING btree (tenant_id, activity_run_id) WHERE (activity_run_id IS NOT NULL);


--
-- Name: idx_tool_calls_tenant_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_tool_calls_tenant_created ON public.tool_calls USING btree (tenant_id, created_on DESC);


--
-- Name: llm_calls_default_tenant_id_activity_run_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX llm_calls_default_tenant_id_activity_run_id_idx ON public.llm_calls_default USING btree (tenant_id, activity_run_id) WHERE (activity_run_id IS NOT NULL);


--
-- Name: llm_calls_default_tenant_id_created_on_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX llm_calls_default_tenant_id_created_on_idx ON public.llm_calls_default USING btree (tenant_id, created_on DESC);


--
-- Name: llm_providers_global_default_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX llm_providers_global_default_key ON public.llm_providers USING btree (provider_type) WHERE (is_global_default AND (tenant_id IS NULL));


--
-- Name: notification_dispatch_job_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notification_dispatch_job_idx ON public.notification_dispatch_log USING btree (tenant_id, notification_job_id);


--
-- Name: notification_dispatch_tenant_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notification_dispatch_tenant_idx ON public.notification_dispatch_log USING btree (tenant_id, created_on DESC);


--
-- Name: notifications_user_list_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_user_list_idx ON public.notifications USING btree (tenant_id, user_id, created_on DESC, ref_id DESC);


--
-- Name: INDEX notifications_user_list_idx; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.notifications_user_list_idx IS 'A user''s notifications (user_id NULL: the broadcasts to admins), newest first: the notifications list without unreadOnly.';


--
-- Name: notifications_user_unread_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notifications_user_unread_idx ON public.notifications USING btree (tenant_id, user_id, created_on DESC) WHERE (read = false);


--
-- Name: rag_crawl_jobs_dataset_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rag_crawl_jobs_dataset_idx ON public.rag_crawl_jobs USING btree (dataset_id);


--
-- Name: rag_files_dataset_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rag_files_dataset_idx ON public.rag_files USING btree (dataset_id);


--
-- Name: rag_files_tenant_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX rag_files_tenant_idx ON public.rag_files USING btree (tenant_id);


--
-- Name: recurring_task_templates_tenant_source_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX recurring_task_templates_tenant_source_key ON public.recurring_task_templates USING btree (tenant_id, source_template_id) WHERE ((source_template_id IS NOT NULL) AND (deleted_on IS NULL));


--
-- Name: strategies_tenant_active_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX strategies_tenant_active_key ON public.strategies USING btree (tenant_id) WHERE (status = 'active'::public.strategy_status);


--
-- Name: strategies_tenant_ref_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX strategies_tenant_ref_key ON public.strategies USING btree (tenant_id, ref_id);


--
-- Name: users_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_email_key ON public.users USING btree (lower((email)::text)) WHERE (password_hash IS NOT NULL);


--
-- Name: INDEX users_email_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.users_email_key IS 'One user who can sign in (has a password) per email address (case-insensitive) on the whole platform; invitations are not counted, so an invitation reveals nothing about other tenants.';


--
-- Name: users_tenant_email_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_tenant_email_key ON public.users USING btree (((tenant_id)::text), lower((email)::text));


--
-- Name: INDEX users_tenant_email_key; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON INDEX public.users_tenant_email_key IS 'An email address appears at most once within a tenant (case-insensitive), invitations included.';


--
-- Name: users_tenant_ref_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX users_tenant_ref_key ON public.users USING btree (tenant_id, ref_id);


--
-- Name: llm_calls_default_pkey; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.llm_calls_pkey ATTACH PARTITION public.llm_calls_default_pkey;


--
-- Name: llm_calls_default_ref_id_created_on_key; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.llm_calls_ref_id_created_on_key ATTACH PARTITION public.llm_calls_default_ref_id_created_on_key;


--
-- Name: llm_calls_default_tenant_id_activity_run_id_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.idx_llm_calls_run ATTACH PARTITION public.llm_calls_default_tenant_id_activity_run_id_idx;


--
-- Name: llm_calls_default_tenant_id_created_on_idx; Type: INDEX ATTACH; Schema: public; Owner: -
--

ALTER INDEX public.idx_llm_calls_tenant_created ATTACH PARTITION public.llm_calls_default_tenant_id_created_on_idx;


--
-- Name: activity_templates activity_templates_source_template_tenant_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER activity_templates_source_template_tenant_check BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON public.activity_templates FOR EACH ROW EXECUTE FUNCTION public.app_check_reference_tenant('activity_templates', 'source_template_id');


--
-- Name: deliverables deliverables_template_tenant_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER deliverables_template_tenant_check BEFORE INSERT OR UPDATE OF template_id, tenant_id ON public.deliverables FOR EACH ROW EXECUTE FUNCTION public.app_check_reference_tenant('activity_templates', 'template_id');


--
-- Name: email_templates email_templates_source_template_tenant_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER email_templates_source_template_tenant_check BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON public.email_templates FOR EACH ROW EXECUTE FUNCTION public.app_check_reference_tenant('email_templates', 'source_template_id');


--
-- Name: rag_datasets rag_datasets_embedding_immutable; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER rag_datasets_embedding_immutable BEFORE UPDATE OF embedding_provider, embedding_model, vector_size, qdrant_collection ON public.rag_datasets FOR EACH ROW EXECUTE FUNCTION public.rag_datasets_embedding_immutable();


--
-- Name: recurring_task_templates recurring_task_templates_source_template_tenant_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER recurring_task_templates_source_template_tenant_check BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON public.recurring_task_templates FOR EACH ROW EXECUTE FUNCTION public.app_check_reference_tenant('recurring_task_templates', 'source_template_id');


--
-- Name: social_media_requests social_media_requests_target_channel_ids_tenant_check; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER social_media_requests_target_channel_ids_tenant_check BEFORE INSERT OR UPDATE OF target_channel_ids, tenant_id ON public.social_media_requests FOR EACH ROW EXECUTE FUNCTION public.app_check_reference_tenant('channels', 'target_channel_ids');


--
-- Name: tenant_readers tenant_readers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: app_security; Owner: -
--

ALTER TABLE ONLY app_security.tenant_readers
    ADD CONSTRAINT tenant_readers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: activities activities_assignee_user_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_assignee_user_fk FOREIGN KEY (tenant_id, assignee_user_id) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (assignee_user_id);


--
-- Name: activities activities_deliverable_period_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id) REFERENCES public.deliverable_periods(tenant_id, id) ON DELETE CASCADE;


--
-- Name: activities activities_goal_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_goal_fk FOREIGN KEY (tenant_id, goal_id) REFERENCES public.goals(tenant_id, id) ON DELETE SET NULL (goal_id);


--
-- Name: activities activities_parent_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_parent_activity_fk FOREIGN KEY (tenant_id, parent_activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE CASCADE;


--
-- Name: activities activities_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activities
    ADD CONSTRAINT activities_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: activity_runs activity_runs_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id);


--
-- Name: activity_runs activity_runs_session_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_session_fk FOREIGN KEY (tenant_id, session_id) REFERENCES public.sessions(tenant_id, id);


--
-- Name: activity_runs activity_runs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_runs
    ADD CONSTRAINT activity_runs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: activity_templates activity_templates_source_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_templates
    ADD CONSTRAINT activity_templates_source_template_id_fkey FOREIGN KEY (source_template_id) REFERENCES public.activity_templates(id) ON DELETE SET NULL;


--
-- Name: activity_templates activity_templates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.activity_templates
    ADD CONSTRAINT activity_templates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: ad_campaigns ad_campaigns_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_campaigns
    ADD CONSTRAINT ad_campaigns_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ad_campaigns ad_campaigns_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_campaigns
    ADD CONSTRAINT ad_campaigns_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: ad_keywords ad_keywords_ad_campaign_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_keywords
    ADD CONSTRAINT ad_keywords_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id) REFERENCES public.ad_campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ad_keywords ad_keywords_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_keywords
    ADD CONSTRAINT ad_keywords_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ad_keywords ad_keywords_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_keywords
    ADD CONSTRAINT ad_keywords_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_ad_campaign_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id) REFERENCES public.ad_campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE CASCADE;


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_reviewed_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (reviewed_by);


--
-- Name: ad_optimization_recommendations ad_optimization_recommendations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ad_optimization_recommendations
    ADD CONSTRAINT ad_optimization_recommendations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: agent_configs agent_configs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agent_configs
    ADD CONSTRAINT agent_configs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: api_keys api_keys_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT api_keys_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: approvals approvals_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE CASCADE;


--
-- Name: approvals approvals_reviewed_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by) REFERENCES public.users(tenant_id, id);


--
-- Name: approvals approvals_reviewer_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_reviewer_fk FOREIGN KEY (tenant_id, reviewer_id) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (reviewer_id);


--
-- Name: approvals approvals_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approvals
    ADD CONSTRAINT approvals_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: backlinks backlinks_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.backlinks
    ADD CONSTRAINT backlinks_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: backlinks backlinks_deliverable_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.backlinks
    ADD CONSTRAINT backlinks_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id) REFERENCES public.deliverables(tenant_id, id) ON DELETE SET NULL (deliverable_id);


--
-- Name: backlinks backlinks_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.backlinks
    ADD CONSTRAINT backlinks_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: billing_events billing_events_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_events
    ADD CONSTRAINT billing_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: blog_posts blog_posts_blog_request_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_blog_request_fk FOREIGN KEY (tenant_id, blog_request_id) REFERENCES public.blog_requests(tenant_id, id) ON DELETE CASCADE;


--
-- Name: blog_posts blog_posts_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE SET NULL (channel_id);


--
-- Name: blog_posts blog_posts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_posts
    ADD CONSTRAINT blog_posts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: blog_requests blog_requests_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: blog_requests blog_requests_deliverable_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id) REFERENCES public.deliverables(tenant_id, id) ON DELETE SET NULL (deliverable_id);


--
-- Name: blog_requests blog_requests_deliverable_period_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id) REFERENCES public.deliverable_periods(tenant_id, id) ON DELETE SET NULL (deliverable_period_id);


--
-- Name: blog_requests blog_requests_target_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_target_channel_fk FOREIGN KEY (tenant_id, target_channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE SET NULL (target_channel_id);


--
-- Name: blog_requests blog_requests_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.blog_requests
    ADD CONSTRAINT blog_requests_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: campaigns campaigns_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: campaigns campaigns_goal_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_goal_fk FOREIGN KEY (tenant_id, goal_id) REFERENCES public.goals(tenant_id, id) ON DELETE SET NULL (goal_id);


--
-- Name: campaigns campaigns_strategy_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_strategy_fk FOREIGN KEY (tenant_id, strategy_id) REFERENCES public.strategies(tenant_id, id) ON DELETE SET NULL (strategy_id);


--
-- Name: campaigns campaigns_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaigns
    ADD CONSTRAINT campaigns_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: channel_scores channel_scores_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_scores
    ADD CONSTRAINT channel_scores_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE CASCADE;


--
-- Name: channel_scores channel_scores_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_scores
    ADD CONSTRAINT channel_scores_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: channels channels_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channels
    ADD CONSTRAINT channels_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: contracts contracts_accepted_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contracts
    ADD CONSTRAINT contracts_accepted_by_fk FOREIGN KEY (tenant_id, accepted_by) REFERENCES public.users(tenant_id, id);


--
-- Name: contracts contracts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contracts
    ADD CONSTRAINT contracts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: credit_balances credit_balances_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_balances
    ADD CONSTRAINT credit_balances_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: credit_ledger credit_ledger_activity_run_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id) REFERENCES public.activity_runs(tenant_id, id);


--
-- Name: credit_ledger credit_ledger_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: credit_ledger credit_ledger_topup_order_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_ledger
    ADD CONSTRAINT credit_ledger_topup_order_fk FOREIGN KEY (tenant_id, topup_order_id) REFERENCES public.credit_topup_orders(tenant_id, razorpay_order_id);


--
-- Name: credit_topup_orders credit_topup_orders_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_topup_orders
    ADD CONSTRAINT credit_topup_orders_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: deliverable_periods deliverable_periods_deliverable_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id) REFERENCES public.deliverables(tenant_id, id) ON DELETE CASCADE;


--
-- Name: deliverable_periods deliverable_periods_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverable_periods
    ADD CONSTRAINT deliverable_periods_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: deliverables deliverables_goal_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_goal_fk FOREIGN KEY (tenant_id, goal_id) REFERENCES public.goals(tenant_id, id) ON DELETE CASCADE;


--
-- Name: deliverables deliverables_strategy_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_strategy_fk FOREIGN KEY (tenant_id, strategy_id) REFERENCES public.strategies(tenant_id, id) ON DELETE CASCADE;


--
-- Name: deliverables deliverables_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_template_id_fkey FOREIGN KEY (template_id) REFERENCES public.activity_templates(id) ON DELETE SET NULL;


--
-- Name: deliverables deliverables_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.deliverables
    ADD CONSTRAINT deliverables_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: email_templates email_templates_source_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT email_templates_source_template_id_fkey FOREIGN KEY (source_template_id) REFERENCES public.email_templates(id) ON DELETE SET NULL;


--
-- Name: email_templates email_templates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.email_templates
    ADD CONSTRAINT email_templates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: goals goals_strategy_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_strategy_fk FOREIGN KEY (tenant_id, strategy_id) REFERENCES public.strategies(tenant_id, id) ON DELETE CASCADE;


--
-- Name: goals goals_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.goals
    ADD CONSTRAINT goals_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: integrations integrations_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.integrations
    ADD CONSTRAINT integrations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: lead_activities lead_activities_lead_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_activities
    ADD CONSTRAINT lead_activities_lead_fk FOREIGN KEY (tenant_id, lead_id) REFERENCES public.leads(tenant_id, id) ON DELETE CASCADE;


--
-- Name: lead_activities lead_activities_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_activities
    ADD CONSTRAINT lead_activities_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: leads leads_assigned_to_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_assigned_to_fk FOREIGN KEY (tenant_id, assigned_to) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (assigned_to);


--
-- Name: leads leads_source_campaign_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_source_campaign_fk FOREIGN KEY (tenant_id, source_campaign_id) REFERENCES public.ad_campaigns(tenant_id, id) ON DELETE SET NULL (source_campaign_id);


--
-- Name: leads leads_source_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_source_channel_fk FOREIGN KEY (tenant_id, source_channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE SET NULL (source_channel_id);


--
-- Name: leads leads_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.leads
    ADD CONSTRAINT leads_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: llm_calls llm_calls_activity_run_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.llm_calls
    ADD CONSTRAINT llm_calls_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id) REFERENCES public.activity_runs(tenant_id, id);


--
-- Name: llm_calls llm_calls_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE public.llm_calls
    ADD CONSTRAINT llm_calls_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: llm_providers llm_providers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.llm_providers
    ADD CONSTRAINT llm_providers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: notification_dispatch_log notification_dispatch_log_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_dispatch_log
    ADD CONSTRAINT notification_dispatch_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: notification_providers notification_providers_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification_providers
    ADD CONSTRAINT notification_providers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: notifications notifications_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: notifications notifications_user_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES public.users(tenant_id, id) ON DELETE CASCADE;


--
-- Name: onboarding_runs onboarding_runs_reviewed_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_runs
    ADD CONSTRAINT onboarding_runs_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by) REFERENCES public.users(tenant_id, id);


--
-- Name: onboarding_runs onboarding_runs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.onboarding_runs
    ADD CONSTRAINT onboarding_runs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: operator_audit_log operator_audit_log_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.operator_audit_log
    ADD CONSTRAINT operator_audit_log_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: rag_crawl_jobs rag_crawl_jobs_dataset_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_crawl_jobs
    ADD CONSTRAINT rag_crawl_jobs_dataset_fk FOREIGN KEY (tenant_id, dataset_id) REFERENCES public.rag_datasets(tenant_id, id) ON DELETE CASCADE;


--
-- Name: rag_crawl_jobs rag_crawl_jobs_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_crawl_jobs
    ADD CONSTRAINT rag_crawl_jobs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: rag_datasets rag_datasets_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_datasets
    ADD CONSTRAINT rag_datasets_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: rag_files rag_files_dataset_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_files
    ADD CONSTRAINT rag_files_dataset_fk FOREIGN KEY (tenant_id, dataset_id) REFERENCES public.rag_datasets(tenant_id, id) ON DELETE CASCADE;


--
-- Name: rag_files rag_files_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rag_files
    ADD CONSTRAINT rag_files_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: recurring_task_templates recurring_task_templates_source_template_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_task_templates
    ADD CONSTRAINT recurring_task_templates_source_template_id_fkey FOREIGN KEY (source_template_id) REFERENCES public.recurring_task_templates(id) ON DELETE SET NULL;


--
-- Name: recurring_task_templates recurring_task_templates_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recurring_task_templates
    ADD CONSTRAINT recurring_task_templates_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: reports reports_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: reports reports_campaign_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_campaign_fk FOREIGN KEY (tenant_id, campaign_id) REFERENCES public.campaigns(tenant_id, id) ON DELETE SET NULL (campaign_id);


--
-- Name: reports reports_deliverable_period_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id) REFERENCES public.deliverable_periods(tenant_id, id) ON DELETE SET NULL (deliverable_period_id);


--
-- Name: reports reports_delivered_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_delivered_by_fk FOREIGN KEY (tenant_id, delivered_by) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (delivered_by);


--
-- Name: reports reports_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: search_term_classifications search_term_classifications_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: search_term_classifications search_term_classifications_report_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_report_fk FOREIGN KEY (tenant_id, search_term_report_id) REFERENCES public.search_term_reports(tenant_id, id) ON DELETE CASCADE;


--
-- Name: search_term_classifications search_term_classifications_reviewed_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by) REFERENCES public.users(tenant_id, id) ON DELETE SET NULL (reviewed_by);


--
-- Name: search_term_classifications search_term_classifications_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_classifications
    ADD CONSTRAINT search_term_classifications_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: search_term_reports search_term_reports_ad_campaign_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id) REFERENCES public.ad_campaigns(tenant_id, id) ON DELETE CASCADE;


--
-- Name: search_term_reports search_term_reports_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_channel_fk FOREIGN KEY (tenant_id, channel_id) REFERENCES public.channels(tenant_id, id) ON DELETE CASCADE;


--
-- Name: search_term_reports search_term_reports_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_term_reports
    ADD CONSTRAINT search_term_reports_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: sessions sessions_goal_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_goal_fk FOREIGN KEY (tenant_id, goal_id) REFERENCES public.goals(tenant_id, id) ON DELETE SET NULL (goal_id);


--
-- Name: sessions sessions_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: social_media_requests social_media_requests_activity_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_activity_fk FOREIGN KEY (tenant_id, activity_id) REFERENCES public.activities(tenant_id, id) ON DELETE SET NULL (activity_id);


--
-- Name: social_media_requests social_media_requests_deliverable_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id) REFERENCES public.deliverables(tenant_id, id) ON DELETE SET NULL (deliverable_id);


--
-- Name: social_media_requests social_media_requests_deliverable_period_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id) REFERENCES public.deliverable_periods(tenant_id, id) ON DELETE SET NULL (deliverable_period_id);


--
-- Name: social_media_requests social_media_requests_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_media_requests
    ADD CONSTRAINT social_media_requests_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: social_posts social_posts_channel_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_channel_fk FOREIGN KEY (tenant_id, channel_id, platform) REFERENCES public.channels(tenant_id, id, platform) ON UPDATE CASCADE ON DELETE SET NULL (channel_id);


--
-- Name: social_posts social_posts_social_media_request_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_social_media_request_fk FOREIGN KEY (tenant_id, social_media_request_id) REFERENCES public.social_media_requests(tenant_id, id) ON DELETE CASCADE;


--
-- Name: social_posts social_posts_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.social_posts
    ADD CONSTRAINT social_posts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: strategies strategies_approved_by_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_approved_by_fk FOREIGN KEY (tenant_id, approved_by) REFERENCES public.users(tenant_id, id);


--
-- Name: strategies strategies_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.strategies
    ADD CONSTRAINT strategies_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: tool_calls tool_calls_activity_run_fk; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tool_calls
    ADD CONSTRAINT tool_calls_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id) REFERENCES public.activity_runs(tenant_id, id);


--
-- Name: tool_calls tool_calls_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tool_calls
    ADD CONSTRAINT tool_calls_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: users users_tenant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE;


--
-- Name: activities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.activities ENABLE ROW LEVEL SECURITY;

--
-- Name: activity_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.activity_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: activity_templates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.activity_templates ENABLE ROW LEVEL SECURITY;

--
-- Name: ad_campaigns; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ad_campaigns ENABLE ROW LEVEL SECURITY;

--
-- Name: ad_keywords; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ad_keywords ENABLE ROW LEVEL SECURITY;

--
-- Name: ad_optimization_recommendations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.ad_optimization_recommendations ENABLE ROW LEVEL SECURITY;

--
-- Name: agent_configs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.agent_configs ENABLE ROW LEVEL SECURITY;

--
-- Name: api_keys; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.api_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: approvals; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.approvals ENABLE ROW LEVEL SECURITY;

--
-- Name: backlinks; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.backlinks ENABLE ROW LEVEL SECURITY;

--
-- Name: billing_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.billing_events ENABLE ROW LEVEL SECURITY;

--
-- Name: blog_posts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.blog_posts ENABLE ROW LEVEL SECURITY;

--
-- Name: blog_requests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.blog_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: campaigns; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.campaigns ENABLE ROW LEVEL SECURITY;

--
-- Name: channel_scores; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.channel_scores ENABLE ROW LEVEL SECURITY;

--
-- Name: channels; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.channels ENABLE ROW LEVEL SECURITY;

--
-- Name: contracts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.contracts ENABLE ROW LEVEL SECURITY;

--
-- Name: credit_balances; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.credit_balances ENABLE ROW LEVEL SECURITY;

--
-- Name: credit_ledger; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.credit_ledger ENABLE ROW LEVEL SECURITY;

--
-- Name: credit_topup_orders; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.credit_topup_orders ENABLE ROW LEVEL SECURITY;

--
-- Name: deliverable_periods; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.deliverable_periods ENABLE ROW LEVEL SECURITY;

--
-- Name: deliverables; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.deliverables ENABLE ROW LEVEL SECURITY;

--
-- Name: email_templates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.email_templates ENABLE ROW LEVEL SECURITY;

--
-- Name: goals; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.goals ENABLE ROW LEVEL SECURITY;

--
-- Name: integrations; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.integrations ENABLE ROW LEVEL SECURITY;

--
-- Name: lead_activities; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.lead_activities ENABLE ROW LEVEL SECURITY;

--
-- Name: leads; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.leads ENABLE ROW LEVEL SECURITY;

--
-- Name: llm_calls; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.llm_calls ENABLE ROW LEVEL SECURITY;

--
-- Name: llm_calls_default; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.llm_calls_default ENABLE ROW LEVEL SECURITY;

--
-- Name: llm_providers; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.llm_providers ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_dispatch_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notification_dispatch_log ENABLE ROW LEVEL SECURITY;

--
-- Name: notification_providers; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notification_providers ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: onboarding_runs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.onboarding_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: operator_audit_log; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.operator_audit_log ENABLE ROW LEVEL SECURITY;

--
-- Name: activities platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.activities TO app_platform USING (true) WITH CHECK (true);


--
-- Name: activity_runs platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.activity_runs TO app_platform USING (true) WITH CHECK (true);


--
-- Name: activity_templates platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.activity_templates TO app_platform USING (true) WITH CHECK (true);


--
-- Name: ad_campaigns platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.ad_campaigns TO app_platform USING (true) WITH CHECK (true);


--
-- Name: ad_keywords platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.ad_keywords TO app_platform USING (true) WITH CHECK (true);


--
-- Name: ad_optimization_recommendations platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.ad_optimization_recommendations TO app_platform USING (true) WITH CHECK (true);


--
-- Name: agent_configs platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.agent_configs TO app_platform USING (true) WITH CHECK (true);


--
-- Name: api_keys platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.api_keys TO app_platform USING (true) WITH CHECK (true);


--
-- Name: approvals platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.approvals TO app_platform USING (true) WITH CHECK (true);


--
-- Name: backlinks platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.backlinks TO app_platform USING (true) WITH CHECK (true);


--
-- Name: billing_events platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.billing_events TO app_platform USING (true) WITH CHECK (true);


--
-- Name: blog_posts platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.blog_posts TO app_platform USING (true) WITH CHECK (true);


--
-- Name: blog_requests platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.blog_requests TO app_platform USING (true) WITH CHECK (true);


--
-- Name: campaigns platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.campaigns TO app_platform USING (true) WITH CHECK (true);


--
-- Name: channel_scores platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.channel_scores TO app_platform USING (true) WITH CHECK (true);


--
-- Name: channels platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.channels TO app_platform USING (true) WITH CHECK (true);


--
-- Name: contracts platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.contracts TO app_platform USING (true) WITH CHECK (true);


--
-- Name: credit_balances platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.credit_balances TO app_platform USING (true) WITH CHECK (true);


--
-- Name: credit_ledger platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.credit_ledger TO app_platform USING (true) WITH CHECK (true);


--
-- Name: credit_topup_orders platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.credit_topup_orders TO app_platform USING (true) WITH CHECK (true);


--
-- Name: deliverable_periods platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.deliverable_periods TO app_platform USING (true) WITH CHECK (true);


--
-- Name: deliverables platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.deliverables TO app_platform USING (true) WITH CHECK (true);


--
-- Name: email_templates platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.email_templates TO app_platform USING (true) WITH CHECK (true);


--
-- Name: goals platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.goals TO app_platform USING (true) WITH CHECK (true);


--
-- Name: integrations platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.integrations TO app_platform USING (true) WITH CHECK (true);


--
-- Name: lead_activities platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.lead_activities TO app_platform USING (true) WITH CHECK (true);


--
-- Name: leads platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.leads TO app_platform USING (true) WITH CHECK (true);


--
-- Name: llm_calls platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.llm_calls TO app_platform USING (true) WITH CHECK (true);


--
-- Name: llm_providers platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.llm_providers TO app_platform USING (true) WITH CHECK (true);


--
-- Name: notification_dispatch_log platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.notification_dispatch_log TO app_platform USING (true) WITH CHECK (true);


--
-- Name: notification_providers platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.notification_providers TO app_platform USING (true) WITH CHECK (true);


--
-- Name: notifications platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.notifications TO app_platform USING (true) WITH CHECK (true);


--
-- Name: onboarding_runs platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.onboarding_runs TO app_platform USING (true) WITH CHECK (true);


--
-- Name: operator_audit_log platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.operator_audit_log TO app_platform USING (true) WITH CHECK (true);


--
-- Name: rag_crawl_jobs platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.rag_crawl_jobs TO app_platform USING (true) WITH CHECK (true);


--
-- Name: rag_datasets platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.rag_datasets TO app_platform USING (true) WITH CHECK (true);


--
-- Name: rag_files platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.rag_files TO app_platform USING (true) WITH CHECK (true);


--
-- Name: recurring_task_templates platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.recurring_task_templates TO app_platform USING (true) WITH CHECK (true);


--
-- Name: registration_sessions platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.registration_sessions TO app_platform USING (true) WITH CHECK (true);


--
-- Name: reports platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.reports TO app_platform USING (true) WITH CHECK (true);


--
-- Name: search_term_classifications platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.search_term_classifications TO app_platform USING (true) WITH CHECK (true);


--
-- Name: search_term_reports platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.search_term_reports TO app_platform USING (true) WITH CHECK (true);


--
-- Name: sessions platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.sessions TO app_platform USING (true) WITH CHECK (true);


--
-- Name: social_media_requests platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.social_media_requests TO app_platform USING (true) WITH CHECK (true);


--
-- Name: social_posts platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.social_posts TO app_platform USING (true) WITH CHECK (true);


--
-- Name: strategies platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.strategies TO app_platform USING (true) WITH CHECK (true);


--
-- Name: tenants platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.tenants TO app_platform USING (true) WITH CHECK (true);


--
-- Name: tool_calls platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.tool_calls TO app_platform USING (true) WITH CHECK (true);


--
-- Name: users platform_access; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY platform_access ON public.users TO app_platform USING (true) WITH CHECK (true);


--
-- Name: rag_crawl_jobs; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.rag_crawl_jobs ENABLE ROW LEVEL SECURITY;

--
-- Name: rag_datasets; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.rag_datasets ENABLE ROW LEVEL SECURITY;

--
-- Name: rag_files; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.rag_files ENABLE ROW LEVEL SECURITY;

--
-- Name: recurring_task_templates; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.recurring_task_templates ENABLE ROW LEVEL SECURITY;

--
-- Name: registration_sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.registration_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: reports; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;

--
-- Name: search_term_classifications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.search_term_classifications ENABLE ROW LEVEL SECURITY;

--
-- Name: search_term_reports; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.search_term_reports ENABLE ROW LEVEL SECURITY;

--
-- Name: sessions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: social_media_requests; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.social_media_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: social_posts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.social_posts ENABLE ROW LEVEL SECURITY;

--
-- Name: strategies; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.strategies ENABLE ROW LEVEL SECURITY;

--
-- Name: activity_templates tenant_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_delete ON public.activity_templates FOR DELETE TO app_user USING ((tenant_id = public.app_current_tenant()));


--
-- Name: email_templates tenant_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_delete ON public.email_templates FOR DELETE TO app_user USING ((tenant_id = public.app_current_tenant()));


--
-- Name: llm_providers tenant_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_delete ON public.llm_providers FOR DELETE TO app_user USING ((tenant_id = public.app_current_tenant()));


--
-- Name: recurring_task_templates tenant_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_delete ON public.recurring_task_templates FOR DELETE TO app_user USING ((tenant_id = public.app_current_tenant()));


--
-- Name: activity_templates tenant_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_insert ON public.activity_templates FOR INSERT TO app_user WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: email_templates tenant_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_insert ON public.email_templates FOR INSERT TO app_user WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: llm_providers tenant_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_insert ON public.llm_providers FOR INSERT TO app_user WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: recurring_task_templates tenant_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_insert ON public.recurring_task_templates FOR INSERT TO app_user WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: activities tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.activities TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: activity_runs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.activity_runs TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: ad_campaigns tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.ad_campaigns TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: ad_keywords tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.ad_keywords TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: ad_optimization_recommendations tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.ad_optimization_recommendations TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: agent_configs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.agent_configs TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: api_keys tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.api_keys TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: approvals tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.approvals TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: backlinks tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.backlinks TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: billing_events tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.billing_events TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: blog_posts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.blog_posts TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: blog_requests tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.blog_requests TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: campaigns tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.campaigns TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: channel_scores tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.channel_scores TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: channels tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.channels TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: contracts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.contracts TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: credit_balances tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.credit_balances TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: credit_ledger tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.credit_ledger TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: credit_topup_orders tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.credit_topup_orders TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: deliverable_periods tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.deliverable_periods TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: deliverables tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.deliverables TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: goals tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.goals TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: integrations tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.integrations TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: lead_activities tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.lead_activities TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: leads tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.leads TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: llm_calls tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.llm_calls TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: notification_dispatch_log tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.notification_dispatch_log TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: notification_providers tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.notification_providers TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: notifications tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.notifications TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: onboarding_runs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.onboarding_runs TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: operator_audit_log tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.operator_audit_log TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: rag_crawl_jobs tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.rag_crawl_jobs TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: rag_datasets tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.rag_datasets TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: rag_files tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.rag_files TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: reports tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.reports TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: search_term_classifications tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.search_term_classifications TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: search_term_reports tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.search_term_reports TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: sessions tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.sessions TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: social_media_requests tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.social_media_requests TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: social_posts tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.social_posts TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: strategies tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.strategies TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: tenants tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.tenants TO app_user USING ((id = public.app_current_tenant())) WITH CHECK ((id = public.app_current_tenant()));


--
-- Name: tool_calls tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.tool_calls TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: users tenant_isolation; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_isolation ON public.users TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: activity_templates tenant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_read ON public.activity_templates FOR SELECT TO app_user USING (((tenant_id = public.app_current_tenant()) OR ((tenant_id IS NULL) AND (public.app_current_tenant() IS NOT NULL))));


--
-- Name: email_templates tenant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_read ON public.email_templates FOR SELECT TO app_user USING (((tenant_id = public.app_current_tenant()) OR ((tenant_id IS NULL) AND (public.app_current_tenant() IS NOT NULL))));


--
-- Name: llm_providers tenant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_read ON public.llm_providers FOR SELECT TO app_user USING (((tenant_id = public.app_current_tenant()) OR ((tenant_id IS NULL) AND (public.app_current_tenant() IS NOT NULL))));


--
-- Name: recurring_task_templates tenant_read; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_read ON public.recurring_task_templates FOR SELECT TO app_user USING (((tenant_id = public.app_current_tenant()) OR ((tenant_id IS NULL) AND (public.app_current_tenant() IS NOT NULL))));


--
-- Name: activities tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.activities FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: activity_runs tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.activity_runs FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: activity_templates tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.activity_templates FOR SELECT TO readonly_user USING (((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)) OR ((tenant_id IS NULL) AND (( SELECT public.app_reader_tenant() AS app_reader_tenant) IS NOT NULL))));


--
-- Name: ad_campaigns tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.ad_campaigns FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: ad_keywords tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.ad_keywords FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: ad_optimization_recommendations tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.ad_optimization_recommendations FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: agent_configs tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.agent_configs FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: api_keys tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.api_keys FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: approvals tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.approvals FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: backlinks tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.backlinks FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: billing_events tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.billing_events FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: blog_posts tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.blog_posts FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: blog_requests tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.blog_requests FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: campaigns tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.campaigns FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: channel_scores tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.channel_scores FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: channels tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.channels FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: contracts tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.contracts FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: credit_balances tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.credit_balances FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: credit_ledger tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.credit_ledger FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: credit_topup_orders tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.credit_topup_orders FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: deliverable_periods tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.deliverable_periods FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: deliverables tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.deliverables FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: email_templates tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.email_templates FOR SELECT TO readonly_user USING (((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)) OR ((tenant_id IS NULL) AND (( SELECT public.app_reader_tenant() AS app_reader_tenant) IS NOT NULL))));


--
-- Name: goals tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.goals FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: integrations tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.integrations FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: lead_activities tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.lead_activities FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: leads tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.leads FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: llm_calls tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.llm_calls FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: llm_providers tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.llm_providers FOR SELECT TO readonly_user USING (((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)) OR ((tenant_id IS NULL) AND (( SELECT public.app_reader_tenant() AS app_reader_tenant) IS NOT NULL))));


--
-- Name: notification_dispatch_log tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.notification_dispatch_log FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: notification_providers tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.notification_providers FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: notifications tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.notifications FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: onboarding_runs tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.onboarding_runs FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: operator_audit_log tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.operator_audit_log FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: rag_crawl_jobs tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.rag_crawl_jobs FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: rag_datasets tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.rag_datasets FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: rag_files tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.rag_files FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: recurring_task_templates tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.recurring_task_templates FOR SELECT TO readonly_user USING (((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)) OR ((tenant_id IS NULL) AND (( SELECT public.app_reader_tenant() AS app_reader_tenant) IS NOT NULL))));


--
-- Name: reports tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.reports FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: search_term_classifications tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.search_term_classifications FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: search_term_reports tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.search_term_reports FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: sessions tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.sessions FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: social_media_requests tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.social_media_requests FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: social_posts tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.social_posts FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: strategies tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.strategies FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: tenants tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.tenants FOR SELECT TO readonly_user USING ((id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: tool_calls tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.tool_calls FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: users tenant_reader; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_reader ON public.users FOR SELECT TO readonly_user USING ((tenant_id = ( SELECT public.app_reader_tenant() AS app_reader_tenant)));


--
-- Name: activity_templates tenant_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_update ON public.activity_templates FOR UPDATE TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: email_templates tenant_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_update ON public.email_templates FOR UPDATE TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: llm_providers tenant_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_update ON public.llm_providers FOR UPDATE TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: recurring_task_templates tenant_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY tenant_update ON public.recurring_task_templates FOR UPDATE TO app_user USING ((tenant_id = public.app_current_tenant())) WITH CHECK ((tenant_id = public.app_current_tenant()));


--
-- Name: tenants; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;

--
-- Name: tool_calls; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.tool_calls ENABLE ROW LEVEL SECURITY;

--
-- Name: users; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: SCHEMA app_security; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA app_security TO app_platform;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO app_user;
GRANT USAGE ON SCHEMA public TO app_platform;
GRANT USAGE ON SCHEMA public TO readonly_user;


--
-- Name: FUNCTION app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_enable_tenant_reader_policy(tbl regclass, has_global_rows boolean) FROM PUBLIC;


--
-- Name: FUNCTION app_grant_reader_columns(tbl regclass); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_grant_reader_columns(tbl regclass) FROM PUBLIC;


--
-- Name: FUNCTION app_grant_tenant_reader(role_name name, tenant_ref text); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_grant_tenant_reader(role_name name, tenant_ref text) FROM PUBLIC;


--
-- Name: FUNCTION app_reader_tenant(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_reader_tenant() FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_reader_tenant() TO readonly_user;


--
-- Name: FUNCTION app_revoke_tenant_reader(role_name name); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.app_revoke_tenant_reader(role_name name) FROM PUBLIC;


--
-- Name: FUNCTION create_llm_calls_partitions(from_month date, months integer); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.create_llm_calls_partitions(from_month date, months integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.create_llm_calls_partitions(from_month date, months integer) TO app_platform;


--
-- Name: TABLE tenant_readers; Type: ACL; Schema: app_security; Owner: -
--

GRANT SELECT ON TABLE app_security.tenant_readers TO app_platform;


--
-- Name: TABLE activities; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.activities TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.activities TO app_platform;


--
-- Name: COLUMN activities.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.deliverable_period_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_period_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.goal_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(goal_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.parent_activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(parent_activity_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.pipeline_step; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pipeline_step) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.assignee_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(assignee_type) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.assignee_agent_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(assignee_agent_role) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.assignee_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(assignee_user_id) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.priority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(priority) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.is_approval_gate; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_approval_gate) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.input_data; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(input_data) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.output_summary; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(output_summary) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.output_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(output_ref) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.rejection_note; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(rejection_note) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.revision_note; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(revision_note) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.due_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(due_date) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.started_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(started_on) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.completed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(completed_on) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.activities TO readonly_user;


--
-- Name: COLUMN activities.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.activities TO readonly_user;


--
-- Name: TABLE activity_runs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.activity_runs TO app_user;
GRANT SELECT,INSERT ON TABLE public.activity_runs TO app_platform;


--
-- Name: COLUMN activity_runs.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.adapter_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(adapter_type) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.model_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(model_id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.session_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(session_id) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.error; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.input_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(input_tokens) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.output_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(output_tokens) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.cost_usd; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(cost_usd) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.duration_ms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(duration_ms) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.started_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(started_on) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.ended_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ended_on) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: COLUMN activity_runs.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.activity_runs TO readonly_user;


--
-- Name: TABLE activity_templates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.activity_templates TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.activity_templates TO app_platform;


--
-- Name: COLUMN activity_templates.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.deliverable_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_type) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.source_template_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_template_id) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.steps; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(steps) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(version) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: COLUMN activity_templates.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.activity_templates TO readonly_user;


--
-- Name: TABLE ad_campaigns; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_campaigns TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_campaigns TO app_platform;


--
-- Name: COLUMN ad_campaigns.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.platform; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platform) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.external_campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(external_campaign_id) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.campaign_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(campaign_type) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.budget_amount; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(budget_amount) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.budget_currency; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(budget_currency) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.total_spend; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(total_spend) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.performance_snapshot; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(performance_snapshot) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.last_synced_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_synced_on) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: COLUMN ad_campaigns.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.ad_campaigns TO readonly_user;


--
-- Name: TABLE ad_keywords; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_keywords TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_keywords TO app_platform;


--
-- Name: COLUMN ad_keywords.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.ad_campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ad_campaign_id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.external_keyword_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(external_keyword_id) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.text; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(text) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.match_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(match_type) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.bid_amount; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(bid_amount) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.performance_snapshot; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(performance_snapshot) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.last_synced_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_synced_on) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: COLUMN ad_keywords.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.ad_keywords TO readonly_user;


--
-- Name: TABLE ad_optimization_recommendations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_optimization_recommendations TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.ad_optimization_recommendations TO app_platform;


--
-- Name: COLUMN ad_optimization_recommendations.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.ad_campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ad_campaign_id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.platform; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platform) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.reasoning; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reasoning) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.impact_estimate; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(impact_estimate) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.change_payload; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(change_payload) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.priority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(priority) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.snooze_until; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(snooze_until) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.reviewed_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_by) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.reviewed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_on) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.pushed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pushed_on) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.push_result; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(push_result) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: COLUMN ad_optimization_recommendations.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.ad_optimization_recommendations TO readonly_user;


--
-- Name: TABLE agent_configs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.agent_configs TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.agent_configs TO app_platform;


--
-- Name: COLUMN agent_configs.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.agent_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(agent_role) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.is_enabled; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_enabled) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.adapter_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(adapter_type) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.model_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(model_id) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.skill_ids; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(skill_ids) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.tool_names; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tool_names) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.max_concurrent; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(max_concurrent) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.timeout_ms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(timeout_ms) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.max_cost_usd_per_activity; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(max_cost_usd_per_activity) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.escalation_after_failures; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(escalation_after_failures) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: COLUMN agent_configs.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.agent_configs TO readonly_user;


--
-- Name: TABLE api_keys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_keys TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_keys TO app_platform;


--
-- Name: COLUMN api_keys.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.key_prefix; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(key_prefix) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.scopes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scopes) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.last_used_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_used_on) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.expires_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_on) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.revoked_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(revoked_on) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.revoked_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(revoked_by) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.api_keys TO readonly_user;


--
-- Name: COLUMN api_keys.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.api_keys TO readonly_user;


--
-- Name: TABLE approvals; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.approvals TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.approvals TO app_platform;


--
-- Name: COLUMN approvals.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.risk_level; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(risk_level) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.content_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(content_ref) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.reviewer_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewer_id) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.reviewed_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_by) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.reviewer_notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewer_notes) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.chosen_option; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chosen_option) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_at) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.resolved_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(resolved_at) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.sent_to_client_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(sent_to_client_at) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.approvals TO readonly_user;


--
-- Name: COLUMN approvals.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.approvals TO readonly_user;


--
-- Name: TABLE backlinks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.backlinks TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.backlinks TO app_platform;


--
-- Name: COLUMN backlinks.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.deliverable_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_id) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.target_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_url) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.source_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_url) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.anchor_text; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(anchor_text) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.domain_authority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(domain_authority) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.link_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(link_type) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.outreach_status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(outreach_status) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.outreach_sent_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(outreach_sent_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.link_published_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(link_published_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.last_checked_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_checked_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.is_live; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_live) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.is_indexed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_indexed) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.dataforseo_check_result; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(dataforseo_check_result) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(notes) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.backlinks TO readonly_user;


--
-- Name: COLUMN backlinks.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.backlinks TO readonly_user;


--
-- Name: TABLE billing_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.billing_events TO app_user;
GRANT SELECT,INSERT ON TABLE public.billing_events TO app_platform;


--
-- Name: COLUMN billing_events.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.event_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(event_type) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.razorpay_entity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(razorpay_entity_id) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.amount_inr; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(amount_inr) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.plan; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(plan) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.payload; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(payload) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.billing_events TO readonly_user;


--
-- Name: COLUMN billing_events.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.billing_events TO readonly_user;


--
-- Name: TABLE blog_posts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.blog_posts TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.blog_posts TO app_platform;


--
-- Name: COLUMN blog_posts.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.blog_request_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(blog_request_id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.slug; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(slug) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.meta_description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(meta_description) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.focus_keyword; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(focus_keyword) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.content_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(content_ref) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.word_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(word_count) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.scheduled_for; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scheduled_for) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.published_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(published_on) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.published_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(published_url) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.cms_post_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(cms_post_id) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: COLUMN blog_posts.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.blog_posts TO readonly_user;


--
-- Name: TABLE blog_requests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.blog_requests TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.blog_requests TO app_platform;


--
-- Name: COLUMN blog_requests.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.deliverable_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.deliverable_period_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_period_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.requested_by_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(requested_by_type) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.requested_by_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(requested_by_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.topic_brief; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(topic_brief) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.target_keyword; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_keyword) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.secondary_keywords; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(secondary_keywords) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.search_intent; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(search_intent) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.target_audience; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_audience) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.target_channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_channel_id) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.target_word_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_word_count) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(notes) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.priority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(priority) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.rejection_notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(rejection_notes) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: COLUMN blog_requests.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.blog_requests TO readonly_user;


--
-- Name: TABLE campaigns; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.campaigns TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.campaigns TO app_platform;


--
-- Name: COLUMN campaigns.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(description) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.objective; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(objective) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.strategy_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(strategy_id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.goal_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(goal_id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.start_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(start_date) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.end_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(end_date) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.budget_amount; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(budget_amount) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.budget_currency; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(budget_currency) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.campaigns TO readonly_user;


--
-- Name: COLUMN campaigns.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.campaigns TO readonly_user;


--
-- Name: TABLE channel_scores; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.channel_scores TO app_user;
GRANT SELECT,INSERT ON TABLE public.channel_scores TO app_platform;


--
-- Name: COLUMN channel_scores.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.score; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.score_breakdown; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score_breakdown) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.scoring_criteria; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scoring_criteria) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.scored_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scored_on) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.period; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: COLUMN channel_scores.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.channel_scores TO readonly_user;


--
-- Name: TABLE channels; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.channels TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.channels TO app_platform;


--
-- Name: COLUMN channels.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.platform; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platform) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.channel_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_type) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.external_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(external_id) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.external_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(external_url) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.token_expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(token_expires_at) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.scopes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scopes) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.metadata; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(metadata) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.last_verified_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_verified_at) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.error_message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error_message) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.score; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.score_breakdown; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score_breakdown) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.score_calculated_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score_calculated_at) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.score_previous; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(score_previous) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.channels TO readonly_user;


--
-- Name: COLUMN channels.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.channels TO readonly_user;


--
-- Name: TABLE contracts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.contracts TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.contracts TO app_platform;


--
-- Name: COLUMN contracts.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.template_version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(template_version) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.pdf_s3_key; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pdf_s3_key) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.generated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(generated_on) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.accepted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(accepted_on) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.accepted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(accepted_by) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.accepted_ip; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(accepted_ip) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.accepted_user_agent; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(accepted_user_agent) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.contracts TO readonly_user;


--
-- Name: COLUMN contracts.document_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(document_ref) ON TABLE public.contracts TO readonly_user;


--
-- Name: TABLE credit_balances; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.credit_balances TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.credit_balances TO app_platform;


--
-- Name: COLUMN credit_balances.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.credits_monthly; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits_monthly) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.credits_available; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits_available) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.credits_reserved; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits_reserved) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.credits_consumed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits_consumed) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.credits_topup; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits_topup) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.period_start; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_start) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.period_end; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_end) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.next_reset_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(next_reset_at) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: COLUMN credit_balances.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.credit_balances TO readonly_user;


--
-- Name: TABLE credit_ledger; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.credit_ledger TO app_user;
GRANT SELECT,INSERT ON TABLE public.credit_ledger TO app_platform;


--
-- Name: COLUMN credit_ledger.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.credits; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.activity_run_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_run_id) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.deliverable_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_type) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.topup_order_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(topup_order_id) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.balance_after; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(balance_after) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.actor; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(actor) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.note; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(note) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: COLUMN credit_ledger.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.credit_ledger TO readonly_user;


--
-- Name: TABLE credit_topup_orders; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.credit_topup_orders TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.credit_topup_orders TO app_platform;


--
-- Name: COLUMN credit_topup_orders.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.razorpay_order_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(razorpay_order_id) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.credits; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(credits) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.amount_inr; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(amount_inr) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.paid_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(paid_at) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_at) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: COLUMN credit_topup_orders.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.credit_topup_orders TO readonly_user;


--
-- Name: TABLE deliverable_periods; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deliverable_periods TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deliverable_periods TO app_platform;


--
-- Name: COLUMN deliverable_periods.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.deliverable_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_id) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.period_start; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_start) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.period_end; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_end) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.target_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_count) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.completed_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(completed_count) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: COLUMN deliverable_periods.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.deliverable_periods TO readonly_user;


--
-- Name: TABLE deliverables; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deliverables TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deliverables TO app_platform;


--
-- Name: COLUMN deliverables.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.goal_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(goal_id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.strategy_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(strategy_id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.quantity_per_period; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(quantity_per_period) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.period; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.platforms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platforms) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.template_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(template_id) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.deliverables TO readonly_user;


--
-- Name: COLUMN deliverables.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.deliverables TO readonly_user;


--
-- Name: TABLE email_templates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.email_templates TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.email_templates TO app_platform;


--
-- Name: COLUMN email_templates.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.slug; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(slug) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.subject; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(subject) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.body_html; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(body_html) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.body_text; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(body_text) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.variables; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(variables) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.category; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(category) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.source_template_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_template_id) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.send_via; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(send_via) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.email_templates TO readonly_user;


--
-- Name: COLUMN email_templates.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.email_templates TO readonly_user;


--
-- Name: TABLE goals; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.goals TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.goals TO app_platform;


--
-- Name: COLUMN goals.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.strategy_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(strategy_id) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(description) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.metric; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(metric) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.target_value; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_value) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.baseline_value; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(baseline_value) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.current_value; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(current_value) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.period; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.target_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_date) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.priority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(priority) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.goals TO readonly_user;


--
-- Name: COLUMN goals.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.goals TO readonly_user;


--
-- Name: TABLE integrations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.integrations TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.integrations TO app_platform;


--
-- Name: COLUMN integrations.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.integration_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(integration_type) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.last_verified_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_verified_at) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.error_message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error_message) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.integrations TO readonly_user;


--
-- Name: COLUMN integrations.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.integrations TO readonly_user;


--
-- Name: TABLE lead_activities; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.lead_activities TO app_user;
GRANT SELECT,INSERT ON TABLE public.lead_activities TO app_platform;


--
-- Name: COLUMN lead_activities.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.lead_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(lead_id) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(description) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.actor_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(actor_type) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.actor_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(actor_id) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.metadata; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(metadata) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: COLUMN lead_activities.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.lead_activities TO readonly_user;


--
-- Name: TABLE leads; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.leads TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.leads TO app_platform;


--
-- Name: COLUMN leads.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.source; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.source_channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_channel_id) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.source_campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_campaign_id) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.first_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(first_name) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.last_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_name) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.email; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(email) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.phone; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(phone) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.company; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(company) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.job_title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(job_title) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(message) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.source_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_url) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.utm_source; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(utm_source) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.utm_medium; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(utm_medium) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.utm_campaign; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(utm_campaign) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.disqualification_reason; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(disqualification_reason) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.assigned_to; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(assigned_to) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.enrichment_data; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(enrichment_data) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(notes) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.last_activity_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_activity_on) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.leads TO readonly_user;


--
-- Name: COLUMN leads.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.leads TO readonly_user;


--
-- Name: TABLE llm_calls; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.llm_calls TO app_user;
GRANT SELECT,INSERT ON TABLE public.llm_calls TO app_platform;


--
-- Name: COLUMN llm_calls.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.activity_run_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_run_id) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.adapter_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(adapter_type) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.model_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(model_id) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.prompt_hash; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(prompt_hash) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.response_hash; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(response_hash) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.input_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(input_tokens) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.output_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(output_tokens) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.cost_usd; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(cost_usd) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.duration_ms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(duration_ms) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: COLUMN llm_calls.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.llm_calls TO readonly_user;


--
-- Name: TABLE llm_providers; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.llm_providers TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.llm_providers TO app_platform;


--
-- Name: COLUMN llm_providers.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.provider_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(provider_type) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.base_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(base_url) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.default_model; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(default_model) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.available_models; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(available_models) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.is_global_default; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_global_default) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.monthly_spend_usd; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(monthly_spend_usd) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.monthly_spend_reset_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(monthly_spend_reset_at) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.health_status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(health_status) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.last_health_check_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_health_check_at) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: COLUMN llm_providers.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.llm_providers TO readonly_user;


--
-- Name: TABLE notification_dispatch_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.notification_dispatch_log TO app_user;
GRANT SELECT,INSERT ON TABLE public.notification_dispatch_log TO app_platform;


--
-- Name: COLUMN notification_dispatch_log.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.notification_job_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(notification_job_id) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.channel; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.recipients_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(recipients_count) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.provider; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(provider) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.provider_response; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(provider_response) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.error; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.duration_ms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(duration_ms) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.attempt; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(attempt) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: COLUMN notification_dispatch_log.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.notification_dispatch_log TO readonly_user;


--
-- Name: TABLE notification_providers; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_providers TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_providers TO app_platform;


--
-- Name: COLUMN notification_providers.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.channel; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.provider; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(provider) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.verified_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(verified_at) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.last_error; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_error) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: COLUMN notification_providers.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.notification_providers TO readonly_user;


--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO app_platform;


--
-- Name: COLUMN notifications.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(user_id) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.channel; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(message) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.subject_ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(subject_ref_id) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.subject_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(subject_type) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.read; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(read) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.read_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(read_at) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.notifications TO readonly_user;


--
-- Name: COLUMN notifications.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.notifications TO readonly_user;


--
-- Name: TABLE onboarding_runs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.onboarding_runs TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.onboarding_runs TO app_platform;


--
-- Name: COLUMN onboarding_runs.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.research_output; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(research_output) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.context_file_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(context_file_id) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.reviewed_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_by) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.reviewed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_on) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: COLUMN onboarding_runs.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.onboarding_runs TO readonly_user;


--
-- Name: TABLE operator_audit_log; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.operator_audit_log TO app_user;
GRANT SELECT,INSERT ON TABLE public.operator_audit_log TO app_platform;


--
-- Name: COLUMN operator_audit_log.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.operator_user_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(operator_user_id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.operator_tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(operator_tenant_id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.operation_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(operation_type) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.operation_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(operation_name) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.request_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(request_id) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.subgraph; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(subgraph) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: COLUMN operator_audit_log.document_hash; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(document_hash) ON TABLE public.operator_audit_log TO readonly_user;


--
-- Name: TABLE rag_crawl_jobs; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_crawl_jobs TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_crawl_jobs TO app_platform;


--
-- Name: COLUMN rag_crawl_jobs.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.dataset_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(dataset_id) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.start_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(start_url) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.max_pages; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(max_pages) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.max_depth; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(max_depth) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.url_path_filter; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(url_path_filter) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.pages_crawled; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pages_crawled) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.pages_indexed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pages_indexed) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.pages_failed; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pages_failed) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.error_message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error_message) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.scheduled_for; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scheduled_for) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.completed_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(completed_at) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: COLUMN rag_crawl_jobs.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.rag_crawl_jobs TO readonly_user;


--
-- Name: TABLE rag_datasets; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_datasets TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_datasets TO app_platform;


--
-- Name: COLUMN rag_datasets.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(description) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.embedding_provider; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(embedding_provider) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.embedding_model; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(embedding_model) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.vector_size; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(vector_size) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.chunk_size; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chunk_size) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.chunk_overlap; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chunk_overlap) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.parse_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(parse_type) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.parser_engine; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(parser_engine) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.allowed_agent_roles; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(allowed_agent_roles) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.qdrant_collection; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(qdrant_collection) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.total_files; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(total_files) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.total_chunks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(total_chunks) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: COLUMN rag_datasets.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.rag_datasets TO readonly_user;


--
-- Name: TABLE rag_files; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_files TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.rag_files TO app_platform;


--
-- Name: COLUMN rag_files.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.dataset_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(dataset_id) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.file_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(file_name) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.mime_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(mime_type) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.file_size_bytes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(file_size_bytes) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.storage_path; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(storage_path) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.chunk_size; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chunk_size) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.chunk_overlap; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chunk_overlap) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.parse_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(parse_type) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.parser_engine; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(parser_engine) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.error_message; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error_message) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.chunks_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(chunks_count) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.enabled; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(enabled) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.bull_job_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(bull_job_id) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.source; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.rag_files TO readonly_user;


--
-- Name: COLUMN rag_files.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.rag_files TO readonly_user;


--
-- Name: TABLE recurring_task_templates; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recurring_task_templates TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.recurring_task_templates TO app_platform;


--
-- Name: COLUMN recurring_task_templates.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.source_template_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(source_template_id) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.description; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(description) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.assignee_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(assignee_type) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.agent_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(agent_role) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.human_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(human_role) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.periodicity; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(periodicity) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.trigger; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(trigger) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.cron_expression; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(cron_expression) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.prompt_template; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(prompt_template) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.variables; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(variables) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.variable_values; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(variable_values) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.is_active; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(is_active) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: COLUMN recurring_task_templates.version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(version) ON TABLE public.recurring_task_templates TO readonly_user;


--
-- Name: TABLE registration_sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.registration_sessions TO app_platform;


--
-- Name: TABLE reports; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reports TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reports TO app_platform;


--
-- Name: COLUMN reports.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(campaign_id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.deliverable_period_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_period_id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(type) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.content_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(content_ref) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.period_start; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_start) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.period_end; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_end) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.delivered_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(delivered_at) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.delivered_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(delivered_by) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.delivery_channel; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(delivery_channel) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.reports TO readonly_user;


--
-- Name: COLUMN reports.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.reports TO readonly_user;


--
-- Name: TABLE search_term_classifications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.search_term_classifications TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.search_term_classifications TO app_platform;


--
-- Name: COLUMN search_term_classifications.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.search_term_report_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(search_term_report_id) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.classification; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(classification) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.recommended_match_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(recommended_match_type) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.agent_reasoning; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(agent_reasoning) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.override_classification; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(override_classification) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.reviewed_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_by) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.reviewed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(reviewed_on) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.pushed_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(pushed_on) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.push_result; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(push_result) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: COLUMN search_term_classifications.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.search_term_classifications TO readonly_user;


--
-- Name: TABLE search_term_reports; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.search_term_reports TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.search_term_reports TO app_platform;


--
-- Name: COLUMN search_term_reports.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.ad_campaign_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ad_campaign_id) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.search_term; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(search_term) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.impressions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(impressions) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.clicks; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(clicks) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.conversions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(conversions) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.cost; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(cost) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.ctr; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ctr) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.report_date_range; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(report_date_range) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.synced_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(synced_on) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: COLUMN search_term_reports.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.search_term_reports TO readonly_user;


--
-- Name: TABLE sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO app_platform;


--
-- Name: COLUMN sessions.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.external_session_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(external_session_id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.agent_role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(agent_role) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.goal_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(goal_id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.adapter_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(adapter_type) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.model_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(model_id) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.token_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(token_count) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.expires_at; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(expires_at) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.sessions TO readonly_user;


--
-- Name: COLUMN sessions.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.sessions TO readonly_user;


--
-- Name: TABLE social_media_requests; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.social_media_requests TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.social_media_requests TO app_platform;


--
-- Name: COLUMN social_media_requests.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.deliverable_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.deliverable_period_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deliverable_period_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.activity_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.requested_by_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(requested_by_type) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.requested_by_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(requested_by_id) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.topic; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(topic) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.content_brief; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(content_brief) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.post_type; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(post_type) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.target_channel_ids; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(target_channel_ids) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.scheduled_for; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scheduled_for) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(notes) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.priority; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(priority) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.rejection_notes; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(rejection_notes) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: COLUMN social_media_requests.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.social_media_requests TO readonly_user;


--
-- Name: TABLE social_posts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.social_posts TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.social_posts TO app_platform;


--
-- Name: COLUMN social_posts.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.social_media_request_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(social_media_request_id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.channel_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(channel_id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.platform; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platform) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.content_ref; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(content_ref) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.char_count; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(char_count) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.scheduled_for; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(scheduled_for) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.published_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(published_on) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.published_url; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(published_url) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.platform_post_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(platform_post_id) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.engagement_snapshot; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(engagement_snapshot) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.last_engagement_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_engagement_on) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.social_posts TO readonly_user;


--
-- Name: COLUMN social_posts.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.social_posts TO readonly_user;


--
-- Name: TABLE strategies; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.strategies TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.strategies TO app_platform;


--
-- Name: COLUMN strategies.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.version; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(version) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.summary; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(summary) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.rationale; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(rationale) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.period_months; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(period_months) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.start_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(start_date) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.end_date; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(end_date) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.approved_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(approved_by) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.approved_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(approved_on) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.strategies TO readonly_user;


--
-- Name: COLUMN strategies.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.strategies TO readonly_user;


--
-- Name: TABLE tenants; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.tenants TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.tenants TO app_platform;


--
-- Name: COLUMN tenants.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.slug; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(slug) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(name) ON TABLE public.tenants TO app_user;
GRANT SELECT(name) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.legal_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(legal_name) ON TABLE public.tenants TO app_user;
GRANT SELECT(legal_name) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.industry; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(industry) ON TABLE public.tenants TO app_user;
GRANT SELECT(industry) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.website; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(website) ON TABLE public.tenants TO app_user;
GRANT SELECT(website) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(country) ON TABLE public.tenants TO app_user;
GRANT SELECT(country) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.state; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(state) ON TABLE public.tenants TO app_user;
GRANT SELECT(state) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.pan_number; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(pan_number) ON TABLE public.tenants TO app_user;
GRANT SELECT(pan_number) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.has_gst; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(has_gst) ON TABLE public.tenants TO app_user;
GRANT SELECT(has_gst) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.gst_number; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(gst_number) ON TABLE public.tenants TO app_user;
GRANT SELECT(gst_number) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.plan; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(plan) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.data_privacy_level; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(data_privacy_level) ON TABLE public.tenants TO app_user;
GRANT SELECT(data_privacy_level) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.active_platforms; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(active_platforms) ON TABLE public.tenants TO app_user;
GRANT SELECT(active_platforms) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.monthly_spend_cap_usd; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(monthly_spend_cap_usd) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.current_month_spend_usd; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(current_month_spend_usd) ON TABLE public.tenants TO app_user;
GRANT SELECT(current_month_spend_usd) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_name; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_name) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_name) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_address; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_address) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_address) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_city; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_city) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_city) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_postal_code; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_postal_code) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_postal_code) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_state; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_state) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_state) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.billing_country; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(billing_country) ON TABLE public.tenants TO app_user;
GRANT SELECT(billing_country) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.razorpay_customer_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(razorpay_customer_id) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.razorpay_subscription_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(razorpay_subscription_id) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.deployment_mode; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deployment_mode) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.contract_accepted_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(contract_accepted_on) ON TABLE public.tenants TO app_user;
GRANT SELECT(contract_accepted_on) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_by) ON TABLE public.tenants TO app_user;
GRANT SELECT(updated_by) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT UPDATE(updated_on) ON TABLE public.tenants TO app_user;
GRANT SELECT(updated_on) ON TABLE public.tenants TO readonly_user;


--
-- Name: COLUMN tenants.registration_ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(registration_ref_id) ON TABLE public.tenants TO readonly_user;


--
-- Name: TABLE tool_calls; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.tool_calls TO app_user;
GRANT SELECT,INSERT ON TABLE public.tool_calls TO app_platform;


--
-- Name: COLUMN tool_calls.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.activity_run_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(activity_run_id) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.tool_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tool_name) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.method; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(method) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.input; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(input) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.output; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(output) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.error; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(error) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.duration_ms; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(duration_ms) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: COLUMN tool_calls.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.tool_calls TO readonly_user;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.users TO app_user;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.users TO app_platform;


--
-- Name: COLUMN users.id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(id) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.ref_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(ref_id) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.tenant_id; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(tenant_id) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.email; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(email) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.title; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(title) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.first_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(first_name) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.last_name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(last_name) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.name; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(name) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.phone; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(phone) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.role; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(role) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.app_access; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(app_access) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(status) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.created_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_by) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.created_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(created_on) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.updated_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_by) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.updated_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(updated_on) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.deleted_by; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_by) ON TABLE public.users TO readonly_user;


--
-- Name: COLUMN users.deleted_on; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT(deleted_on) ON TABLE public.users TO readonly_user;


--
-- PostgreSQL database dump complete
--


