//! The `Registration` type: a registration in progress as its owner may see it again — what was
//! entered at each step, never the password (nor its hash) and never the token.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::registration_sessions;
use graph_core::error::{ApiError, ApiResult};
use graph_core::registration::Plan;
use graph_core::registration::data::{BillingData, CompanyData, ContactData, LocationData};

/// How the future admin is addressed.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum PersonTitle {
    /// Mr.
    Mr,
    /// Mrs.
    Mrs,
    /// Ms.
    Ms,
    /// Dr.
    Dr,
    /// Prof.
    Prof,
}

impl PersonTitle {
    /// The stored form (`users.title`'s values).
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Mr => "Mr.",
            Self::Mrs => "Mrs.",
            Self::Ms => "Ms.",
            Self::Dr => "Dr.",
            Self::Prof => "Prof.",
        }
    }

    fn from_db(value: &str) -> Option<Self> {
        [Self::Mr, Self::Mrs, Self::Ms, Self::Dr, Self::Prof]
            .into_iter()
            .find(|title| title.as_db() == value)
    }
}

/// The plan a registration subscribes to.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RegistrationPlan {
    /// Entry plan.
    Starter,
    /// Mid-tier plan.
    Professional,
}

impl From<RegistrationPlan> for Plan {
    fn from(plan: RegistrationPlan) -> Self {
        match plan {
            RegistrationPlan::Starter => Self::Starter,
            RegistrationPlan::Professional => Self::Professional,
        }
    }
}

impl From<Plan> for RegistrationPlan {
    fn from(plan: Plan) -> Self {
        match plan {
            Plan::Starter => Self::Starter,
            Plan::Professional => Self::Professional,
        }
    }
}

/// Where a registration stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RegistrationStatus {
    /// Steps remain (`currentStep` below 4).
    InProgress,
    /// All four steps are done: the registration waits for its payment, which carries the
    /// registration's `id`; the account is created when the payment succeeds.
    AwaitingPayment,
}

/// Step 1 as entered (the password is never returned).
#[derive(SimpleObject, Clone, Debug)]
pub struct RegistrationContact {
    /// Country.
    pub country: String,
    /// How the admin is addressed; null when not given.
    pub title: Option<PersonTitle>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email (lowercased): the future admin's sign-in.
    pub email: String,
    /// Phone, E.164.
    pub phone: String,
}

/// Step 2 as entered.
#[derive(SimpleObject, Clone, Debug)]
pub struct RegistrationCompany {
    /// Legal company name (contract, invoices).
    pub legal_name: String,
    /// Brand or display name (the tenant's name).
    pub brand_name: String,
    /// PAN (upper-cased); null when not given.
    pub pan_number: Option<String>,
}

/// Step 3 as entered.
#[derive(SimpleObject, Clone, Debug)]
pub struct RegistrationLocation {
    /// State or province.
    pub state: String,
    /// Whether the company has a GST registration.
    pub has_gst: bool,
    /// GSTIN (upper-cased); set exactly when `hasGst`.
    pub gst_number: Option<String>,
}

/// Step 4's billing details as entered.
#[derive(SimpleObject, Clone, Debug)]
pub struct RegistrationBilling {
    /// Name on the invoice.
    pub name: String,
    /// Street address.
    pub address: String,
    /// City.
    pub city: String,
    /// Postal or PIN code.
    pub postal_code: String,
    /// State or province.
    pub state: String,
    /// Country.
    pub country: String,
}

/// A registration in progress: the step reached and what was entered, for resuming the wizard.
/// It lives 24 hours from its first step; completed (paid), it becomes a tenant and is gone.
#[derive(SimpleObject, Clone, Debug)]
pub struct Registration {
    /// Public id (ULID): the reference the payment carries.
    pub id: ID,
    /// The last step completed, 1–4.
    pub current_step: i32,
    /// Whether steps remain or the registration awaits payment.
    pub status: RegistrationStatus,
    /// When the registration expires if not paid (24 hours after its first step).
    pub expires_at: DateTime<Utc>,
    /// Step 1.
    pub contact: RegistrationContact,
    /// Step 2; null until done.
    pub company: Option<RegistrationCompany>,
    /// Step 3; null until done.
    pub location: Option<RegistrationLocation>,
    /// Step 4's plan; null until done.
    pub plan: Option<RegistrationPlan>,
    /// Step 4's billing details; null until done.
    pub billing: Option<RegistrationBilling>,
}

fn parse<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> ApiResult<T> {
    serde_json::from_value(value)
        .map_err(|error| ApiError::internal(format!("a registration step does not parse: {error}")))
}

impl TryFrom<registration_sessions::Model> for Registration {
    type Error = ApiError;

    fn try_from(row: registration_sessions::Model) -> ApiResult<Self> {
        let contact: ContactData = parse(row.contact_data)?;
        let company: Option<CompanyData> = row.company_data.map(parse).transpose()?;
        let location: Option<LocationData> = row.location_data.map(parse).transpose()?;
        let billing: Option<BillingData> = row.billing_data.map(parse).transpose()?;
        let current_step = i32::from(row.current_step);
        Ok(Self {
            id: ID(row.ref_id),
            current_step,
            status: if current_step >= 4 {
                RegistrationStatus::AwaitingPayment
            } else {
                RegistrationStatus::InProgress
            },
            expires_at: row.expires_at.to_utc(),
            contact: RegistrationContact {
                country: contact.country,
                title: contact.title.as_deref().and_then(PersonTitle::from_db),
                first_name: contact.first_name,
                last_name: contact.last_name,
                email: contact.email,
                phone: contact.phone,
            },
            company: company.map(|company| RegistrationCompany {
                legal_name: company.legal_name,
                brand_name: company.brand_name,
                pan_number: company.pan_number,
            }),
            location: location.map(|location| RegistrationLocation {
                state: location.state,
                has_gst: location.has_gst,
                gst_number: location.gst_number,
            }),
            plan: row
                .plan_selected
                .as_deref()
                .and_then(Plan::from_db)
                .map(RegistrationPlan::from),
            billing: billing.map(|billing| RegistrationBilling {
                name: billing.name,
                address: billing.address,
                city: billing.city,
                postal_code: billing.postal_code,
                state: billing.state,
                country: billing.country,
            }),
        })
    }
}
