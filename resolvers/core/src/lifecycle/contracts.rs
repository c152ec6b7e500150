//! Making a tenant's contract: the newest template filled in with the tenant's details, its PDF,
//! the document (`contract_pdfs`) and the `contracts` row that points at it.
//!
//! Runs inside the platform transaction of whoever creates the contract (registration
//! completion, an operator's supersession), so the row commits with the rest of that work. The
//! document is written first: if the transaction then fails, an unreferenced document is left
//! (harmless, never read: reads go through the row's `document_ref`); a row never points at a
//! document that does not exist.

use super::contract_pdf::contract_pdf;
use super::contract_template::{ContractDetails, ContractTemplate};
use crate::db::TenantId;
use crate::documents::{ContractDocument, DocumentStore};
use crate::error::ApiResult;
use crate::ids::new_ref_id;
use entities::sea_orm_active_enums::{ContractStatus, TenantPlan};
use entities::{contracts, tenants};
use mongodb::bson::oid::ObjectId;
use mongodb::bson::spec::BinarySubtype;
use mongodb::bson::{Binary, DateTime};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

/// The plan's name as a contract shows it.
fn plan_name(plan: &TenantPlan) -> &'static str {
    match plan {
        TenantPlan::Starter => "Starter",
        TenantPlan::Professional => "Professional",
        TenantPlan::Enterprise => "Enterprise",
    }
}

/// What the contract says about `tenant`.
pub fn details_of(tenant: &tenants::Model, today: chrono::NaiveDate) -> ContractDetails {
    let address: Vec<&str> = [
        tenant.billing_address.as_deref(),
        tenant.billing_city.as_deref(),
        tenant.billing_postal_code.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|part| !part.is_empty())
    .collect();
    ContractDetails {
        account_id: tenant.ref_id.clone(),
        legal_name: tenant.legal_name.clone(),
        brand_name: tenant.name.clone(),
        billing_address: (!address.is_empty()).then(|| address.join(", ")),
        state: tenant.state.clone(),
        country: tenant.country.clone(),
        pan_number: tenant.pan_number.clone(),
        gst_number: tenant.gst_number.clone().filter(|_| tenant.has_gst),
        plan: plan_name(&tenant.plan).to_owned(),
        date: today.format("%-d %B %Y").to_string(),
    }
}

/// The document of `tenant`'s contract `contract_ref_id` made from `template`: the rendered
/// text and its PDF (its `tenantId` is stamped by whoever writes it).
pub fn contract_document(
    tenant: &tenants::Model,
    template: ContractTemplate,
    contract_ref_id: &str,
    today: chrono::NaiveDate,
) -> ApiResult<ContractDocument> {
    let text = template.render(&details_of(tenant, today))?;
    let title = format!(
        "Master Services Agreement {} — {}",
        template.version, tenant.name
    );
    let pdf = contract_pdf(&title, &text);
    Ok(ContractDocument {
        id: ObjectId::new(),
        tenant_id: String::new(),
        contract_id: contract_ref_id.to_owned(),
        template_version: template.version.to_owned(),
        rendered_text: text,
        pdf: Some(Binary {
            subtype: BinarySubtype::Generic,
            bytes: pdf,
        }),
        s3_key: None,
        created_at: DateTime::now(),
    })
}

/// Generates `tenant`'s contract from `template` and inserts it as pending acceptance, on `conn`
/// (the caller's platform transaction). The tenant must have no current contract (the partial
/// unique index `contracts_tenant_current_key` refuses a second one).
pub(crate) async fn generate_contract(
    conn: &impl ConnectionTrait,
    documents: &DocumentStore,
    tenant: &tenants::Model,
    template: ContractTemplate,
    actor: Option<Uuid>,
) -> ApiResult<contracts::Model> {
    let now = crate::changes::now();
    let contract_ref_id = new_ref_id()?;
    let document = contract_document(tenant, template, &contract_ref_id, now.date_naive())?;
    let document_ref = documents
        .insert(TenantId::new(tenant.id), document)
        .await?
        .to_hex();
    let row = contracts::ActiveModel {
        id: Set(Uuid::new_v4()),
        ref_id: Set(contract_ref_id),
        tenant_id: Set(tenant.id),
        template_version: Set(template.version.to_owned()),
        generated_on: Set(Some(now)),
        status: Set(ContractStatus::PendingAcceptance),
        document_ref: Set(Some(document_ref)),
        created_by: Set(actor),
        ..Default::default()
    };
    Ok(row.insert(conn).await?)
}
