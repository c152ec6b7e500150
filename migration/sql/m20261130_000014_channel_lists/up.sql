-- The channel lists of issue 13 (`channels(filter:)`, `Channel.scoreHistory`) at any tenant size:
-- an index per list order that leads with `tenant_id`, then the filter's column, and ends with
-- the list's sort key, `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size").
-- Lists hide deleted channels, so the indexes hold live rows only.

CREATE INDEX idx_channels_tenant_ref ON channels (tenant_id, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_channels_tenant_platform_ref ON channels (tenant_id, platform, ref_id)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_channels_tenant_type_ref ON channels (tenant_id, channel_type, ref_id)
    WHERE deleted_on IS NULL;
CREATE INDEX idx_channels_tenant_status_ref ON channels (tenant_id, status, ref_id)
    WHERE deleted_on IS NULL;

-- A channel's score history as the loader reads it: the latest entries of each channel, newest
-- (highest ref_id) first.
CREATE INDEX idx_channel_scores_channel_ref ON channel_scores (tenant_id, channel_id, ref_id);
