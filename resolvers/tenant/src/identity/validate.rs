//! Input validation of the identity domain (titles, PAN and GSTIN, tax details, API key
//! scopes): pure functions, run before any database work, each returning a `BAD_USER_INPUT`
//! that names the input field at fault. The shared rules (texts, emails, phones, URLs) are
//! `graph_core::validate`'s, re-exported here.

use crate::identity::enums::ApiKeyScope;
use graph_core::error::{ApiError, ApiResult};

/// Titles a user may have (the `users.title` CHECK).
pub const TITLES: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Prof."];

fn is_pan(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes[..5].iter().all(u8::is_ascii_uppercase)
        && bytes[5..9].iter().all(u8::is_ascii_digit)
        && bytes[9].is_ascii_uppercase()
}

/// An Indian PAN: uppercased, `AAAAA9999A`.
pub fn pan_number(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_uppercase();
    if is_pan(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a PAN: 5 letters, 4 digits, 1 letter (AAAAA9999A)"),
        ))
    }
}

/// A GSTIN: uppercased, 15 characters — state code `01`–`38`, the holder's PAN, the entity
/// number (`1`–`9` or a letter), `Z`, a check character (digit or letter). When `pan` is
/// given, the embedded PAN must equal it.
pub fn gst_number(field: &str, value: &str, pan: Option<&str>) -> ApiResult<String> {
    let value = value.trim().to_ascii_uppercase();
    let bytes = value.as_bytes();
    let shape = bytes.len() == 15
        && bytes[..2].iter().all(u8::is_ascii_digit)
        && value
            .get(..2)
            .and_then(|code| code.parse::<u8>().ok())
            .is_some_and(|code| (1..=38).contains(&code))
        && value.get(2..12).is_some_and(is_pan)
        && (matches!(bytes[12], b'1'..=b'9') || bytes[12].is_ascii_uppercase())
        && bytes[13] == b'Z'
        && (bytes[14].is_ascii_digit() || bytes[14].is_ascii_uppercase());
    if !shape {
        return Err(ApiError::bad_input(
            field,
            format!(
                "`{field}` must be a GSTIN: 2-digit state code (01-38), the PAN, an entity number, Z and a check character (22AAAAA0000A1Z5)"
            ),
        ));
    }
    if let Some(pan) = pan
        && value.get(2..12) != Some(pan)
    {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must contain the PAN given in `panNumber`"),
        ));
    }
    Ok(value)
}

/// Validated tax details, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxDetails {
    /// PAN, or none to clear it.
    pub pan_number: Option<String>,
    /// Whether the tenant is GST-registered.
    pub has_gst: bool,
    /// GSTIN, set exactly when `has_gst`.
    pub gst_number: Option<String>,
}

/// Tax details: a PAN (optional; blank clears it), GST registration and the GSTIN, which is
/// required when registered, ignored and cleared when not, and must embed the PAN when both are
/// given.
pub fn tax_details(pan: Option<&str>, has_gst: bool, gst: Option<&str>) -> ApiResult<TaxDetails> {
    let pan_number = match pan.map(str::trim) {
        None | Some("") => None,
        Some(pan) => Some(pan_number("panNumber", pan)?),
    };
    let gst_number = match (has_gst, gst.map(str::trim)) {
        (false, _) => None,
        (true, None | Some("")) => {
            return Err(ApiError::bad_input(
                "gstNumber",
                "`gstNumber` is required when `hasGst` is true",
            ));
        }
        (true, Some(gst)) => Some(gst_number("gstNumber", gst, pan_number.as_deref())?),
    };
    Ok(TaxDetails {
        pan_number,
        has_gst,
        gst_number,
    })
}

/// A title, one of [`TITLES`]; blank means none.
pub fn title(field: &str, value: Option<&str>) -> ApiResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(title) if TITLES.contains(&title) => Ok(Some(title.to_owned())),
        Some(_) => Err(ApiError::bad_input(
            field,
            format!("`{field}` must be one of {}", TITLES.join(", ")),
        )),
    }
}

/// API key scopes to store: not empty, deduplicated, `WRITE` implies `READ`.
pub fn api_key_scopes(field: &str, scopes: &[ApiKeyScope]) -> ApiResult<Vec<String>> {
    if scopes.is_empty() {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must contain at least one scope"),
        ));
    }
    let mut stored = vec![ApiKeyScope::Read.as_db().to_owned()];
    if scopes.contains(&ApiKeyScope::Write) {
        stored.push(ApiKeyScope::Write.as_db().to_owned());
    }
    Ok(stored)
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
    fn pan_numbers_are_uppercased_and_checked() {
        assert_eq!(
            pan_number("panNumber", " abcde1234f ").unwrap(),
            "ABCDE1234F"
        );
        for bad in [
            "ABCDE1234",
            "ABCD12345F",
            "ABCDE12345",
            "ABCDE1234FF",
            "ABCDÉ1234F",
        ] {
            assert!(pan_number("panNumber", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn gst_numbers_follow_the_gstin_layout() {
        assert_eq!(
            gst_number("gstNumber", "27abcde1234f1z5", None).unwrap(),
            "27ABCDE1234F1Z5"
        );
        assert!(gst_number("gstNumber", "01ABCDE1234FAZZ", None).is_ok());
        assert!(gst_number("gstNumber", "38ABCDE1234F9Z0", None).is_ok());
        for bad in [
            "00ABCDE1234F1Z5", // state code 00
            "39ABCDE1234F1Z5", // state code above 38
            "27ABCDE1234F0Z5", // entity number 0
            "27ABCDE1234F1Y5", // 14th character not Z
            "27ABCD12345F1Z5", // not a PAN inside
            "27ABCDE1234F1Z",  // too short
            "27ABCDE1234F1Z55",
            "2AABCDE1234F1Z5",
        ] {
            assert!(gst_number("gstNumber", bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_gstin_must_embed_the_given_pan() {
        assert!(gst_number("gstNumber", "27ABCDE1234F1Z5", Some("ABCDE1234F")).is_ok());
        let error = gst_number("gstNumber", "27ABCDE1234F1Z5", Some("ZZZZZ9999Z")).unwrap_err();
        assert_eq!(field_of(error).as_deref(), Some("gstNumber"));
    }

    #[test]
    fn tax_details_require_a_gstin_only_when_registered() {
        let details = tax_details(Some("abcde1234f"), true, Some("27abcde1234f1z5")).unwrap();
        assert_eq!(
            details,
            TaxDetails {
                pan_number: Some("ABCDE1234F".to_owned()),
                has_gst: true,
                gst_number: Some("27ABCDE1234F1Z5".to_owned())
            }
        );
        assert_eq!(
            field_of(tax_details(None, true, None).unwrap_err()).as_deref(),
            Some("gstNumber")
        );
        assert_eq!(
            field_of(tax_details(None, true, Some(" ")).unwrap_err()).as_deref(),
            Some("gstNumber")
        );
        assert_eq!(
            tax_details(None, false, Some("27ABCDE1234F1Z5"))
                .unwrap()
                .gst_number,
            None
        );
        assert_eq!(tax_details(Some(""), false, None).unwrap().pan_number, None);
        assert_eq!(
            field_of(tax_details(Some("nope"), false, None).unwrap_err()).as_deref(),
            Some("panNumber")
        );
        assert!(tax_details(None, true, Some("27ABCDE1234F1Z5")).is_ok());
        assert!(tax_details(Some("ZZZZZ9999Z"), true, Some("27ABCDE1234F1Z5")).is_err());
    }

    #[test]
    fn titles_are_from_the_fixed_list() {
        assert_eq!(title("title", Some("Dr.")).unwrap().as_deref(), Some("Dr."));
        assert_eq!(title("title", None).unwrap(), None);
        assert!(title("title", Some("Sir")).is_err());
        assert!(title("title", Some("Dr")).is_err());
    }

    #[test]
    fn write_scope_implies_read_and_duplicates_collapse() {
        use ApiKeyScope::{Read, Write};
        assert_eq!(api_key_scopes("scopes", &[Read]).unwrap(), ["read"]);
        assert_eq!(
            api_key_scopes("scopes", &[Write]).unwrap(),
            ["read", "write"]
        );
        assert_eq!(
            api_key_scopes("scopes", &[Write, Read, Write]).unwrap(),
            ["read", "write"]
        );
        assert_eq!(
            field_of(api_key_scopes("scopes", &[]).unwrap_err()).as_deref(),
            Some("scopes")
        );
    }
}
