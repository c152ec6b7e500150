-- Every request a platform operator (super_admin) makes while acting for a tenant, recorded in
-- that tenant's scope: the tenant can see who acted on its account, and no one can rewrite it.

CREATE TABLE operator_audit_log (
    id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id              varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id           uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- The operator is a user of another (the platform's) tenant: a plain reference by design,
    -- like the audit columns; the server writes it from the verified session only.
    operator_user_id    uuid         NOT NULL,
    operator_tenant_id  uuid         NOT NULL,
    operation_type      varchar(20)  NOT NULL CHECK (operation_type IN ('query', 'mutation', 'subscription', 'unknown')),
    operation_name      varchar(255),
    request_id          varchar(64)  NOT NULL,
    subgraph            varchar(20)  NOT NULL CHECK (subgraph IN ('tenant', 'content', 'ads', 'crm', 'billing')),
    created_by          uuid,
    created_on          timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_operator_audit_log_tenant_created ON operator_audit_log (tenant_id, created_on DESC);

SELECT app_enable_tenant_rls('operator_audit_log');
SELECT app_grant_table('operator_audit_log', true);
SELECT app_document_base_columns('operator_audit_log');

COMMENT ON TABLE operator_audit_log IS 'Append-only record of every request a platform operator (super_admin) made while acting for this tenant.';
COMMENT ON COLUMN operator_audit_log.operator_user_id IS 'The operator (a user of the platform''s own tenant). No foreign key: it crosses tenants by design and is written only from the verified session.';
COMMENT ON COLUMN operator_audit_log.operator_tenant_id IS 'The operator''s home tenant.';
COMMENT ON COLUMN operator_audit_log.operation_type IS 'query | mutation | subscription | unknown (unparsable request)';
COMMENT ON COLUMN operator_audit_log.operation_name IS 'The GraphQL operation name the client sent, if any.';
COMMENT ON COLUMN operator_audit_log.request_id IS 'The request id (X-Request-Id), to correlate with logs.';
COMMENT ON COLUMN operator_audit_log.subgraph IS 'Which subgraph served the request.';
