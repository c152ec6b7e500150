-- Paid advertising and CRM: ad campaigns and keywords synced from Google Ads / Meta Ads, search
-- term reports and their agent classifications, agent optimisation recommendations, leads and
-- the lead timeline. Every table is tenant-scoped; references between them are composite
-- (tenant_id, …) keys, so no row can point at another tenant's row. Departures from the spec:
-- docs/decisions/ads_and_crm.md.

-- ---------------------------------------------------------------------------------------------
-- Enum types
-- ---------------------------------------------------------------------------------------------

-- Shared by ad_campaigns.platform and ad_optimization_recommendations.platform.
CREATE TYPE ad_platform AS ENUM ('google_ads', 'meta_ads');
-- State of an entity on the ad platform; shared by ad_campaigns.status and ad_keywords.status.
CREATE TYPE ad_entity_status AS ENUM ('active', 'paused', 'removed');
-- Keyword match type; shared by ad_keywords.match_type and
-- search_term_classifications.recommended_match_type.
CREATE TYPE ad_match_type AS ENUM ('exact', 'phrase', 'broad');
-- Classification of a search term; shared by search_term_classifications.classification and
-- .override_classification.
CREATE TYPE search_term_class AS ENUM ('keyword', 'negative_keyword', 'watch', 'skip');
CREATE TYPE search_term_classification_status AS ENUM ('pending_review', 'approved', 'rejected', 'pushed');
CREATE TYPE ad_optimization_recommendation_type AS ENUM (
    'bid_adjustment', 'budget_change', 'pause_keyword', 'enable_keyword', 'pause_ad',
    'audience_update', 'creative_refresh', 'add_keyword', 'add_negative');
CREATE TYPE ad_optimization_recommendation_priority AS ENUM ('low', 'medium', 'high');
CREATE TYPE ad_optimization_recommendation_status AS ENUM (
    'pending_review', 'approved', 'rejected', 'snoozed', 'pushed', 'failed');
CREATE TYPE lead_source AS ENUM (
    'website_form', 'facebook_lead_ad', 'google_lead_form', 'manual', 'import', 'other');
CREATE TYPE lead_status AS ENUM ('new', 'contacted', 'qualified', 'disqualified', 'converted');
CREATE TYPE lead_activity_type AS ENUM (
    'note', 'email_sent', 'email_received', 'call', 'status_change', 'enrichment');
CREATE TYPE lead_activity_actor_type AS ENUM ('human', 'agent', 'system');

-- ---------------------------------------------------------------------------------------------
-- ad_campaigns — mutable (upserted on every sync), not soft-deleted (status 'removed' mirrors
-- the platform).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ad_campaigns (
    id                   uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id               varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id            uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel_id           uuid          NOT NULL,
    platform             ad_platform   NOT NULL,
    external_campaign_id varchar(255)  NOT NULL CHECK (external_campaign_id <> ''),
    name                 varchar(500)  NOT NULL,
    status               ad_entity_status NOT NULL,
    -- Platform-defined and open-ended (PERFORMANCE_MAX, OUTCOME_LEADS, …): a format check only.
    campaign_type        varchar(100)  CHECK (campaign_type ~ '^[A-Z][A-Z0-9_]*$'),
    budget_amount        numeric(12,2) CHECK (budget_amount >= 0),
    budget_currency      varchar(10)   CHECK (budget_currency ~ '^[A-Z]{3}$'),
    total_spend          numeric(12,2) NOT NULL DEFAULT 0 CHECK (total_spend >= 0),
    performance_snapshot jsonb         NOT NULL DEFAULT '{}'::jsonb,
    last_synced_on       timestamptz,
    created_by           uuid,
    created_on           timestamptz   NOT NULL DEFAULT now(),
    updated_by           uuid,
    updated_on           timestamptz,
    CONSTRAINT ad_campaigns_tenant_id_id_key UNIQUE (tenant_id, id),
    -- Campaigns are synced from the channel's ad account: they go with it.
    CONSTRAINT ad_campaigns_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX idx_ad_campaigns_external
    ON ad_campaigns (tenant_id, platform, external_campaign_id);
CREATE INDEX idx_ad_campaigns_channel
    ON ad_campaigns (tenant_id, channel_id);

SELECT app_enable_tenant_rls('ad_campaigns');
SELECT app_grant_table('ad_campaigns');
SELECT app_document_base_columns('ad_campaigns');
COMMENT ON TABLE ad_campaigns IS
    'Ad campaigns synced from Google Ads and Meta Ads. Upserted on each sync run.';
COMMENT ON COLUMN ad_campaigns.channel_id IS 'The connected Google Ads or Meta Ads channel';
COMMENT ON COLUMN ad_campaigns.platform IS 'google_ads | meta_ads';
COMMENT ON COLUMN ad_campaigns.external_campaign_id IS 'Google Ads campaign ID or Meta campaign ID';
COMMENT ON COLUMN ad_campaigns.name IS 'Campaign name from platform';
COMMENT ON COLUMN ad_campaigns.status IS 'active | paused | removed (state on the platform)';
COMMENT ON COLUMN ad_campaigns.campaign_type IS
    'SEARCH, DISPLAY, VIDEO (Google) / AWARENESS, CONVERSIONS (Meta). Platform-defined: any upper-case identifier is accepted.';
COMMENT ON COLUMN ad_campaigns.budget_amount IS 'Daily or lifetime budget';
COMMENT ON COLUMN ad_campaigns.budget_currency IS 'ISO 4217 currency code of budget_amount and total_spend.';
COMMENT ON COLUMN ad_campaigns.total_spend IS 'Lifetime spend (from last sync)';
COMMENT ON COLUMN ad_campaigns.performance_snapshot IS '{ impressions, clicks, ctr, cpc, conversions, roas, spend }';

-- ---------------------------------------------------------------------------------------------
-- ad_keywords — mutable (synced), not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ad_keywords (
    id                   uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id               varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id            uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel_id           uuid          NOT NULL,
    ad_campaign_id       uuid          NOT NULL,
    external_keyword_id  varchar(255)  NOT NULL CHECK (external_keyword_id <> ''),
    text                 varchar(500)  NOT NULL,
    match_type           ad_match_type NOT NULL,
    status               ad_entity_status NOT NULL,
    bid_amount           numeric(10,4) CHECK (bid_amount >= 0),
    performance_snapshot jsonb         NOT NULL DEFAULT '{}'::jsonb,
    last_synced_on       timestamptz,
    created_by           uuid,
    created_on           timestamptz   NOT NULL DEFAULT now(),
    updated_by           uuid,
    updated_on           timestamptz,
    CONSTRAINT ad_keywords_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ad_keywords_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id)
        REFERENCES ad_campaigns (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX idx_ad_keywords_campaign
    ON ad_keywords (tenant_id, ad_campaign_id);
CREATE INDEX idx_ad_keywords_channel
    ON ad_keywords (tenant_id, channel_id);

SELECT app_enable_tenant_rls('ad_keywords');
SELECT app_grant_table('ad_keywords');
SELECT app_document_base_columns('ad_keywords');
COMMENT ON TABLE ad_keywords IS 'Keywords in Google Ads ad groups. Synced from Google Ads API.';
COMMENT ON COLUMN ad_keywords.external_keyword_id IS 'Google Ads criterion ID';
COMMENT ON COLUMN ad_keywords.text IS 'Keyword text';
COMMENT ON COLUMN ad_keywords.match_type IS 'exact | phrase | broad';
COMMENT ON COLUMN ad_keywords.status IS 'active | paused | removed (state on the platform)';
COMMENT ON COLUMN ad_keywords.bid_amount IS 'CPC bid';
COMMENT ON COLUMN ad_keywords.performance_snapshot IS '{ impressions, clicks, ctr, cpc, conversions, quality_score }';

-- ---------------------------------------------------------------------------------------------
-- search_term_reports — mutable (a re-sync refreshes the metrics), not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE search_term_reports (
    id                uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id            varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id         uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel_id        uuid          NOT NULL,
    ad_campaign_id    uuid          NOT NULL,
    search_term       varchar(500)  NOT NULL,
    impressions       int           NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks            int           NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    conversions       numeric(10,2) NOT NULL DEFAULT 0 CHECK (conversions >= 0),
    cost              numeric(10,4) NOT NULL DEFAULT 0 CHECK (cost >= 0),
    ctr               numeric(6,4)  NOT NULL DEFAULT 0 CHECK (ctr >= 0),
    report_date_range daterange     NOT NULL
        CHECK (NOT isempty(report_date_range) AND NOT lower_inf(report_date_range)
               AND NOT upper_inf(report_date_range)),
    synced_on         timestamptz,
    created_by        uuid,
    created_on        timestamptz   NOT NULL DEFAULT now(),
    updated_by        uuid,
    updated_on        timestamptz,
    CONSTRAINT search_term_reports_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT search_term_reports_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT search_term_reports_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id)
        REFERENCES ad_campaigns (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX idx_search_term_reports_campaign
    ON search_term_reports (tenant_id, ad_campaign_id);
CREATE INDEX idx_search_term_reports_channel
    ON search_term_reports (tenant_id, channel_id);

SELECT app_enable_tenant_rls('search_term_reports');
SELECT app_grant_table('search_term_reports');
SELECT app_document_base_columns('search_term_reports');
COMMENT ON TABLE search_term_reports IS 'Raw search terms from Google Ads search term reports.';
COMMENT ON COLUMN search_term_reports.search_term IS 'The actual search query';
COMMENT ON COLUMN search_term_reports.ctr IS 'Click-through rate';
COMMENT ON COLUMN search_term_reports.report_date_range IS 'e.g. last 30 days (bounded, non-empty date range)';

-- ---------------------------------------------------------------------------------------------
-- search_term_classifications — mutable (review workflow), not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE search_term_classifications (
    id                      uuid              PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)       NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid              NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    search_term_report_id   uuid              NOT NULL,
    activity_id             uuid,
    classification          search_term_class NOT NULL,
    recommended_match_type  ad_match_type,
    agent_reasoning         text,
    status                  search_term_classification_status NOT NULL DEFAULT 'pending_review',
    override_classification search_term_class
        CHECK (override_classification <> classification),
    reviewed_by             uuid,
    reviewed_on             timestamptz,
    pushed_on               timestamptz,
    push_result             jsonb,
    created_by              uuid,
    created_on              timestamptz       NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    CONSTRAINT search_term_classifications_reviewed_check
        CHECK (status = 'pending_review' OR reviewed_on IS NOT NULL),
    CONSTRAINT search_term_classifications_pushed_check
        CHECK (status <> 'pushed' OR pushed_on IS NOT NULL),
    CONSTRAINT search_term_classifications_report_fk FOREIGN KEY (tenant_id, search_term_report_id)
        REFERENCES search_term_reports (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT search_term_classifications_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id),
    CONSTRAINT search_term_classifications_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (reviewed_by)
);

CREATE INDEX idx_search_term_classifications_report
    ON search_term_classifications (tenant_id, search_term_report_id);
CREATE INDEX idx_search_term_classifications_pending
    ON search_term_classifications (tenant_id, created_on)
    WHERE status = 'pending_review';

SELECT app_enable_tenant_rls('search_term_classifications');
SELECT app_grant_table('search_term_classifications');
SELECT app_document_base_columns('search_term_classifications');
COMMENT ON TABLE search_term_classifications IS
    'Agent-classified search terms, pending human review before being pushed to Google Ads.';
COMMENT ON COLUMN search_term_classifications.activity_id IS 'The classification activity';
COMMENT ON COLUMN search_term_classifications.classification IS 'keyword | negative_keyword | watch | skip';
COMMENT ON COLUMN search_term_classifications.recommended_match_type IS 'exact | phrase | broad | NULL';
COMMENT ON COLUMN search_term_classifications.agent_reasoning IS 'Why the agent classified it this way';
COMMENT ON COLUMN search_term_classifications.status IS 'pending_review | approved | rejected | pushed';
COMMENT ON COLUMN search_term_classifications.override_classification IS 'NULL if human accepted; set if overridden';
COMMENT ON COLUMN search_term_classifications.push_result IS 'API response from Google Ads';

-- ---------------------------------------------------------------------------------------------
-- ad_optimization_recommendations — mutable (review workflow), not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ad_optimization_recommendations (
    id             uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id         varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id      uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel_id     uuid          NOT NULL,
    ad_campaign_id uuid          NOT NULL,
    platform       ad_platform   NOT NULL,
    activity_id    uuid,
    type           ad_optimization_recommendation_type NOT NULL,
    title          varchar(500)  NOT NULL,
    reasoning      text,
    impact_estimate jsonb,
    change_payload jsonb         NOT NULL,
    priority       ad_optimization_recommendation_priority NOT NULL DEFAULT 'medium',
    status         ad_optimization_recommendation_status NOT NULL DEFAULT 'pending_review',
    snooze_until   timestamptz,
    reviewed_by    uuid,
    reviewed_on    timestamptz,
    pushed_on      timestamptz,
    push_result    jsonb,
    created_by     uuid,
    created_on     timestamptz   NOT NULL DEFAULT now(),
    updated_by     uuid,
    updated_on     timestamptz,
    CONSTRAINT ad_optimization_recommendations_snooze_check
        CHECK (status <> 'snoozed' OR snooze_until IS NOT NULL),
    CONSTRAINT ad_optimization_recommendations_pushed_check
        CHECK (status <> 'pushed' OR pushed_on IS NOT NULL),
    CONSTRAINT ad_optimization_recommendations_channel_fk FOREIGN KEY (tenant_id, channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ad_optimization_recommendations_ad_campaign_fk FOREIGN KEY (tenant_id, ad_campaign_id)
        REFERENCES ad_campaigns (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT ad_optimization_recommendations_activity_fk FOREIGN KEY (tenant_id, activity_id)
        REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id),
    CONSTRAINT ad_optimization_recommendations_reviewed_by_fk FOREIGN KEY (tenant_id, reviewed_by)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (reviewed_by)
);

CREATE INDEX idx_ad_optimization_recommendations_campaign
    ON ad_optimization_recommendations (tenant_id, ad_campaign_id);
CREATE INDEX idx_ad_optimization_recommendations_channel
    ON ad_optimization_recommendations (tenant_id, channel_id);
CREATE INDEX idx_ad_optimization_recommendations_pending
    ON ad_optimization_recommendations (tenant_id, priority, created_on)
    WHERE status = 'pending_review';

SELECT app_enable_tenant_rls('ad_optimization_recommendations');
SELECT app_grant_table('ad_optimization_recommendations');
SELECT app_document_base_columns('ad_optimization_recommendations');
COMMENT ON TABLE ad_optimization_recommendations IS
    'Agent-generated optimization recommendations. Pending human review before being applied.';
COMMENT ON COLUMN ad_optimization_recommendations.activity_id IS 'The recommendation activity';
COMMENT ON COLUMN ad_optimization_recommendations.platform IS 'google_ads | meta_ads';
COMMENT ON COLUMN ad_optimization_recommendations.type IS
    'bid_adjustment | budget_change | pause_keyword | enable_keyword | pause_ad | audience_update | creative_refresh | add_keyword | add_negative';
COMMENT ON COLUMN ad_optimization_recommendations.title IS 'e.g. "Increase bid for ''seo services london'' by 15%"';
COMMENT ON COLUMN ad_optimization_recommendations.reasoning IS 'Agent''s explanation with supporting data';
COMMENT ON COLUMN ad_optimization_recommendations.impact_estimate IS '{ impressions_delta, spend_delta, conv_delta }';
COMMENT ON COLUMN ad_optimization_recommendations.change_payload IS 'Exact API call payload to apply the change';
COMMENT ON COLUMN ad_optimization_recommendations.priority IS 'low | medium | high';
COMMENT ON COLUMN ad_optimization_recommendations.status IS 'pending_review | approved | rejected | snoozed | pushed | failed';
COMMENT ON COLUMN ad_optimization_recommendations.push_result IS 'API response from platform';

-- ---------------------------------------------------------------------------------------------
-- leads — mutable, soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE leads (
    id                      uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id                  varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id               uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    source                  lead_source   NOT NULL,
    source_channel_id       uuid,
    source_campaign_id      uuid,
    first_name              varchar(255),
    last_name               varchar(255),
    email                   varchar(255)  CHECK (position('@' IN email) > 1),
    phone                   varchar(50),
    company                 varchar(255),
    job_title               varchar(255),
    message                 text,
    source_url              varchar(1000),
    utm_source              varchar(255),
    utm_medium              varchar(255),
    utm_campaign            varchar(255),
    status                  lead_status   NOT NULL DEFAULT 'new',
    disqualification_reason text,
    assigned_to             uuid,
    enrichment_data         jsonb,
    notes                   text,
    last_activity_on        timestamptz,
    created_by              uuid,
    created_on              timestamptz   NOT NULL DEFAULT now(),
    updated_by              uuid,
    updated_on              timestamptz,
    deleted_by              uuid,
    deleted_on              timestamptz,
    CONSTRAINT leads_tenant_id_id_key UNIQUE (tenant_id, id),
    CONSTRAINT leads_source_channel_fk FOREIGN KEY (tenant_id, source_channel_id)
        REFERENCES channels (tenant_id, id) ON DELETE SET NULL (source_channel_id),
    CONSTRAINT leads_source_campaign_fk FOREIGN KEY (tenant_id, source_campaign_id)
        REFERENCES ad_campaigns (tenant_id, id) ON DELETE SET NULL (source_campaign_id),
    CONSTRAINT leads_assigned_to_fk FOREIGN KEY (tenant_id, assigned_to)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (assigned_to)
);

CREATE INDEX idx_leads_tenant_status
    ON leads (tenant_id, status, created_on);
CREATE INDEX idx_leads_source
    ON leads (tenant_id, source, source_campaign_id);
CREATE INDEX idx_leads_assigned
    ON leads (tenant_id, assigned_to)
    WHERE assigned_to IS NOT NULL;

SELECT app_enable_tenant_rls('leads');
SELECT app_grant_table('leads');
SELECT app_document_base_columns('leads');
COMMENT ON TABLE leads IS 'CRM: contacts captured from any source.';
COMMENT ON COLUMN leads.source IS 'website_form | facebook_lead_ad | google_lead_form | manual | import | other';
COMMENT ON COLUMN leads.source_channel_id IS 'NULL for manual/import';
COMMENT ON COLUMN leads.source_campaign_id IS 'NULL unless from a paid campaign';
COMMENT ON COLUMN leads.message IS 'Message from form or lead ad answers';
COMMENT ON COLUMN leads.source_url IS 'Landing page or ad URL';
COMMENT ON COLUMN leads.status IS 'new | contacted | qualified | disqualified | converted';
COMMENT ON COLUMN leads.enrichment_data IS '{ linkedinUrl, companySize, industry, website }';

-- ---------------------------------------------------------------------------------------------
-- lead_activities — append-only timeline.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE lead_activities (
    id          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id      varchar(26)   NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id   uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    lead_id     uuid          NOT NULL,
    type        lead_activity_type NOT NULL,
    description text,
    actor_type  lead_activity_actor_type NOT NULL,
    actor_id    varchar(255),
    metadata    jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_by  uuid,
    created_on  timestamptz   NOT NULL DEFAULT now(),
    -- CASCADE although the timeline is append-only: leads are soft-deleted in normal use, so a
    -- hard delete of a lead is an erasure of that person's data (GDPR), and the timeline (email
    -- subjects, notes) must go with it. The cascade runs as the table owner, so app_user still
    -- has no DELETE on this table.
    CONSTRAINT lead_activities_lead_fk FOREIGN KEY (tenant_id, lead_id)
        REFERENCES leads (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX idx_lead_activities_lead
    ON lead_activities (tenant_id, lead_id, created_on DESC);

SELECT app_enable_tenant_rls('lead_activities');
SELECT app_grant_table('lead_activities', true);
SELECT app_document_base_columns('lead_activities');
COMMENT ON TABLE lead_activities IS
    'Timeline of touchpoints and actions on a lead. Append-only; removed only with its lead (erasure) or tenant.';
COMMENT ON COLUMN lead_activities.actor_id IS 'User ref_id or agent role';
COMMENT ON COLUMN lead_activities.type IS 'note | email_sent | email_received | call | status_change | enrichment';
COMMENT ON COLUMN lead_activities.actor_type IS 'human | agent | system';
COMMENT ON COLUMN lead_activities.metadata IS 'e.g. { emailSubject, fromStatus, toStatus }';
