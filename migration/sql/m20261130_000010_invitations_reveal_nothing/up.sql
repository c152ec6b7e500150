-- An invitation must not tell a tenant admin whether an email address is in use elsewhere on
-- the platform (issue 11). With one platform-wide unique index on lower(email), inviting an
-- address that belongs to another tenant's user failed with a conflict, and the admin learnt
-- that the address has an account somewhere.
--
-- Now only users who can sign in — who have a password — are unique platform-wide: login finds
-- a user by email alone among them, so there is at most one per address. An invitation (a user
-- without a password, invited or deactivated before accepting) is a row of the inviting tenant
-- only; several tenants may invite the same address, whether or not it already has an account,
-- and deactivating such an invitation meets nothing either. Accepting an invitation (setting the
-- password) is what meets users_email_key, and the person who owns the address is the one told.
-- Within one tenant an address appears once (users_tenant_email_key): the tenant's admin sees
-- its own users anyway.

DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE password_hash IS NOT NULL;
-- Both keys are expressions (tenant_id as text): the entity generator reads an index's plain
-- columns only and would otherwise declare tenant_id itself unique.
CREATE UNIQUE INDEX users_tenant_email_key ON users ((tenant_id::text), lower(email));

COMMENT ON INDEX users_email_key IS
    'One user who can sign in (has a password) per email address (case-insensitive) on the whole platform; invitations are not counted, so an invitation reveals nothing about other tenants.';
COMMENT ON INDEX users_tenant_email_key IS
    'An email address appears at most once within a tenant (case-insensitive), invitations included.';
COMMENT ON COLUMN users.email IS
    'Login identity, case-insensitive: unique within the tenant (users_tenant_email_key) and, among users who have a password, on the whole platform (users_email_key).';
