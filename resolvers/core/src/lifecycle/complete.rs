//! Completing a paid registration: the one function that turns a registration session into a
//! tenant. The billing subgraph's payment webhook calls it when the payment succeeds.
//!
//! Everything happens in one platform transaction, so a tenant either exists whole or not at
//! all: the tenant (remembering the registration it came from), its admin with the password
//! chosen in step 1, a copy of every active global activity and recurring task template (a
//! recurring copy with required variables starts inactive until the admin gives them), an
//! agent configuration per agent role, the credit balance with its first allocation in the
//! ledger, a pending onboarding run, the contract generated from the newest template (its
//! document written to the document store first), and the session deleted.
//!
//! Idempotent: the session row is locked first, so concurrent calls for one registration queue
//! behind each other; the second finds the session gone and the tenant that the first made
//! (`tenants.registration_ref_id`) and returns it with `created: false`. Payment providers
//! deliver webhooks at least once: a retried delivery must not make a second tenant.

use super::contract_template;
use super::contracts::generate_contract;
use crate::error::{ApiError, ApiResult};
use crate::ids::new_ref_id;
use crate::registration::data::{BillingData, CompanyData, ContactData, LocationData};
use crate::services::Services;
use entities::sea_orm_active_enums::{TenantPlan, TenantStatus, UserRole, UserStatus};
use entities::{registration_sessions, tenants, users};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set, Statement, TransactionTrait,
};
use uuid::Uuid;

/// What a completion did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletedRegistration {
    /// The tenant's public id.
    pub tenant_ref_id: String,
    /// The admin user's public id.
    pub admin_ref_id: String,
    /// True when this call created the tenant; false when an earlier call had (a retried
    /// webhook).
    pub created: bool,
}

/// Monthly credits of a plan, allocated on the first day of each period.
pub fn monthly_credits(plan: &TenantPlan) -> i32 {
    match plan {
        TenantPlan::Starter => 1_000,
        TenantPlan::Professional => 5_000,
        TenantPlan::Enterprise => 20_000,
    }
}

/// A URL-safe slug of `name` (`Acme Corp!` → `acme-corp`), at most 60 characters.
fn slug_of(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "tenant".to_owned()
    } else {
        slug
    }
}

fn json<T: serde::de::DeserializeOwned>(
    value: Option<serde_json::Value>,
    step: &str,
) -> ApiResult<T> {
    let value = value
        .ok_or_else(|| ApiError::Conflict(format!("the registration has no {step} details yet")))?;
    serde_json::from_value(value)
        .map_err(|_| ApiError::internal(format!("registration {step} details are unreadable")))
}

/// Completes the registration `registration_ref_id` (its public id, carried by the payment):
/// see the module documentation. `NOT_FOUND` when there is no such registration and no tenant
/// was made from it; `CONFLICT` when it has not reached the payment step, or when its email
/// address has meanwhile become an account's (the payment is then to be refunded).
#[tracing::instrument(skip(services))]
pub async fn complete_registration(
    services: &Services,
    registration_ref_id: &str,
) -> ApiResult<CompletedRegistration> {
    let registration_ref_id = registration_ref_id.trim().to_ascii_uppercase();
    let tx = services.db.platform().begin().await?;
    let session = registration_sessions::Entity::find()
        .filter(registration_sessions::Column::RefId.eq(registration_ref_id.as_str()))
        .lock_exclusive()
        .one(&tx)
        .await?;
    let Some(session) = session else {
        let done = already_completed(&tx, &registration_ref_id).await?;
        tx.commit().await?;
        return done.ok_or(ApiError::NotFound("registration"));
    };
    if session.current_step < 4 {
        return Err(ApiError::Conflict(
            "the registration has not reached the payment step".to_owned(),
        ));
    }
    let contact: ContactData = json(Some(session.contact_data.clone()), "contact")?;
    let company: CompanyData = json(session.company_data.clone(), "company")?;
    let location: LocationData = json(session.location_data.clone(), "location")?;
    let billing: BillingData = json(session.billing_data.clone(), "billing")?;
    let plan = match session.plan_selected.as_deref() {
        Some("starter") => TenantPlan::Starter,
        Some("professional") => TenantPlan::Professional,
        _ => return Err(ApiError::internal("registration plan is unreadable")),
    };
    // Step 1 found the address already registered and answered as usual (no enumeration), or
    // it has become an account's since: either way, no second account.
    if contact.email_in_use || email_has_account(&tx, &contact.email).await? {
        return Err(ApiError::Conflict(
            "this email address already has an account; the registration cannot complete"
                .to_owned(),
        ));
    }

    let tenant_id = Uuid::new_v4();
    let tenant_ref_id = new_ref_id()?;
    let slug = free_slug(&tx, &slug_of(&company.brand_name), &tenant_ref_id).await?;
    let tenant = tenants::ActiveModel {
        id: Set(tenant_id),
        ref_id: Set(tenant_ref_id.clone()),
        slug: Set(slug),
        name: Set(company.brand_name.clone()),
        legal_name: Set(Some(company.legal_name.clone())),
        country: Set(Some(contact.country.clone())),
        state: Set(Some(location.state.clone())),
        pan_number: Set(company.pan_number.clone()),
        has_gst: Set(location.has_gst),
        gst_number: Set(location.gst_number.clone().filter(|_| location.has_gst)),
        plan: Set(plan.clone()),
        // Paid: the account is live from the start (no trial).
        status: Set(TenantStatus::Active),
        billing_name: Set(Some(billing.name.clone())),
        billing_address: Set(Some(billing.address.clone())),
        billing_city: Set(Some(billing.city.clone())),
        billing_postal_code: Set(Some(billing.postal_code.clone())),
        billing_state: Set(Some(billing.state.clone())),
        billing_country: Set(Some(billing.country.clone())),
        registration_ref_id: Set(Some(registration_ref_id.clone())),
        ..Default::default()
    }
    .insert(&tx)
    .await?;

    let admin_id = Uuid::new_v4();
    let admin = users::ActiveModel {
        id: Set(admin_id),
        ref_id: Set(new_ref_id()?),
        tenant_id: Set(tenant_id),
        email: Set(contact.email.clone()),
        title: Set(contact.title.clone()),
        first_name: Set(contact.first_name.clone()),
        last_name: Set(contact.last_name.clone()),
        phone: Set(Some(contact.phone.clone())),
        role: Set(UserRole::Admin),
        status: Set(UserStatus::Active),
        app_access: Set(vec!["dashboard".to_owned()]),
        password_hash: Set(Some(contact.password_hash.clone())),
        ..Default::default()
    }
    .insert(&tx)
    .await?;

    provision(&tx, tenant_id, admin_id, &plan).await?;
    let template = contract_template::newest()?;
    generate_contract(&tx, &services.documents, &tenant, template, Some(admin_id)).await?;
    registration_sessions::Entity::delete_by_id(session.id)
        .exec(&tx)
        .await?;
    tx.commit().await?;
    tracing::info!(tenant = %tenant_ref_id, registration = %registration_ref_id, "registration completed");
    Ok(CompletedRegistration {
        tenant_ref_id,
        admin_ref_id: admin.ref_id,
        created: true,
    })
}

/// The tenant an earlier completion of this registration made, with its first admin.
async fn already_completed(
    tx: &DatabaseTransaction,
    registration_ref_id: &str,
) -> ApiResult<Option<CompletedRegistration>> {
    let Some(tenant) = tenants::Entity::find()
        .filter(tenants::Column::RegistrationRefId.eq(registration_ref_id))
        .one(tx)
        .await?
    else {
        return Ok(None);
    };
    let admin = users::Entity::find()
        .filter(users::Column::TenantId.eq(tenant.id))
        .filter(users::Column::Role.eq(UserRole::Admin))
        .order_by_asc(users::Column::CreatedOn)
        .one(tx)
        .await?
        .ok_or_else(|| ApiError::internal("a registered tenant without its admin"))?;
    Ok(Some(CompletedRegistration {
        tenant_ref_id: tenant.ref_id,
        admin_ref_id: admin.ref_id,
        created: false,
    }))
}

/// Whether a user who can sign in already has this address (users_email_key).
async fn email_has_account(tx: &DatabaseTransaction, email: &str) -> ApiResult<bool> {
    let row = tx
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 AS found FROM users WHERE lower(email) = lower($1) AND password_hash IS NOT NULL",
            [email.into()],
        ))
        .await?;
    Ok(row.is_some())
}

/// `base`, or `base-<end of the tenant's ref id>` when `base` is taken.
async fn free_slug(tx: &DatabaseTransaction, base: &str, tenant_ref_id: &str) -> ApiResult<String> {
    let taken = tenants::Entity::find()
        .filter(tenants::Column::Slug.eq(base))
        .select_only()
        .column(tenants::Column::Id)
        .into_tuple::<Uuid>()
        .one(tx)
        .await?
        .is_some();
    if !taken {
        return Ok(base.to_owned());
    }
    let suffix = tenant_ref_id[tenant_ref_id.len() - 8..].to_ascii_lowercase();
    Ok(format!(
        "{}-{suffix}",
        base.chars().take(90).collect::<String>()
    ))
}

/// The tenant's starting machinery, in four statements whatever the number of templates or
/// roles: template copies, agent configurations, the credit balance with its allocation, and a
/// pending onboarding run.
async fn provision(
    tx: &DatabaseTransaction,
    tenant: Uuid,
    admin: Uuid,
    plan: &TenantPlan,
) -> ApiResult<()> {
    let credits = monthly_credits(plan);
    let roles: Vec<String> = crate::agents::AGENT_ROLES
        .iter()
        .map(|role| (*role).to_owned())
        .collect();
    let statements: [(&str, Vec<sea_orm::Value>); 5] = [
        (
            // Copies keep the global's content, start at version 1 and point at their source.
            "INSERT INTO activity_templates
                 (tenant_id, source_template_id, deliverable_type, name, steps, version, is_active, created_by)
             SELECT $1, id, deliverable_type, name, steps, 1, true, $2
             FROM activity_templates
             WHERE tenant_id IS NULL AND is_active AND deleted_on IS NULL",
            vec![tenant.into(), admin.into()],
        ),
        (
            "INSERT INTO recurring_task_templates
                 (tenant_id, source_template_id, name, description, assignee_type, agent_role,
                  human_role, periodicity, trigger, cron_expression, prompt_template, variables,
                  variable_values, is_active, created_by)
             SELECT $1, id, name, description, assignee_type, agent_role, human_role, periodicity,
                    trigger, cron_expression, prompt_template, variables, NULL,
                    -- A copy that needs values the admin has not given yet starts switched off.
                    NOT EXISTS (SELECT 1 FROM jsonb_array_elements(variables) AS v
                                WHERE v->>'required' = 'true'),
                    $2
             FROM recurring_task_templates
             WHERE tenant_id IS NULL AND is_active AND deleted_on IS NULL",
            vec![tenant.into(), admin.into()],
        ),
        (
            // Every agent on Claude with the global default Anthropic provider's model, if any.
            "INSERT INTO agent_configs (tenant_id, agent_role, adapter_type, model_id, created_by)
             SELECT $1, role, 'claude',
                    (SELECT default_model FROM llm_providers
                     WHERE tenant_id IS NULL AND provider_type = 'anthropic' AND is_global_default
                       AND is_active AND deleted_on IS NULL),
                    $2
             FROM unnest($3::text[]) AS role",
            vec![tenant.into(), admin.into(), roles.into()],
        ),
        (
            "WITH balance AS (
                 INSERT INTO credit_balances
                     (tenant_id, credits_monthly, credits_available, period_start, period_end,
                      next_reset_at, created_by)
                 VALUES ($1, $2, $2, date_trunc('month', now())::date,
                         (date_trunc('month', now()) + interval '1 month - 1 day')::date,
                         date_trunc('month', now()) + interval '1 month', $3)
                 RETURNING tenant_id, credits_available)
             INSERT INTO credit_ledger (tenant_id, type, credits, balance_after, actor, note, created_by)
             SELECT tenant_id, 'allocated', credits_available, credits_available, 'system',
                    'Monthly allocation of the plan at registration', $3
             FROM balance",
            vec![tenant.into(), credits.into(), admin.into()],
        ),
        (
            "INSERT INTO onboarding_runs (tenant_id, status, created_by) VALUES ($1, 'pending', $2)",
            vec![tenant.into(), admin.into()],
        ),
    ];
    for (sql, values) in statements {
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_url_safe_and_never_empty() {
        assert_eq!(slug_of("Acme Corp!"), "acme-corp");
        assert_eq!(slug_of("  --Ünïcode Café  "), "n-code-caf");
        assert_eq!(slug_of("!!!"), "tenant");
        assert!(slug_of(&"x".repeat(200)).len() <= 60);
    }
}
