-- The lists of the social pipeline (`socialMediaRequests(filter:)`, `socialPosts(filter:)`,
-- `SocialMediaRequest.posts`, `Deliverable.socialMediaRequests`,
-- `DeliverablePeriod.socialMediaRequests`) at any tenant size: an index per list and filter
-- that leads with `tenant_id`, then the filter's column, and ends with the lists' sort key,
-- `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size"). The foreign-key
-- indexes they replace (same leading columns, without `ref_id`) are dropped; the new ones
-- still serve the foreign keys.

-- social_media_requests: unfiltered pages, and the filters by status, priority and post type.
CREATE INDEX idx_social_media_requests_tenant_ref ON social_media_requests (tenant_id, ref_id);
CREATE INDEX idx_social_media_requests_tenant_status
    ON social_media_requests (tenant_id, status, ref_id);
CREATE INDEX idx_social_media_requests_tenant_priority
    ON social_media_requests (tenant_id, priority, ref_id);
CREATE INDEX idx_social_media_requests_tenant_post_type
    ON social_media_requests (tenant_id, post_type, ref_id);

-- The requests of a deliverable, a period, an activity (the filters and the relations).
DROP INDEX idx_social_media_requests_deliverable;
CREATE INDEX idx_social_media_requests_deliverable
    ON social_media_requests (tenant_id, deliverable_id, ref_id) WHERE deliverable_id IS NOT NULL;
DROP INDEX idx_social_media_requests_deliverable_period;
CREATE INDEX idx_social_media_requests_deliverable_period
    ON social_media_requests (tenant_id, deliverable_period_id, ref_id)
    WHERE deliverable_period_id IS NOT NULL;
DROP INDEX idx_social_media_requests_activity;
CREATE INDEX idx_social_media_requests_activity
    ON social_media_requests (tenant_id, activity_id, ref_id) WHERE activity_id IS NOT NULL;

-- social_posts: unfiltered pages, and the filters by status and platform.
CREATE INDEX idx_social_posts_tenant_ref ON social_posts (tenant_id, ref_id);
CREATE INDEX idx_social_posts_tenant_status ON social_posts (tenant_id, status, ref_id);
CREATE INDEX idx_social_posts_tenant_platform ON social_posts (tenant_id, platform, ref_id);

-- The posts of a channel (the filter; still serves the channel foreign key).
DROP INDEX idx_social_posts_channel;
CREATE INDEX idx_social_posts_channel
    ON social_posts (tenant_id, channel_id, ref_id) WHERE channel_id IS NOT NULL;

-- The posts of a request in id order (the filter and `SocialMediaRequest.posts`);
-- social_posts_request_channel_key keeps serving the request foreign key and uniqueness.
CREATE INDEX idx_social_posts_request ON social_posts (tenant_id, social_media_request_id, ref_id);
