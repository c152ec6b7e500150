-- Fails when two tenants hold invitations for one address (or an invitation shares an address
-- with another tenant's user): resolve those rows first.
DROP INDEX users_tenant_email_key;
DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
COMMENT ON COLUMN users.email IS 'Login identity. Globally unique, case-insensitive (users_email_key on lower(email)).';
