-- An invitation must not tell a tenant admin whether an email address is in use elsewhere on
-- the platform (issue 11). With one platform-wide unique index on lower(email), inviting an
-- address that belongs to another tenant's user failed with a conflict, and the admin learnt
-- that the address has an account somewhere.
--
-- Now only users who can sign in (not merely invited) are unique platform-wide: login finds a
-- user by email alone, so there is at most one such user per address. An invited user is a row
-- of the inviting tenant only; several tenants may invite the same address, whether or not it
-- already has an account. Activating an invitation (setting status away from 'invited') is what
-- meets users_email_key, and the person who owns the address is the one told. Within one tenant
-- an address appears once (users_tenant_email_key): the tenant's admin sees its own users anyway.

DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE status <> 'invited';
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, lower(email));

COMMENT ON INDEX users_email_key IS
    'One user who can sign in per email address (case-insensitive) on the whole platform; invited users are not counted, so an invitation reveals nothing about other tenants.';
COMMENT ON INDEX users_tenant_email_key IS
    'An email address appears at most once within a tenant (case-insensitive), invited users included.';
COMMENT ON COLUMN users.email IS
    'Login identity, case-insensitive: unique within the tenant (users_tenant_email_key) and, among users who are not merely invited, on the whole platform (users_email_key).';
