//! Typed input validation shared by every subgraph: pure functions, run before any database
//! work, each returning a `BAD_USER_INPUT` that names the input field at fault (camelCase, as in
//! the schema). Texts are trimmed and bounded in characters, never contain control characters
//! (NUL cannot be stored); emails are lowercased; phones are E.164; URLs are http(s) with a host;
//! ids are parsed by [`crate::ids::RefId`].
//!
//! A domain declares each text field once, as a [`Text`] rule with its field name and length,
//! and uses the rule wherever the field is read:
//!
//! ```
//! use graph_core::validate::Text;
//! const GOAL_NAME: Text = Text::new("name", 255);
//! assert_eq!(GOAL_NAME.required("  Traffic ").unwrap(), "Traffic");
//! assert!(GOAL_NAME.required(" ").is_err());
//! ```

use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Utc};

pub use crate::ids::{RefId, parse_ref_id};

/// A text input field: its name in the schema and its largest length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// The input field's name, as in the schema (`firstName`).
    pub field: &'static str,
    /// Largest length in characters (the column's bound).
    pub max: usize,
}

impl Text {
    /// The rule of field `field`, at most `max` characters.
    pub const fn new(field: &'static str, max: usize) -> Self {
        Self { field, max }
    }

    /// A required value: trimmed, not blank, within the bound.
    pub fn required(&self, value: &str) -> ApiResult<String> {
        required_text(self.field, value, self.max)
    }

    /// An optional value: trimmed; blank means none.
    pub fn optional(&self, value: Option<&str>) -> ApiResult<Option<String>> {
        optional_text(self.field, value, self.max)
    }
}

/// A required text: trimmed, not blank, at most `max` characters.
pub fn required_text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must not be blank"),
        ));
    }
    at_most(field, value, max)?;
    Ok(value.to_owned())
}

/// An optional text: trimmed; blank means none; at most `max` characters.
pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => {
            at_most(field, value, max)?;
            Ok(Some(value.to_owned()))
        }
    }
}

fn at_most(field: &str, value: &str, max: usize) -> ApiResult<()> {
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must not contain control characters"),
        ));
    }
    if value.chars().count() > max {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be at most {max} characters"),
        ));
    }
    Ok(())
}

/// A website: an `http://` or `https://` URL with a host, no spaces, at most 500 characters.
pub fn website(field: &str, value: &str) -> ApiResult<String> {
    let value = required_text(field, value, 500)?;
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    match host {
        Some(host) if !host.is_empty() && !value.chars().any(char::is_whitespace) => Ok(value),
        _ => Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a URL starting with http:// or https://"),
        )),
    }
}

/// An email address: trimmed and lowercased, at most 255 characters, one `@`, a non-empty
/// local part, a domain with a dot (not at either end), no spaces.
pub fn email(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_lowercase();
    let invalid = || {
        ApiError::bad_input(
            field,
            format!("`{field}` must be an email address (name@example.com)"),
        )
    };
    if value.chars().count() > 255 {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be at most 255 characters"),
        ));
    }
    let (local, domain) = value.split_once('@').ok_or_else(invalid)?;
    let valid = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid { Ok(value) } else { Err(invalid()) }
}

/// A phone number in E.164 format (`+` and 2 to 15 digits, not starting with 0); blank means
/// none.
pub fn phone(field: &str, value: Option<&str>) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(phone) => {
            let digits = phone.strip_prefix('+').unwrap_or_default();
            let valid = (2..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0');
            if valid {
                Ok(Some(phone.to_owned()))
            } else {
                Err(ApiError::bad_input(
                    field,
                    format!("`{field}` must be in E.164 format (+919876543210)"),
                ))
            }
        }
    }
}

/// An Indian Permanent Account Number: five letters, four digits, a letter, the fourth letter
/// being the holder's type (`P` person, `C` company, `F` firm, `H` HUF, `A` AOP, `B` BOI, `G`
/// government, `J` artificial juridical person, `L` local authority, `T` trust). Upper-cased
/// and trimmed; `BAD_USER_INPUT` on `field` otherwise.
pub fn pan(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_uppercase();
    let bytes = value.as_bytes();
    let valid = bytes.len() == 10
        && bytes[..5].iter().all(u8::is_ascii_uppercase)
        && b"PCFHABGJLT".contains(&bytes[3])
        && bytes[5..9].iter().all(u8::is_ascii_digit)
        && bytes[9].is_ascii_uppercase();
    if valid {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a PAN: five letters, four digits, a letter (ABCPE1234F)"),
        ))
    }
}

/// The characters of a GSTIN and their values in its check digit.
const GSTIN_ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The check character of the first 14 characters of a GSTIN (the GST network's mod-36
/// scheme: alternate factors 1 and 2, digits of each product in base 36 summed).
fn gstin_check_character(first14: &[u8]) -> Option<u8> {
    let mut sum = 0usize;
    for (index, character) in first14.iter().enumerate() {
        let value = GSTIN_ALPHABET.iter().position(|c| c == character)?;
        let product = value * if index % 2 == 0 { 1 } else { 2 };
        sum += product / 36 + product % 36;
    }
    GSTIN_ALPHABET.get((36 - sum % 36) % 36).copied()
}

/// An Indian GST identification number: a two-digit state code (01–38, or 97/99 for other
/// territories and special registrations), the holder's PAN, an entity number, `Z`, and a check
/// character that must match. Upper-cased and trimmed; `BAD_USER_INPUT` on `field` otherwise,
/// saying whether the shape or the check character is wrong.
pub fn gstin(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_uppercase();
    let bytes = value.as_bytes();
    let state = value.get(..2).and_then(|code| code.parse::<u8>().ok());
    let shaped = bytes.len() == 15
        && matches!(state, Some(1..=38 | 97 | 99))
        && pan(field, &value[2..12]).is_ok()
        && ((bytes[12].is_ascii_digit() && bytes[12] != b'0') || bytes[12].is_ascii_uppercase())
        && bytes[13] == b'Z'
        && (bytes[14].is_ascii_digit() || bytes[14].is_ascii_uppercase());
    if !shaped {
        return Err(ApiError::bad_input(
            field,
            format!(
                "`{field}` must be a GSTIN: state code, PAN, entity number, Z, check character (27AAPFU0939F1ZV)"
            ),
        ));
    }
    if gstin_check_character(&bytes[..14]) != Some(bytes[14]) {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` is not a valid GSTIN: its check character does not match"),
        ));
    }
    Ok(value)
}

/// An expiry that lies in the future.
pub fn future(field: &str, value: DateTime<Utc>, now: DateTime<Utc>) -> ApiResult<DateTime<Utc>> {
    if value > now {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be in the future"),
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn field_of(error: ApiError) -> Option<String> {
        match error {
            ApiError::BadUserInput { field, .. } => field,
            _ => None,
        }
    }

    #[test]
    fn required_text_is_trimmed_and_bounded_in_characters() {
        assert_eq!(required_text("name", "  Acme  ", 255).unwrap(), "Acme");
        assert_eq!(
            field_of(required_text("name", "   ", 255).unwrap_err()).as_deref(),
            Some("name")
        );
        assert!(required_text("name", &"é".repeat(255), 255).is_ok());
        assert!(required_text("name", &"é".repeat(256), 255).is_err());
    }

    #[test]
    fn optional_text_treats_blank_as_none() {
        assert_eq!(optional_text("state", None, 100).unwrap(), None);
        assert_eq!(optional_text("state", Some("  "), 100).unwrap(), None);
        assert_eq!(
            optional_text("state", Some(" Kerala "), 100)
                .unwrap()
                .as_deref(),
            Some("Kerala")
        );
        assert!(optional_text("state", Some(&"x".repeat(101)), 100).is_err());
    }

    #[test]
    fn websites_need_an_http_scheme_and_a_host() {
        assert_eq!(
            website("website", " https://acme.example/about ").unwrap(),
            "https://acme.example/about"
        );
        assert!(website("website", "http://acme.example").is_ok());
        assert!(website("website", "HTTPS://ACME.EXAMPLE").is_ok());
        for bad in [
            "acme.example",
            "ftp://acme.example",
            "https://",
            "https:///path",
            "https://acme .example",
        ] {
            assert_eq!(
                field_of(website("website", bad).unwrap_err()).as_deref(),
                Some("website"),
                "{bad}"
            );
        }
        assert!(website("website", &format!("https://{}", "a".repeat(493))).is_err());
    }

    #[test]
    fn emails_are_normalised_and_must_look_like_emails() {
        assert_eq!(
            email("email", "  Jane.Doe@Example.COM ").unwrap(),
            "jane.doe@example.com"
        );
        for bad in [
            "",
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "jane@@example.com",
            "a@b@example.com",
            "jane@.example.com",
            "jane@example.com.",
            "jane@exa..mple.com",
            "ja ne@example.com",
        ] {
            assert_eq!(
                field_of(email("email", bad).unwrap_err()).as_deref(),
                Some("email"),
                "{bad}"
            );
        }
        assert!(email("email", &format!("{}@example.com", "a".repeat(243))).is_ok());
        assert!(email("email", &format!("{}@example.com", "a".repeat(244))).is_err());
    }

    #[test]
    fn expiries_must_be_in_the_future() {
        let now = chrono::Utc::now();
        assert!(future("expiresOn", now + chrono::Duration::hours(1), now).is_ok());
        assert!(future("expiresOn", now, now).is_err());
    }

    #[test]
    fn pans_have_their_shape_and_holder_type() {
        assert_eq!(pan("pan", " aapfu0939f ").unwrap(), "AAPFU0939F");
        for bad in ["AAPXU0939F", "AAPFU0939", "AAPFU09391", "1APFU0939F", ""] {
            assert!(pan("pan", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn gstins_need_their_shape_and_a_matching_check_character() {
        for good in ["27AAPFU0939F1ZV", "29aagcb7383j1z4"] {
            assert!(gstin("gstin", good).is_ok(), "{good}");
        }
        // One character changed: the check character no longer matches.
        let error = gstin("gstin", "27AAPFU0939F1ZW").unwrap_err();
        assert!(error.message().contains("check character"), "{error:?}");
        for bad in [
            "00AAPFU0939F1ZV",
            "27AAPFU0939F1YV",
            "27AAPXU0939F1ZV",
            "27AAPFU0939F0ZV",
            "27AAPFU0939F1Z",
            "",
        ] {
            assert!(gstin("gstin", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_are_e164() {
        assert_eq!(
            phone("phone", Some("+919876543210")).unwrap().as_deref(),
            Some("+919876543210")
        );
        assert_eq!(phone("phone", Some(" ")).unwrap(), None);
        for bad in [
            "919876543210",
            "+0123456",
            "+1",
            "+1234567890123456",
            "+91 98765 43210",
            "+91-9876",
        ] {
            assert!(phone("phone", Some(bad)).is_err(), "{bad}");
        }
    }
}
