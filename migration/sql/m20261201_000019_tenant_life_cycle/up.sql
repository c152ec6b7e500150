-- The tenant's life cycle (issue 14): a tenant remembers the registration it was completed from,
-- so completing a paid registration twice creates one tenant; a contract row points at its
-- document (the rendered text and the PDF in the document store's `contract_pdfs`).

-- The registration a tenant was created from (registration_sessions.ref_id; that row is deleted
-- on completion). Unique: the second completion of one registration finds the first's tenant
-- instead of creating another. NULL for tenants provisioned otherwise (seeds, operators).
ALTER TABLE tenants ADD COLUMN registration_ref_id varchar(26) UNIQUE
    CHECK (registration_ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$');
COMMENT ON COLUMN tenants.registration_ref_id IS
    'Public id of the self-registration this tenant was completed from (the session row is deleted on completion); makes completion idempotent. NULL for tenants provisioned otherwise.';

-- The contract's document: the text rendered from the template version with the tenant's
-- details, and the PDF made from it (document store, collection contract_pdfs).
ALTER TABLE contracts ADD COLUMN document_ref varchar(24) CHECK (document_ref ~ '^[0-9a-f]{24}$');
COMMENT ON COLUMN contracts.document_ref IS
    'MongoDB ObjectId of the contract''s document in contract_pdfs (rendered text and PDF); NULL for contracts made before documents were generated.';

-- The operator's supersession walks every current contract of one template version.
CREATE INDEX idx_contracts_current_version ON contracts (template_version, tenant_id)
    WHERE status <> 'superseded';

-- Dashboards (readonly_user) read the new columns like the others.
SELECT app_grant_reader_columns('tenants');
SELECT app_grant_reader_columns('contracts');
