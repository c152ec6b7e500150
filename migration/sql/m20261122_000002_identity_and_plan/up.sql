-- Identity and plan: tenants, users, API keys, self-registration, contracts, onboarding, and the
-- planning hierarchy strategies → goals → deliverables → deliverable periods → activities →
-- activity runs, with the templates that spawn activities, approvals, agent configuration, LLM
-- sessions and LLM providers.
--
-- Conventions (base columns, composite tenant keys, ON DELETE rules, security calls, type names):
-- migration/README.md. Departures from the spec: docs/decisions/identity_and_plan.md.
--
-- ON DELETE rules used below:
--   * tenant_id → tenants: CASCADE everywhere (tenant erasure removes everything).
--   * structural children (goals, deliverables, periods, activities, approvals): CASCADE.
--   * assignment / optional links (assignee, reviewer to assign, goal of an activity/session,
--     templates): SET NULL (col), keeping tenant_id.
--   * who-decided records (contracts.accepted_by, strategies.approved_by,
--     onboarding_runs.reviewed_by, approvals.reviewed_by) and every reference from the immutable
--     activity_runs: NO ACTION — users are soft-deleted, so those rows only disappear with the
--     tenant (NO ACTION is checked at the end of the statement, so the tenant cascade works).

-- ---------------------------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------------------------

CREATE TYPE tenant_plan AS ENUM ('starter', 'professional', 'enterprise');
CREATE TYPE tenant_status AS ENUM ('trialing', 'active', 'suspended', 'cancelled');
CREATE TYPE tenant_data_privacy_level AS ENUM ('cloud_ok', 'local_only');
CREATE TYPE tenant_deployment_mode AS ENUM ('saas', 'on_prem');
CREATE TYPE user_role AS ENUM ('admin', 'member', 'reviewer', 'super_admin');
CREATE TYPE user_status AS ENUM ('active', 'invited', 'deactivated');
CREATE TYPE contract_status AS ENUM ('pending_acceptance', 'accepted', 'superseded');
CREATE TYPE onboarding_run_status AS ENUM ('pending', 'researching', 'review', 'completed');
CREATE TYPE strategy_status AS ENUM ('draft', 'awaiting_approval', 'active', 'archived');
CREATE TYPE goal_period AS ENUM ('monthly', 'quarterly', 'annual');
CREATE TYPE goal_status AS ENUM ('active', 'on_track', 'at_risk', 'achieved', 'paused');
CREATE TYPE deliverable_type AS ENUM (
    'blog_posts', 'social_posts', 'backlinks', 'gbp_posts', 'website_audit', 'email_newsletters',
    'ad_copy_sets', 'performance_reports', 'landing_pages', 'video_scripts');
CREATE TYPE deliverable_period AS ENUM ('monthly', 'quarterly');
CREATE TYPE deliverable_period_status AS ENUM ('not_started', 'in_progress', 'completed', 'at_risk', 'missed');
-- Shared by activities and recurring_task_templates.
CREATE TYPE assignee_type AS ENUM ('agent', 'human');
CREATE TYPE activity_type AS ENUM (
    'research', 'write', 'review', 'approve', 'publish', 'audit', 'report', 'outreach', 'other');
CREATE TYPE activity_status AS ENUM (
    'created', 'assigned', 'in_progress', 'awaiting_approval', 'approved', 'rejected', 'completed',
    'failed', 'cancelled');
CREATE TYPE activity_priority AS ENUM ('low', 'normal', 'high', 'urgent');
CREATE TYPE activity_run_status AS ENUM ('running', 'completed', 'failed', 'timed_out');
CREATE TYPE recurring_task_template_human_role AS ENUM ('reviewer', 'admin');
CREATE TYPE recurring_task_template_periodicity AS ENUM (
    'one_time', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly');
CREATE TYPE recurring_task_template_trigger AS ENUM (
    'on_onboarding', 'on_strategy_approval', 'cron', 'manual');
CREATE TYPE approval_type AS ENUM (
    'content_review', 'strategy_review', 'brand_direction', 'content_direction', 'hire_agent');
CREATE TYPE approval_risk_level AS ENUM ('low', 'medium', 'high', 'critical');
CREATE TYPE approval_status AS ENUM ('pending', 'approved', 'rejected', 'revision_requested', 'expired');
-- agent_configs.adapter_type (the spec's enum). The varchar adapter_type columns of
-- activity_runs and sessions carry a CHECK with the same values instead.
CREATE TYPE adapter_type AS ENUM ('claude', 'openai', 'ollama', 'webhook');
CREATE TYPE llm_provider_provider_type AS ENUM ('anthropic', 'openai', 'ollama', 'azure_openai', 'custom');
CREATE TYPE llm_provider_health_status AS ENUM ('ok', 'degraded', 'error', 'unknown');

-- ---------------------------------------------------------------------------------------------
-- tenants
-- ---------------------------------------------------------------------------------------------

CREATE TABLE tenants (
    id                          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                      varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    slug                        varchar(100)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                        varchar(255)  NOT NULL,
    legal_name                  varchar(500),
    industry                    varchar(100),
    website                     varchar(500),
    country                     varchar(100),
    state                       varchar(100),
    pan_number                  varchar(10)   CHECK (pan_number ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    has_gst                     boolean       NOT NULL DEFAULT false,
    gst_number                  varchar(20)   CHECK (gst_number ~ '^[0-9]{2}[0-9A-Z]{13}$'),
    plan                        tenant_plan   NOT NULL,
    status                      tenant_status NOT NULL DEFAULT 'trialing',
    data_privacy_level          tenant_data_privacy_level NOT NULL DEFAULT 'cloud_ok',
    active_platforms            text[]        NOT NULL DEFAULT '{}',
    monthly_spend_cap_usd       numeric(10,4) CHECK (monthly_spend_cap_usd >= 0),
    current_month_spend_usd     numeric(10,4) NOT NULL DEFAULT 0 CHECK (current_month_spend_usd >= 0),
    billing_name                varchar(255),
    billing_address             text,
    billing_city                varchar(100),
    billing_postal_code         varchar(20),
    billing_state               varchar(100),
    billing_country             varchar(100),
    razorpay_customer_id        varchar(255),
    razorpay_subscription_id    varchar(255),
    deployment_mode             tenant_deployment_mode NOT NULL DEFAULT 'saas',
    contract_accepted_on        timestamptz,
    created_by                  uuid,
    created_on                  timestamptz   NOT NULL DEFAULT now(),
    updated_by                  uuid,
    updated_on                  timestamptz,
    CONSTRAINT tenants_gst_number_required CHECK (NOT has_gst OR gst_number IS NOT NULL)
);

-- Row-level security by hand: the tenant row is the tenant itself (no tenant_id column).
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants FOR ALL TO app_user, readonly_user
    USING (id = app_current_tenant())
    WITH CHECK (id = app_current_tenant());
CREATE POLICY platform_access ON tenants FOR ALL TO app_platform
    USING (true) WITH CHECK (true);
SELECT app_grant_table('tenants');
-- Tenants are created by the platform (registration, provisioning) and never deleted by the app.
REVOKE INSERT, DELETE ON tenants FROM app_user;
-- A tenant edits its profile, billing address and tax ids, accepts its contract, and its own
-- requests add to the month's spend. Plan, status, spend cap, deployment mode and the Razorpay
-- ids change only through platform operations (app_platform), so no tenant request — however
-- buggy — can upgrade, un-suspend or re-bill itself.
REVOKE UPDATE ON tenants FROM app_user;
GRANT UPDATE (name, legal_name, industry, website, country, state, pan_number, has_gst, gst_number,
              data_privacy_level, active_platforms, current_month_spend_usd,
              billing_name, billing_address, billing_city, billing_postal_code, billing_state,
              billing_country, contract_accepted_on, updated_by, updated_on)
    ON tenants TO app_user;
SELECT app_document_base_columns('tenants');

COMMENT ON TABLE tenants IS 'A customer organisation (the tenant). Every tenant-scoped row references it with ON DELETE CASCADE. Suspended/cancelled via status, never deleted by the application.';
COMMENT ON COLUMN tenants.slug IS 'URL-safe slug: acme-corp';
COMMENT ON COLUMN tenants.name IS 'Brand / Display Name — shown throughout the platform';
COMMENT ON COLUMN tenants.legal_name IS 'Legal company name — appears on invoices and contract PDFs';
COMMENT ON COLUMN tenants.country IS 'Country selected at registration (Step 1)';
COMMENT ON COLUMN tenants.state IS 'State/province (Step 3)';
COMMENT ON COLUMN tenants.pan_number IS 'Indian PAN number — optional, for GST invoicing';
COMMENT ON COLUMN tenants.has_gst IS 'Whether the tenant has a GST registration (Step 3)';
COMMENT ON COLUMN tenants.gst_number IS 'GST number — required if has_gst = true';
COMMENT ON COLUMN tenants.plan IS 'starter | professional | enterprise';
COMMENT ON COLUMN tenants.status IS 'trialing | active | suspended | cancelled';
COMMENT ON COLUMN tenants.data_privacy_level IS 'cloud_ok | local_only';
COMMENT ON COLUMN tenants.active_platforms IS 'Active platforms, e.g. [''google'',''meta'',''linkedin'',''email'']';
COMMENT ON COLUMN tenants.current_month_spend_usd IS 'Running total';
COMMENT ON COLUMN tenants.billing_name IS 'Billing address name (pre-filled from brand name at registration)';
COMMENT ON COLUMN tenants.billing_address IS 'Street address';
COMMENT ON COLUMN tenants.deployment_mode IS 'saas | on_prem';
COMMENT ON COLUMN tenants.contract_accepted_on IS 'NULL = contract not yet accepted; checked on every request by the auth middleware';

-- ---------------------------------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------------------------------

CREATE TABLE users (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email           varchar(255) NOT NULL CHECK (email LIKE '_%@_%'),
    title           varchar(10)  CHECK (title IN ('Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.')),
    first_name      varchar(255) NOT NULL,
    last_name       varchar(255) NOT NULL,
    name            varchar(511) GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    phone           varchar(50)  CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    role            user_role    NOT NULL DEFAULT 'member',
    app_access      text[]       NOT NULL DEFAULT '{}'
                                 CHECK (app_access <@ ARRAY['dashboard', 'dm-portal', 'manage']::text[]),
    status          user_status  NOT NULL DEFAULT 'invited',
    password_hash   text         CHECK (password_hash LIKE '$argon2id$%'),
    created_by      uuid,
    created_on      timestamptz  NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    deleted_by      uuid,
    deleted_on      timestamptz,
    CONSTRAINT users_tenant_id_id_key UNIQUE (tenant_id, id)
);

-- Login identity: globally unique, case-insensitive (also serves the login look-up).
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

SELECT app_enable_tenant_rls('users');
SELECT app_grant_table('users');
SELECT app_document_base_columns('users');

COMMENT ON TABLE users IS 'A person who signs in to the platform (Dashboard, DM Portal, Manage). Belongs to one tenant; soft-deleted on deactivation.';
COMMENT ON COLUMN users.email IS 'Login identity. Globally unique, case-insensitive (users_email_key on lower(email)).';
COMMENT ON COLUMN users.title IS 'Mr. | Mrs. | Ms. | Dr. | Prof. — collected at registration';
COMMENT ON COLUMN users.name IS 'first_name || '' '' || last_name — display name, computed column';
COMMENT ON COLUMN users.phone IS 'E.164 format: +919876543210. Collected at registration.';
COMMENT ON COLUMN users.role IS 'admin | member | reviewer | super_admin';
COMMENT ON COLUMN users.app_access IS 'Apps the user may open: subset of [''dashboard'',''dm-portal'',''manage'']';
COMMENT ON COLUMN users.status IS 'active | invited | deactivated';
COMMENT ON COLUMN users.password_hash IS 'Argon2id PHC string ($argon2id$...). NULL for invited users who have not set a password yet. Never exposed through the API.';

-- ---------------------------------------------------------------------------------------------
-- api_keys (not in the spec: integrator keys)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE api_keys (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            varchar(255) NOT NULL,
    key_prefix      varchar(16)  NOT NULL UNIQUE,
    key_hash        varchar(64)  NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    scopes          text[]       NOT NULL
                                 CHECK (scopes <@ ARRAY['read', 'write']::text[] AND cardinality(scopes) > 0),
    last_used_on    timestamptz,
    expires_on      timestamptz,
    revoked_on      timestamptz,
    revoked_by      uuid,
    created_by      uuid,
    created_on      timestamptz  NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    CONSTRAINT api_keys_revoked_by_requires_revoked_on CHECK (revoked_by IS NULL OR revoked_on IS NOT NULL)
);

-- Key management page: the tenant's keys that are not revoked, newest first.
CREATE INDEX idx_api_keys_tenant_active ON api_keys (tenant_id, created_on DESC) WHERE revoked_on IS NULL;

SELECT app_enable_tenant_rls('api_keys');
SELECT app_grant_table('api_keys');
SELECT app_document_base_columns('api_keys');

COMMENT ON TABLE api_keys IS 'API keys of integrators (machine clients) of a tenant. Only a SHA-256 hash of the secret is stored; keys are revoked (revoked_on), not deleted.';
COMMENT ON COLUMN api_keys.name IS 'Human label of the key, chosen by the tenant admin.';
COMMENT ON COLUMN api_keys.key_prefix IS 'Non-secret leading characters of the key, shown in the UI so a key can be recognised.';
COMMENT ON COLUMN api_keys.key_hash IS 'SHA-256 (lowercase hex) of the high-entropy secret; the secret itself is shown once and never stored.';
COMMENT ON COLUMN api_keys.scopes IS 'Granted scopes: non-empty subset of [''read'',''write''].';
COMMENT ON COLUMN api_keys.last_used_on IS 'Last successful authentication with the key (updated coarsely by the server).';
COMMENT ON COLUMN api_keys.expires_on IS 'NULL = does not expire.';
COMMENT ON COLUMN api_keys.revoked_on IS 'NULL while the key is valid; set when revoked. A revoked key never authenticates again.';
COMMENT ON COLUMN api_keys.revoked_by IS 'Principal that revoked the key. Audit only, no foreign key.';

-- ---------------------------------------------------------------------------------------------
-- registration_sessions (pre-tenant, platform-only)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE registration_sessions (
    id              uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    session_token   varchar(64)  NOT NULL UNIQUE,
    current_step    smallint     NOT NULL DEFAULT 1 CHECK (current_step BETWEEN 1 AND 4),
    contact_data    jsonb        NOT NULL CHECK (jsonb_typeof(contact_data) = 'object'),
    company_data    jsonb        CHECK (jsonb_typeof(company_data) = 'object'),
    location_data   jsonb        CHECK (jsonb_typeof(location_data) = 'object'),
    plan_selected   varchar(50)  CHECK (plan_selected IN ('starter', 'professional')),
    billing_data    jsonb        CHECK (jsonb_typeof(billing_data) = 'object'),
    expires_at      timestamptz  NOT NULL DEFAULT now() + interval '24 hours',
    created_by      uuid,
    created_on      timestamptz  NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz
);

-- The cron job deleting expired sessions. (session_token is already indexed by its UNIQUE.)
CREATE INDEX idx_registration_sessions_expiry ON registration_sessions (expires_at);

-- No tenant exists yet: only the platform role may touch these rows.
ALTER TABLE registration_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE registration_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_access ON registration_sessions FOR ALL TO app_platform
    USING (true) WITH CHECK (true);
REVOKE ALL ON registration_sessions FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON registration_sessions TO app_platform;
SELECT app_document_base_columns('registration_sessions');

COMMENT ON TABLE registration_sessions IS 'Partial state of the 4-step self-registration wizard. The tenant and user records are not created until Step 4 (payment) succeeds — until then, all collected data lives here. Platform-only (app_platform); no tenant exists yet. Deleted on payment success or by the expiry cron.';
COMMENT ON COLUMN registration_sessions.session_token IS 'Cryptographically random — sent as cookie for session resumption; compared in constant time.';
COMMENT ON COLUMN registration_sessions.current_step IS 'Last completed step: 1–4';
COMMENT ON COLUMN registration_sessions.contact_data IS 'Step 1: { country, title, firstName, lastName, email, phone, passwordHash } — passwordHash is an Argon2id PHC string.';
COMMENT ON COLUMN registration_sessions.company_data IS 'Step 2: { legalName, brandName, panNumber }';
COMMENT ON COLUMN registration_sessions.location_data IS 'Step 3: { state, hasGst, gstNumber }';
COMMENT ON COLUMN registration_sessions.plan_selected IS '''starter'' | ''professional''';
COMMENT ON COLUMN registration_sessions.billing_data IS 'Step 4: { name, address, city, postalCode, state, country }';
COMMENT ON COLUMN registration_sessions.expires_at IS '24 hours after creation — cron deletes expired sessions';

-- ---------------------------------------------------------------------------------------------
-- contracts
-- ---------------------------------------------------------------------------------------------

CREATE TABLE contracts (
    id                  uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)     NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid            NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    template_version    varchar(50)     NOT NULL,
    pdf_s3_key          varchar(500),
    generated_on        timestamptz,
    status              contract_status NOT NULL DEFAULT 'pending_acceptance',
    accepted_on         timestamptz,
    accepted_by         uuid,
    accepted_ip         varchar(45),
    accepted_user_agent text,
    created_by          uuid,
    created_on          timestamptz     NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    CONSTRAINT contracts_accepted_by_fk FOREIGN KEY (tenant_id, accepted_by)
        REFERENCES users (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT contracts_accepted_has_accepted_on CHECK (status <> 'accepted' OR accepted_on IS NOT NULL),
    CONSTRAINT contracts_pending_not_accepted CHECK (status <> 'pending_acceptance' OR accepted_on IS NULL)
);

-- At most one current (non-superseded) contract per tenant.
CREATE UNIQUE INDEX contracts_tenant_current_key ON contracts (tenant_id) WHERE status <> 'superseded';
-- Contract history of a tenant (and the tenant cascade).
CREATE INDEX idx_contracts_tenant ON contracts (tenant_id, created_on DESC);

SELECT app_enable_tenant_rls('contracts');
SELECT app_grant_table('contracts');
SELECT app_document_base_columns('contracts');

COMMENT ON TABLE contracts IS 'The tenant''s contract: tracks the generated PDF and the tenant''s acceptance. At most one non-superseded contract per tenant; older versions are kept as superseded (legal record).';
COMMENT ON COLUMN contracts.template_version IS 'Version of the contract template used (e.g. v1.2) — from template frontmatter';
COMMENT ON COLUMN contracts.pdf_s3_key IS 'S3 object key → {tenantId}/contracts/{refId}/v{templateVersion}.pdf';
COMMENT ON COLUMN contracts.generated_on IS 'When the PDF was generated';
COMMENT ON COLUMN contracts.status IS 'pending_acceptance | accepted | superseded';
COMMENT ON COLUMN contracts.accepted_on IS 'NULL until accepted';
COMMENT ON COLUMN contracts.accepted_by IS 'The user who clicked “I agree”';
COMMENT ON COLUMN contracts.accepted_ip IS 'IP address at time of acceptance (legal record)';
COMMENT ON COLUMN contracts.accepted_user_agent IS 'Browser user agent at time of acceptance';

-- ---------------------------------------------------------------------------------------------
-- onboarding_runs
-- ---------------------------------------------------------------------------------------------

CREATE TABLE onboarding_runs (
    id              uuid                  PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)           NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid                  NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    status          onboarding_run_status NOT NULL DEFAULT 'pending',
    research_output text,
    context_file_id varchar(255)          CHECK (context_file_id ~ '^[0-9a-f]{24}$'),
    reviewed_by     uuid,
    reviewed_on     timestamptz,
    created_by      uuid,
    created_on      timestamptz           NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    CONSTRAINT onboarding_runs_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by)
        REFERENCES users (tenant_id, id) ON DELETE NO ACTION
);

CREATE INDEX idx_onboarding_runs_tenant ON onboarding_runs (tenant_id, created_on DESC);

SELECT app_enable_tenant_rls('onboarding_runs');
SELECT app_grant_table('onboarding_runs');
SELECT app_document_base_columns('onboarding_runs');

COMMENT ON TABLE onboarding_runs IS 'Tracks the Onboarding Agent''s research run for a tenant.';
COMMENT ON COLUMN onboarding_runs.status IS 'pending | researching | review | completed';
COMMENT ON COLUMN onboarding_runs.research_output IS 'Raw research findings from Onboarding Agent';
COMMENT ON COLUMN onboarding_runs.context_file_id IS 'MongoDB ObjectId of generated context skill file';
COMMENT ON COLUMN onboarding_runs.reviewed_by IS 'Who approved the context file';

-- ---------------------------------------------------------------------------------------------
-- strategies
-- ---------------------------------------------------------------------------------------------

CREATE TABLE strategies (
    id              uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)     NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid            NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    version         smallint        NOT NULL CHECK (version > 0),
    status          strategy_status NOT NULL DEFAULT 'draft',
    summary         text,
    rationale       text,
    period_months   smallint        CHECK (period_months > 0),
    start_date      date,
    end_date        date,
    approved_by     uuid,
    approved_on     timestamptz,
    created_by      uuid,
    created_on      timestamptz     NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    CONSTRAINT strategies_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT strategies_tenant_id_version_key UNIQUE (tenant_id, version),
    CONSTRAINT strategies_approved_by_fk FOREIGN KEY (tenant_id, approved_by)
        REFERENCES users (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT strategies_dates_ordered CHECK (end_date >= start_date)
);

-- At most one active strategy per tenant.
CREATE UNIQUE INDEX strategies_tenant_active_key ON strategies (tenant_id) WHERE status = 'active';

SELECT app_enable_tenant_rls('strategies');
SELECT app_grant_table('strategies');
SELECT app_document_base_columns('strategies');

COMMENT ON TABLE strategies IS 'The marketing strategy generated from the context file. Versioned per tenant; old versions archived via status, not deleted.';
COMMENT ON COLUMN strategies.version IS 'Increments on each new strategy';
COMMENT ON COLUMN strategies.status IS 'draft | awaiting_approval | active | archived';
COMMENT ON COLUMN strategies.summary IS 'Strategy overview narrative';
COMMENT ON COLUMN strategies.rationale IS 'Why these goals and deliverables were chosen';
COMMENT ON COLUMN strategies.period_months IS 'Strategy horizon (e.g. 6 months)';

-- ---------------------------------------------------------------------------------------------
-- goals
-- ---------------------------------------------------------------------------------------------

CREATE TABLE goals (
    id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    strategy_id     uuid          NOT NULL,
    name            varchar(255)  NOT NULL,
    description     text,
    metric          varchar(100)  NOT NULL,
    target_value    numeric(12,2),
    baseline_value  numeric(12,2),
    current_value   numeric(12,2),
    period          goal_period   NOT NULL DEFAULT 'monthly',
    target_date     date,
    status          goal_status   NOT NULL DEFAULT 'active',
    priority        smallint      NOT NULL DEFAULT 1 CHECK (priority >= 1),
    created_by      uuid,
    created_on      timestamptz   NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    deleted_by      uuid,
    deleted_on      timestamptz,
    CONSTRAINT goals_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT goals_strategy_fk FOREIGN KEY (tenant_id, strategy_id)
        REFERENCES strategies (tenant_id, id) ON DELETE CASCADE
);

-- Goal progress tracking (spec's idx_goals_active); also serves idx_goals_tenant_strategy
-- (tenant_id, strategy_id), which would be its prefix, and the strategy foreign key.
CREATE INDEX idx_goals_active ON goals (tenant_id, strategy_id, status);

SELECT app_enable_tenant_rls('goals');
SELECT app_grant_table('goals');
SELECT app_document_base_columns('goals');

COMMENT ON TABLE goals IS 'High-level outcomes the strategy aims to achieve.';
COMMENT ON COLUMN goals.name IS 'e.g. “Increase organic website traffic”';
COMMENT ON COLUMN goals.metric IS 'e.g. organic_sessions, keyword_rankings, domain_authority';
COMMENT ON COLUMN goals.target_value IS 'e.g. 10000 (sessions/month)';
COMMENT ON COLUMN goals.baseline_value IS 'Current value at strategy start';
COMMENT ON COLUMN goals.current_value IS 'Updated periodically by Data Analyst';
COMMENT ON COLUMN goals.period IS 'monthly | quarterly | annual';
COMMENT ON COLUMN goals.status IS 'active | on_track | at_risk | achieved | paused';
COMMENT ON COLUMN goals.priority IS '1 = highest';

-- ---------------------------------------------------------------------------------------------
-- activity_templates (global rows: tenant_id NULL)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE activity_templates (
    id                  uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)      NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid             REFERENCES tenants (id) ON DELETE CASCADE,
    deliverable_type    deliverable_type NOT NULL,
    name                varchar(255)     NOT NULL,
    source_template_id  uuid             REFERENCES activity_templates (id) ON DELETE SET NULL,
    steps               jsonb            NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(steps) = 'array'),
    version             smallint         NOT NULL DEFAULT 1 CHECK (version > 0),
    is_active           boolean          NOT NULL DEFAULT true,
    created_by          uuid,
    created_on          timestamptz      NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    deleted_by          uuid,
    deleted_on          timestamptz,
    CONSTRAINT activity_templates_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT activity_templates_copy_is_tenant_row CHECK (source_template_id IS NULL OR tenant_id IS NOT NULL),
    CONSTRAINT activity_templates_not_own_source CHECK (source_template_id <> id)
);

-- The Activity Planner's look-up: live templates of a deliverable type (tenant's and global).
CREATE INDEX idx_activity_templates_type ON activity_templates (tenant_id, deliverable_type)
    WHERE deleted_on IS NULL;

CREATE TRIGGER activity_templates_source_template_tenant_check
    BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON activity_templates
    FOR EACH ROW EXECUTE FUNCTION app_check_reference_tenant('activity_templates', 'source_template_id');

SELECT app_enable_tenant_rls('activity_templates', true);
SELECT app_grant_table('activity_templates');
SELECT app_document_base_columns('activity_templates');

COMMENT ON TABLE activity_templates IS 'Pipeline definitions per deliverable type. Used by the Activity Planner to spawn activity pipelines at the start of each deliverable period. Global rows (tenant_id NULL) are readable by every tenant; tenants may hold their own overrides.';
COMMENT ON COLUMN activity_templates.tenant_id IS 'NULL = global template (read-only to tenants); set = tenant-specific override. Row-level security compares it with app_current_tenant().';
COMMENT ON COLUMN activity_templates.deliverable_type IS 'e.g. blog_posts';
COMMENT ON COLUMN activity_templates.name IS 'e.g. “Standard Blog Post Pipeline”';
COMMENT ON COLUMN activity_templates.source_template_id IS 'NULL for originals; set if copied from global';
COMMENT ON COLUMN activity_templates.steps IS 'Array of ActivityTemplateStep (see workflow-model.md)';
COMMENT ON COLUMN activity_templates.version IS 'Incremented on edit';

-- ---------------------------------------------------------------------------------------------
-- deliverables
-- ---------------------------------------------------------------------------------------------

CREATE TABLE deliverables (
    id                  uuid               PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)        NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid               NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    goal_id             uuid               NOT NULL,
    strategy_id         uuid               NOT NULL,
    type                deliverable_type   NOT NULL,
    name                varchar(255)       NOT NULL,
    quantity_per_period smallint           NOT NULL CHECK (quantity_per_period > 0),
    period              deliverable_period NOT NULL DEFAULT 'monthly',
    platforms           text[]             NOT NULL DEFAULT '{}',
    template_id         uuid               REFERENCES activity_templates (id) ON DELETE SET NULL,
    is_active           boolean            NOT NULL DEFAULT true,
    created_by          uuid,
    created_on          timestamptz        NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    deleted_by          uuid,
    deleted_on          timestamptz,
    CONSTRAINT deliverables_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT deliverables_goal_fk FOREIGN KEY (tenant_id, goal_id)
        REFERENCES goals (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT deliverables_strategy_fk FOREIGN KEY (tenant_id, strategy_id)
        REFERENCES strategies (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX idx_deliverables_tenant_goal ON deliverables (tenant_id, goal_id);
CREATE INDEX idx_deliverables_tenant_strategy ON deliverables (tenant_id, strategy_id);

CREATE TRIGGER deliverables_template_tenant_check
    BEFORE INSERT OR UPDATE OF template_id, tenant_id ON deliverables
    FOR EACH ROW EXECUTE FUNCTION app_check_reference_tenant('activity_templates', 'template_id');

SELECT app_enable_tenant_rls('deliverables');
SELECT app_grant_table('deliverables');
SELECT app_document_base_columns('deliverables');

COMMENT ON TABLE deliverables IS 'Fixed recurring commitments per goal. Defines what is produced each month.';
COMMENT ON COLUMN deliverables.goal_id IS 'Primary goal this deliverable serves';
COMMENT ON COLUMN deliverables.strategy_id IS 'Strategy of the goal (denormalised; the application keeps it equal to goals.strategy_id).';
COMMENT ON COLUMN deliverables.type IS 'blog_posts | social_posts | backlinks | gbp_posts | website_audit | email_newsletters | ad_copy_sets | performance_reports | landing_pages | video_scripts';
COMMENT ON COLUMN deliverables.name IS 'Human label: “Monthly Blog Posts”';
COMMENT ON COLUMN deliverables.quantity_per_period IS 'e.g. 10 (posts per month)';
COMMENT ON COLUMN deliverables.period IS 'monthly | quarterly';
COMMENT ON COLUMN deliverables.platforms IS 'Which platforms this targets';
COMMENT ON COLUMN deliverables.template_id IS 'Activity template that defines the pipeline (global or of the same tenant; checked by trigger).';

-- ---------------------------------------------------------------------------------------------
-- deliverable_periods
-- ---------------------------------------------------------------------------------------------

CREATE TABLE deliverable_periods (
    id              uuid                      PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)               NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid                      NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    deliverable_id  uuid                      NOT NULL,
    period_start    date                      NOT NULL,
    period_end      date                      NOT NULL,
    target_count    smallint                  NOT NULL DEFAULT 0 CHECK (target_count >= 0),
    completed_count smallint                  NOT NULL DEFAULT 0 CHECK (completed_count >= 0),
    status          deliverable_period_status NOT NULL DEFAULT 'not_started',
    created_by      uuid,
    created_on      timestamptz               NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    CONSTRAINT deliverable_periods_tenant_id_id_key UNIQUE (tenant_id, id),
    -- One row per deliverable per period (also serves the deliverable foreign key).
    CONSTRAINT deliverable_periods_tenant_id_deliverable_id_period_start_key
        UNIQUE (tenant_id, deliverable_id, period_start),
    CONSTRAINT deliverable_periods_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id)
        REFERENCES deliverables (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT deliverable_periods_dates_ordered CHECK (period_end >= period_start)
);

-- Deliverable period progress (spec: Critical Indexes).
CREATE INDEX idx_deliverable_periods_active ON deliverable_periods (tenant_id, status)
    WHERE status IN ('not_started', 'in_progress', 'at_risk');
-- Monthly progress of a tenant (spec: Useful Queries, period_start = this month).
CREATE INDEX idx_deliverable_periods_tenant_period ON deliverable_periods (tenant_id, period_start);

SELECT app_enable_tenant_rls('deliverable_periods');
SELECT app_grant_table('deliverable_periods');
SELECT app_document_base_columns('deliverable_periods');

COMMENT ON TABLE deliverable_periods IS 'Monthly (or quarterly) tracking record for each deliverable. One row per deliverable per period; historical record, immutable after close.';
COMMENT ON COLUMN deliverable_periods.period_start IS 'e.g. 2026-04-01';
COMMENT ON COLUMN deliverable_periods.period_end IS 'e.g. 2026-04-30';
COMMENT ON COLUMN deliverable_periods.target_count IS 'From deliverable.quantity_per_period';
COMMENT ON COLUMN deliverable_periods.completed_count IS 'Increments as activities complete';
COMMENT ON COLUMN deliverable_periods.status IS 'not_started | in_progress | completed | at_risk | missed';

-- ---------------------------------------------------------------------------------------------
-- recurring_task_templates (global rows: tenant_id NULL)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE recurring_task_templates (
    id                  uuid                                 PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)                          NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid                                 REFERENCES tenants (id) ON DELETE CASCADE,
    source_template_id  uuid                                 REFERENCES recurring_task_templates (id) ON DELETE SET NULL,
    name                varchar(255)                         NOT NULL,
    description         text,
    assignee_type       assignee_type                        NOT NULL,
    agent_role          varchar(100),
    human_role          recurring_task_template_human_role,
    periodicity         recurring_task_template_periodicity  NOT NULL,
    trigger             recurring_task_template_trigger      NOT NULL,
    cron_expression     varchar(100),
    prompt_template     text,
    variables           jsonb                                NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(variables) = 'array'),
    variable_values     jsonb                                CHECK (jsonb_typeof(variable_values) = 'object'),
    is_active           boolean                              NOT NULL DEFAULT true,
    created_by          uuid,
    created_on          timestamptz                          NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    deleted_by          uuid,
    deleted_on          timestamptz,
    CONSTRAINT recurring_task_templates_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT recurring_task_templates_assignee CHECK (
        (assignee_type = 'agent' AND agent_role IS NOT NULL AND human_role IS NULL)
        OR (assignee_type = 'human' AND agent_role IS NULL)),
    CONSTRAINT recurring_task_templates_cron_expression CHECK ((trigger = 'cron') = (cron_expression IS NOT NULL)),
    CONSTRAINT recurring_task_templates_global_has_no_values CHECK (tenant_id IS NOT NULL OR variable_values IS NULL),
    CONSTRAINT recurring_task_templates_copy_is_tenant_row CHECK (source_template_id IS NULL OR tenant_id IS NOT NULL),
    CONSTRAINT recurring_task_templates_not_own_source CHECK (source_template_id <> id)
);

-- A global template is copied at most once into a tenant (live copies).
CREATE UNIQUE INDEX recurring_task_templates_tenant_source_key
    ON recurring_task_templates (tenant_id, source_template_id)
    WHERE source_template_id IS NOT NULL AND deleted_on IS NULL;
-- The scheduler: active templates of a tenant by trigger.
CREATE INDEX idx_recurring_task_templates_trigger ON recurring_task_templates (tenant_id, trigger)
    WHERE is_active AND deleted_on IS NULL;

CREATE TRIGGER recurring_task_templates_source_template_tenant_check
    BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON recurring_task_templates
    FOR EACH ROW EXECUTE FUNCTION app_check_reference_tenant('recurring_task_templates', 'source_template_id');

SELECT app_enable_tenant_rls('recurring_task_templates', true);
SELECT app_grant_table('recurring_task_templates');
SELECT app_document_base_columns('recurring_task_templates');

COMMENT ON TABLE recurring_task_templates IS 'Predefined standalone tasks that recur on a schedule, not tied to a deliverable pipeline. Global templates (tenant_id NULL) are copied to each tenant on creation; changes to a global template do not propagate to existing tenant copies.';
COMMENT ON COLUMN recurring_task_templates.tenant_id IS 'NULL = global template (read-only to tenants); set = tenant copy. Row-level security compares it with app_current_tenant().';
COMMENT ON COLUMN recurring_task_templates.source_template_id IS 'NULL for globals; set on tenant copy';
COMMENT ON COLUMN recurring_task_templates.name IS 'e.g. “Update Google My Business listing”';
COMMENT ON COLUMN recurring_task_templates.description IS 'What to do and why';
COMMENT ON COLUMN recurring_task_templates.assignee_type IS 'agent | human';
COMMENT ON COLUMN recurring_task_templates.agent_role IS 'NULL if human task';
COMMENT ON COLUMN recurring_task_templates.human_role IS 'reviewer | admin | NULL';
COMMENT ON COLUMN recurring_task_templates.periodicity IS 'one_time | daily | weekly | monthly | quarterly | yearly';
COMMENT ON COLUMN recurring_task_templates.trigger IS 'on_onboarding | on_strategy_approval | cron | manual';
COMMENT ON COLUMN recurring_task_templates.cron_expression IS 'Only if trigger = cron';
COMMENT ON COLUMN recurring_task_templates.prompt_template IS 'Task description with {{variable}} placeholders';
COMMENT ON COLUMN recurring_task_templates.variables IS 'Array of TemplateVariable definitions (key, label, type, required)';
COMMENT ON COLUMN recurring_task_templates.variable_values IS 'Filled in at tenant level; null for global templates';
COMMENT ON COLUMN recurring_task_templates.is_active IS 'Can be disabled per tenant';

-- ---------------------------------------------------------------------------------------------
-- activities
-- ---------------------------------------------------------------------------------------------

CREATE TABLE activities (
    id                      uuid              PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)       NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid              NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    deliverable_period_id   uuid,
    goal_id                 uuid,
    parent_activity_id      uuid,
    pipeline_step           varchar(100),
    title                   varchar(500)      NOT NULL,
    type                    activity_type     NOT NULL,
    assignee_type           assignee_type     NOT NULL,
    assignee_agent_role     varchar(100),
    assignee_user_id        uuid,
    status                  activity_status   NOT NULL DEFAULT 'created',
    priority                activity_priority NOT NULL DEFAULT 'normal',
    is_approval_gate        boolean           NOT NULL DEFAULT false,
    input_data              jsonb,
    output_summary          jsonb,
    output_ref              varchar(255)      CHECK (output_ref ~ '^[0-9a-f]{24}$'),
    rejection_note          text,
    revision_note           text,
    due_date                date,
    started_on              timestamptz,
    completed_on            timestamptz,
    created_by              uuid,
    created_on              timestamptz       NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    deleted_by              uuid,
    deleted_on              timestamptz,
    CONSTRAINT activities_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT activities_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id)
        REFERENCES deliverable_periods (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT activities_goal_fk FOREIGN KEY (tenant_id, goal_id)
        REFERENCES goals (tenant_id, id) ON DELETE SET NULL (goal_id),
    CONSTRAINT activities_parent_activity_fk FOREIGN KEY (tenant_id, parent_activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT activities_assignee_user_fk FOREIGN KEY (tenant_id, assignee_user_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (assignee_user_id),
    CONSTRAINT activities_not_own_parent CHECK (parent_activity_id <> id),
    CONSTRAINT activities_human_has_no_agent_role CHECK (assignee_type <> 'human' OR assignee_agent_role IS NULL),
    CONSTRAINT activities_agent_has_role_no_user CHECK (
        assignee_type <> 'agent' OR (assignee_agent_role IS NOT NULL AND assignee_user_id IS NULL)),
    CONSTRAINT activities_completed_after_started CHECK (completed_on >= started_on)
);

-- (tenant_id, status): spec's idx_activities_tenant_status = per-table "activities(tenant_id, status)".
CREATE INDEX idx_activities_tenant_status ON activities (tenant_id, status);
-- (tenant_id, deliverable_period_id, status): spec's idx_activities_tenant_deliverable (adapted:
-- there is no deliverable_id) merged with per-table "activities(deliverable_period_id, status)".
CREATE INDEX idx_activities_tenant_deliverable ON activities (tenant_id, deliverable_period_id, status)
    WHERE deliverable_period_id IS NOT NULL;
-- Human task inbox: spec's idx_activities_tenant_assignee merged with per-table
-- "activities(assignee_user_id, status) WHERE assignee_type = 'human'" and the critical
-- idx_activities_human_queue (a user id implies assignee_type = 'human', see CHECKs).
CREATE INDEX idx_activities_tenant_assignee ON activities (tenant_id, assignee_user_id, status)
    WHERE assignee_user_id IS NOT NULL;
-- Agent queue of a tenant (spec: Critical Indexes).
CREATE INDEX idx_activities_agent_queue ON activities (tenant_id, assignee_agent_role, status)
    WHERE assignee_type = 'agent' AND status IN ('created', 'assigned');
-- Per-table "activities(assignee_agent_role, status) WHERE assignee_type = 'agent'": workers
-- polling one agent role across tenants (app_platform).
CREATE INDEX idx_activities_agent_role ON activities (assignee_agent_role, status)
    WHERE assignee_type = 'agent';
-- Per-table "activities(parent_activity_id)", tenant-leading for the composite foreign key.
CREATE INDEX idx_activities_parent ON activities (tenant_id, parent_activity_id)
    WHERE parent_activity_id IS NOT NULL;
-- Per-table "activities(goal_id, status)", tenant-leading for the composite foreign key.
CREATE INDEX idx_activities_goal ON activities (tenant_id, goal_id, status)
    WHERE goal_id IS NOT NULL;
-- Undeleted activities (spec: partial indexes).
CREATE INDEX idx_activities_active ON activities (tenant_id, status, created_on DESC)
    WHERE deleted_on IS NULL;

SELECT app_enable_tenant_rls('activities');
SELECT app_grant_table('activities');
SELECT app_document_base_columns('activities');

COMMENT ON TABLE activities IS 'The primary work unit. Every piece of work — agent task or human review — is an activity.';
COMMENT ON COLUMN activities.deliverable_period_id IS 'Which monthly deliverable this advances (NULL for standalone recurring tasks)';
COMMENT ON COLUMN activities.goal_id IS 'Denormalised for quick goal-progress queries';
COMMENT ON COLUMN activities.parent_activity_id IS 'For sub-activities (e.g. one per blog post)';
COMMENT ON COLUMN activities.pipeline_step IS 'Step name from activity template';
COMMENT ON COLUMN activities.title IS 'Human-readable: “Write blog post: The future of B2B SaaS”';
COMMENT ON COLUMN activities.type IS 'research | write | review | approve | publish | audit | report | outreach | other';
COMMENT ON COLUMN activities.assignee_type IS 'agent | human';
COMMENT ON COLUMN activities.assignee_agent_role IS 'If agent: e.g. copywriter';
COMMENT ON COLUMN activities.assignee_user_id IS 'If human';
COMMENT ON COLUMN activities.status IS 'created | assigned | in_progress | awaiting_approval | approved | rejected | completed | failed | cancelled';
COMMENT ON COLUMN activities.priority IS 'low | normal | high | urgent';
COMMENT ON COLUMN activities.is_approval_gate IS 'True = this is a human review step';
COMMENT ON COLUMN activities.input_data IS 'What was passed into this activity';
COMMENT ON COLUMN activities.output_summary IS 'Structured summary of result (not full content — that’s in MongoDB)';
COMMENT ON COLUMN activities.output_ref IS 'MongoDB ObjectId of full output content';
COMMENT ON COLUMN activities.rejection_note IS 'Human’s rejection feedback';
COMMENT ON COLUMN activities.revision_note IS 'Instructions for re-run';

-- ---------------------------------------------------------------------------------------------
-- sessions
-- ---------------------------------------------------------------------------------------------

CREATE TABLE sessions (
    id                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    external_session_id varchar(255),
    agent_role          varchar(100)  NOT NULL,
    goal_id             uuid,
    adapter_type        varchar(50)   NOT NULL CHECK (adapter_type IN ('claude', 'openai', 'ollama', 'webhook')),
    model_id            varchar(100),
    token_count         int           NOT NULL DEFAULT 0 CHECK (token_count >= 0),
    expires_at          timestamptz,
    created_by          uuid,
    created_on          timestamptz   NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    CONSTRAINT sessions_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT sessions_goal_fk FOREIGN KEY (tenant_id, goal_id)
        REFERENCES goals (tenant_id, id) ON DELETE SET NULL (goal_id)
);

-- Session continuity: a tenant's session for a goal and agent role (and the goal foreign key).
CREATE INDEX idx_sessions_goal_role ON sessions (tenant_id, goal_id, agent_role);
-- TTL clean-up.
CREATE INDEX idx_sessions_expiry ON sessions (expires_at);

SELECT app_enable_tenant_rls('sessions');
SELECT app_grant_table('sessions');
SELECT app_document_base_columns('sessions');

COMMENT ON TABLE sessions IS 'LLM session continuity records. Expire via TTL (expires_at); a session referenced by an activity run is kept.';
COMMENT ON COLUMN sessions.external_session_id IS 'Claude session ID; null for Ollama/OpenAI';
COMMENT ON COLUMN sessions.goal_id IS 'Sessions scoped to a goal for context continuity';
COMMENT ON COLUMN sessions.adapter_type IS 'claude | openai | ollama | webhook';
COMMENT ON COLUMN sessions.token_count IS 'Running total';
COMMENT ON COLUMN sessions.expires_at IS 'TTL-based expiry';

-- ---------------------------------------------------------------------------------------------
-- activity_runs (append-only)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE activity_runs (
    id              uuid                PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)         NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid                NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    activity_id     uuid                NOT NULL,
    adapter_type    varchar(50)         NOT NULL CHECK (adapter_type IN ('claude', 'openai', 'ollama', 'webhook')),
    model_id        varchar(100),
    session_id      uuid,
    status          activity_run_status NOT NULL,
    error           text,
    input_tokens    int                 NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens   int                 NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cost_usd        numeric(10,6)       NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    duration_ms     int                 CHECK (duration_ms >= 0),
    started_on      timestamptz         NOT NULL DEFAULT now(),
    ended_on        timestamptz,
    created_by      uuid,
    created_on      timestamptz         NOT NULL DEFAULT now(),
    CONSTRAINT activity_runs_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT activity_runs_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT activity_runs_session_fk FOREIGN KEY (tenant_id, session_id)
        REFERENCES sessions (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT activity_runs_ended_after_started CHECK (ended_on >= started_on)
);

-- Runs of an activity, newest first (and the activity foreign key).
CREATE INDEX idx_activity_runs_activity ON activity_runs (tenant_id, activity_id, started_on DESC);
-- The session foreign key (deleting an expired session checks for runs).
CREATE INDEX idx_activity_runs_session ON activity_runs (tenant_id, session_id)
    WHERE session_id IS NOT NULL;

SELECT app_enable_tenant_rls('activity_runs');
SELECT app_grant_table('activity_runs', true);
SELECT app_document_base_columns('activity_runs');

COMMENT ON TABLE activity_runs IS 'Each execution attempt of an agent activity (retries create new runs). Immutable execution audit log: SELECT/INSERT only.';
COMMENT ON COLUMN activity_runs.adapter_type IS 'claude | openai | ollama | webhook';
COMMENT ON COLUMN activity_runs.status IS 'running | completed | failed | timed_out';

-- ---------------------------------------------------------------------------------------------
-- approvals
-- ---------------------------------------------------------------------------------------------

CREATE TABLE approvals (
    id                  uuid                PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)         NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid                NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    activity_id         uuid                NOT NULL,
    type                approval_type       NOT NULL,
    risk_level          approval_risk_level NOT NULL DEFAULT 'low',
    status              approval_status     NOT NULL DEFAULT 'pending',
    title               varchar(500)        NOT NULL,
    content_ref         varchar(255)        CHECK (content_ref ~ '^[0-9a-f]{24}$'),
    reviewer_id         uuid,
    reviewed_by         uuid,
    reviewer_notes      text,
    chosen_option       varchar(255),
    expires_at          timestamptz         NOT NULL DEFAULT now() + interval '72 hours',
    resolved_at         timestamptz,
    sent_to_client_at   timestamptz,
    created_by          uuid,
    created_on          timestamptz         NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    CONSTRAINT approvals_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT approvals_reviewer_fk FOREIGN KEY (tenant_id, reviewer_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (reviewer_id),
    CONSTRAINT approvals_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by)
        REFERENCES users (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT approvals_pending_unresolved CHECK (status <> 'pending' OR resolved_at IS NULL),
    CONSTRAINT approvals_decided_resolved CHECK (
        status NOT IN ('approved', 'rejected', 'revision_requested') OR resolved_at IS NOT NULL)
);

-- Pending approvals only (spec: partial indexes).
CREATE INDEX idx_approvals_pending ON approvals (tenant_id, expires_at) WHERE status = 'pending';
-- Approvals of an activity (spec's idx_approvals_activity, tenant-leading for the foreign key).
CREATE INDEX idx_approvals_activity ON approvals (tenant_id, activity_id);
-- A reviewer's queue (and the reviewer foreign key).
CREATE INDEX idx_approvals_reviewer ON approvals (tenant_id, reviewer_id, status)
    WHERE reviewer_id IS NOT NULL;

SELECT app_enable_tenant_rls('approvals');
SELECT app_grant_table('approvals');
SELECT app_document_base_columns('approvals');

COMMENT ON TABLE approvals IS 'Content and strategy approvals that route through the HITL pipeline. Each approval is linked to an activity and expires after 72 hours if unresolved, triggering escalation.';
COMMENT ON COLUMN approvals.activity_id IS 'The activity this approval is for';
COMMENT ON COLUMN approvals.type IS 'content_review | strategy_review | brand_direction | content_direction | hire_agent';
COMMENT ON COLUMN approvals.risk_level IS 'low | medium | high | critical';
COMMENT ON COLUMN approvals.status IS 'pending | approved | rejected | revision_requested | expired';
COMMENT ON COLUMN approvals.title IS 'Short label shown in the approval queue';
COMMENT ON COLUMN approvals.content_ref IS 'MongoDB ObjectId of the content being reviewed (nullable — some approvals are structural)';
COMMENT ON COLUMN approvals.reviewer_id IS 'NULL until assigned';
COMMENT ON COLUMN approvals.reviewed_by IS 'NULL until resolved';
COMMENT ON COLUMN approvals.reviewer_notes IS 'Free-text feedback from reviewer';
COMMENT ON COLUMN approvals.chosen_option IS 'For multi-option approvals (e.g. pick A or B direction)';
COMMENT ON COLUMN approvals.expires_at IS 'Auto-expires after 72 h if unresolved — triggers escalation';
COMMENT ON COLUMN approvals.sent_to_client_at IS 'When reviewer forwarded to client for sign-off';

-- ---------------------------------------------------------------------------------------------
-- agent_configs
-- ---------------------------------------------------------------------------------------------

CREATE TABLE agent_configs (
    id                          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                      varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id                   uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_role                  varchar(100)  NOT NULL,
    is_enabled                  boolean       NOT NULL DEFAULT true,
    adapter_type                adapter_type  NOT NULL,
    model_id                    varchar(100),
    skill_ids                   text[]        NOT NULL DEFAULT '{}',
    tool_names                  text[]        NOT NULL DEFAULT '{}',
    max_concurrent              smallint      NOT NULL DEFAULT 1 CHECK (max_concurrent > 0),
    timeout_ms                  int           CHECK (timeout_ms > 0),
    max_cost_usd_per_activity   numeric(8,4)  CHECK (max_cost_usd_per_activity >= 0),
    escalation_after_failures   smallint      NOT NULL DEFAULT 3 CHECK (escalation_after_failures > 0),
    env_secrets                 text,
    created_by                  uuid,
    created_on                  timestamptz   NOT NULL DEFAULT now(),
    updated_by                  uuid,
    updated_on                  timestamptz,
    -- One configuration per agent role per tenant; also serves the spec's idx_agent_configs_active.
    CONSTRAINT agent_configs_tenant_id_agent_role_key UNIQUE (tenant_id, agent_role)
);

SELECT app_enable_tenant_rls('agent_configs');
SELECT app_grant_table('agent_configs');
SELECT app_document_base_columns('agent_configs');

COMMENT ON TABLE agent_configs IS 'Tenant-specific agent configuration. Always exists per agent per tenant; disabled via is_enabled.';
COMMENT ON COLUMN agent_configs.is_enabled IS 'Tenant can disable agents they don’t need';
COMMENT ON COLUMN agent_configs.adapter_type IS 'claude | openai | ollama | webhook';
COMMENT ON COLUMN agent_configs.skill_ids IS 'MongoDB ObjectIds of assigned skill files';
COMMENT ON COLUMN agent_configs.tool_names IS 'Allowed integrations';
COMMENT ON COLUMN agent_configs.escalation_after_failures IS 'Default 3';
COMMENT ON COLUMN agent_configs.env_secrets IS 'Per-agent env vars (e.g. BRAND_API_KEY): a JSON object encrypted with AES-256-GCM by the application (ciphertext). Write-only in the API.';

-- ---------------------------------------------------------------------------------------------
-- llm_providers (global rows: tenant_id NULL)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE llm_providers (
    id                      uuid                        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)                 NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid                        REFERENCES tenants (id) ON DELETE CASCADE,
    name                    varchar(100)                NOT NULL,
    provider_type           llm_provider_provider_type  NOT NULL,
    base_url                varchar(500),
    api_key                 text,
    default_model           varchar(100),
    available_models        text[]                      NOT NULL DEFAULT '{}',
    is_active               boolean                     NOT NULL DEFAULT true,
    is_global_default       boolean                     NOT NULL DEFAULT false,
    monthly_spend_usd       numeric(12,4)               NOT NULL DEFAULT 0 CHECK (monthly_spend_usd >= 0),
    monthly_spend_reset_at  timestamptz,
    health_status           llm_provider_health_status  NOT NULL DEFAULT 'unknown',
    last_health_check_at    timestamptz,
    created_by              uuid,
    created_on              timestamptz                 NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    deleted_by              uuid,
    deleted_on              timestamptz,
    CONSTRAINT llm_providers_global_default_is_global CHECK (NOT is_global_default OR tenant_id IS NULL),
    CONSTRAINT llm_providers_base_url_required CHECK (
        provider_type NOT IN ('ollama', 'azure_openai') OR base_url IS NOT NULL),
    CONSTRAINT llm_providers_deleted_has_no_key CHECK (deleted_on IS NULL OR api_key IS NULL)
);

-- At most one global default per provider type.
CREATE UNIQUE INDEX llm_providers_global_default_key ON llm_providers (provider_type)
    WHERE is_global_default AND tenant_id IS NULL;
-- Active providers offered in agent config dropdowns (spec's idx_llm_providers_active, tenant-leading).
CREATE INDEX idx_llm_providers_active ON llm_providers (tenant_id, provider_type) WHERE is_active;

SELECT app_enable_tenant_rls('llm_providers', true);
SELECT app_grant_table('llm_providers');
SELECT app_document_base_columns('llm_providers');

COMMENT ON TABLE llm_providers IS 'LLM provider configurations — connection details and API credentials for all AI providers available on the platform. Global rows (tenant_id NULL) are shared providers; tenant rows are tenant-owned private keys.';
COMMENT ON COLUMN llm_providers.tenant_id IS 'NULL = global/shared provider (read-only to tenants); set = tenant-owned private key. Row-level security compares it with app_current_tenant().';
COMMENT ON COLUMN llm_providers.name IS 'Display name: “Anthropic Production”, “OpenAI Backup”';
COMMENT ON COLUMN llm_providers.provider_type IS 'anthropic | openai | ollama | azure_openai | custom';
COMMENT ON COLUMN llm_providers.base_url IS 'API base URL — required for Ollama and Azure';
COMMENT ON COLUMN llm_providers.api_key IS 'Encrypted AES-256-GCM (ciphertext). NULL for Ollama (no key needed). Write-only in the API; cleared on soft delete.';
COMMENT ON COLUMN llm_providers.default_model IS 'e.g. claude-sonnet-4-6';
COMMENT ON COLUMN llm_providers.available_models IS 'Models exposed to agent configs';
COMMENT ON COLUMN llm_providers.is_active IS 'Only active providers are offered in agent config dropdowns';
COMMENT ON COLUMN llm_providers.is_global_default IS 'The platform-level default for new tenants (at most one per provider_type)';
COMMENT ON COLUMN llm_providers.monthly_spend_usd IS 'Cached sum of llm_calls.cost_usd for the current month';
COMMENT ON COLUMN llm_providers.monthly_spend_reset_at IS 'When the monthly spend cache was last reset';
COMMENT ON COLUMN llm_providers.health_status IS 'ok | degraded | error | unknown';
