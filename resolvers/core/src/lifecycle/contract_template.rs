//! The master contract's versioned templates and their rendering with a tenant's details.
//!
//! Templates are Markdown files under `resolvers/core/contracts/`, compiled into the binary, each
//! with a `version:` front matter: a new version is a new file added at the end of
//! [`TEMPLATES`], shipped with a release, never an edit of an old one (an accepted contract must
//! be reproducible from its version). The newest is what new contracts are made from; an
//! operator moves tenants off an older one with `supersedeContractVersion`.

use crate::error::{ApiError, ApiResult};

/// Every template, oldest first: (file text). The version is read from the front matter.
const TEMPLATES: &[&str] = &[
    include_str!("../../contracts/master-contract-v1.0.md"),
    include_str!("../../contracts/master-contract-v1.1.md"),
];

/// One version of the master contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractTemplate {
    /// `v1.1`.
    pub version: &'static str,
    /// The Markdown body with `{{placeholder}}`s.
    pub body: &'static str,
}

/// The values a contract is filled in with. Every field is plain text; absent ones are written
/// as "Not provided" so a contract never shows an empty gap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractDetails {
    /// The tenant's public id (the account number on the contract).
    pub account_id: String,
    /// Legal company name.
    pub legal_name: Option<String>,
    /// Brand name.
    pub brand_name: String,
    /// Billing address on one line.
    pub billing_address: Option<String>,
    /// State / province.
    pub state: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// PAN.
    pub pan_number: Option<String>,
    /// GSTIN.
    pub gst_number: Option<String>,
    /// The plan's display name (`Professional`).
    pub plan: String,
    /// The date the contract is made, `1 December 2026`.
    pub date: String,
}

/// Splits a template file into its version and body; None when the front matter is missing.
fn parse(file: &'static str) -> Option<ContractTemplate> {
    let rest = file.strip_prefix("---\n")?;
    let (front, body) = rest.split_once("\n---\n")?;
    let version = front
        .lines()
        .find_map(|line| line.strip_prefix("version:"))?
        .trim();
    Some(ContractTemplate {
        version,
        body: body.trim_start_matches('\n'),
    })
}

/// Every template, oldest first.
pub fn all() -> Vec<ContractTemplate> {
    TEMPLATES.iter().filter_map(|file| parse(file)).collect()
}

/// The template new contracts are made from.
pub fn newest() -> ApiResult<ContractTemplate> {
    all()
        .pop()
        .ok_or_else(|| ApiError::internal("no contract template is compiled in"))
}

/// The template of `version`, if there is one.
pub fn find(version: &str) -> Option<ContractTemplate> {
    all()
        .into_iter()
        .find(|template| template.version == version)
}

/// One line of plain text: control characters (a newline would let a value start a Markdown
/// block of its own) become spaces, and `{{` cannot open a placeholder.
fn plain(value: &str) -> String {
    value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace("{{", "{ {")
        .trim()
        .to_owned()
}

fn or_not_provided(value: Option<&str>) -> String {
    match value.map(plain) {
        Some(value) if !value.is_empty() => value,
        _ => "Not provided".to_owned(),
    }
}

impl ContractTemplate {
    /// The contract text: every placeholder replaced with its value. An unknown placeholder is
    /// an error (a template that names a value nobody fills in must not reach a tenant; a unit
    /// test renders every template).
    pub fn render(&self, details: &ContractDetails) -> ApiResult<String> {
        let mut out = String::with_capacity(self.body.len() + 512);
        let mut rest = self.body;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after.find("}}").ok_or_else(|| {
                ApiError::internal(format!("contract {}: unclosed placeholder", self.version))
            })?;
            let name = after[..end].trim();
            let value = match name {
                "accountId" => plain(&details.account_id),
                "legalName" => {
                    or_not_provided(details.legal_name.as_deref().or(Some(&details.brand_name)))
                }
                "brandName" => plain(&details.brand_name),
                "billingAddress" => or_not_provided(details.billing_address.as_deref()),
                "state" => or_not_provided(details.state.as_deref()),
                "country" => or_not_provided(details.country.as_deref()),
                "panNumber" => or_not_provided(details.pan_number.as_deref()),
                "gstNumber" => details
                    .gst_number
                    .as_deref()
                    .map(plain)
                    .filter(|gst| !gst.is_empty())
                    .unwrap_or_else(|| "Not registered for GST".to_owned()),
                "plan" => plain(&details.plan),
                "date" => plain(&details.date),
                other => {
                    return Err(ApiError::internal(format!(
                        "contract {}: unknown placeholder `{other}`",
                        self.version
                    )));
                }
            };
            out.push_str(&value);
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn details() -> ContractDetails {
        ContractDetails {
            account_id: "01JABCDEFGHJKMNPQRSTVWXYZ0".to_owned(),
            legal_name: Some("Acme Private Limited".to_owned()),
            brand_name: "Acme".to_owned(),
            billing_address: Some("1 MG Road, Bengaluru 560001".to_owned()),
            state: Some("Karnataka".to_owned()),
            country: Some("India".to_owned()),
            pan_number: None,
            gst_number: Some("29AAGCB7383J1Z4".to_owned()),
            plan: "Professional".to_owned(),
            date: "1 December 2026".to_owned(),
        }
    }

    #[test]
    fn every_template_has_a_unique_version_and_renders_without_leftover_placeholders() {
        let templates = all();
        assert_eq!(
            templates.len(),
            TEMPLATES.len(),
            "a template lacks front matter"
        );
        let mut versions: Vec<_> = templates.iter().map(|t| t.version).collect();
        versions.dedup();
        assert_eq!(versions.len(), templates.len());
        for template in templates {
            let text = template.render(&details()).expect("renders");
            assert!(!text.contains("{{"), "{}", template.version);
            assert!(text.contains("Acme Private Limited"));
            assert!(text.contains("29AAGCB7383J1Z4"));
            assert!(text.contains("PAN: Not provided"));
        }
        assert_eq!(newest().expect("newest").version, "v1.1");
        assert!(find("v1.0").is_some());
        assert!(find("v9").is_none());
    }

    #[test]
    fn values_cannot_break_out_of_their_line_or_open_a_placeholder() {
        let mut details = details();
        details.brand_name = "Evil\n# Heading {{plan}}".to_owned();
        let text = newest().expect("newest").render(&details).expect("renders");
        assert!(!text.contains("\n# Heading"));
        assert!(text.contains("Evil # Heading { {plan}}"));
    }

    #[test]
    fn an_unknown_placeholder_is_refused() {
        let template = ContractTemplate {
            version: "test",
            body: "Hello {{nobody}}",
        };
        assert!(template.render(&details()).is_err());
    }
}
