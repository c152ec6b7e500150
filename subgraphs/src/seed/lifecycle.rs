//! The demo's tenant life cycle: a self-registration in progress (stopped at step 2, so it can
//! be resumed in the wizard with [`REGISTRATION_TOKEN`]), and onboarding runs — acme's approved, globex's awaiting an
//! admin's review (its context file is written by [`super::documents`], which also writes the
//! demo contracts' documents). Idempotent.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// The email of the demo registration in progress.
pub const REGISTRATION_EMAIL: &str = "prospect@newco.test";

/// The token of the demo registration in progress (a well-formed 43-character token, fixed so
/// that `scripts/start` can print it): send it as `X-Registration-Token` to resume the wizard.
/// Demo data only; real tokens are random ([`graph_core::registration`]).
pub const REGISTRATION_TOKEN: &str = "demo-registration-in-progress-newco-0000000";

/// Seeds the registration in progress (password: the demo password, hashed as `password_hash`;
/// token: [`REGISTRATION_TOKEN`]).
pub async fn registration_in_progress(
    db: &DatabaseConnection,
    password_hash: &str,
) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO registration_sessions (session_token, current_step, contact_data, company_data, expires_at)
         SELECT encode(sha256(convert_to($3::text, 'UTF8')), 'hex'), 2,
                jsonb_build_object('country', 'India', 'title', 'Mr.', 'firstName', 'Ravi',
                                   'lastName', 'Kumar', 'email', $1::text, 'phone', '+919812345678',
                                   'passwordHash', $2::text),
                jsonb_build_object('legalName', 'Newco Ventures Private Limited',
                                   'brandName', 'Newco', 'panNumber', 'AAPFU0939F'),
                now() + interval '24 hours'
         WHERE NOT EXISTS (SELECT 1 FROM registration_sessions WHERE contact_data->>'email' = $1)",
        vec![
            REGISTRATION_EMAIL.into(),
            password_hash.into(),
            REGISTRATION_TOKEN.into(),
        ],
    )
    .await?;
    Ok(())
}

/// acme's approved onboarding run and globex's awaiting review.
pub async fn onboarding(db: &DatabaseConnection) -> Result<(), DbErr> {
    run(
        db,
        "INSERT INTO onboarding_runs (tenant_id, status, research_output, reviewed_by, reviewed_on)
         SELECT t.id, 'completed',
                '## Market\nIndustrial tools, B2B.\n\n## Competitors\n- Globex\n- Initech',
                (SELECT u.id FROM users u WHERE u.tenant_id = t.id AND u.role = 'admin' LIMIT 1), now()
         FROM tenants t WHERE t.slug = 'acme'
           AND NOT EXISTS (SELECT 1 FROM onboarding_runs r WHERE r.tenant_id = t.id)",
        vec![],
    )
    .await?;
    run(
        db,
        "INSERT INTO onboarding_runs (tenant_id, status, research_output)
         SELECT t.id, 'review',
                '## Market\nConsumer electronics, D2C.\n\n## Audience\nUrban buyers, 25–40.'
         FROM tenants t WHERE t.slug = 'globex'
           AND NOT EXISTS (SELECT 1 FROM onboarding_runs r WHERE r.tenant_id = t.id)",
        vec![],
    )
    .await?;
    Ok(())
}
