//! The whale: one tenant with a history of `activities` activities beside the ordinary ones, so
//! benchmarks and the plan check see what a large customer does to every list, queue and look-up.
//! Its current plan is an ordinary one ([`plan`](super::plan)); the bulk sits in the archived
//! strategy as past monthly periods of about a hundred activities each (three quarters top
//! level, a quarter sub-activities), mostly completed, a few still queued for people and agents,
//! with a run for every started agent activity.

use super::run;
use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};

/// The whale tenant's slug; its users are `user1@whale.test` (admin) … `user10@whale.test`.
pub const WHALE_SLUG: &str = "whale";

/// Activities (top level and sub-activities) in each past period of the whale.
const ACTIVITIES_PER_PERIOD: u32 = 100;

/// Past monthly periods of each of the whale's history deliverables (ten years).
const PERIODS_PER_DELIVERABLE: u32 = 120;

/// History deliverables per history goal.
const DELIVERABLES_PER_GOAL: u32 = 4;

/// The statements that add the history; `$1` is the slug, `$2` the number of past periods.
fn history() -> Vec<String> {
    let per_deliverable = PERIODS_PER_DELIVERABLE;
    let per_goal = DELIVERABLES_PER_GOAL;
    let top_level = ACTIVITIES_PER_PERIOD * 3 / 4;
    vec![
    format!("INSERT INTO goals (tenant_id, strategy_id, name, description, metric, baseline_value,
                        current_value, target_value, period, target_date, status, priority)
     SELECT s.tenant_id, s.id, 'Past goal ' || g, 'A goal of the first strategy.', 'organic_sessions',
            100, 150 + g, 200, 'monthly', s.end_date, 'achieved', g % 5 + 1
     FROM strategies s JOIN tenants t ON t.id = s.tenant_id
     CROSS JOIN generate_series(1, (($2::int + {per_deliverable} - 1) / {per_deliverable} + {per_goal} - 1) / {per_goal}) g
     WHERE t.slug = $1 AND s.status = 'archived'
       AND NOT EXISTS (SELECT 1 FROM goals x WHERE x.tenant_id = s.tenant_id AND x.strategy_id = s.id)"),
    format!("INSERT INTO deliverables (tenant_id, goal_id, strategy_id, type, name, quantity_per_period, period, platforms)
     SELECT g.tenant_id, g.id, g.strategy_id, 'blog_posts', g.name || ' / deliverable ' || d, 100, 'monthly',
            ARRAY['wordpress']
     FROM goals g JOIN strategies s ON s.id = g.strategy_id JOIN tenants t ON t.id = g.tenant_id
     CROSS JOIN generate_series(1, {per_goal}) d
     WHERE t.slug = $1 AND s.status = 'archived'"),
    // Monthly periods going back from two months ago, until there are $2 of them.
    format!("INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end,
                                      target_count, completed_count, status)
     SELECT d.tenant_id, d.id, p.start, (p.start + interval '1 month')::date - 1, 100, 90, 'completed'
     FROM (SELECT d.*, row_number() OVER (ORDER BY d.ref_id) - 1 AS n
           FROM deliverables d JOIN strategies s ON s.id = d.strategy_id JOIN tenants t ON t.id = d.tenant_id
           WHERE t.slug = $1 AND s.status = 'archived') d
     CROSS JOIN LATERAL (SELECT (date_trunc('month', current_date) - (m + 2) * interval '1 month')::date AS start
                         FROM generate_series(0, {per_deliverable} - 1) m
                         WHERE d.n * {per_deliverable} + m < $2::int) p
     ON CONFLICT (tenant_id, deliverable_id, period_start) DO NOTHING"),
    // 75 top-level activities per past period: mostly completed; a few still waiting for an
    // agent or a person, failed, rejected or cancelled.
    format!("INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, pipeline_step, title, type,
                             assignee_type, assignee_agent_role, assignee_user_id, status, priority,
                             due_date, started_on, completed_on, deleted_on, rejection_note)
     SELECT p.tenant_id, p.id, d.goal_id, 'step-' || (i % 3 + 1), 'Past work #' || i,
            (ARRAY['research','write','review','publish','audit','report','outreach','other'])[i % 8 + 1]::activity_type,
            (CASE WHEN i % 2 = 0 THEN 'human' ELSE 'agent' END)::assignee_type,
            CASE WHEN i % 2 = 1 THEN (ARRAY['copywriter','seo_specialist','researcher'])[i % 3 + 1] END,
            CASE WHEN i % 2 = 0 THEN people.ids[i / 2 % cardinality(people.ids) + 1] END,
            st.status::activity_status,
            (ARRAY['low','normal','high','urgent'])[i % 4 + 1]::activity_priority,
            p.period_start + (i % 28),
            CASE WHEN st.status NOT IN ('created', 'assigned', 'cancelled') THEN p.period_start + 1 END,
            CASE WHEN st.status = 'completed' THEN p.period_start + 2 END,
            CASE WHEN st.status = 'cancelled' THEN p.period_end END,
            CASE WHEN st.status = 'rejected' THEN 'Tighten the introduction.' END
     FROM deliverable_periods p
     JOIN deliverables d ON d.id = p.deliverable_id
     JOIN strategies s ON s.id = d.strategy_id
     JOIN tenants t ON t.id = p.tenant_id
     CROSS JOIN LATERAL (SELECT array_agg(u.id ORDER BY u.email) AS ids FROM users u
                         WHERE u.tenant_id = p.tenant_id AND u.status = 'active') AS people
     CROSS JOIN generate_series(1, {top_level}) AS i
     CROSS JOIN LATERAL (SELECT CASE (i * 7) % {top_level}
                                  WHEN 0 THEN 'created' WHEN 1 THEN 'assigned' WHEN 2 THEN 'failed'
                                  WHEN 3 THEN 'rejected' WHEN 4 THEN 'cancelled' WHEN 5 THEN 'approved'
                                  ELSE 'completed' END AS status) AS st
     WHERE t.slug = $1 AND s.status = 'archived'"),
    // A sub-activity under every third top-level activity.
    format!("INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, parent_activity_id, title, type,
                             assignee_type, assignee_agent_role, status, priority, started_on, completed_on)
     SELECT a.tenant_id, a.deliverable_period_id, a.goal_id, a.id, 'Research for ' || a.title, 'research',
            'agent', 'researcher', 'completed', 'normal', a.day, a.day + interval '1 hour'
     FROM (SELECT a.*, p.period_start AS day, row_number() OVER (PARTITION BY a.deliverable_period_id ORDER BY a.ref_id) AS n
           FROM activities a JOIN deliverable_periods p ON p.id = a.deliverable_period_id
           JOIN tenants t ON t.id = a.tenant_id
           WHERE t.slug = $1 AND a.parent_activity_id IS NULL
             AND p.period_start < (date_trunc('month', current_date) - interval '1 month')::date) AS a
     WHERE a.n % 3 = 0"),
    format!("INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, model_id, status, error,
                                input_tokens, output_tokens, cost_usd, duration_ms, started_on, ended_on)
     SELECT a.tenant_id, a.id, 'claude', 'claude-sonnet',
            (CASE WHEN a.status = 'failed' THEN 'failed' ELSE 'completed' END)::activity_run_status,
            CASE WHEN a.status = 'failed' THEN 'upstream timeout' END,
            1200, 800, 0.012000, 42000, a.started_on, a.started_on + interval '42 seconds'
     FROM activities a JOIN deliverable_periods p ON p.id = a.deliverable_period_id
     JOIN tenants t ON t.id = a.tenant_id
     WHERE t.slug = $1 AND p.period_start < (date_trunc('month', current_date) - interval '1 month')::date
       AND a.assignee_type = 'agent' AND a.started_on IS NOT NULL"),
    ]
}

/// Adds the whale tenant (`whale`, ten users like a benchmark tenant, an ordinary current plan)
/// with about `activities` activities of history. Idempotent like the rest of `seed`.
pub async fn whale(db: &DatabaseConnection, activities: u32) -> Result<(), DbErr> {
    super::scale_tenant(db, WHALE_SLUG, "Whale Corp").await?;
    super::plan(db, WHALE_SLUG, super::SCALE_ACTIVITIES_PER_PERIOD).await?;
    let periods = activities.div_ceil(ACTIVITIES_PER_PERIOD);
    // One transaction: all of the history or none, so the first statement (the history's goals,
    // only when the old strategy has none) decides whether the others run. The planner has no
    // statistics of the rows added in it (and the platform role may not ANALYZE them), so it is
    // told to join by hashing rather than loop over the history once per row.
    let tx = db.begin().await?;
    run(&tx, "SET LOCAL enable_nestloop = off", vec![]).await?;
    let values = || vec![WHALE_SLUG.into(), i64::from(periods).into()];
    let mut statements = history().into_iter();
    if let Some(goals) = statements.next()
        && run(&tx, &goals, values()).await? > 0
    {
        for statement in statements {
            // Plans cached on this pooled connection while the tables were small — the foreign
            // key checks' above all — would scan the history once per row inserted.
            run(&tx, "DISCARD PLANS", vec![]).await?;
            run(&tx, &statement, values()).await?;
        }
    }
    tx.commit().await
}
