//! The `Tenant` type: the customer organisation the caller works in.

use crate::identity::enums::{DataPrivacyLevel, DeploymentMode, TenantPlan, TenantStatus};
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::tenants;

/// A customer organisation. Every record of the API belongs to exactly one tenant; a caller only
/// ever sees its own. Federated entity: other subgraphs add fields to it (for example
/// `creditBalance`).
#[derive(SimpleObject, Clone, Debug)]
pub struct Tenant {
    /// Public id (ULID).
    pub id: ID,
    /// URL-safe short name, unique across the platform (`acme-corp`).
    pub slug: String,
    /// Brand / display name, shown throughout the platform.
    pub name: String,
    /// Legal company name, printed on invoices and the contract.
    pub legal_name: Option<String>,
    /// Industry the tenant works in, as entered by the tenant.
    pub industry: Option<String>,
    /// Public website (`http://` or `https://` URL).
    pub website: Option<String>,
    /// Country of the organisation.
    pub country: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Indian PAN (`AAAAA9999A`), used for GST invoicing; null when not given.
    pub pan_number: Option<String>,
    /// Whether the tenant has a GST registration (then `gstNumber` is set).
    pub has_gst: bool,
    /// GSTIN (15 characters), set exactly when `hasGst` is true.
    pub gst_number: Option<String>,
    /// Subscription plan (changed by billing, not through this API).
    pub plan: TenantPlan,
    /// Account state: suspended accounts are read-only.
    pub status: TenantStatus,
    /// Where language models may process the tenant's data.
    pub data_privacy_level: DataPrivacyLevel,
    /// Marketing platforms the tenant uses (`google`, `meta`, `linkedin`, `email`, …).
    pub active_platforms: Vec<String>,
    /// Address printed on invoices; null until one is set with `updateBillingAddress`.
    pub billing_address: Option<BillingAddress>,
    /// Hosted (SaaS) or on the customer's infrastructure.
    pub deployment_mode: DeploymentMode,
    /// When the current contract was accepted; null while it has not been (then only `me`,
    /// `contract` and `acceptContract` are available).
    pub contract_accepted_on: Option<DateTime<Utc>>,
    /// When the tenant was created.
    pub created_on: DateTime<Utc>,
    /// When the tenant's details last changed.
    pub updated_on: Option<DateTime<Utc>>,
}

/// The address printed on the tenant's invoices.
#[derive(SimpleObject, Clone, Debug, Default, PartialEq, Eq)]
pub struct BillingAddress {
    /// Name on the invoice (person or company).
    pub name: Option<String>,
    /// Street address, possibly several lines.
    pub address: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Postal or PIN code.
    pub postal_code: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Country.
    pub country: Option<String>,
}

impl From<tenants::Model> for Tenant {
    fn from(row: tenants::Model) -> Self {
        let billing = BillingAddress {
            name: row.billing_name,
            address: row.billing_address,
            city: row.billing_city,
            postal_code: row.billing_postal_code,
            state: row.billing_state,
            country: row.billing_country,
        };
        Self {
            id: ID(row.ref_id),
            slug: row.slug,
            name: row.name,
            legal_name: row.legal_name,
            industry: row.industry,
            website: row.website,
            country: row.country,
            state: row.state,
            pan_number: row.pan_number,
            has_gst: row.has_gst,
            gst_number: row.gst_number,
            plan: row.plan.into(),
            status: row.status.into(),
            data_privacy_level: row.data_privacy_level.into(),
            active_platforms: row.active_platforms,
            billing_address: (billing != BillingAddress::default()).then_some(billing),
            deployment_mode: row.deployment_mode.into(),
            contract_accepted_on: row.contract_accepted_on.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
        }
    }
}
