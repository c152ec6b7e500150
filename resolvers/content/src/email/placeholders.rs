//! The placeholders of email templates: `{{ key }}` in the subject and bodies, checked against
//! the template's declared variables, and rendered for previews. Pure, so every rule is
//! unit-tested.
//!
//! Syntax: `{{`, optional spaces, a key (`^[a-zA-Z][a-zA-Z0-9_]*$`), optional spaces, `}}`.
//! Single braces are plain text (CSS in HTML bodies); a `{{` without its `}}`, a `}}` without
//! its `{{`, and anything but a key between them are malformed.

use graph_core::error::{ApiError, ApiResult};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Most variables a template may declare.
pub const MAX_VARIABLES: usize = 50;
/// The longest variable key.
pub const MAX_KEY_CHARS: usize = 64;
/// The longest variable description.
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// A declared variable, as stored in `email_templates.variables`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variable {
    /// The key used in `{{ key }}`.
    pub key: String,
    /// What it holds (also the preview's sample value when none is given).
    #[serde(default)]
    pub description: Option<String>,
    /// Whether every send must give it (and the template must use it).
    #[serde(default)]
    pub required: bool,
}

/// One piece of a template text: literal text, or a placeholder's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as is.
    Text(&'a str),
    /// `{{ key }}`.
    Key(&'a str),
}

/// Whether `key` is a valid variable key.
pub fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(first) if first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key.len() <= MAX_KEY_CHARS
}

/// Splits `text` (input field `field`) into pieces; `BAD_USER_INPUT` on `field` for malformed
/// braces.
pub fn parse<'a>(field: &str, text: &'a str) -> ApiResult<Vec<Piece<'a>>> {
    let mut pieces = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find("{{");
        let close = rest.find("}}");
        match (open, close) {
            (None, None) => {
                if !rest.is_empty() {
                    pieces.push(Piece::Text(rest));
                }
                return Ok(pieces);
            }
            (Some(open), close) if close.is_none_or(|close| close > open) => {
                if open > 0 {
                    pieces.push(Piece::Text(&rest[..open]));
                }
                let after = &rest[open + 2..];
                let Some(end) = after.find("}}") else {
                    return Err(ApiError::bad_input(
                        field,
                        format!("`{field}` has a `{{{{` without its `}}}}`"),
                    ));
                };
                let key = after[..end].trim();
                if !is_key(key) {
                    return Err(ApiError::bad_input(
                        field,
                        format!(
                            "`{field}` has a malformed placeholder `{{{{{}}}}}`: write `{{{{ key }}}}` with a key of letters, digits and `_`",
                            &after[..end]
                        ),
                    ));
                }
                pieces.push(Piece::Key(key));
                rest = &after[end + 2..];
            }
            _ => {
                return Err(ApiError::bad_input(
                    field,
                    format!("`{field}` has a `}}}}` without its `{{{{`"),
                ));
            }
        }
    }
}

/// Checks declared variables: at most [`MAX_VARIABLES`], valid unique keys, bounded
/// descriptions (`BAD_USER_INPUT` on `variables`). Returns them with descriptions trimmed.
pub fn check_variables(variables: &[Variable]) -> ApiResult<Vec<Variable>> {
    if variables.len() > MAX_VARIABLES {
        return Err(ApiError::bad_input(
            "variables",
            format!("at most {MAX_VARIABLES} variables"),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut checked = Vec::with_capacity(variables.len());
    for variable in variables {
        let key = variable.key.trim();
        if !is_key(key) {
            return Err(ApiError::bad_input(
                "variables",
                format!(
                    "variable key `{key}` must start with a letter and hold only letters, digits and `_` (at most {MAX_KEY_CHARS})"
                ),
            ));
        }
        if !seen.insert(key.to_owned()) {
            return Err(ApiError::bad_input(
                "variables",
                format!("variable `{key}` is declared twice"),
            ));
        }
        let description = variable
            .description
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        if description.is_some_and(|text| text.chars().count() > MAX_DESCRIPTION_CHARS) {
            return Err(ApiError::bad_input(
                "variables",
                format!(
                    "the description of `{key}` must be at most {MAX_DESCRIPTION_CHARS} characters"
                ),
            ));
        }
        checked.push(Variable {
            key: key.to_owned(),
            description: description.map(str::to_owned),
            required: variable.required,
        });
    }
    Ok(checked)
}

/// Checks the texts of a template (`(field, text)` pairs) against its declared variables:
/// well-formed braces, every placeholder declared (`BAD_USER_INPUT` on the field, naming the
/// key), every required variable used somewhere (`BAD_USER_INPUT` on `variables`).
pub fn check_template(texts: &[(&str, &str)], variables: &[Variable]) -> ApiResult<()> {
    let declared: BTreeSet<&str> = variables.iter().map(|v| v.key.as_str()).collect();
    let mut used = BTreeSet::new();
    for (field, text) in texts {
        for piece in parse(field, text)? {
            if let Piece::Key(key) = piece {
                if !declared.contains(key) {
                    return Err(ApiError::bad_input(
                        field,
                        format!(
                            "`{field}` uses `{{{{ {key} }}}}`, which is not a declared variable: declare `{key}` in `variables`"
                        ),
                    ));
                }
                used.insert(key);
            }
        }
    }
    if let Some(unused) = variables
        .iter()
        .find(|v| v.required && !used.contains(v.key.as_str()))
    {
        return Err(ApiError::bad_input(
            "variables",
            format!(
                "required variable `{}` is used in none of `subject`, `bodyHtml`, `bodyText`",
                unused.key
            ),
        ));
    }
    Ok(())
}

/// Escapes text for HTML (element content and attribute values).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders `text` with `values` (a value for every key it uses), escaping values when `html`.
/// Keys without a value render as `[key]`. Malformed texts (stored before validation) render as
/// they are.
pub fn render(text: &str, values: &BTreeMap<String, String>, html: bool) -> String {
    let Ok(pieces) = parse("text", text) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Key(key) => {
                let sample = format!("[{key}]");
                let value = values.get(key).map_or(sample.as_str(), String::as_str);
                if html {
                    out.push_str(&escape_html(value));
                } else {
                    out.push_str(value);
                }
            }
        }
    }
    out
}

/// The keys `text` uses (nothing for a malformed text).
pub fn keys_of(text: &str) -> Vec<&str> {
    parse("text", text)
        .map(|pieces| {
            pieces
                .into_iter()
                .filter_map(|piece| match piece {
                    Piece::Key(key) => Some(key),
                    Piece::Text(_) => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(key: &str, required: bool) -> Variable {
        Variable {
            key: key.to_owned(),
            description: None,
            required,
        }
    }

    #[test]
    fn placeholders_are_split_out_of_text() {
        let pieces = parse("subject", "Hi {{name}}, your {{ report_name }} is ready").ok();
        assert_eq!(
            pieces,
            Some(vec![
                Piece::Text("Hi "),
                Piece::Key("name"),
                Piece::Text(", your "),
                Piece::Key("report_name"),
                Piece::Text(" is ready"),
            ])
        );
        assert_eq!(
            parse("bodyHtml", "p { color: red }").map(|p| p.len()).ok(),
            Some(1)
        );
    }

    #[test]
    fn malformed_braces_are_refused() {
        for bad in [
            "Hi {{name",
            "Hi name}}",
            "Hi {{}}",
            "Hi {{ 1name }}",
            "Hi {{ first name }}",
            "Hi {{ a {{ b }} }}",
            "}} {{ a }}",
        ] {
            assert!(parse("subject", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_placeholder_is_declared_and_every_required_variable_used() {
        let variables = [var("name", true), var("link", false)];
        assert!(check_template(&[("subject", "Hi {{ name }}")], &variables).is_ok());
        let unknown = check_template(&[("bodyHtml", "{{ name }} {{ secret }}")], &variables);
        assert!(
            matches!(&unknown, Err(ApiError::BadUserInput { field: Some(f), message })
                if f == "bodyHtml" && message.contains("secret")),
            "{unknown:?}"
        );
        let unused = check_template(&[("subject", "Hi")], &variables);
        assert!(
            matches!(&unused, Err(ApiError::BadUserInput { field: Some(f), message })
                if f == "variables" && message.contains("name")),
            "{unused:?}"
        );
    }

    #[test]
    fn variable_keys_are_valid_and_unique() {
        assert!(check_variables(&[var("first_name", true), var("n2", false)]).is_ok());
        assert!(check_variables(&[var("a", true), var("a", false)]).is_err());
        for bad in ["", "1a", "a-b", "a b", "é"] {
            assert!(check_variables(&[var(bad, false)]).is_err(), "{bad}");
        }
        assert!(check_variables(&vec![var("a", false); MAX_VARIABLES + 1]).is_err());
    }

    #[test]
    fn rendering_escapes_values_in_html_only() {
        let values = BTreeMap::from([("name".to_owned(), "<b>Tom & \"Jerry\"</b>".to_owned())]);
        assert_eq!(
            render("<p>Hi {{ name }}</p>", &values, true),
            "<p>Hi &lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>"
        );
        assert_eq!(
            render("Hi {{name}}", &values, false),
            "Hi <b>Tom & \"Jerry\"</b>"
        );
        assert_eq!(render("Hi {{ other }}", &values, false), "Hi [other]");
    }
}
