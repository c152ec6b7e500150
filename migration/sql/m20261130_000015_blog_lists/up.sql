-- The blog lists of the content subgraph (`blogRequests(filter:)`, `blogPosts(filter:)`,
-- `Deliverable.blogRequests`, `DeliverablePeriod.blogRequests`, `BlogRequest.post`) at any tenant
-- size: an index per list order and filter that leads with `tenant_id`, then the filter's column,
-- and ends with the lists' sort key, `ref_id` (DESIGN.md, "Lists").

-- blog_requests: unfiltered pages, and the filters by status, priority and requester type.
CREATE INDEX idx_blog_requests_tenant_ref ON blog_requests (tenant_id, ref_id);
CREATE INDEX idx_blog_requests_tenant_status ON blog_requests (tenant_id, status, ref_id);
CREATE INDEX idx_blog_requests_tenant_priority ON blog_requests (tenant_id, priority, ref_id);
CREATE INDEX idx_blog_requests_tenant_requester ON blog_requests (tenant_id, requested_by_type, ref_id);

-- The filters by a parent (and the by-parent loaders of deliverables and periods), in id order;
-- they still serve their foreign keys (ON DELETE SET NULL looks rows up by the parent).
DROP INDEX idx_blog_requests_deliverable;
CREATE INDEX idx_blog_requests_deliverable ON blog_requests (tenant_id, deliverable_id, ref_id)
    WHERE deliverable_id IS NOT NULL;
DROP INDEX idx_blog_requests_deliverable_period;
CREATE INDEX idx_blog_requests_deliverable_period ON blog_requests (tenant_id, deliverable_period_id, ref_id)
    WHERE deliverable_period_id IS NOT NULL;
DROP INDEX idx_blog_requests_activity;
CREATE INDEX idx_blog_requests_activity ON blog_requests (tenant_id, activity_id, ref_id)
    WHERE activity_id IS NOT NULL;
DROP INDEX idx_blog_requests_target_channel;
CREATE INDEX idx_blog_requests_target_channel ON blog_requests (tenant_id, target_channel_id, ref_id)
    WHERE target_channel_id IS NOT NULL;

-- blog_posts: unfiltered pages, the filter by status, and the filter by channel (which still
-- serves the channel foreign key). The filter by request (and `BlogRequest.post`) uses the
-- unique key blog_posts_blog_request_key (tenant_id, blog_request_id): at most one row.
CREATE INDEX idx_blog_posts_tenant_ref ON blog_posts (tenant_id, ref_id);
CREATE INDEX idx_blog_posts_tenant_status ON blog_posts (tenant_id, status, ref_id);
DROP INDEX idx_blog_posts_channel;
CREATE INDEX idx_blog_posts_channel ON blog_posts (tenant_id, channel_id, ref_id)
    WHERE channel_id IS NOT NULL;
