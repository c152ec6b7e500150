//! The marketing plan of a seeded tenant: an archived and an active strategy, three goals
//! (one whose target equals its baseline, so its progress is null), four deliverables with
//! this month's and last month's periods, and `activities_per_period` top-level activities in
//! every current period — every status, agents and people, with runs and sub-activities — so
//! demos show every state and benchmarks and statement-count tests can scale it.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// The statements, in order; `$1` is the tenant's slug, `$2` the activities per period.
const STATEMENTS: &[&str] = &[
    // Strategies: only for a tenant that has none (idempotent).
    "INSERT INTO strategies (tenant_id, version, status, summary, rationale, period_months,
                             start_date, end_date, approved_by, approved_on)
     SELECT t.id, v.version, v.status::strategy_status, v.summary,
            'Organic search and social bring the leads the sales team closes best.', 6,
            date_trunc('month', current_date)::date - v.offset_months * interval '1 month',
            (date_trunc('month', current_date) + (6 - v.offset_months) * interval '1 month')::date - 1,
            (SELECT u.id FROM users u WHERE u.tenant_id = t.id AND u.role = 'admin' ORDER BY u.email LIMIT 1),
            now() - v.offset_months * interval '1 month'
     FROM tenants t
     CROSS JOIN (VALUES (1, 'archived', 'First strategy: blog-led organic growth.', 6),
                        (2, 'active', 'Grow organic traffic and rankings; steady social presence.', 1))
          AS v(version, status, summary, offset_months)
     WHERE t.slug = $1 AND NOT EXISTS (SELECT 1 FROM strategies s WHERE s.tenant_id = t.id)",
    "INSERT INTO goals (tenant_id, strategy_id, name, description, metric, baseline_value,
                        current_value, target_value, period, target_date, status, priority)
     SELECT s.tenant_id, s.id, g.name, g.description, g.metric, g.baseline, g.current, g.target,
            'monthly', s.end_date, g.status::goal_status, g.priority
     FROM strategies s JOIN tenants t ON t.id = s.tenant_id
     CROSS JOIN (VALUES
        ('Increase organic website traffic', 'Sessions from organic search per month.', 'organic_sessions', 1000.00, 4000.00, 10000.00, 'on_track', 1),
        ('Rank for buying keywords', 'Keywords in the top 10.', 'keyword_rankings', 5.00, 12.00, 20.00, 'active', 2),
        ('Hold domain authority', 'Keep authority while the site grows.', 'domain_authority', 30.00, 31.00, 30.00, 'achieved', 3))
        AS g(name, description, metric, baseline, current, target, status, priority)
     WHERE t.slug = $1 AND s.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM goals x WHERE x.strategy_id = s.id)",
    "INSERT INTO deliverables (tenant_id, goal_id, strategy_id, type, name, quantity_per_period,
                               period, platforms)
     SELECT g.tenant_id, g.id, g.strategy_id, d.type::deliverable_type, d.name, d.quantity, 'monthly', d.platforms
     FROM goals g JOIN tenants t ON t.id = g.tenant_id
     JOIN (VALUES
        ('organic_sessions', 'blog_posts', 'Monthly Blog Posts', 10, ARRAY['wordpress']),
        ('organic_sessions', 'social_posts', 'Social Posts', 20, ARRAY['linkedin', 'facebook']),
        ('keyword_rankings', 'backlinks', 'Backlinks', 5, ARRAY[]::text[]),
        ('domain_authority', 'performance_reports', 'Monthly Report', 1, ARRAY[]::text[]))
        AS d(metric, type, name, quantity, platforms) ON d.metric = g.metric
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM deliverables x WHERE x.goal_id = g.id)",
    // Last month's periods (closed) and this month's.
    "INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end,
                                      target_count, completed_count, status)
     SELECT d.tenant_id, d.id, p.start, (p.start + interval '1 month')::date - 1, d.quantity_per_period,
            CASE WHEN p.current THEN 0 ELSE greatest(d.quantity_per_period - 1, 0) END,
            (CASE WHEN p.current THEN 'not_started'
                  WHEN d.quantity_per_period = 1 THEN 'missed' ELSE 'missed' END)::deliverable_period_status
     FROM deliverables d JOIN tenants t ON t.id = d.tenant_id
     CROSS JOIN (VALUES (date_trunc('month', current_date)::date, true),
                        ((date_trunc('month', current_date) - interval '1 month')::date, false)) AS p(start, current)
     WHERE t.slug = $1
     ON CONFLICT (tenant_id, deliverable_id, period_start) DO NOTHING",
    // Top-level activities of this month's periods, cycling through every status.
    "INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, pipeline_step, title, type,
                             assignee_type, assignee_agent_role, assignee_user_id, status, priority,
                             is_approval_gate, input_data, due_date, started_on, completed_on,
                             deleted_on, rejection_note)
     SELECT p.tenant_id, p.id, d.goal_id, 'step-' || (i % 3 + 1), d.name || ' #' || i,
            (ARRAY['research','write','review','approve','publish','audit','report','outreach','other'])[i % 9 + 1]::activity_type,
            (CASE WHEN i % 2 = 0 THEN 'human' ELSE 'agent' END)::assignee_type,
            CASE WHEN i % 2 = 0 THEN NULL ELSE (ARRAY['copywriter','seo_specialist'])[i % 4 / 2 + 1] END,
            CASE WHEN i % 2 = 0 THEN people.ids[i / 2 % cardinality(people.ids) + 1] END,
            st.status::activity_status,
            (ARRAY['low','normal','high','urgent'])[i % 4 + 1]::activity_priority,
            st.status IN ('awaiting_approval'), jsonb_build_object('n', i),
            p.period_start + (i % 28),
            CASE WHEN st.status NOT IN ('created', 'assigned', 'cancelled') THEN now() - interval '2 days' END,
            CASE WHEN st.status = 'completed' THEN now() - interval '1 day' END,
            CASE WHEN st.status = 'cancelled' THEN now() END,
            CASE WHEN st.status = 'rejected' THEN 'Tighten the introduction.' END
     FROM deliverable_periods p
     JOIN deliverables d ON d.id = p.deliverable_id
     JOIN tenants t ON t.id = p.tenant_id
     CROSS JOIN LATERAL (SELECT array_agg(u.id ORDER BY u.email) AS ids FROM users u
                         WHERE u.tenant_id = p.tenant_id AND u.status = 'active' AND u.role <> 'super_admin') AS people
     CROSS JOIN generate_series(1, $2::int) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['created','assigned','in_progress','awaiting_approval','approved',
                                       'rejected','completed','failed','cancelled'])[i % 9 + 1] AS status) AS st
     WHERE t.slug = $1 AND p.period_start = date_trunc('month', current_date)::date
       AND NOT EXISTS (SELECT 1 FROM activities x WHERE x.tenant_id = p.tenant_id AND x.deliverable_period_id = p.id)",
    // A sub-activity for every third top-level activity.
    "INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, parent_activity_id, title, type,
                             assignee_type, assignee_agent_role, status, priority)
     SELECT a.tenant_id, a.deliverable_period_id, a.goal_id, a.id, 'Research for ' || a.title, 'research',
            'agent', 'researcher', 'created', 'normal'
     FROM (SELECT a.*, row_number() OVER (PARTITION BY a.deliverable_period_id ORDER BY a.ref_id) AS n
           FROM activities a JOIN tenants t ON t.id = a.tenant_id
           WHERE t.slug = $1 AND a.parent_activity_id IS NULL) AS a
     WHERE a.n % 3 = 0
       AND NOT EXISTS (SELECT 1 FROM activities c WHERE c.tenant_id = a.tenant_id AND c.parent_activity_id = a.id)",
    // One run per agent activity that has started.
    "INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, model_id, status, error,
                                input_tokens, output_tokens, cost_usd, duration_ms, started_on, ended_on)
     SELECT a.tenant_id, a.id, 'claude', 'claude-sonnet',
            (CASE WHEN a.status = 'failed' THEN 'failed' WHEN a.status = 'in_progress' THEN 'running' ELSE 'completed' END)::activity_run_status,
            CASE WHEN a.status = 'failed' THEN 'upstream timeout' END,
            1200, 800, 0.012000,
            CASE WHEN a.status = 'in_progress' THEN NULL ELSE 42000 END,
            a.started_on, CASE WHEN a.status = 'in_progress' THEN NULL ELSE a.started_on + interval '42 seconds' END
     FROM activities a JOIN tenants t ON t.id = a.tenant_id
     WHERE t.slug = $1 AND a.assignee_type = 'agent' AND a.started_on IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM activity_runs r WHERE r.tenant_id = a.tenant_id AND r.activity_id = a.id)",
    // This month's counts follow the completed activities (the invariant the API keeps).
    "UPDATE deliverable_periods p
     SET completed_count = c.done,
         status = (CASE WHEN c.done >= p.target_count THEN 'completed'
                        WHEN c.started > 0 THEN 'in_progress' ELSE 'not_started' END)::deliverable_period_status
     FROM (SELECT a.deliverable_period_id AS id,
                  count(*) FILTER (WHERE a.status = 'completed')::smallint AS done,
                  count(*) FILTER (WHERE a.started_on IS NOT NULL) AS started
           FROM activities a JOIN tenants t ON t.id = a.tenant_id
           WHERE t.slug = $1 AND a.deleted_on IS NULL
           GROUP BY a.deliverable_period_id) AS c
     WHERE p.id = c.id AND p.period_start = date_trunc('month', current_date)::date",
];

/// Seeds the plan of tenant `slug` with `activities_per_period` top-level activities in each
/// of this month's periods. Does nothing for a tenant that already has a strategy.
pub async fn plan(
    db: &DatabaseConnection,
    slug: &str,
    activities_per_period: u32,
) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(
            db,
            statement,
            vec![slug.into(), i64::from(activities_per_period).into()],
        )
        .await?;
    }
    Ok(())
}

/// The reviewer's approval gate in each of this month's periods of tenant `slug`: work waiting
/// in the DM portal's inbox. Added by `seed --demo` only, on top of [`plan`] (tests build on the
/// plain plan).
pub async fn review_gates(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, pipeline_step, title, type,
                                 assignee_type, assignee_user_id, status, priority, is_approval_gate,
                                 due_date, started_on)
         SELECT p.tenant_id, p.id, d.goal_id, 'review', 'Review: ' || d.name, 'approve', 'human', u.id,
                'awaiting_approval', 'high', true, p.period_end, now() - interval '1 day'
         FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id
         JOIN tenants t ON t.id = p.tenant_id
         JOIN users u ON u.tenant_id = p.tenant_id AND u.role = 'reviewer' AND u.status = 'active'
         WHERE t.slug = $1 AND p.period_start = date_trunc('month', current_date)::date
           AND NOT EXISTS (SELECT 1 FROM activities x WHERE x.deliverable_period_id = p.id
                                                       AND x.pipeline_step = 'review')",
        vec![slug.into()],
    )
    .await
    .map(|_| ())
}
