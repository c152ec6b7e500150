-- The notification lists of issue 12 (tenant subgraph): every list has an index that leads with
-- tenant_id, then its filter columns, and ends with its sort key (DESIGN.md).
--
-- `notifications(filter: { unreadOnly: true })` walks notifications_user_unread_idx. The full
-- list of a user (read ones included) had no index at all but the partial one: it read every
-- notification of the tenant and sorted them. The API orders newest first with `ref_id` as the
-- tie-break of equal `created_on` (keyset pagination on both), so the index ends with both.
CREATE INDEX notifications_user_list_idx
    ON notifications (tenant_id, user_id, created_on DESC, ref_id DESC);
COMMENT ON INDEX notifications_user_list_idx IS
    'A user''s notifications (user_id NULL: the broadcasts to admins), newest first: the notifications list without unreadOnly.';
