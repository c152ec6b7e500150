//! The demo's social pipeline: three social channels (LinkedIn, X, Instagram) and social media
//! requests in every status — a draft, one pending approval, one rejected, and approved,
//! in-progress and completed ones with their posts (one per target channel: drafts, posts being
//! written, published posts with engagement) — for the "Social Posts" deliverable of this month.
//! Run by `seed --demo` and `seed --scale`; idempotent (requests are found again by topic,
//! channels by their external id, posts by their request and channel). The channels' tokens and
//! the posts' copy documents are written afterwards by [`super::documents`].

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// The statements, in order; `$1` is the tenant's slug.
const STATEMENTS: &[&str] = &[
    "INSERT INTO channels (tenant_id, platform, channel_type, name, external_id, external_url, status)
     SELECT t.id, v.platform::channel_platform, 'social', t.name || ' ' || v.label, v.external_id,
            v.url, 'connected'
     FROM tenants t
     CROSS JOIN (VALUES
        ('linkedin', 'LinkedIn', 'demo-linkedin', 'https://www.linkedin.com/company/demo'),
        ('x_twitter', 'X', 'demo-x', 'https://x.com/demo'),
        ('instagram', 'Instagram', 'demo-instagram', 'https://www.instagram.com/demo'))
        AS v(platform, label, external_id, url)
     WHERE t.slug = $1
     ON CONFLICT (tenant_id, platform, external_id) DO NOTHING",
    "INSERT INTO social_media_requests (tenant_id, deliverable_id, deliverable_period_id,
                                        requested_by_type, requested_by_id, topic, content_brief,
                                        post_type, target_channel_ids, notes, priority, status,
                                        rejection_notes)
     SELECT t.id, d.id, p.id, 'human', u.ref_id, v.topic, v.brief, v.post_type::social_media_request_post_type,
            ARRAY(SELECT c.id FROM channels c WHERE c.tenant_id = t.id AND c.external_id = ANY(v.targets)
                  ORDER BY c.external_id),
            v.notes, v.priority::request_priority, v.status::request_status, v.rejection
     FROM tenants t
     JOIN deliverables d ON d.tenant_id = t.id AND d.name = 'Social Posts'
     JOIN deliverable_periods p ON p.deliverable_id = d.id
                               AND p.period_start = date_trunc('month', current_date)::date
     CROSS JOIN LATERAL (SELECT u.ref_id FROM users u WHERE u.tenant_id = t.id AND u.role = 'member'
                         ORDER BY u.email LIMIT 1) AS u
     CROSS JOIN (VALUES
        ('Launch week: our new analytics dashboard', 'Three benefits, one screenshot, a link.',
         'standard', ARRAY['demo-linkedin', 'demo-x'], '#analytics #launch', 'high', 'completed', NULL),
        ('Customer story: how Initech doubled its leads', 'Quote the customer; numbers first.',
         'standard', ARRAY['demo-linkedin', 'demo-x'], NULL, 'normal', 'in_progress', NULL),
        ('Behind the scenes at the spring offsite', 'Light, human, photos of the team.',
         'carousel', ARRAY['demo-instagram', 'demo-linkedin'], 'No client logos.', 'normal', 'approved', NULL),
        ('Five SEO myths, busted', 'One myth per slide.',
         'carousel', ARRAY['demo-linkedin'], NULL, 'normal', 'pending_approval', NULL),
        ('Black Friday teaser', 'Countdown, no prices yet.',
         'reel', ARRAY['demo-instagram'], NULL, 'urgent', 'rejected',
         'Too early: we have not agreed the offer yet.'),
        ('Hiring: senior content strategist', NULL,
         'standard', ARRAY['demo-linkedin', 'demo-x'], NULL, 'normal', 'draft', NULL))
        AS v(topic, brief, post_type, targets, notes, priority, status, rejection)
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM social_media_requests x WHERE x.tenant_id = t.id AND x.topic = v.topic)",
    // One post per target channel of the approved, in-progress and completed requests.
    "INSERT INTO social_posts (tenant_id, social_media_request_id, channel_id, platform, status,
                               published_on, published_url, platform_post_id,
                               engagement_snapshot, last_engagement_on)
     SELECT r.tenant_id, r.id, c.id, c.platform,
            (CASE r.status WHEN 'approved' THEN 'draft' WHEN 'in_progress' THEN 'writing'
                           ELSE 'published' END)::social_post_status,
            CASE WHEN r.status = 'completed' THEN now() - interval '2 days' END,
            CASE WHEN r.status = 'completed' THEN c.external_url || '/posts/' || r.ref_id END,
            CASE WHEN r.status = 'completed' THEN 'demo-' || lower(r.ref_id) || '-' || c.platform END,
            CASE WHEN r.status = 'completed' THEN
                 '{\"likes\": 120, \"comments\": 14, \"shares\": 9, \"impressions\": 5400, \"clicks\": 87, \"reach\": 3900}'::jsonb END,
            CASE WHEN r.status = 'completed' THEN now() - interval '1 hour' END
     FROM social_media_requests r
     JOIN tenants t ON t.id = r.tenant_id
     JOIN channels c ON c.tenant_id = r.tenant_id AND c.id = ANY(r.target_channel_ids)
     WHERE t.slug = $1 AND r.status IN ('approved', 'in_progress', 'completed')
     ON CONFLICT ON CONSTRAINT social_posts_request_channel_key DO NOTHING",
];

/// Seeds the demo social channels, requests and posts of tenant `slug` (after its plan). Does
/// nothing for what already exists.
pub async fn social(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into()]).await?;
    }
    Ok(())
}
