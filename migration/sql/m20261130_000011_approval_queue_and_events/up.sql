-- The approval workflow of issue 12: the expiry job's index, and one pending approval per
-- activity.

-- The expiry job looks for pending approvals past `expires_at` across every tenant (it runs on
-- the platform role): a global index of pending rows only, ordered by expiry, so each batch
-- (`… ORDER BY expires_at LIMIT n FOR UPDATE SKIP LOCKED`) reads only due rows. The tenant's
-- own queue keeps its tenant-leading idx_approvals_pending.
CREATE INDEX approvals_expiry_due_idx ON approvals (expires_at) WHERE status = 'pending';

-- An activity waits on at most one decision at a time: a second pending approval for the same
-- activity would let two reviewers move it in different directions.
CREATE UNIQUE INDEX approvals_one_pending_per_activity
    ON approvals ((tenant_id::text), activity_id) WHERE status = 'pending';
COMMENT ON INDEX approvals_one_pending_per_activity IS
    'At most one pending approval per activity (expression on tenant_id keeps the entity generator from reading it as a model-level unique key).';
