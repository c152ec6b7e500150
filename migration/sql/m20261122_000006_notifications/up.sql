-- Notifications: in-app (web) notifications, per-tenant provider configuration for the other
-- channels, and the append-only dispatch log of every outbound attempt. Every table is
-- tenant-scoped. Departures from the spec: docs/decisions/notifications.md.

-- ---------------------------------------------------------------------------------------------
-- notifications — mutable (read flag), not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE notifications (
    id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id         varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id      uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id        uuid,
    type           varchar(100) NOT NULL,
    channel        varchar(20)  NOT NULL DEFAULT 'web' CHECK (channel IN ('web')),
    message        text         NOT NULL,
    -- The spec's ref_id / ref_type (the referenced entity) would clash with the base ref_id
    -- (this row's own public id): renamed subject_ref_id / subject_type.
    subject_ref_id varchar(26)  CHECK (subject_ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    subject_type   varchar(50)  CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
    read           boolean      NOT NULL DEFAULT false,
    read_at        timestamptz,
    created_by     uuid,
    created_on     timestamptz  NOT NULL DEFAULT now(),
    updated_by     uuid,
    updated_on     timestamptz,
    CONSTRAINT notifications_subject_check CHECK ((subject_ref_id IS NULL) = (subject_type IS NULL)),
    CONSTRAINT notifications_read_at_check CHECK (read = (read_at IS NOT NULL)),
    -- A user's notifications go with the user.
    CONSTRAINT notifications_user_fk FOREIGN KEY (tenant_id, user_id)
        REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Spec: (user_id, tenant_id, read, created_at DESC) WHERE read = false. Tenant first (the spec's
-- Required Indexes rule); `read` dropped from the key, it is constant under the predicate.
CREATE INDEX notifications_user_unread_idx
    ON notifications (tenant_id, user_id, created_on DESC)
    WHERE read = false;

SELECT app_enable_tenant_rls('notifications');
SELECT app_grant_table('notifications');
SELECT app_document_base_columns('notifications');
COMMENT ON TABLE notifications IS
    'In-app notification records shown in the Dashboard notification centre. One row per notification per user (user_id NULL: one row broadcast to all admins).';
COMMENT ON COLUMN notifications.user_id IS 'Null = broadcast to all admins';
COMMENT ON COLUMN notifications.type IS 'e.g. approval_required, credits_exhausted';
COMMENT ON COLUMN notifications.channel IS
    'web (this table is web-only; other channels log to notification_dispatch_log)';
COMMENT ON COLUMN notifications.message IS 'Human-readable notification body';
COMMENT ON COLUMN notifications.subject_ref_id IS
    'Optional — public id (ULID ref_id) of the referenced entity (activity, approval, etc.). The spec''s notifications.ref_id.';
COMMENT ON COLUMN notifications.subject_type IS
    'Optional — entity type e.g. approval, activity, report. The spec''s notifications.ref_type.';
COMMENT ON COLUMN notifications.read IS 'Default false; toggled when user marks as read';
COMMENT ON COLUMN notifications.read_at IS 'When the notification was marked as read; NULL while unread.';

-- ---------------------------------------------------------------------------------------------
-- notification_providers — mutable, not soft-deleted (is_active disables a row; one row per
-- channel per tenant).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE notification_providers (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id      varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    channel     varchar(20) NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
    provider    varchar(50) NOT NULL
        CHECK (provider IN ('smtp', 'sendgrid', 'ses', 'msg91', 'twilio', 'whatsapp_business_api')),
    -- Encrypted at rest: AES-256-GCM ciphertext of the JSON config, so text (not jsonb), like
    -- every encrypted column of the schema.
    config      text        NOT NULL CHECK (config <> ''),
    is_active   boolean     NOT NULL DEFAULT true,
    verified_at timestamptz,
    last_error  text,
    created_by  uuid,
    created_on  timestamptz NOT NULL DEFAULT now(),
    updated_by  uuid,
    updated_on  timestamptz,
    CONSTRAINT notification_providers_tenant_channel_unique UNIQUE (tenant_id, channel)
);

SELECT app_enable_tenant_rls('notification_providers');
SELECT app_grant_table('notification_providers');
SELECT app_document_base_columns('notification_providers');
COMMENT ON TABLE notification_providers IS
    'Per-tenant notification provider configuration. One row per channel per tenant. If no verified row exists for a channel, the platform default provider is used automatically.';
COMMENT ON COLUMN notification_providers.channel IS 'email | sms | whatsapp';
COMMENT ON COLUMN notification_providers.provider IS 'smtp | sendgrid | ses | msg91 | twilio | whatsapp_business_api';
COMMENT ON COLUMN notification_providers.config IS

    'Encrypted at rest — SMTP credentials, API keys, sender IDs. AES-256-GCM ciphertext of the JSON config (application-layer encryption), hence text.';
COMMENT ON COLUMN notification_providers.is_active IS
    'Default true; set false to revert to platform default without deleting config';
COMMENT ON COLUMN notification_providers.verified_at IS
    'Null = not yet tested. Unverified rows are ignored — platform default is used';
COMMENT ON COLUMN notification_providers.last_error IS
    'Populated on failed test connection; cleared on success';

-- ---------------------------------------------------------------------------------------------
-- notification_dispatch_log — immutable, append-only.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE notification_dispatch_log (
    id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- BullMQ job ids are strings (often not UUIDs): varchar, not the spec's uuid.
    notification_job_id varchar(255) NOT NULL CHECK (notification_job_id <> ''),
    channel             varchar(20)  NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp', 'web')),
    type                varchar(100) NOT NULL,
    recipients_count    int          NOT NULL DEFAULT 0 CHECK (recipients_count >= 0),
    provider            varchar(50),
    status              varchar(30)  NOT NULL
        CHECK (status IN ('sent', 'failed', 'partial', 'skipped_dev_filter')),
    provider_response   jsonb,
    error               text,
    duration_ms         int          CHECK (duration_ms >= 0),
    attempt             int          NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    created_by          uuid,
    created_on          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT notification_dispatch_log_error_check CHECK (status <> 'failed' OR error IS NOT NULL)
);

CREATE INDEX notification_dispatch_tenant_idx
    ON notification_dispatch_log (tenant_id, created_on DESC);
CREATE INDEX notification_dispatch_job_idx
    ON notification_dispatch_log (tenant_id, notification_job_id);

SELECT app_enable_tenant_rls('notification_dispatch_log');
SELECT app_grant_table('notification_dispatch_log', true);
SELECT app_document_base_columns('notification_dispatch_log');
COMMENT ON TABLE notification_dispatch_log IS
    'Append-only audit log of every outbound notification dispatch attempt across all channels (email, SMS, WhatsApp, web).';
COMMENT ON COLUMN notification_dispatch_log.notification_job_id IS 'BullMQ job ID';
COMMENT ON COLUMN notification_dispatch_log.channel IS 'email | sms | whatsapp | web';
COMMENT ON COLUMN notification_dispatch_log.type IS 'Notification type slug';
COMMENT ON COLUMN notification_dispatch_log.status IS 'sent | failed | partial | skipped_dev_filter';
COMMENT ON COLUMN notification_dispatch_log.recipients_count IS 'Count after dev-filter applied';
COMMENT ON COLUMN notification_dispatch_log.provider IS 'e.g. sendgrid, twilio, whatsapp_biz';
COMMENT ON COLUMN notification_dispatch_log.provider_response IS 'Provider response body (truncated to 1 KB)';
COMMENT ON COLUMN notification_dispatch_log.error IS 'Error message if status = failed';
COMMENT ON COLUMN notification_dispatch_log.attempt IS 'BullMQ attempt number (1 = first attempt)';
