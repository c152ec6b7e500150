DROP INDEX idx_contracts_current_version;
ALTER TABLE contracts DROP COLUMN document_ref;
ALTER TABLE tenants DROP COLUMN registration_ref_id;
