//! `seed`: demo data for trying the API (`--demo`) and bulk data for benchmarks (`--scale N`
//! ordinary tenants, `--whale N` one tenant with N activities of history).
//! Runs on the platform role (it creates tenants) and is idempotent: running it twice changes
//! nothing the second time. The demo tenants (and every benchmark tenant) get a marketing plan
//! ([`plan`]); the demo tenants also get approvals to decide ([`approvals`]), channels with
//! scores, a blog pipeline ([`blog`]; the bodies of its posts, in the document store, by
//! [`blog_bodies`]), campaigns and reports ([`campaigns_and_reports`]); the platform gets its
//! global email templates ([`email_templates`]) and acme an override of one
//! ([`email_template_override`]), and a social pipeline ([`social`]); the platform's global
//! activity and recurring task templates ([`global_templates`]) and each tenant's copies, agent
//! configs and sessions ([`templates_and_agents`]). Documents and encrypted tokens:
//! [`documents`]. The life cycle — a registration in progress, onboarding runs (globex's
//! awaiting review) — is [`lifecycle`].

mod blog;
mod channels;
mod content;
pub mod documents;
mod knowledge;
pub mod lifecycle;
mod notify;
mod plan;
mod review;
mod social;
mod templates;
mod whale;

pub use blog::{PUBLISHED_TITLE, blog, blog_bodies};
pub use content::{campaigns_and_reports, email_template_override, email_templates};
pub use knowledge::knowledge;
pub use notify::notifications;
pub use plan::{plan, review_gates};
pub use review::approvals;
pub use social::social;
pub use templates::{global_templates, llm_providers, templates_and_agents};
pub use whale::{WHALE_SLUG, whale};

use graph_core::auth::password::hash_password;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, Value};

/// The password of every demo user (printed by `seed --demo`; never use it outside a demo).
pub const DEMO_PASSWORD: &str = "leadmetrics-demo-2026";

/// One printed demo login.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// The user's role.
    pub role: &'static str,
    /// The login email.
    pub email: String,
    /// The tenant's slug.
    pub tenant: &'static str,
}

/// Top-level activities in each of this month's deliverable periods of a demo tenant: every
/// status appears at least once.
const DEMO_ACTIVITIES_PER_PERIOD: u32 = 9;

/// Top-level activities in each of this month's periods of a benchmark tenant.
const SCALE_ACTIVITIES_PER_PERIOD: u32 = 20;

/// A demo tenant: slug, name, status, whether its contract is accepted, and its users' roles.
const DEMO_TENANTS: [(&str, &str, &str, bool, &[&str]); 3] = [
    (
        "leadmetrics",
        "Leadmetrics (platform)",
        "active",
        true,
        &["super_admin"],
    ),
    (
        "acme",
        "Acme Corp",
        "active",
        true,
        &["admin", "member", "reviewer"],
    ),
    (
        "globex",
        "Globex",
        "trialing",
        false,
        &["admin", "member", "reviewer"],
    ),
];

pub(crate) async fn run(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<Value>,
) -> Result<u64, DbErr> {
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        sql,
        values,
    ))
    .await
    .map(|result| result.rows_affected())
}

/// Inserts the demo tenants and users with their plans, an approval gate per period for each
/// tenant's reviewer (so the DM portal's inbox has work), a pending approval of every type
/// ([`approvals`]), a few notifications and dispatch attempts ([`notifications`]), channels
/// with scores, blog requests and posts ([`blog`]; their bodies are written by
/// [`blog_bodies`]), and integrations, backlinks and a knowledge base dataset ([`knowledge`]);
/// returns the logins to print.
pub async fn demo(db: &DatabaseConnection) -> Result<Vec<DemoLogin>, DbErr> {
    let logins = demo_with(db, DEMO_ACTIVITIES_PER_PERIOD).await?;
    global_templates(db).await?;
    llm_providers(db).await?;
    for (slug, ..) in DEMO_TENANTS {
        if slug != "leadmetrics" {
            templates_and_agents(db, slug).await?;
            review_gates(db, slug).await?;
            notifications(db, slug).await?;
            approvals(db, slug).await?;
            blog(db, slug).await?;
            knowledge(db, slug).await?;
            social(db, slug).await?;
            channels::channels(db, slug).await?;
        }
    }
    let password_hash =
        hash_password(DEMO_PASSWORD).map_err(|error| DbErr::Custom(error.to_string()))?;
    lifecycle::registration_in_progress(db, &password_hash).await?;
    lifecycle::onboarding(db).await?;
    Ok(logins)
}

/// [`demo`] with `activities_per_period` top-level activities in each current period (tests
/// compare the cost of the same query over 10 and 100).
pub async fn demo_with(
    db: &DatabaseConnection,
    activities_per_period: u32,
) -> Result<Vec<DemoLogin>, DbErr> {
    let password_hash =
        hash_password(DEMO_PASSWORD).map_err(|error| DbErr::Custom(error.to_string()))?;
    let mut logins = Vec::new();
    for (slug, name, status, accepted, roles) in DEMO_TENANTS {
        run(
            db,
            "INSERT INTO tenants (slug, name, legal_name, plan, status, country, contract_accepted_on)
             VALUES ($1, $2, $2, 'professional', $3::tenant_status, 'India', CASE WHEN $4 THEN now() END)
             ON CONFLICT (slug) DO NOTHING",
            vec![slug.into(), name.into(), status.into(), accepted.into()],
        )
        .await?;
        run(
            db,
            "INSERT INTO contracts (tenant_id, template_version, status, generated_on, accepted_on)
             SELECT t.id, 'v1.0', CASE WHEN $2 THEN 'accepted' ELSE 'pending_acceptance' END::contract_status,
                    now(), CASE WHEN $2 THEN now() END
             FROM tenants t WHERE t.slug = $1
               AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.tenant_id = t.id)",
            vec![slug.into(), accepted.into()],
        )
        .await?;
        for role in roles {
            let email = format!("{}@{slug}.test", role.replace('_', "-"));
            run(
                db,
                "INSERT INTO users (tenant_id, email, first_name, last_name, role, status, app_access, password_hash)
                 SELECT t.id, $2, initcap(replace($3, '_', ' ')), initcap($1), $3::user_role, 'active',
                        ARRAY['dashboard', 'dm-portal', 'manage'], $4
                 FROM tenants t WHERE t.slug = $1
                 ON CONFLICT ((lower(email))) WHERE password_hash IS NOT NULL DO NOTHING",
                vec![slug.into(), email.clone().into(), (*role).into(), password_hash.clone().into()],
            )
            .await?;
            logins.push(DemoLogin {
                role,
                email,
                tenant: slug,
            });
        }
        if slug != "leadmetrics" {
            plan(db, slug, activities_per_period).await?;
        }
    }
    email_templates(db).await?;
    for (slug, ..) in DEMO_TENANTS {
        if slug != "leadmetrics" {
            campaigns_and_reports(db, slug).await?;
        }
    }
    email_template_override(db, "acme").await?;
    Ok(logins)
}

/// Inserts `tenants` benchmark tenants (`scale-000001`, …), each with an admin, nine members,
/// a marketing plan and the demo's content: channels, a blog pipeline, campaigns and reports,
/// integrations, backlinks, a knowledge base and a social pipeline (documents by
/// [`documents`]).
pub async fn scale(db: &DatabaseConnection, tenants: u32) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO tenants (slug, name, plan, status, contract_accepted_on)
         SELECT 'scale-' || lpad(g::text, 6, '0'), 'Scale Tenant ' || g, 'professional', 'active', now()
         FROM generate_series(1, $1::int) g
         ON CONFLICT (slug) DO NOTHING",
        vec![i64::from(tenants).into()],
    )
    .await?;
    scale_users(db, "scale-%").await?;
    global_templates(db).await?;
    for n in 1..=tenants {
        let slug = format!("scale-{n:06}");
        plan(db, &slug, SCALE_ACTIVITIES_PER_PERIOD).await?;
        templates_and_agents(db, &slug).await?;
        blog(db, &slug).await?;
        campaigns_and_reports(db, &slug).await?;
        knowledge(db, &slug).await?;
        social(db, &slug).await?;
        channels::channels(db, &slug).await?;
    }
    Ok(())
}

/// One benchmark-like tenant `slug` named `name`, with its ten users.
async fn scale_tenant(db: &DatabaseConnection, slug: &str, name: &str) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO tenants (slug, name, plan, status, contract_accepted_on)
         VALUES ($1, $2, 'professional', 'active', now())
         ON CONFLICT (slug) DO NOTHING",
        vec![slug.into(), name.into()],
    )
    .await?;
    scale_users(db, slug).await
}

/// An admin (`user1@<slug>.test`) and nine members in each tenant whose slug is `LIKE` the
/// pattern, all with [`DEMO_PASSWORD`].
async fn scale_users(db: &DatabaseConnection, slug_pattern: &str) -> Result<(), DbErr> {
    let password_hash =
        hash_password(DEMO_PASSWORD).map_err(|error| DbErr::Custom(error.to_string()))?;
    run(
        db,
        "INSERT INTO users (tenant_id, email, first_name, last_name, role, status, app_access, password_hash)
         SELECT t.id, 'user' || u || '@' || t.slug || '.test', 'User', u::text,
                CASE WHEN u = 1 THEN 'admin' ELSE 'member' END::user_role, 'active', ARRAY['dashboard'], $1
         FROM tenants t CROSS JOIN generate_series(1, 10) u
         WHERE t.slug LIKE $2
         ON CONFLICT ((lower(email))) WHERE password_hash IS NOT NULL DO NOTHING",
        vec![password_hash.into(), slug_pattern.into()],
    )
    .await
    .map(|_| ())
}
