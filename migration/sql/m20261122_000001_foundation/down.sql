DROP FUNCTION app_document_base_columns(regclass);
-- Roles are cluster-wide and shared with other databases on the cluster: they stay.
DROP FUNCTION app_check_reference_tenant();
DROP FUNCTION app_grant_table(regclass, boolean);
DROP FUNCTION app_enable_tenant_rls(regclass, boolean);
DROP FUNCTION gen_ulid();
DROP FUNCTION app_current_tenant();
REVOKE USAGE ON SCHEMA public FROM app_user, app_platform, readonly_user;
