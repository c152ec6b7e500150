//! What each step of the wizard takes, and its validation: pure functions, run before anything
//! is looked up or written, each refusal a `BAD_USER_INPUT` naming its field. The lengths are
//! the columns the values end up in when the registration completes (`users`, `tenants`).

use crate::registration::registration_type::{PersonTitle, RegistrationPlan};
use async_graphql::InputObject;
use graph_core::auth::password::check_password_rules;
use graph_core::error::{ApiError, ApiResult};
use graph_core::registration::data::{BillingData, CompanyData, LocationData};
use graph_core::validate::{self, Text};

const COUNTRY: Text = Text::new("country", 100);
const FIRST_NAME: Text = Text::new("firstName", 255);
const LAST_NAME: Text = Text::new("lastName", 255);
const LEGAL_NAME: Text = Text::new("legalName", 500);
const BRAND_NAME: Text = Text::new("brandName", 255);
const STATE: Text = Text::new("state", 100);
const BILLING_NAME: Text = Text::new("name", 255);
const ADDRESS: Text = Text::new("address", 1000);
const CITY: Text = Text::new("city", 100);
const POSTAL_CODE: Text = Text::new("postalCode", 20);

/// Step 1: who will be the tenant's admin, and their password.
#[derive(InputObject)]
pub struct RegisterContactInput {
    /// Country, 1–100 characters (becomes the tenant's country).
    pub country: String,
    /// How the admin is addressed; optional.
    pub title: Option<PersonTitle>,
    /// First name, 1–255 characters.
    pub first_name: String,
    /// Last name, 1–255 characters.
    pub last_name: String,
    /// Email address: the admin's sign-in (case does not matter).
    pub email: String,
    /// Phone number in E.164 format (`+919876543210`).
    pub phone: String,
    /// The admin's password: 12–128 characters, not only whitespace. Stored only as a hash.
    #[graphql(secret)]
    pub password: String,
}

/// Step 2: the company.
#[derive(InputObject, Debug)]
pub struct RegisterCompanyInput {
    /// Legal company name, 1–500 characters (contract, invoices).
    pub legal_name: String,
    /// Brand or display name, 1–255 characters (the tenant's name).
    pub brand_name: String,
    /// Indian PAN (`ABCPE1234F`, case does not matter); optional, blank means none.
    pub pan_number: Option<String>,
}

/// Step 3: where the company is, and its GST registration.
#[derive(InputObject, Debug)]
pub struct RegisterLocationInput {
    /// State or province, 1–100 characters.
    pub state: String,
    /// Whether the company has a GST registration.
    pub has_gst: bool,
    /// GSTIN (15 characters with a valid check character): required when `hasGst`, refused
    /// when not.
    pub gst_number: Option<String>,
}

/// Step 4's billing details: what the invoice says.
#[derive(InputObject, Debug)]
pub struct RegistrationBillingInput {
    /// Name on the invoice, 1–255 characters (clients pre-fill the brand name).
    pub name: String,
    /// Street address, 1–1000 characters (may span lines).
    pub address: String,
    /// City, 1–100 characters.
    pub city: String,
    /// Postal or PIN code, 1–20 characters.
    pub postal_code: String,
    /// State or province, 1–100 characters.
    pub state: String,
    /// Country, 1–100 characters.
    pub country: String,
}

/// Step 4: the plan and the billing details.
#[derive(InputObject, Debug)]
pub struct RegisterPlanInput {
    /// The plan subscribed to.
    pub plan: RegistrationPlan,
    /// The billing details.
    pub billing: RegistrationBillingInput,
}

/// Step 1 validated; the password still to hash (it is hashed only once everything else is
/// known to be valid).
pub(crate) struct ValidContact {
    pub country: String,
    pub title: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
}

impl RegisterContactInput {
    /// The contact, validated field by field in the input's order.
    pub(crate) fn validate(self) -> ApiResult<ValidContact> {
        let country = COUNTRY.required(&self.country)?;
        let first_name = FIRST_NAME.required(&self.first_name)?;
        let last_name = LAST_NAME.required(&self.last_name)?;
        let email = validate::email("email", &self.email)?;
        let phone = validate::phone("phone", Some(&self.phone))?
            .ok_or_else(|| ApiError::bad_input("phone", "`phone` must not be blank"))?;
        check_password_rules(&self.password)
            .map_err(|message| ApiError::bad_input("password", message))?;
        Ok(ValidContact {
            country,
            title: self.title.map(|title| title.as_db().to_owned()),
            first_name,
            last_name,
            email,
            phone,
            password: self.password,
        })
    }
}

impl RegisterCompanyInput {
    /// The company, validated.
    pub(crate) fn validate(&self) -> ApiResult<CompanyData> {
        let legal_name = LEGAL_NAME.required(&self.legal_name)?;
        let brand_name = BRAND_NAME.required(&self.brand_name)?;
        let pan_number = match self.pan_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(pan) => Some(validate::pan("panNumber", pan)?),
        };
        Ok(CompanyData {
            legal_name,
            brand_name,
            pan_number,
        })
    }
}

impl RegisterLocationInput {
    /// The location, validated: a GSTIN exactly when `hasGst`.
    pub(crate) fn validate(&self) -> ApiResult<LocationData> {
        let state = STATE.required(&self.state)?;
        let given = self
            .gst_number
            .as_deref()
            .map(str::trim)
            .filter(|gst| !gst.is_empty());
        let gst_number = match (self.has_gst, given) {
            (true, Some(gst)) => Some(validate::gstin("gstNumber", gst)?),
            (true, None) => {
                return Err(ApiError::bad_input(
                    "gstNumber",
                    "`gstNumber` is required when `hasGst` is true",
                ));
            }
            (false, Some(_)) => {
                return Err(ApiError::bad_input(
                    "gstNumber",
                    "`gstNumber` must be omitted when `hasGst` is false",
                ));
            }
            (false, None) => None,
        };
        Ok(LocationData {
            state,
            has_gst: self.has_gst,
            gst_number,
        })
    }
}

impl RegistrationBillingInput {
    /// The billing details, validated.
    pub(crate) fn validate(&self) -> ApiResult<BillingData> {
        Ok(BillingData {
            name: BILLING_NAME.required(&self.name)?,
            address: ADDRESS.required(&self.address)?,
            city: CITY.required(&self.city)?,
            postal_code: POSTAL_CODE.required(&self.postal_code)?,
            state: STATE.required(&self.state)?,
            country: COUNTRY.required(&self.country)?,
        })
    }
}
