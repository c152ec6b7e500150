//! `ProfileMutation`: `updateTenantProfile`, `updateBillingAddress`, `updateTaxDetails` — the
//! tenant's own details.

use crate::identity::tenant_type::Tenant;
use crate::identity::validate;
use async_graphql::{Context, InputObject, MaybeUndefined, Object, Result};
use entities::tenants;
use graph_core::access::{self, ADMINS};
use graph_core::changes::optional_change;
use graph_core::error::ApiResult;
use graph_core::validate::{Text, website};
use sea_orm::ActiveValue::{NotSet, Set};

/// Changes to the tenant's profile. Omitted fields keep their value; for the optional fields,
/// `null` or a blank string clears the value.
#[derive(InputObject, Debug, Default)]
pub struct TenantProfileInput {
    /// Brand / display name, 1–255 characters. Cannot be cleared.
    pub name: Option<String>,
    /// Legal company name (on invoices and the contract), up to 500 characters.
    pub legal_name: MaybeUndefined<String>,
    /// Industry, up to 100 characters.
    pub industry: MaybeUndefined<String>,
    /// Website: an `http://` or `https://` URL, up to 500 characters.
    pub website: MaybeUndefined<String>,
    /// Country, up to 100 characters.
    pub country: MaybeUndefined<String>,
    /// State or province, up to 100 characters.
    pub state: MaybeUndefined<String>,
}

/// The address printed on invoices; replaces the whole current address.
#[derive(InputObject, Debug)]
pub struct BillingAddressInput {
    /// Name on the invoice, 1–255 characters.
    pub name: String,
    /// Street address, 1–1000 characters (may span lines).
    pub address: String,
    /// City, 1–100 characters.
    pub city: String,
    /// Postal or PIN code, 1–20 characters.
    pub postal_code: String,
    /// State or province, up to 100 characters; omit, null or blank for none.
    pub state: Option<String>,
    /// Country, 1–100 characters.
    pub country: String,
}

/// The tenant's Indian tax identifiers; replaces the current ones.
#[derive(InputObject, Debug)]
pub struct TaxDetailsInput {
    /// PAN (`AAAAA9999A`, case does not matter); null or blank clears it.
    pub pan_number: Option<String>,
    /// Whether the tenant has a GST registration.
    pub has_gst: bool,
    /// GSTIN (15 characters, case does not matter): required when `hasGst` is true, ignored and
    /// cleared when false; must contain `panNumber` when both are given.
    pub gst_number: Option<String>,
}

/// The tenant's display name (`tenants.name`, `varchar(255)`).
const TENANT_NAME: Text = Text::new("name", 255);
/// The tenant's legal name (`tenants.legal_name`, `varchar(500)`).
const TENANT_LEGAL_NAME: Text = Text::new("legalName", 500);
/// The tenant's industry (`tenants.industry`, `varchar(100)`).
const TENANT_INDUSTRY: Text = Text::new("industry", 100);
/// The tenant's country (`tenants.country`, `varchar(100)`).
const TENANT_COUNTRY: Text = Text::new("country", 100);
/// The tenant's state or province (`tenants.state`, `varchar(100)`).
const TENANT_STATE: Text = Text::new("state", 100);
/// The name on invoices (`tenants.billing_name`, `varchar(255)`).
const BILLING_NAME: Text = Text::new("name", 255);
/// The street address on invoices (`tenants.billing_address`).
const BILLING_ADDRESS: Text = Text::new("address", 1000);
/// The city on invoices (`tenants.billing_city`, `varchar(100)`).
const BILLING_CITY: Text = Text::new("city", 100);
/// The postal or PIN code on invoices (`tenants.billing_postal_code`, `varchar(20)`).
const BILLING_POSTAL_CODE: Text = Text::new("postalCode", 20);
/// The state or province on invoices (`tenants.billing_state`, `varchar(100)`).
const BILLING_STATE: Text = Text::new("state", 100);
/// The country on invoices (`tenants.billing_country`, `varchar(100)`).
const BILLING_COUNTRY: Text = Text::new("country", 100);

/// Validates a profile change into the columns to set (besides the audit columns).
pub(crate) fn profile_changes(input: &TenantProfileInput) -> ApiResult<tenants::ActiveModel> {
    let name = match &input.name {
        None => NotSet,
        Some(name) => Set(TENANT_NAME.required(name)?),
    };
    let text = |rule: Text| move |value: &String| rule.optional(Some(value));
    Ok(tenants::ActiveModel {
        name,
        legal_name: optional_change(&input.legal_name, text(TENANT_LEGAL_NAME))?,
        industry: optional_change(&input.industry, text(TENANT_INDUSTRY))?,
        website: optional_change(&input.website, |value: &String| {
            if value.trim().is_empty() {
                Ok(None)
            } else {
                website("website", value).map(Some)
            }
        })?,
        country: optional_change(&input.country, text(TENANT_COUNTRY))?,
        state: optional_change(&input.state, text(TENANT_STATE))?,
        ..Default::default()
    })
}

/// Validates a billing address into the columns to set.
pub(crate) fn billing_changes(input: &BillingAddressInput) -> ApiResult<tenants::ActiveModel> {
    Ok(tenants::ActiveModel {
        billing_name: Set(Some(BILLING_NAME.required(&input.name)?)),
        billing_address: Set(Some(BILLING_ADDRESS.required(&input.address)?)),
        billing_city: Set(Some(BILLING_CITY.required(&input.city)?)),
        billing_postal_code: Set(Some(BILLING_POSTAL_CODE.required(&input.postal_code)?)),
        billing_state: Set(BILLING_STATE.optional(input.state.as_deref())?),
        billing_country: Set(Some(BILLING_COUNTRY.required(&input.country)?)),
        ..Default::default()
    })
}

/// Validates tax details into the columns to set.
pub(crate) fn tax_changes(input: &TaxDetailsInput) -> ApiResult<tenants::ActiveModel> {
    let details = validate::tax_details(
        input.pan_number.as_deref(),
        input.has_gst,
        input.gst_number.as_deref(),
    )?;
    Ok(tenants::ActiveModel {
        pan_number: Set(details.pan_number),
        has_gst: Set(details.has_gst),
        gst_number: Set(details.gst_number),
        ..Default::default()
    })
}

/// Gate (admins, writable tenant), then validate, then apply `changes` to the tenant row.
async fn update_tenant(
    ctx: &Context<'_>,
    changes: impl FnOnce() -> ApiResult<tenants::ActiveModel>,
) -> ApiResult<Tenant> {
    let session = access::write(ctx, ADMINS)?;
    let changes = changes()?;
    let tx = access::begin(ctx, session).await?;
    let tenant = tx.update_own_tenant(changes).await?;
    tx.commit().await?;
    Ok(Tenant::from(tenant))
}

/// The tenant profile part of the identity `Mutation`.
#[derive(Default)]
pub struct ProfileMutation;

/// Changes to the tenant's own details.
#[Object]
impl ProfileMutation {
    /// Changes the tenant's profile (admins only). Omitted fields are left unchanged.
    #[tracing::instrument(skip_all)]
    async fn update_tenant_profile(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The fields to change; omitted fields keep their value.")]
        input: TenantProfileInput,
    ) -> Result<Tenant> {
        Ok(update_tenant(ctx, || profile_changes(&input)).await?)
    }

    /// Replaces the tenant's billing address, printed on invoices (admins only).
    #[tracing::instrument(skip_all)]
    async fn update_billing_address(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new billing address (replaces the current one).")]
        input: BillingAddressInput,
    ) -> Result<Tenant> {
        Ok(update_tenant(ctx, || billing_changes(&input)).await?)
    }

    /// Replaces the tenant's PAN and GST registration (admins only).
    #[tracing::instrument(skip_all)]
    async fn update_tax_details(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new PAN and GST registration (replace the current ones).")]
        input: TaxDetailsInput,
    ) -> Result<Tenant> {
        Ok(update_tenant(ctx, || tax_changes(&input)).await?)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use graph_core::error::ApiError;

    fn field_of(error: ApiError) -> Option<String> {
        match error {
            ApiError::BadUserInput { field, .. } => field,
            _ => None,
        }
    }

    #[test]
    fn omitted_profile_fields_are_left_alone_and_null_clears() {
        let input = TenantProfileInput {
            name: Some("  Acme ".to_owned()),
            legal_name: MaybeUndefined::Null,
            website: MaybeUndefined::Value(" ".to_owned()),
            ..Default::default()
        };
        let changes = profile_changes(&input).unwrap();
        assert_eq!(changes.name, Set("Acme".to_owned()));
        assert_eq!(changes.legal_name, Set(None));
        assert_eq!(changes.website, Set(None));
        assert_eq!(changes.industry, NotSet);
        assert_eq!(changes.updated_on, NotSet);
    }

    #[test]
    fn invalid_profile_fields_are_named() {
        let blank_name = TenantProfileInput {
            name: Some(" ".to_owned()),
            ..Default::default()
        };
        assert_eq!(
            field_of(profile_changes(&blank_name).unwrap_err()).as_deref(),
            Some("name")
        );
        let bad_site = TenantProfileInput {
            website: MaybeUndefined::Value("acme.example".to_owned()),
            ..Default::default()
        };
        assert_eq!(
            field_of(profile_changes(&bad_site).unwrap_err()).as_deref(),
            Some("website")
        );
        let long_state = TenantProfileInput {
            state: MaybeUndefined::Value("x".repeat(101)),
            ..Default::default()
        };
        assert_eq!(
            field_of(profile_changes(&long_state).unwrap_err()).as_deref(),
            Some("state")
        );
    }

    #[test]
    fn billing_addresses_need_every_part_but_the_state() {
        let mut input = BillingAddressInput {
            name: "Acme".to_owned(),
            address: "1 Main St".to_owned(),
            city: "Kochi".to_owned(),
            postal_code: "682001".to_owned(),
            state: None,
            country: "India".to_owned(),
        };
        assert_eq!(billing_changes(&input).unwrap().billing_state, Set(None));
        input.postal_code = "x".repeat(21);
        assert_eq!(
            field_of(billing_changes(&input).unwrap_err()).as_deref(),
            Some("postalCode")
        );
        input.postal_code = "682001".to_owned();
        input.city = "  ".to_owned();
        assert_eq!(
            field_of(billing_changes(&input).unwrap_err()).as_deref(),
            Some("city")
        );
    }
}
