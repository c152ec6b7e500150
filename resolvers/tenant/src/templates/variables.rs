//! Template variables: the definitions a recurring task template declares (`variables`, set by
//! the platform on global templates and copied with them) and the values a tenant fills in on
//! its copy (`variable_values`), checked against them: no unknown key, each value of its
//! declared type, and — while the copy is active — every required variable given.

use crate::templates::enums::TemplateVariableType;
use async_graphql::SimpleObject;
use graph_core::error::{ApiError, ApiResult};
use graph_core::validate;
use serde::{Deserialize, Serialize};

/// The field values are checked under, in errors.
const FIELD: &str = "variableValues";
/// Most characters of a `TEXT` value.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Most bytes of all values, as compact JSON.
pub const MAX_VALUES_BYTES: usize = 32 * 1024;

/// A variable of a recurring task template: a `{{key}}` placeholder of its prompt that each
/// tenant fills in on its copy.
#[derive(SimpleObject, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct TemplateVariable {
    /// The name its placeholder uses (`{{key}}`) and its value is given under.
    pub key: String,
    /// What to ask the tenant for, in words.
    pub label: String,
    /// The type its value must have.
    pub r#type: TemplateVariableType,
    /// Whether an active copy must have a value for it.
    #[serde(default)]
    pub required: bool,
}

/// The definitions of a stored `variables` array. Entries that are not a definition (written
/// outside the API) are skipped, so a value for them is refused as unknown.
pub fn variables_of(stored: &serde_json::Value) -> Vec<TemplateVariable> {
    stored
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|entry| serde_json::from_value(entry.clone()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// One value checked against its definition's type; the value to store (e-mail addresses
/// normalised, texts trimmed).
fn check_value(
    variable: &TemplateVariable,
    value: &serde_json::Value,
) -> ApiResult<serde_json::Value> {
    use serde_json::Value as V;
    let key = &variable.key;
    let wrong =
        |what: &str| ApiError::bad_input(FIELD, format!("the value of `{key}` must be {what}"));
    match (variable.r#type, value) {
        // Control characters are refused like every text of the API (a NUL cannot be stored
        // in `jsonb`: it would fail as an internal error).
        (TemplateVariableType::Text, V::String(text)) => {
            validate::required_text(FIELD, text, MAX_TEXT_CHARS)
                .map(V::String)
                .map_err(|_| {
                    wrong(&format!(
                        "a text of 1 to {MAX_TEXT_CHARS} characters without control characters"
                    ))
                })
        }
        (TemplateVariableType::Number, V::Number(_))
        | (TemplateVariableType::Boolean, V::Bool(_)) => Ok(value.clone()),
        (TemplateVariableType::Url, V::String(text)) => validate::website(FIELD, text)
            .map(V::String)
            .map_err(|_| wrong("a URL starting with http:// or https://")),
        (TemplateVariableType::Email, V::String(text)) => validate::email(FIELD, text)
            .map(V::String)
            .map_err(|_| wrong("an email address")),
        (TemplateVariableType::Text, _) => Err(wrong("a string")),
        (TemplateVariableType::Number, _) => Err(wrong("a number")),
        (TemplateVariableType::Boolean, _) => Err(wrong("true or false")),
        (TemplateVariableType::Url, _) => Err(wrong("a URL (a string)")),
        (TemplateVariableType::Email, _) => Err(wrong("an email address (a string)")),
    }
}

/// Checks `values` (a JSON object; a null value means "no value") against `variables`: every key
/// declared, every value of its type, at most [`MAX_VALUES_BYTES`]; when `active`, every
/// required variable given. Returns the object to store.
pub fn check_values(
    variables: &[TemplateVariable],
    values: &serde_json::Value,
    active: bool,
) -> ApiResult<serde_json::Value> {
    let object = values
        .as_object()
        .ok_or_else(|| ApiError::bad_input(FIELD, "`variableValues` must be a JSON object"))?;
    let mut checked = serde_json::Map::new();
    for (key, value) in object {
        let variable = variables
            .iter()
            .find(|variable| &variable.key == key)
            .ok_or_else(|| {
                let known: Vec<&str> = variables.iter().map(|v| v.key.as_str()).collect();
                ApiError::bad_input(
                    FIELD,
                    format!(
                        "`{}` is not a variable of this template (its variables: {})",
                        key.chars().take(100).collect::<String>(),
                        if known.is_empty() {
                            "none".to_owned()
                        } else {
                            known.join(", ")
                        }
                    ),
                )
            })?;
        if value.is_null() {
            continue;
        }
        checked.insert(key.clone(), check_value(variable, value)?);
    }
    if active {
        let missing: Vec<&str> = variables
            .iter()
            .filter(|variable| variable.required && !checked.contains_key(&variable.key))
            .map(|variable| variable.key.as_str())
            .collect();
        if !missing.is_empty() {
            return Err(ApiError::bad_input(
                FIELD,
                format!(
                    "an active template needs a value for every required variable; missing: {}",
                    missing.join(", ")
                ),
            ));
        }
    }
    let checked = serde_json::Value::Object(checked);
    let size = serde_json::to_string(&checked)
        .map_err(ApiError::internal)?
        .len();
    if size > MAX_VALUES_BYTES {
        return Err(ApiError::bad_input(
            FIELD,
            format!("`variableValues` must be at most {MAX_VALUES_BYTES} bytes of JSON"),
        ));
    }
    Ok(checked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn definitions() -> Vec<TemplateVariable> {
        variables_of(&json!([
            { "key": "business_name", "label": "Business name", "type": "text", "required": true },
            { "key": "posts", "label": "Posts a week", "type": "number", "required": false },
            { "key": "site", "label": "Website", "type": "url" },
            { "key": "contact", "label": "Contact", "type": "email" },
            { "key": "weekends", "label": "Weekends", "type": "boolean" },
            { "not": "a definition" }
        ]))
    }

    #[test]
    fn stored_definitions_are_read_and_malformed_ones_skipped() {
        let variables = definitions();
        assert_eq!(variables.len(), 5);
        assert!(variables[0].required);
        assert!(!variables[2].required);
    }

    #[test]
    fn values_of_the_declared_types_pass_and_are_normalised() {
        let values = json!({
            "business_name": "  Acme  ", "posts": 3, "site": "https://acme.test",
            "contact": "Hello@Acme.Test", "weekends": false, "posts_extra": null
        });
        // An unknown key is refused even with a null value.
        assert!(check_values(&definitions(), &values, true).is_err());
        let values = json!({
            "business_name": "  Acme  ", "posts": 3, "site": "https://acme.test",
            "contact": "Hello@Acme.Test", "weekends": false
        });
        let checked = check_values(&definitions(), &values, true).unwrap_or_default();
        assert_eq!(checked["business_name"], "Acme");
        assert_eq!(checked["contact"], "hello@acme.test");
    }

    #[test]
    fn unknown_keys_wrong_types_and_missing_required_values_are_refused() {
        let variables = definitions();
        for bad in [
            json!([]),
            json!({ "unknown": "x" }),
            json!({ "business_name": 3 }),
            json!({ "business_name": "" }),
            json!({ "business_name": "Acme", "posts": "3" }),
            json!({ "business_name": "Acme", "site": "ftp://acme.test" }),
            json!({ "business_name": "Acme", "contact": "not-an-address" }),
            json!({ "business_name": "Acme", "weekends": "yes" }),
            json!({ "posts": 3 }),
        ] {
            assert!(check_values(&variables, &bad, true).is_err(), "{bad}");
        }
        // An inactive copy may lack required values.
        assert!(check_values(&variables, &json!({ "posts": 3 }), false).is_ok());
    }
}
