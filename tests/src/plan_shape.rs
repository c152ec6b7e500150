//! A marketing plan of any shape, for the tests that count statements: how many goals the
//! active strategy has, deliverables each goal, periods each deliverable and activities each
//! period are all parameters, so a test can grow every level of a nested query at once and
//! prove that its statement count does not follow any of them.
//!
//! Every top-level activity is assigned to a person (one person per period, so the assignees
//! grow with the plan too) and has one sub-activity, done by an agent, with one run. The plan
//! belongs to a tenant of its own (contract accepted, active) with an admin, written by the
//! owning role straight into the database; tests sign the admin's token themselves
//! ([`crate::tokens`]).

use crate::{TestDatabase, exec_with, get, query_one};

/// How big a seeded plan is at every level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanShape {
    /// Goals of the active strategy.
    pub goals: u32,
    /// Deliverables of each goal.
    pub deliverables: u32,
    /// Monthly periods of each deliverable, going back from this month.
    pub periods: u32,
    /// Top-level activities of each period (each with one sub-activity).
    pub activities: u32,
}

impl PlanShape {
    /// This shape with every level multiplied by `factor`.
    pub fn times(self, factor: u32) -> Self {
        Self {
            goals: self.goals * factor,
            deliverables: self.deliverables * factor,
            periods: self.periods * factor,
            activities: self.activities * factor,
        }
    }

    /// Deliverables in the whole plan.
    pub fn total_deliverables(self) -> usize {
        to_usize(self.goals * self.deliverables)
    }

    /// Periods in the whole plan (and people assigned, one per period).
    pub fn total_periods(self) -> usize {
        self.total_deliverables() * to_usize(self.periods)
    }

    /// Top-level activities in the whole plan (and sub-activities, and runs: one of each per
    /// top-level activity).
    pub fn total_top_level_activities(self) -> usize {
        self.total_periods() * to_usize(self.activities)
    }
}

fn to_usize(count: u32) -> usize {
    usize::try_from(count).unwrap_or_else(|error| panic!("{count}: {error}"))
}

/// The tenant of a seeded plan: its public id and its admin's.
#[derive(Clone, Debug)]
pub struct ShapedTenant {
    /// The tenant's slug.
    pub slug: String,
    /// The tenant's public id (the `tenant` claim of a token).
    pub tenant_ref: String,
    /// The public id of the tenant's admin (the `sub` claim of a token).
    pub admin_ref: String,
}

/// The statements of [`seed_plan_shape`], in order, each bound to all five parameters: `$1` is
/// the slug, `$2` goals per strategy, `$3` deliverables per goal, `$4` periods per deliverable,
/// `$5` activities per period.
const STATEMENTS: &[&str] = &[
    "INSERT INTO tenants (slug, name, legal_name, plan, status, country, contract_accepted_on)
     VALUES ($1, $1, $1, 'professional', 'active', 'India', now())",
    "INSERT INTO contracts (tenant_id, template_version, status, generated_on, accepted_on)
     SELECT t.id, 'v1.0', 'accepted', now(), now() FROM tenants t WHERE t.slug = $1",
    "INSERT INTO users (tenant_id, email, first_name, last_name, role, status, app_access)
     SELECT t.id, 'admin@' || t.slug || '.test', 'Shape', 'Admin', 'admin', 'active',
            ARRAY['dashboard'] FROM tenants t WHERE t.slug = $1",
    "INSERT INTO strategies (tenant_id, version, status, summary, period_months, start_date, end_date)
     SELECT t.id, 1, 'active', 'A plan of a given shape.', 12,
            (date_trunc('month', current_date) - interval '12 months')::date,
            (date_trunc('month', current_date) + interval '12 months')::date - 1
     FROM tenants t WHERE t.slug = $1",
    "INSERT INTO goals (tenant_id, strategy_id, name, metric, baseline_value, current_value,
                        target_value, status, priority)
     SELECT s.tenant_id, s.id, 'Goal ' || g, 'leads', 0, g, 100, 'active', g
     FROM strategies s JOIN tenants t ON t.id = s.tenant_id
     CROSS JOIN generate_series(1, $2::int) AS g
     WHERE t.slug = $1",
    "INSERT INTO deliverables (tenant_id, goal_id, strategy_id, type, name, quantity_per_period, period)
     SELECT g.tenant_id, g.id, g.strategy_id, 'blog_posts', g.name || ', deliverable ' || d, 10, 'monthly'
     FROM goals g JOIN tenants t ON t.id = g.tenant_id
     CROSS JOIN generate_series(1, $3::int) AS d
     WHERE t.slug = $1",
    "INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end,
                                      target_count, completed_count, status)
     SELECT d.tenant_id, d.id, (date_trunc('month', current_date) - k * interval '1 month')::date,
            (date_trunc('month', current_date) - (k - 1) * interval '1 month')::date - 1,
            10, 0, 'in_progress'
     FROM deliverables d JOIN tenants t ON t.id = d.tenant_id
     CROSS JOIN generate_series(0, $4::int - 1) AS k
     WHERE t.slug = $1",
    // One person per period (named after it), who does that period's top-level activities.
    "WITH people AS (
         INSERT INTO users (tenant_id, email, first_name, last_name, role, status, app_access)
         SELECT p.tenant_id, 'person-' || lower(p.ref_id) || '@' || t.slug || '.test', 'Person',
                p.ref_id, 'member', 'active', ARRAY['dashboard']
         FROM deliverable_periods p JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = $1
         RETURNING id, last_name AS period_ref
     )
     INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, title, type, assignee_type,
                             assignee_user_id, status, priority, input_data, started_on)
     SELECT p.tenant_id, p.id, d.goal_id, d.name || ' #' || i, 'write', 'human', people.id,
            'in_progress', 'normal', jsonb_build_object('n', i), now() - interval '2 days'
     FROM deliverable_periods p
     JOIN deliverables d ON d.id = p.deliverable_id
     JOIN tenants t ON t.id = p.tenant_id
     JOIN people ON people.period_ref = p.ref_id
     CROSS JOIN generate_series(1, $5::int) AS i
     WHERE t.slug = $1",
    // The agent's research under each top-level activity, done, with its run.
    "INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, parent_activity_id, title,
                             type, assignee_type, assignee_agent_role, status, priority,
                             started_on, completed_on)
     SELECT a.tenant_id, a.deliverable_period_id, a.goal_id, a.id, 'Research for ' || a.title,
            'research', 'agent', 'researcher', 'completed', 'normal',
            now() - interval '2 days', now() - interval '1 day'
     FROM activities a JOIN tenants t ON t.id = a.tenant_id
     WHERE t.slug = $1 AND a.parent_activity_id IS NULL",
    "INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, model_id, status,
                                input_tokens, output_tokens, cost_usd, duration_ms, started_on, ended_on)
     SELECT a.tenant_id, a.id, 'claude', 'claude-sonnet', 'completed', 1200, 800, 0.012, 42000,
            a.started_on, a.started_on + interval '42 seconds'
     FROM activities a JOIN tenants t ON t.id = a.tenant_id
     WHERE t.slug = $1 AND a.parent_activity_id IS NOT NULL",
];

/// Seeds a tenant `slug` (lowercase letters, digits and dashes) whose active strategy has a
/// plan of `shape`, as the owner; returns the ids a token for its admin needs.
pub async fn seed_plan_shape(db: &TestDatabase, slug: &str, shape: PlanShape) -> ShapedTenant {
    for statement in STATEMENTS {
        let values = [
            slug.into(),
            i64::from(shape.goals).into(),
            i64::from(shape.deliverables).into(),
            i64::from(shape.periods).into(),
            i64::from(shape.activities).into(),
        ];
        if let Err(error) = exec_with(&db.owner, statement, values).await {
            panic!("seeding the plan of {slug} failed: {error}\n{statement}");
        }
    }
    let row = query_one(
        &db.owner,
        "SELECT t.ref_id AS tenant_ref, u.ref_id AS admin_ref
         FROM tenants t JOIN users u ON u.tenant_id = t.id AND u.role = 'admin'
         WHERE t.slug = $1",
        [slug.into()],
    )
    .await;
    ShapedTenant {
        slug: slug.to_owned(),
        tenant_ref: get(&row, "tenant_ref"),
        admin_ref: get(&row, "admin_ref"),
    }
}
