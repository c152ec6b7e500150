-- Content: OAuth channels and their score history, campaigns, reports, email templates,
-- API-key integrations, blog and social requests/posts, backlinks, and the RAG knowledge base
-- (datasets, files, ingestion crawl jobs). Document bodies live in MongoDB; these tables hold
-- their ObjectIds (content_ref).
--
-- Depends on m20261122_000002_identity_and_plan for tenants, users, strategies, goals,
-- deliverables, deliverable_periods and activities, each with UNIQUE (tenant_id, id).
-- Conventions (base columns, tenant-composite keys, security calls): migration/README.md.
-- Departures from the spec: docs/decisions/content.md.

------------------------------------------------------------------------------------------------
-- Enum types
------------------------------------------------------------------------------------------------

CREATE TYPE channel_platform AS ENUM (
    'linkedin', 'facebook', 'instagram', 'x_twitter', 'tiktok', 'wordpress', 'webflow',
    'google_business_profile', 'google_search_console', 'google_analytics', 'mailchimp',
    'klaviyo', 'google_ads', 'meta_ads');
CREATE TYPE channel_type AS ENUM ('social', 'cms', 'analytics', 'local', 'email', 'ads');
CREATE TYPE channel_status AS ENUM ('connected', 'expired', 'revoked', 'error');
CREATE TYPE campaign_status AS ENUM ('draft', 'active', 'paused', 'completed', 'archived');
CREATE TYPE report_type AS ENUM (
    'monthly_performance', 'quarterly_review', 'ad_audit', 'seo_audit', 'custom');
CREATE TYPE report_status AS ENUM ('draft', 'ready', 'delivered', 'archived');
CREATE TYPE email_template_category AS ENUM (
    'approval', 'report_delivery', 'onboarding', 'billing', 'alert', 'custom');
CREATE TYPE email_template_send_via AS ENUM ('sendgrid', 'ses', 'smtp');
CREATE TYPE integration_type AS ENUM (
    'semrush', 'dataforseo', 'ahrefs', 'google_ads_api', 'meta_ads_api', 'razorpay', 'sendgrid',
    'twilio', 'custom');
CREATE TYPE integration_status AS ENUM ('connected', 'error', 'quota_exceeded', 'expired');
-- Shared by blog_requests and social_media_requests (named by meaning, see README).
CREATE TYPE requester_type AS ENUM ('agent', 'human');
CREATE TYPE request_priority AS ENUM ('normal', 'high', 'urgent');
CREATE TYPE request_status AS ENUM (
    'draft', 'pending_approval', 'approved', 'rejected', 'in_progress', 'completed');
CREATE TYPE blog_request_search_intent AS ENUM (
    'informational', 'commercial', 'navigational', 'transactional');
CREATE TYPE blog_post_status AS ENUM (
    'draft', 'writing', 'review', 'approved', 'scheduled', 'published', 'rejected');
CREATE TYPE social_media_request_post_type AS ENUM (
    'standard', 'carousel', 'reel', 'story', 'article', 'gbp_update');
CREATE TYPE social_post_status AS ENUM (
    'draft', 'writing', 'review', 'approved', 'scheduled', 'published', 'rejected', 'failed');
CREATE TYPE backlink_link_type AS ENUM ('dofollow', 'nofollow', 'ugc', 'sponsored');
CREATE TYPE backlink_outreach_status AS ENUM (
    'prospecting', 'outreach_sent', 'responded', 'agreed', 'published', 'rejected', 'no_response');

------------------------------------------------------------------------------------------------
-- channels
------------------------------------------------------------------------------------------------

CREATE TABLE channels (
    id                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    platform            channel_platform NOT NULL,
    channel_type        channel_type  NOT NULL,
    name                varchar(255)  NOT NULL,
    external_id         varchar(500)  NOT NULL,
    external_url        varchar(1000),
    access_token        text,
    refresh_token       text,
    token_expires_at    timestamptz,
    scopes              text[]        NOT NULL DEFAULT '{}',
    metadata            jsonb         NOT NULL DEFAULT '{}',
    status              channel_status NOT NULL DEFAULT 'connected',
    last_verified_at    timestamptz,
    error_message       text,
    score               smallint      CHECK (score BETWEEN 0 AND 100),
    score_breakdown     jsonb,
    score_calculated_at timestamptz,
    score_previous      smallint      CHECK (score_previous BETWEEN 0 AND 100),
    created_by          uuid,
    created_on          timestamptz   NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    deleted_by          uuid,
    deleted_on          timestamptz,
    CONSTRAINT channels_tenant_id_id_key UNIQUE (tenant_id, id),
    -- Target of social_posts' (tenant_id, channel_id, platform) key: keeps the denormalised
    -- social_posts.platform equal to its channel's platform.
    CONSTRAINT channels_tenant_id_id_platform_key UNIQUE (tenant_id, id, platform),
    -- channel_type is fully determined by the platform.
    CONSTRAINT channels_platform_type_check CHECK (channel_type = CASE
        WHEN platform IN ('linkedin', 'facebook', 'instagram', 'x_twitter', 'tiktok') THEN 'social'
        WHEN platform IN ('wordpress', 'webflow') THEN 'cms'
        WHEN platform IN ('google_search_console', 'google_analytics') THEN 'analytics'
        WHEN platform = 'google_business_profile' THEN 'local'
        WHEN platform IN ('mailchimp', 'klaviyo') THEN 'email'
        WHEN platform IN ('google_ads', 'meta_ads') THEN 'ads'
    END::channel_type)
);

SELECT app_enable_tenant_rls('channels');
SELECT app_grant_table('channels');
SELECT app_document_base_columns('channels');

CREATE UNIQUE INDEX idx_channels_tenant_platform
    ON channels (tenant_id, platform, external_id);
CREATE INDEX idx_channels_expiry
    ON channels (token_expires_at)
    WHERE status = 'connected';

COMMENT ON TABLE channels IS
    'OAuth-connected external platforms per tenant. Stores encrypted credentials used by agents to publish content. Token refresh cron runs hourly and refreshes tokens expiring within 1 hour; on failure status = expired and an alert activity is created.';
COMMENT ON COLUMN channels.platform IS 'External platform of the connection.';
COMMENT ON COLUMN channels.channel_type IS 'Kind of platform; determined by platform (checked).';
COMMENT ON COLUMN channels.name IS 'Display name: "Acme Corp LinkedIn Page".';
COMMENT ON COLUMN channels.external_id IS 'Platform''s internal ID: page ID, account ID, workspace ID. Unique per tenant and platform.';
COMMENT ON COLUMN channels.external_url IS 'URL to the connected page/profile/site.';
COMMENT ON COLUMN channels.access_token IS
    'Encrypted OAuth access token: AES-256-GCM ciphertext written by the application (key ring via Doppler, never in the database). Decrypted in memory only for API calls; never returned by the API.';
COMMENT ON COLUMN channels.refresh_token IS
    'Encrypted OAuth refresh token: AES-256-GCM ciphertext written by the application (key ring via Doppler, never in the database). Never returned by the API.';
COMMENT ON COLUMN channels.token_expires_at IS 'When access_token expires; NULL if does not expire.';
COMMENT ON COLUMN channels.scopes IS 'OAuth scopes granted: [''w_member_social'', ''r_basicprofile''].';
COMMENT ON COLUMN channels.metadata IS 'Platform-specific info: { pageId, followersCount, avatarUrl }.';
COMMENT ON COLUMN channels.status IS 'Connection status: connected | expired | revoked | error.';
COMMENT ON COLUMN channels.last_verified_at IS 'Last successful token validation.';
COMMENT ON COLUMN channels.error_message IS 'Last error if status = error.';
COMMENT ON COLUMN channels.score IS '0–100. NULL until first score calculated.';
COMMENT ON COLUMN channels.score_breakdown IS 'Component scores: { completeness: 70, activity: 60, engagement: 45 }.';
COMMENT ON COLUMN channels.score_previous IS 'Score from previous calculation (for delta display).';

------------------------------------------------------------------------------------------------
-- channel_scores (append-only history)
------------------------------------------------------------------------------------------------

CREATE TABLE channel_scores (
    id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id           varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel_id       uuid        NOT NULL,
    score            smallint    NOT NULL CHECK (score BETWEEN 0 AND 100),
    score_breakdown  jsonb,
    scoring_criteria jsonb,
    scored_on        timestamptz NOT NULL DEFAULT now(),
    period           varchar(7)  NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
    created_by       uuid,
    created_on       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT channel_scores_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);

SELECT app_enable_tenant_rls('channel_scores');
SELECT app_grant_table('channel_scores', true);
SELECT app_document_base_columns('channel_scores');

-- Score history of a channel, newest period first; also serves the channel foreign key.
CREATE INDEX idx_channel_scores_channel_period
    ON channel_scores (tenant_id, channel_id, period DESC, scored_on DESC);

COMMENT ON TABLE channel_scores IS
    'Historical score records per channel per scoring period. Append-only: a re-score appends a new row (the latest scored_on of a period wins); channels.score holds the current value.';
COMMENT ON COLUMN channel_scores.channel_id IS 'Scored channel.';
COMMENT ON COLUMN channel_scores.score IS '0–100.';
COMMENT ON COLUMN channel_scores.score_breakdown IS 'Component scores with values and max values.';
COMMENT ON COLUMN channel_scores.scoring_criteria IS 'What was evaluated (platform-specific rubric).';
COMMENT ON COLUMN channel_scores.scored_on IS 'When the score was calculated.';
COMMENT ON COLUMN channel_scores.period IS '2026-04 — YYYY-MM, for monthly tracking.';

------------------------------------------------------------------------------------------------
-- campaigns (referenced and indexed by the spec, never defined there: see decisions)
------------------------------------------------------------------------------------------------

CREATE TABLE campaigns (
    id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            varchar(255)  NOT NULL,
    description     text,
    objective       varchar(100),
    status          campaign_status NOT NULL DEFAULT 'draft',
    strategy_id     uuid,
    goal_id         uuid,
    activity_id     uuid,
    start_date      date,
    end_date        date,
    budget_amount   numeric(12,2) CHECK (budget_amount >= 0),
    budget_currency varchar(10)   CHECK (budget_currency ~ '^[A-Z]{3}$'),
    created_by      uuid,
    created_on      timestamptz   NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    deleted_by      uuid,
    deleted_on      timestamptz,
    CONSTRAINT campaigns_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT campaigns_dates_check CHECK (end_date >= start_date),
    CONSTRAINT campaigns_strategy_fk FOREIGN KEY (tenant_id, strategy_id)
        REFERENCES strategies (tenant_id, id) ON DELETE SET NULL (strategy_id),
    CONSTRAINT campaigns_goal_fk FOREIGN KEY (tenant_id, goal_id)
        REFERENCES goals (tenant_id, id) ON DELETE SET NULL (goal_id),
    CONSTRAINT campaigns_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id)
);

SELECT app_enable_tenant_rls('campaigns');
SELECT app_grant_table('campaigns');
SELECT app_document_base_columns('campaigns');

CREATE INDEX idx_campaigns_tenant_status ON campaigns (tenant_id, status);
CREATE INDEX idx_campaigns_strategy ON campaigns (tenant_id, strategy_id) WHERE strategy_id IS NOT NULL;
CREATE INDEX idx_campaigns_goal ON campaigns (tenant_id, goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX idx_campaigns_activity ON campaigns (tenant_id, activity_id) WHERE activity_id IS NOT NULL;

COMMENT ON TABLE campaigns IS
    'Marketing campaigns of a tenant (organic or mixed), grouping work and reports under one objective and budget. Paid-platform campaigns synced from Google/Meta Ads are ad_campaigns, not these.';
COMMENT ON COLUMN campaigns.name IS 'Display name of the campaign.';
COMMENT ON COLUMN campaigns.description IS 'What the campaign is about.';
COMMENT ON COLUMN campaigns.objective IS 'Campaign objective, e.g. awareness, leads, sales.';
COMMENT ON COLUMN campaigns.status IS 'draft | active | paused | completed | archived.';
COMMENT ON COLUMN campaigns.strategy_id IS 'Strategy the campaign belongs to; NULL if none (set NULL when the strategy is deleted).';
COMMENT ON COLUMN campaigns.goal_id IS 'Goal the campaign serves; NULL if none (set NULL when the goal is deleted).';
COMMENT ON COLUMN campaigns.activity_id IS 'Activity that created or runs the campaign. A real foreign key (review finding 18): set NULL when the activity is deleted.';
COMMENT ON COLUMN campaigns.start_date IS 'First day of the campaign.';
COMMENT ON COLUMN campaigns.end_date IS 'Last day of the campaign; not before start_date.';
COMMENT ON COLUMN campaigns.budget_amount IS 'Total campaign budget in budget_currency.';
COMMENT ON COLUMN campaigns.budget_currency IS 'ISO 4217 currency code of budget_amount, e.g. INR.';

------------------------------------------------------------------------------------------------
-- reports
------------------------------------------------------------------------------------------------

CREATE TABLE reports (
    id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id             uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    campaign_id           uuid,
    deliverable_period_id uuid,
    activity_id           uuid,
    title                 varchar(500) NOT NULL,
    type                  report_type  NOT NULL,
    status                report_status NOT NULL DEFAULT 'draft',
    content_ref           varchar(255) CHECK (content_ref ~ '^[0-9a-f]{24}$'),
    period_start          date         NOT NULL,
    period_end            date         NOT NULL,
    delivered_at          timestamptz,
    delivered_by          uuid,
    delivery_channel      varchar(50)  CHECK (delivery_channel IN ('email', 'portal', 'both')),
    created_by            uuid,
    created_on            timestamptz  NOT NULL DEFAULT now(),
    updated_by            uuid,
    updated_on            timestamptz,
    deleted_by            uuid,
    deleted_on            timestamptz,
    CONSTRAINT reports_period_check CHECK (period_end >= period_start),
    CONSTRAINT reports_campaign_fk FOREIGN KEY (tenant_id, campaign_id)
        REFERENCES campaigns (tenant_id, id) ON DELETE SET NULL (campaign_id),
    CONSTRAINT reports_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id)
        REFERENCES deliverable_periods (tenant_id, id) ON DELETE SET NULL (deliverable_period_id),
    CONSTRAINT reports_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id),
    CONSTRAINT reports_delivered_by_fk FOREIGN KEY (tenant_id, delivered_by)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (delivered_by)
);

SELECT app_enable_tenant_rls('reports');
SELECT app_grant_table('reports');
SELECT app_document_base_columns('reports');

CREATE INDEX idx_reports_tenant_period ON reports (tenant_id, period_start DESC);
CREATE INDEX idx_reports_campaign ON reports (tenant_id, campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX idx_reports_deliverable_period ON reports (tenant_id, deliverable_period_id) WHERE deliverable_period_id IS NOT NULL;
CREATE INDEX idx_reports_activity ON reports (tenant_id, activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX idx_reports_delivered_by ON reports (tenant_id, delivered_by) WHERE delivered_by IS NOT NULL;

COMMENT ON TABLE reports IS
    'Performance reports generated by the Report Writer agent or manually uploaded, covering a specific deliverable period.';
COMMENT ON COLUMN reports.campaign_id IS 'Campaign the report covers; NULL if none.';
COMMENT ON COLUMN reports.deliverable_period_id IS 'The period this report covers.';
COMMENT ON COLUMN reports.activity_id IS 'The Report Writer activity that generated this.';
COMMENT ON COLUMN reports.title IS 'e.g. "March 2026 Performance Report — Acme Corp".';
COMMENT ON COLUMN reports.content_ref IS 'MongoDB ObjectId (24 lowercase hex) of full report Markdown content. Application-level reference, not a database constraint.';
COMMENT ON COLUMN reports.period_start IS 'First day of the reporting period.';
COMMENT ON COLUMN reports.period_end IS 'Last day of the reporting period.';
COMMENT ON COLUMN reports.delivered_at IS 'When sent to the client.';
COMMENT ON COLUMN reports.delivered_by IS 'DM reviewer who sent it (a user of the tenant).';
COMMENT ON COLUMN reports.delivery_channel IS 'email | portal | both.';

------------------------------------------------------------------------------------------------
-- email_templates (global rows: tenant_id NULL)
------------------------------------------------------------------------------------------------

CREATE TABLE email_templates (
    id                 uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id             varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id          uuid         REFERENCES tenants (id) ON DELETE CASCADE,
    name               varchar(255) NOT NULL,
    slug               varchar(100) NOT NULL CHECK (slug ~ '^[a-z0-9]+([._-][a-z0-9]+)*$'),
    subject            varchar(500) NOT NULL,
    body_html          text         NOT NULL,
    body_text          text,
    variables          jsonb        NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(variables) = 'array'),
    category           email_template_category NOT NULL,
    source_template_id uuid         REFERENCES email_templates (id) ON DELETE SET NULL,
    is_active          boolean      NOT NULL DEFAULT true,
    send_via           email_template_send_via NOT NULL DEFAULT 'sendgrid',
    created_by         uuid,
    created_on         timestamptz  NOT NULL DEFAULT now(),
    updated_by         uuid,
    updated_on         timestamptz,
    deleted_by         uuid,
    deleted_on         timestamptz,
    -- Global templates are originals; only tenant overrides point at a source.
    CONSTRAINT email_templates_global_source_check CHECK (tenant_id IS NOT NULL OR source_template_id IS NULL)
);

SELECT app_enable_tenant_rls('email_templates', true);
SELECT app_grant_table('email_templates');
SELECT app_document_base_columns('email_templates');

-- One template per slug globally and one override per slug per tenant.
CREATE UNIQUE INDEX idx_email_templates_slug_tenant
    ON email_templates (slug, COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX idx_email_templates_source
    ON email_templates (source_template_id) WHERE source_template_id IS NOT NULL;

-- The source template must be global or of the same tenant (a plain key cannot say so).
CREATE TRIGGER email_templates_source_template_tenant_check
    BEFORE INSERT OR UPDATE OF source_template_id, tenant_id ON email_templates
    FOR EACH ROW EXECUTE FUNCTION app_check_reference_tenant('email_templates', 'source_template_id');

COMMENT ON TABLE email_templates IS
    'Transactional email templates used by the system for notifications, reports, and client communications. Supports global system templates (tenant_id NULL, readable by every tenant, written only by the platform) and per-tenant overrides.';
COMMENT ON COLUMN email_templates.tenant_id IS 'NULL = global/system template; set = tenant-customised version.';
COMMENT ON COLUMN email_templates.name IS 'e.g. "Monthly Report Delivery".';
COMMENT ON COLUMN email_templates.slug IS 'Used in code: email_templates.monthly_report. Unique among global templates and per tenant among overrides (a tenant override shares its global template''s slug).';
COMMENT ON COLUMN email_templates.subject IS 'Email subject line — supports {{variable}} placeholders.';
COMMENT ON COLUMN email_templates.body_html IS 'HTML body — supports {{variable}} placeholders.';
COMMENT ON COLUMN email_templates.body_text IS 'Plain-text fallback.';
COMMENT ON COLUMN email_templates.variables IS 'Array of { key, description, required } — documents what placeholders exist.';
COMMENT ON COLUMN email_templates.category IS 'approval | report_delivery | onboarding | billing | alert | custom.';
COMMENT ON COLUMN email_templates.source_template_id IS 'NULL for globals; set for tenant overrides. Plain foreign key (set NULL on delete) plus a trigger that refuses a source of another tenant.';
COMMENT ON COLUMN email_templates.is_active IS 'Inactive templates are not used for sending.';
COMMENT ON COLUMN email_templates.send_via IS 'sendgrid | ses | smtp.';

------------------------------------------------------------------------------------------------
-- integrations
------------------------------------------------------------------------------------------------

CREATE TABLE integrations (
    id               uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id           varchar(26)      NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id        uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    integration_type integration_type NOT NULL,
    name             varchar(255)     NOT NULL,
    api_key          text,
    api_secret       text,
    extra_config     jsonb            NOT NULL DEFAULT '{}',
    is_active        boolean          NOT NULL DEFAULT true,
    status           integration_status NOT NULL DEFAULT 'connected',
    last_verified_at timestamptz,
    error_message    text,
    created_by       uuid,
    created_on       timestamptz      NOT NULL DEFAULT now(),
    updated_by       uuid,
    updated_on       timestamptz
);

SELECT app_enable_tenant_rls('integrations');
SELECT app_grant_table('integrations');
SELECT app_document_base_columns('integrations');

-- At most one integration per type per tenant, except 'custom' (any number).
CREATE UNIQUE INDEX idx_integrations_tenant_type
    ON integrations (tenant_id, integration_type)
    WHERE integration_type <> 'custom';

COMMENT ON TABLE integrations IS
    'API-key based third-party tool and data integrations (SEMrush, DataForSEO, etc.). Distinct from OAuth channels — these are tool/data integrations, not publishing channels. Hard-deleted (no soft delete) so removed credentials do not linger.';
COMMENT ON COLUMN integrations.integration_type IS 'Provider; one integration per type per tenant, except custom.';
COMMENT ON COLUMN integrations.name IS 'Display label: "SEMrush Production Key".';
COMMENT ON COLUMN integrations.api_key IS
    'Encrypted AES-256-GCM: ciphertext written by the application (key never in the database). Write-only through the API, never returned.';
COMMENT ON COLUMN integrations.api_secret IS
    'Encrypted AES-256-GCM (if required by provider): ciphertext written by the application. Write-only through the API, never returned.';
COMMENT ON COLUMN integrations.extra_config IS 'Provider-specific extra config (account IDs, endpoints, etc.). Not encrypted: no secrets here.';
COMMENT ON COLUMN integrations.is_active IS 'Inactive integrations are not offered to agents.';
COMMENT ON COLUMN integrations.status IS 'connected | error | quota_exceeded | expired.';
COMMENT ON COLUMN integrations.last_verified_at IS 'Last successful health-check call.';
COMMENT ON COLUMN integrations.error_message IS 'Last error of a failed health check.';

------------------------------------------------------------------------------------------------
-- blog_requests
------------------------------------------------------------------------------------------------

CREATE TABLE blog_requests (
    id                    uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                varchar(26)    NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id             uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    deliverable_id        uuid,
    deliverable_period_id uuid,
    activity_id           uuid,
    requested_by_type     requester_type NOT NULL,
    requested_by_id       varchar(255)   NOT NULL,
    title                 varchar(500)   NOT NULL,
    topic_brief           text,
    target_keyword        varchar(255),
    secondary_keywords    text[]         NOT NULL DEFAULT '{}',
    search_intent         blog_request_search_intent,
    target_audience       text,
    target_channel_id     uuid,
    target_word_count     int            CHECK (target_word_count > 0),
    notes                 text,
    priority              request_priority NOT NULL DEFAULT 'normal',
    status                request_status NOT NULL DEFAULT 'draft',
    rejection_notes       text,
    created_by            uuid,
    created_on            timestamptz    NOT NULL DEFAULT now(),
    updated_by            uuid,
    updated_on            timestamptz,
    deleted_by            uuid,
    deleted_on            timestamptz,
    CONSTRAINT blog_requests_tenant_id_id_key UNIQUE (tenant_id, id),
    -- A human requester is named by the user's ref_id (a ULID); an agent by its role.
    CONSTRAINT blog_requests_requested_by_check CHECK (
        requested_by_type <> 'human' OR requested_by_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    CONSTRAINT blog_requests_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id)
        REFERENCES deliverables (tenant_id, id) ON DELETE SET NULL (deliverable_id),
    CONSTRAINT blog_requests_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id)
        REFERENCES deliverable_periods (tenant_id, id) ON DELETE SET NULL (deliverable_period_id),
    CONSTRAINT blog_requests_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id),
    CONSTRAINT blog_requests_target_channel_fk FOREIGN KEY (tenant_id, target_channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE SET NULL (target_channel_id)
);

SELECT app_enable_tenant_rls('blog_requests');
SELECT app_grant_table('blog_requests');
SELECT app_document_base_columns('blog_requests');

CREATE INDEX idx_blog_requests_deliverable ON blog_requests (tenant_id, deliverable_id) WHERE deliverable_id IS NOT NULL;
CREATE INDEX idx_blog_requests_deliverable_period ON blog_requests (tenant_id, deliverable_period_id) WHERE deliverable_period_id IS NOT NULL;
CREATE INDEX idx_blog_requests_activity ON blog_requests (tenant_id, activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX idx_blog_requests_target_channel ON blog_requests (tenant_id, target_channel_id) WHERE target_channel_id IS NOT NULL;

COMMENT ON TABLE blog_requests IS
    'A request to create a blog post. Content is not created until the request is approved; on approval a blog_posts row is created with status = draft and linked to this request.';
COMMENT ON COLUMN blog_requests.deliverable_id IS 'NULL if ad-hoc request.';
COMMENT ON COLUMN blog_requests.deliverable_period_id IS 'NULL if ad-hoc.';
COMMENT ON COLUMN blog_requests.activity_id IS 'The approval activity for this request.';
COMMENT ON COLUMN blog_requests.requested_by_type IS 'agent | human.';
COMMENT ON COLUMN blog_requests.requested_by_id IS
    'Agent role or user ref_id. Soft reference (polymorphic: no foreign key); a human requester must be a ULID (checked).';
COMMENT ON COLUMN blog_requests.title IS 'Proposed post title.';
COMMENT ON COLUMN blog_requests.topic_brief IS 'What the post should cover.';
COMMENT ON COLUMN blog_requests.target_keyword IS 'Primary SEO keyword.';
COMMENT ON COLUMN blog_requests.search_intent IS 'informational | commercial | navigational | transactional.';
COMMENT ON COLUMN blog_requests.target_audience IS 'Who this is for.';
COMMENT ON COLUMN blog_requests.target_channel_id IS 'Which WordPress/CMS to publish to.';
COMMENT ON COLUMN blog_requests.target_word_count IS 'e.g. 1500.';
COMMENT ON COLUMN blog_requests.notes IS 'Creative direction, references, don''ts.';
COMMENT ON COLUMN blog_requests.rejection_notes IS 'Reviewer feedback if rejected.';

------------------------------------------------------------------------------------------------
-- blog_posts
------------------------------------------------------------------------------------------------

CREATE TABLE blog_posts (
    id               uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id           varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id        uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    blog_request_id  uuid          NOT NULL,
    channel_id       uuid,
    title            varchar(500)  NOT NULL,
    slug             varchar(500),
    meta_description varchar(160),
    focus_keyword    varchar(255),
    content_ref      varchar(24)   CHECK (content_ref ~ '^[0-9a-f]{24}$'),
    word_count       int           CHECK (word_count >= 0),
    status           blog_post_status NOT NULL DEFAULT 'draft',
    scheduled_for    timestamptz,
    published_on     timestamptz,
    published_url    varchar(1000),
    cms_post_id      varchar(255),
    created_by       uuid,
    created_on       timestamptz   NOT NULL DEFAULT now(),
    updated_by       uuid,
    updated_on       timestamptz,
    deleted_by       uuid,
    deleted_on       timestamptz,
    -- One post per request (the request's approval creates it); also the request key's index.
    CONSTRAINT blog_posts_blog_request_key UNIQUE (tenant_id, blog_request_id),
    CONSTRAINT blog_posts_blog_request_fk FOREIGN KEY (tenant_id, blog_request_id)
        REFERENCES blog_requests (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT blog_posts_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE SET NULL (channel_id)
);

SELECT app_enable_tenant_rls('blog_posts');
SELECT app_grant_table('blog_posts');
SELECT app_document_base_columns('blog_posts');

CREATE INDEX idx_blog_posts_channel ON blog_posts (tenant_id, channel_id) WHERE channel_id IS NOT NULL;

COMMENT ON TABLE blog_posts IS
    'The actual blog post content entity, created when a blog request is approved. The article body is in MongoDB (content_ref).';
COMMENT ON COLUMN blog_posts.blog_request_id IS 'The approved request this post realises (one post per request).';
COMMENT ON COLUMN blog_posts.channel_id IS 'Target CMS channel (WordPress, Webflow).';
COMMENT ON COLUMN blog_posts.title IS 'Final title (may differ from request).';
COMMENT ON COLUMN blog_posts.slug IS 'URL slug.';
COMMENT ON COLUMN blog_posts.meta_description IS 'SEO meta description (at most 160 characters).';
COMMENT ON COLUMN blog_posts.content_ref IS 'MongoDB ObjectId — full article content (activity_outputs; the document holds the S3 key). Application-level reference.';
COMMENT ON COLUMN blog_posts.scheduled_for IS 'NULL = publish immediately on approval.';
COMMENT ON COLUMN blog_posts.published_url IS 'URL after WordPress publish.';
COMMENT ON COLUMN blog_posts.cms_post_id IS 'WordPress post ID / Webflow item ID.';

------------------------------------------------------------------------------------------------
-- social_media_requests
------------------------------------------------------------------------------------------------

CREATE TABLE social_media_requests (
    id                    uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                varchar(26)    NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id             uuid           NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    deliverable_id        uuid,
    deliverable_period_id uuid,
    activity_id           uuid,
    requested_by_type     requester_type NOT NULL,
    requested_by_id       varchar(255)   NOT NULL,
    topic                 varchar(500)   NOT NULL,
    content_brief         text,
    post_type             social_media_request_post_type NOT NULL DEFAULT 'standard',
    target_channel_ids    uuid[]         NOT NULL,
    scheduled_for         timestamptz,
    notes                 text,
    priority              request_priority NOT NULL DEFAULT 'normal',
    status                request_status NOT NULL DEFAULT 'draft',
    rejection_notes       text,
    created_by            uuid,
    created_on            timestamptz    NOT NULL DEFAULT now(),
    updated_by            uuid,
    updated_on            timestamptz,
    deleted_by            uuid,
    deleted_on            timestamptz,
    CONSTRAINT social_media_requests_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT social_media_requests_target_channel_ids_check CHECK (
        cardinality(target_channel_ids) > 0 AND array_position(target_channel_ids, NULL) IS NULL),
    CONSTRAINT social_media_requests_requested_by_check CHECK (
        requested_by_type <> 'human' OR requested_by_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    CONSTRAINT social_media_requests_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id)
        REFERENCES deliverables (tenant_id, id) ON DELETE SET NULL (deliverable_id),
    CONSTRAINT social_media_requests_deliverable_period_fk FOREIGN KEY (tenant_id, deliverable_period_id)
        REFERENCES deliverable_periods (tenant_id, id) ON DELETE SET NULL (deliverable_period_id),
    CONSTRAINT social_media_requests_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id)
);

SELECT app_enable_tenant_rls('social_media_requests');
SELECT app_grant_table('social_media_requests');
SELECT app_document_base_columns('social_media_requests');

CREATE INDEX idx_social_media_requests_deliverable ON social_media_requests (tenant_id, deliverable_id) WHERE deliverable_id IS NOT NULL;
CREATE INDEX idx_social_media_requests_deliverable_period ON social_media_requests (tenant_id, deliverable_period_id) WHERE deliverable_period_id IS NOT NULL;
CREATE INDEX idx_social_media_requests_activity ON social_media_requests (tenant_id, activity_id) WHERE activity_id IS NOT NULL;

-- An array cannot carry a foreign key: every element must be a channel of the same tenant.
CREATE TRIGGER social_media_requests_target_channel_ids_tenant_check
    BEFORE INSERT OR UPDATE OF target_channel_ids, tenant_id ON social_media_requests
    FOR EACH ROW EXECUTE FUNCTION app_check_reference_tenant('channels', 'target_channel_ids');

COMMENT ON TABLE social_media_requests IS
    'A request to create social post(s). One request can target multiple channels; on approval one social_posts row is created per channel in target_channel_ids.';
COMMENT ON COLUMN social_media_requests.deliverable_id IS 'NULL if ad-hoc.';
COMMENT ON COLUMN social_media_requests.deliverable_period_id IS 'NULL if ad-hoc.';
COMMENT ON COLUMN social_media_requests.activity_id IS 'Approval activity.';
COMMENT ON COLUMN social_media_requests.requested_by_type IS 'agent | human.';
COMMENT ON COLUMN social_media_requests.requested_by_id IS
    'Agent role or user ref_id. Soft reference (polymorphic: no foreign key); a human requester must be a ULID (checked).';
COMMENT ON COLUMN social_media_requests.topic IS 'What the post is about.';
COMMENT ON COLUMN social_media_requests.content_brief IS 'Key messages, angle, tone direction.';
COMMENT ON COLUMN social_media_requests.post_type IS 'standard | carousel | reel | story | article (LinkedIn) | gbp_update.';
COMMENT ON COLUMN social_media_requests.target_channel_ids IS
    'FK → channels — which platforms to post to. At least one, no NULLs. Arrays cannot carry foreign keys: a trigger refuses ids that are not channels of the same tenant on write; deleting a channel does not prune the arrays (the application does).';
COMMENT ON COLUMN social_media_requests.scheduled_for IS 'Requested publish date/time.';
COMMENT ON COLUMN social_media_requests.notes IS 'Hashtag direction, visual notes, don''ts.';
COMMENT ON COLUMN social_media_requests.rejection_notes IS 'Reviewer feedback if rejected.';

------------------------------------------------------------------------------------------------
-- social_posts
------------------------------------------------------------------------------------------------

CREATE TABLE social_posts (
    id                      uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    social_media_request_id uuid          NOT NULL,
    channel_id              uuid,
    platform                channel_platform NOT NULL,
    content_ref             varchar(24)   CHECK (content_ref ~ '^[0-9a-f]{24}$'),
    char_count              int           CHECK (char_count >= 0),
    status                  social_post_status NOT NULL DEFAULT 'draft',
    scheduled_for           timestamptz,
    published_on            timestamptz,
    published_url           varchar(1000),
    platform_post_id        varchar(255),
    engagement_snapshot     jsonb,
    last_engagement_on      timestamptz,
    created_by              uuid,
    created_on              timestamptz   NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    deleted_by              uuid,
    deleted_on              timestamptz,
    -- One post per channel per request; also the request key's index.
    CONSTRAINT social_posts_request_channel_key UNIQUE (tenant_id, social_media_request_id, channel_id),
    CONSTRAINT social_posts_social_media_request_fk FOREIGN KEY (tenant_id, social_media_request_id)
        REFERENCES social_media_requests (tenant_id, id) ON DELETE CASCADE,
    -- Includes platform so the denormalised copy always equals the channel's platform.
    CONSTRAINT social_posts_channel_fk FOREIGN KEY (tenant_id, channel_id, platform)
        REFERENCES channels (tenant_id, id, platform) ON UPDATE CASCADE ON DELETE SET NULL (channel_id)
);

SELECT app_enable_tenant_rls('social_posts');
SELECT app_grant_table('social_posts');
SELECT app_document_base_columns('social_posts');

CREATE INDEX idx_social_posts_channel ON social_posts (tenant_id, channel_id) WHERE channel_id IS NOT NULL;

COMMENT ON TABLE social_posts IS
    'One record per platform per approved social media request. The post copy is in MongoDB (content_ref).';
COMMENT ON COLUMN social_posts.social_media_request_id IS 'The approved request this post realises.';
COMMENT ON COLUMN social_posts.channel_id IS 'Which specific platform/page. Set NULL if the channel is hard-deleted (platform keeps which platform it was).';
COMMENT ON COLUMN social_posts.platform IS 'Denormalised from channel for query convenience; kept equal to the channel''s platform by the (tenant_id, channel_id, platform) foreign key.';
COMMENT ON COLUMN social_posts.content_ref IS 'MongoDB ObjectId — post copy + hashtags (activity_outputs; the document holds the S3 key). Application-level reference.';
COMMENT ON COLUMN social_posts.char_count IS 'For validation against platform limits.';
COMMENT ON COLUMN social_posts.published_url IS 'URL of the published post.';
COMMENT ON COLUMN social_posts.platform_post_id IS 'Platform''s post ID (for analytics, editing, deletion).';
COMMENT ON COLUMN social_posts.engagement_snapshot IS 'Latest metrics: { likes, comments, shares, impressions }.';
COMMENT ON COLUMN social_posts.last_engagement_on IS 'When engagement was last fetched.';

------------------------------------------------------------------------------------------------
-- backlinks
------------------------------------------------------------------------------------------------

CREATE TABLE backlinks (
    id                      uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    activity_id             uuid,
    deliverable_id          uuid,
    target_url              varchar(1000) NOT NULL,
    source_url              varchar(1000),
    anchor_text             varchar(500),
    domain_authority        smallint      CHECK (domain_authority BETWEEN 0 AND 100),
    link_type               backlink_link_type,
    outreach_status         backlink_outreach_status NOT NULL DEFAULT 'prospecting',
    outreach_sent_on        timestamptz,
    link_published_on       timestamptz,
    last_checked_on         timestamptz,
    is_live                 boolean       NOT NULL DEFAULT false,
    is_indexed              boolean       NOT NULL DEFAULT false,
    dataforseo_check_result jsonb,
    notes                   text,
    created_by              uuid,
    created_on              timestamptz   NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    deleted_by              uuid,
    deleted_on              timestamptz,
    CONSTRAINT backlinks_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id),
    CONSTRAINT backlinks_deliverable_fk FOREIGN KEY (tenant_id, deliverable_id)
        REFERENCES deliverables (tenant_id, id) ON DELETE SET NULL (deliverable_id)
);

SELECT app_enable_tenant_rls('backlinks');
SELECT app_grant_table('backlinks');
SELECT app_document_base_columns('backlinks');

CREATE INDEX idx_backlinks_tenant_status
    ON backlinks (tenant_id, outreach_status, is_live);
CREATE INDEX idx_backlinks_check_schedule
    ON backlinks (last_checked_on, is_live)
    WHERE outreach_status = 'published';
CREATE INDEX idx_backlinks_activity ON backlinks (tenant_id, activity_id) WHERE activity_id IS NOT NULL;
CREATE INDEX idx_backlinks_deliverable ON backlinks (tenant_id, deliverable_id) WHERE deliverable_id IS NOT NULL;

COMMENT ON TABLE backlinks IS
    'Tracks all backlinks built for a tenant. Periodically checked for live/indexed status via DataForSEO (daily cron per tenant; a link going down creates an alert activity for the DM reviewer).';
COMMENT ON COLUMN backlinks.activity_id IS 'The outreach activity that produced this backlink.';
COMMENT ON COLUMN backlinks.deliverable_id IS 'The backlinks deliverable this belongs to.';
COMMENT ON COLUMN backlinks.target_url IS 'The page on the linking site.';
COMMENT ON COLUMN backlinks.source_url IS 'The page on the client''s site being linked to.';
COMMENT ON COLUMN backlinks.domain_authority IS 'DA of the linking domain at time of discovery.';
COMMENT ON COLUMN backlinks.link_type IS 'dofollow | nofollow | ugc | sponsored.';
COMMENT ON COLUMN backlinks.outreach_status IS 'prospecting | outreach_sent | responded | agreed | published | rejected | no_response.';
COMMENT ON COLUMN backlinks.last_checked_on IS 'Last DataForSEO check.';
COMMENT ON COLUMN backlinks.is_live IS 'DataForSEO: link currently live? false until checked.';
COMMENT ON COLUMN backlinks.is_indexed IS 'DataForSEO: linking page indexed by Google? false until checked.';
COMMENT ON COLUMN backlinks.dataforseo_check_result IS 'Full DataForSEO response payload.';
COMMENT ON COLUMN backlinks.notes IS 'Manual notes from DM reviewer.';

------------------------------------------------------------------------------------------------
-- rag_datasets
------------------------------------------------------------------------------------------------

CREATE TABLE rag_datasets (
    id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                text        NOT NULL,
    description         text,
    embedding_provider  text        NOT NULL CHECK (embedding_provider ~ '^[a-z][a-z0-9_]*$'),
    embedding_model     text        NOT NULL,
    vector_size         int         NOT NULL CHECK (vector_size > 0),
    chunk_size          int         NOT NULL DEFAULT 512 CHECK (chunk_size > 0),
    chunk_overlap       int         NOT NULL DEFAULT 64 CHECK (chunk_overlap >= 0),
    parse_type          text        NOT NULL DEFAULT 'NAIVE' CHECK (parse_type IN ('NAIVE', 'MARKDOWN', 'MANUAL')),
    parser_engine       text        NOT NULL DEFAULT 'NODE_NATIVE' CHECK (parser_engine IN ('NODE_NATIVE', 'DOCLING')),
    allowed_agent_roles text[]      NOT NULL DEFAULT '{}',
    qdrant_collection   text        NOT NULL,
    status              text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'building', 'error')),
    total_files         int         NOT NULL DEFAULT 0 CHECK (total_files >= 0),
    total_chunks        int         NOT NULL DEFAULT 0 CHECK (total_chunks >= 0),
    created_by          uuid,
    created_on          timestamptz NOT NULL DEFAULT now(),
    updated_by          uuid,
    updated_on          timestamptz,
    deleted_by          uuid,
    deleted_on          timestamptz,
    CONSTRAINT rag_datasets_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT rag_datasets_chunk_overlap_size_check CHECK (chunk_overlap < chunk_size),
    -- The collection is ds_{ref_id} (case-insensitive: Qdrant names may be lower-cased),
    -- which also makes it unique.
    CONSTRAINT rag_datasets_qdrant_collection_check CHECK (lower(qdrant_collection) = 'ds_' || lower(ref_id))
);

SELECT app_enable_tenant_rls('rag_datasets');
SELECT app_grant_table('rag_datasets');
SELECT app_document_base_columns('rag_datasets');

-- The spec's rag_datasets_tenant_idx (tenant_id) is left out: rag_datasets_tenant_id_id_key
-- already leads with tenant_id. Live dataset names are unique per tenant (one per domain).
CREATE UNIQUE INDEX idx_rag_datasets_tenant_name
    ON rag_datasets (tenant_id, name) WHERE deleted_on IS NULL;

-- Vectors in Qdrant were produced with the dataset's embedding settings: changing them would
-- silently mix incompatible vectors, so they are fixed once the row exists.
CREATE FUNCTION rag_datasets_embedding_immutable() RETURNS trigger
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

COMMENT ON FUNCTION rag_datasets_embedding_immutable() IS
    'Trigger: refuses changes to rag_datasets.embedding_provider, embedding_model, vector_size and qdrant_collection after creation.';

CREATE TRIGGER rag_datasets_embedding_immutable
    BEFORE UPDATE OF embedding_provider, embedding_model, vector_size, qdrant_collection ON rag_datasets
    FOR EACH ROW EXECUTE FUNCTION rag_datasets_embedding_immutable();

COMMENT ON TABLE rag_datasets IS
    'RAG dataset containers — one per knowledge domain (e.g. client_docs, website_content, published_content, competitor_content). Each dataset maps to one Qdrant collection named ds_{ref_id}.';
COMMENT ON COLUMN rag_datasets.ref_id IS 'ULID — also used as the Qdrant collection name suffix. Public id, exposed as the GraphQL ID.';
COMMENT ON COLUMN rag_datasets.name IS 'e.g. client_docs, website_content. Unique per tenant among live datasets.';
COMMENT ON COLUMN rag_datasets.embedding_provider IS 'openai | ollama | azure_openai | … (lower-case identifier). Immutable after creation.';
COMMENT ON COLUMN rag_datasets.embedding_model IS 'e.g. text-embedding-3-small, nomic-embed-text. Immutable after creation.';
COMMENT ON COLUMN rag_datasets.vector_size IS 'Derived from model at creation time. Immutable after creation.';
COMMENT ON COLUMN rag_datasets.chunk_size IS 'Default chunk size in characters (default: 512).';
COMMENT ON COLUMN rag_datasets.chunk_overlap IS 'Default chunk overlap (default: 64); less than chunk_size.';
COMMENT ON COLUMN rag_datasets.parse_type IS 'NAIVE | MARKDOWN | MANUAL — default chunking strategy.';
COMMENT ON COLUMN rag_datasets.parser_engine IS 'NODE_NATIVE | DOCLING — default parser.';
COMMENT ON COLUMN rag_datasets.allowed_agent_roles IS 'Which agent roles can query this dataset.';
COMMENT ON COLUMN rag_datasets.qdrant_collection IS 'Qdrant collection name: ds_{ref_id} (checked, case-insensitively). Immutable after creation.';
COMMENT ON COLUMN rag_datasets.status IS 'active | building | error.';
COMMENT ON COLUMN rag_datasets.total_files IS 'Cached count of indexed files.';
COMMENT ON COLUMN rag_datasets.total_chunks IS 'Cached count of indexed chunks across all files.';

------------------------------------------------------------------------------------------------
-- rag_files
------------------------------------------------------------------------------------------------

CREATE TABLE rag_files (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    dataset_id      uuid        NOT NULL,
    file_name       text        NOT NULL,
    mime_type       text,
    file_size_bytes int         CHECK (file_size_bytes >= 0),
    storage_path    text,
    chunk_size      int         CHECK (chunk_size > 0),
    chunk_overlap   int         CHECK (chunk_overlap >= 0),
    parse_type      text        CHECK (parse_type IN ('NAIVE', 'MARKDOWN', 'MANUAL')),
    parser_engine   text        CHECK (parser_engine IN ('NODE_NATIVE', 'DOCLING')),
    status          text        NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'parsing', 'embedding', 'indexed', 'error', 'disabled')),
    error_message   text,
    chunks_count    int         NOT NULL DEFAULT 0 CHECK (chunks_count >= 0),
    enabled         boolean     NOT NULL DEFAULT true,
    bull_job_id     text,
    source          text        NOT NULL DEFAULT 'upload'
        CHECK (source IN ('upload', 'website_crawl', 'published_content', 'competitor_research')),
    created_by      uuid,
    created_on      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    deleted_by      uuid,
    deleted_on      timestamptz,
    CONSTRAINT rag_files_chunk_overlap_size_check CHECK (chunk_overlap < chunk_size),
    CONSTRAINT rag_files_dataset_fk FOREIGN KEY (tenant_id, dataset_id)
        REFERENCES rag_datasets (tenant_id, id) ON DELETE CASCADE
);

SELECT app_enable_tenant_rls('rag_files');
SELECT app_grant_table('rag_files');
SELECT app_document_base_columns('rag_files');

CREATE INDEX rag_files_dataset_idx ON rag_files (dataset_id);
CREATE INDEX rag_files_tenant_idx ON rag_files (tenant_id);

COMMENT ON TABLE rag_files IS
    'Individual files uploaded or crawled into a RAG dataset. Each file is processed through the ingestion pipeline (parse → chunk → embed → index into Qdrant).';
COMMENT ON COLUMN rag_files.dataset_id IS 'Dataset the file belongs to; deleted with it.';
COMMENT ON COLUMN rag_files.file_name IS 'Original filename.';
COMMENT ON COLUMN rag_files.mime_type IS 'e.g. application/pdf, text/markdown.';
COMMENT ON COLUMN rag_files.file_size_bytes IS 'File size in bytes.';
COMMENT ON COLUMN rag_files.storage_path IS 'Path on disk or object storage key.';
COMMENT ON COLUMN rag_files.chunk_size IS 'Per-file override — NULL uses dataset default.';
COMMENT ON COLUMN rag_files.chunk_overlap IS 'Per-file override — NULL uses dataset default.';
COMMENT ON COLUMN rag_files.parse_type IS 'Per-file override — NULL uses dataset default. NAIVE | MARKDOWN | MANUAL.';
COMMENT ON COLUMN rag_files.parser_engine IS 'Per-file override — NULL uses dataset default. NODE_NATIVE | DOCLING.';
COMMENT ON COLUMN rag_files.status IS 'pending | parsing | embedding | indexed | error | disabled.';
COMMENT ON COLUMN rag_files.error_message IS 'Set if status = error.';
COMMENT ON COLUMN rag_files.chunks_count IS 'Number of chunks indexed into Qdrant.';
COMMENT ON COLUMN rag_files.enabled IS 'If false, file vectors are excluded from all search queries.';
COMMENT ON COLUMN rag_files.bull_job_id IS 'BullMQ job reference for status polling.';
COMMENT ON COLUMN rag_files.source IS 'upload | website_crawl | published_content | competitor_research.';

------------------------------------------------------------------------------------------------
-- rag_crawl_jobs (the RAG ingestion crawl; review finding 17)
------------------------------------------------------------------------------------------------

CREATE TABLE rag_crawl_jobs (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    dataset_id      uuid        NOT NULL,
    start_url       text        NOT NULL CHECK (start_url ~* '^https?://'),
    max_pages       int         NOT NULL DEFAULT 200 CHECK (max_pages > 0),
    max_depth       int         NOT NULL DEFAULT 3 CHECK (max_depth >= 0),
    url_path_filter text        CHECK (url_path_filter LIKE '/%'),
    status          text        NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    pages_crawled   int         NOT NULL DEFAULT 0 CHECK (pages_crawled >= 0),
    pages_indexed   int         NOT NULL DEFAULT 0 CHECK (pages_indexed >= 0),
    pages_failed    int         NOT NULL DEFAULT 0 CHECK (pages_failed >= 0),
    error_message   text,
    scheduled_for   timestamptz,
    completed_at    timestamptz,
    created_by      uuid,
    created_on      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid,
    updated_on      timestamptz,
    CONSTRAINT rag_crawl_jobs_dataset_fk FOREIGN KEY (tenant_id, dataset_id)
        REFERENCES rag_datasets (tenant_id, id) ON DELETE CASCADE
);

SELECT app_enable_tenant_rls('rag_crawl_jobs');
SELECT app_grant_table('rag_crawl_jobs');
SELECT app_document_base_columns('rag_crawl_jobs');

CREATE INDEX rag_crawl_jobs_dataset_idx ON rag_crawl_jobs (dataset_id);

COMMENT ON TABLE rag_crawl_jobs IS
    'RAG ingestion crawl runs: crawls an external website into a RAG dataset (pages become rag_files with source = website_crawl and are indexed into Qdrant). Tracks progress and results for each crawl triggered against a dataset. Not the website-audit crawl of a tenant''s own site.';
COMMENT ON COLUMN rag_crawl_jobs.dataset_id IS 'Dataset the crawled pages are ingested into; deleted with it.';
COMMENT ON COLUMN rag_crawl_jobs.start_url IS 'The URL crawling begins from.';
COMMENT ON COLUMN rag_crawl_jobs.max_pages IS 'Maximum pages to crawl (default: 200).';
COMMENT ON COLUMN rag_crawl_jobs.max_depth IS 'Maximum link depth from start URL (default: 3).';
COMMENT ON COLUMN rag_crawl_jobs.url_path_filter IS 'Optional path prefix filter — e.g. /blog crawls only that section.';
COMMENT ON COLUMN rag_crawl_jobs.status IS 'queued | running | completed | failed.';
COMMENT ON COLUMN rag_crawl_jobs.pages_crawled IS 'Count of pages fetched.';
COMMENT ON COLUMN rag_crawl_jobs.pages_indexed IS 'Count of pages successfully ingested into Qdrant.';
COMMENT ON COLUMN rag_crawl_jobs.pages_failed IS 'Count of pages that failed during ingestion.';
COMMENT ON COLUMN rag_crawl_jobs.error_message IS 'Set if status = failed.';
COMMENT ON COLUMN rag_crawl_jobs.scheduled_for IS 'NULL = immediate; set = deferred crawl.';
COMMENT ON COLUMN rag_crawl_jobs.completed_at IS 'When the crawl finished (completed or failed).';
