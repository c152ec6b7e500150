//! The demo's approvals: a pending approval of every type in each demo tenant, linked to
//! activities `AWAITING_APPROVAL`, with varied risk levels and expiries, two assigned to the
//! tenant's reviewer — so the DM portal's queue shows every kind of decision. The strategy
//! review needs a strategy awaiting approval: a next strategy (with one goal and a review
//! activity) is submitted for it. Added by `seed --demo` only, after the reviewers' approval
//! gates ([`super::review_gates`]), whose activities the other approvals are for.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// The summary of the demo's next strategy (how the seed finds it again: idempotent).
const NEXT_STRATEGY: &str = "Next: add paid search to organic growth.";

/// The statements, in order; `$1` is the tenant's slug, `$2` [`NEXT_STRATEGY`].
const STATEMENTS: &[&str] = &[
    // The next strategy, submitted for approval.
    "INSERT INTO strategies (tenant_id, version, status, summary, rationale, period_months,
                             start_date, end_date)
     SELECT t.id, (SELECT coalesce(max(s.version), 0) + 1 FROM strategies s WHERE s.tenant_id = t.id),
            'awaiting_approval', $2, 'Paid search fills the gap while organic rankings grow.', 6,
            (date_trunc('month', current_date) + interval '1 month')::date,
            (date_trunc('month', current_date) + interval '7 months')::date - 1
     FROM tenants t
     WHERE t.slug = $1 AND NOT EXISTS (SELECT 1 FROM strategies s WHERE s.tenant_id = t.id AND s.summary = $2)",
    "INSERT INTO goals (tenant_id, strategy_id, name, description, metric, baseline_value,
                        current_value, target_value, period, target_date, status, priority)
     SELECT s.tenant_id, s.id, 'Leads from paid search', 'Qualified leads per month from search ads.',
            'paid_leads', 0, 0, 50, 'monthly', s.end_date, 'active', 1
     FROM strategies s JOIN tenants t ON t.id = s.tenant_id
     WHERE t.slug = $1 AND s.summary = $2
       AND NOT EXISTS (SELECT 1 FROM goals g WHERE g.strategy_id = s.id)",
    // The reviewer's activity for the strategy review.
    "INSERT INTO activities (tenant_id, goal_id, pipeline_step, title, type, assignee_type,
                             assignee_user_id, status, priority, is_approval_gate, started_on)
     SELECT g.tenant_id, g.id, 'strategy-review', 'Review: strategy v' || s.version, 'approve', 'human',
            u.id, 'awaiting_approval', 'high', true, now() - interval '1 day'
     FROM goals g
     JOIN strategies s ON s.id = g.strategy_id
     JOIN tenants t ON t.id = g.tenant_id
     CROSS JOIN LATERAL (SELECT u.id FROM users u WHERE u.tenant_id = g.tenant_id AND u.role = 'reviewer'
                         AND u.status = 'active' ORDER BY u.email LIMIT 1) AS u
     WHERE t.slug = $1 AND s.summary = $2
       AND NOT EXISTS (SELECT 1 FROM activities x WHERE x.tenant_id = g.tenant_id
                                                   AND x.pipeline_step = 'strategy-review')",
    // One pending approval of each type, on the awaiting activities above and the approval
    // gates of this month's periods.
    "INSERT INTO approvals (tenant_id, activity_id, type, risk_level, title, content_ref,
                            reviewer_id, expires_at)
     SELECT a.tenant_id, a.id, v.type::approval_type, v.risk::approval_risk_level, v.title,
            v.content_ref, CASE WHEN v.assigned THEN a.assignee_user_id END,
            now() + v.hours * interval '1 hour'
     FROM activities a
     JOIN tenants t ON t.id = a.tenant_id
     JOIN (VALUES
        ('Review: Monthly Blog Posts', 'content_review', 'high',
         'Blog post: ten signs you need an SEO audit', '65a1b2c3d4e5f60718293a4b', true, 20),
        ('Review: Social Posts', 'content_direction', 'medium',
         'Pick the tone of next month''s social posts', NULL, false, 40),
        ('Review: Backlinks', 'hire_agent', 'low',
         'Hire an outreach agent for backlinks', NULL, false, 60),
        ('Review: Monthly Report', 'brand_direction', 'critical',
         'Choose the visual direction of the monthly report', NULL, false, 8),
        ('strategy-review', 'strategy_review', 'high',
         'Approve the next strategy', NULL, true, 48))
        AS v(key, type, risk, title, content_ref, assigned, hours)
       ON v.key = a.title OR v.key = a.pipeline_step
     WHERE t.slug = $1 AND a.status = 'awaiting_approval' AND a.deleted_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM approvals x WHERE x.tenant_id = a.tenant_id AND x.activity_id = a.id)",
];

/// Seeds the demo approvals of tenant `slug` (after [`super::review_gates`]). Does nothing for
/// what already exists.
pub async fn approvals(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into(), NEXT_STRATEGY.into()]).await?;
    }
    Ok(())
}
