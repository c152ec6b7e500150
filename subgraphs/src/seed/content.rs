//! The demo's content: the platform's global email templates (approval request, monthly report
//! delivery, welcome — each with its declared variables), and per demo tenant two campaigns
//! (one active, tied to the tenant's first strategy and goal, with a budget) and two draft
//! reports (last month's performance report of the active campaign; this month's SEO audit,
//! on a current deliverable period); acme also overrides the monthly report template.
//! Idempotent: each row is inserted only when it does not exist yet (by slug, name or title).

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// The global templates: slug, name, category, subject, HTML body, text body, variables.
const GLOBAL_TEMPLATES: [(&str, &str, &str, &str, &str, &str, &str); 3] = [
    (
        "approval.request",
        "Approval request",
        "approval",
        "Approval needed: {{ approval_title }}",
        "<p>Hi {{ reviewer_name }},</p><p><strong>{{ approval_title }}</strong> is waiting for your decision until {{ expires_at }}.</p><p><a href=\"{{ review_url }}\">Review it</a></p>",
        "Hi {{ reviewer_name }},\n\n{{ approval_title }} is waiting for your decision until {{ expires_at }}.\nReview it: {{ review_url }}",
        r#"[{"key": "reviewer_name", "description": "Riya Reviewer", "required": true},
            {"key": "approval_title", "description": "Blog post: ten signs you need an SEO audit", "required": true},
            {"key": "expires_at", "description": "Friday 5 pm", "required": false},
            {"key": "review_url", "description": "https://portal.leadmetrics.ai/approvals", "required": true}]"#,
    ),
    (
        "report.monthly-delivery",
        "Monthly report delivery",
        "report_delivery",
        "{{ tenant_name }}: your {{ report_month }} performance report",
        "<p>Hi {{ recipient_name }},</p><p>Your performance report for {{ report_month }} is ready.</p><p><a href=\"{{ report_url }}\">Read the report</a></p>",
        "Hi {{ recipient_name }},\n\nYour performance report for {{ report_month }} is ready: {{ report_url }}",
        r#"[{"key": "tenant_name", "description": "Acme Corp", "required": true},
            {"key": "report_month", "description": "October 2026", "required": true},
            {"key": "report_url", "description": "https://portal.leadmetrics.ai/reports", "required": true},
            {"key": "recipient_name", "description": "there", "required": false}]"#,
    ),
    (
        "welcome",
        "Welcome",
        "onboarding",
        "Welcome to Leadmetrics, {{ first_name }}",
        "<h1>Welcome, {{ first_name }}!</h1><p>Your marketing team is ready. <a href=\"{{ login_url }}\">Sign in</a> to see your plan.</p>",
        "Welcome, {{ first_name }}!\n\nYour marketing team is ready. Sign in to see your plan: {{ login_url }}",
        r#"[{"key": "first_name", "description": "Alex", "required": true},
            {"key": "login_url", "description": "https://app.leadmetrics.ai/login", "required": true}]"#,
    ),
];

/// Inserts the global email templates that do not exist yet.
pub async fn email_templates(db: &DatabaseConnection) -> Result<(), DbErr> {
    for (slug, name, category, subject, html, text, variables) in GLOBAL_TEMPLATES {
        run(
            db,
            "INSERT INTO email_templates (tenant_id, name, slug, subject, body_html, body_text,
                                          variables, category)
             SELECT NULL, $2, $1, $4, $5, $6, $7::jsonb, $3::email_template_category
             WHERE NOT EXISTS (SELECT 1 FROM email_templates e WHERE e.tenant_id IS NULL AND e.slug = $1)",
            vec![
                slug.into(),
                name.into(),
                category.into(),
                subject.into(),
                html.into(),
                text.into(),
                variables.into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Statements seeding tenant `$1`'s campaigns and reports, in order.
const STATEMENTS: [&str; 4] = [
    "INSERT INTO campaigns (tenant_id, name, description, objective, status, strategy_id, goal_id,
                            start_date, end_date, budget_amount, budget_currency)
     SELECT t.id, 'Organic growth', 'Blog, social and SEO work towards the strategy''s first goal.',
            'lead_generation', 'active',
            (SELECT s.id FROM strategies s WHERE s.tenant_id = t.id ORDER BY s.version LIMIT 1),
            (SELECT g.id FROM goals g WHERE g.tenant_id = t.id AND g.deleted_on IS NULL ORDER BY g.ref_id LIMIT 1),
            date_trunc('month', current_date)::date - interval '2 months',
            (date_trunc('month', current_date) + interval '4 months')::date - 1,
            5000.00, 'USD'
     FROM tenants t
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.tenant_id = t.id AND c.name = 'Organic growth')",
    "INSERT INTO campaigns (tenant_id, name, objective, status)
     SELECT t.id, 'Spring launch', 'awareness', 'draft'
     FROM tenants t
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.tenant_id = t.id AND c.name = 'Spring launch')",
    "INSERT INTO reports (tenant_id, campaign_id, title, type, status, period_start, period_end)
     SELECT t.id, c.id, 'Monthly performance: last month', 'monthly_performance', 'draft',
            (date_trunc('month', current_date) - interval '1 month')::date,
            date_trunc('month', current_date)::date - 1
     FROM tenants t JOIN campaigns c ON c.tenant_id = t.id AND c.name = 'Organic growth'
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.tenant_id = t.id
                                                 AND r.title = 'Monthly performance: last month')",
    "INSERT INTO reports (tenant_id, deliverable_period_id, title, type, status, period_start, period_end)
     SELECT t.id,
            (SELECT p.id FROM deliverable_periods p WHERE p.tenant_id = t.id
               AND p.period_start <= current_date AND p.period_end >= current_date
             ORDER BY p.ref_id LIMIT 1),
            'SEO audit: this month', 'seo_audit', 'draft',
            date_trunc('month', current_date)::date,
            (date_trunc('month', current_date) + interval '1 month')::date - 1
     FROM tenants t
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.tenant_id = t.id AND r.title = 'SEO audit: this month')",
];

/// Seeds tenant `slug`'s campaigns and reports (see the module documentation).
pub async fn campaigns_and_reports(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into()]).await?;
    }
    Ok(())
}

/// Gives tenant `slug` its override of the monthly report template (a friendlier subject), if
/// it has none.
pub async fn email_template_override(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO email_templates (tenant_id, name, slug, subject, body_html, body_text, variables,
                                      category, source_template_id)
         SELECT t.id, g.name, g.slug, 'Your {{ report_month }} results are in, from ' || '{{ tenant_name }}',
                g.body_html, g.body_text, g.variables, g.category, g.id
         FROM tenants t
         JOIN email_templates g ON g.tenant_id IS NULL AND g.slug = 'report.monthly-delivery'
         WHERE t.slug = $1
           AND NOT EXISTS (SELECT 1 FROM email_templates o WHERE o.tenant_id = t.id AND o.slug = g.slug)",
        vec![slug.into()],
    )
    .await
    .map(|_| ())
}
