//! What each step of the wizard collects, as stored in the session's JSON columns. The shapes
//! are the spec's (`registration_sessions`), camelCase; they are written only after the step's
//! input has been validated, so reading them back trusts them.

use serde::{Deserialize, Serialize};

/// Step 1, contact (`contact_data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactData {
    /// Country chosen at registration (becomes `tenants.country`).
    pub country: String,
    /// Mr. | Mrs. | Ms. | Dr. | Prof.
    pub title: Option<String>,
    /// Admin's first name.
    pub first_name: String,
    /// Admin's last name.
    pub last_name: String,
    /// Admin's email, lower-cased (the login identity).
    pub email: String,
    /// Admin's phone, E.164.
    pub phone: String,
    /// Argon2id PHC string of the password chosen in step 1 (never the password).
    pub password_hash: String,
    /// Set when the email already belongs to a user who has a password (`users_email_key`):
    /// the wizard answered as for any address (no enumeration) and told that user instead.
    /// Such a session must never complete into an account. Never returned by the API; absent
    /// from the JSON when false, so ordinary rows keep the spec's shape.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub email_in_use: bool,
}

/// Step 2, company (`company_data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyData {
    /// Legal company name (contract, invoices).
    pub legal_name: String,
    /// Brand / display name (`tenants.name`).
    pub brand_name: String,
    /// Indian PAN, upper-cased; optional.
    pub pan_number: Option<String>,
}

/// Step 3, location and tax (`location_data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocationData {
    /// State / province.
    pub state: String,
    /// Whether the company has a GST registration.
    pub has_gst: bool,
    /// GSTIN, upper-cased; present exactly when `has_gst`.
    pub gst_number: Option<String>,
}

/// Step 4, billing details (`billing_data`); the plan is `plan_selected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingData {
    /// Billing name (pre-filled from the brand name by the client).
    pub name: String,
    /// Street address.
    pub address: String,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// State.
    pub state: String,
    /// Country.
    pub country: String,
}
