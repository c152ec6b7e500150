//! Checks of input values the content domains share: JSON objects with a size bound, http(s)
//! URLs, bounded integers and lists of short labels. Each returns `BAD_USER_INPUT` naming the
//! input field at fault, and never quotes the value (it may be long, or a secret).

use graph_core::error::{ApiError, ApiResult};

/// A JSON object of at most `max_bytes` bytes of compact JSON (`BAD_USER_INPUT` on `field`).
pub fn json_object(
    field: &str,
    value: &serde_json::Value,
    max_bytes: usize,
) -> ApiResult<serde_json::Value> {
    if !value.is_object() {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a JSON object"),
        ));
    }
    let size = serde_json::to_string(value)
        .map_err(ApiError::internal)?
        .len();
    if size > max_bytes {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be at most {max_bytes} bytes of JSON"),
        ));
    }
    Ok(value.clone())
}

/// An `http://` or `https://` URL with a host, no spaces or control characters (anywhere:
/// trimming must not hide them), at most `max_chars` characters; trimmed (`BAD_USER_INPUT` on
/// `field`). Every URL input of the content subgraph is checked here.
pub fn http_url(field: &str, value: &str, max_chars: usize) -> ApiResult<String> {
    let control = value.chars().any(char::is_control);
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let ok = !control
        && matches!(host, Some(host) if !host.is_empty())
        && value.chars().count() <= max_chars
        && !value.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be an http(s) URL with a host, at most {max_chars} characters"),
        ))
    }
}

/// A secret given in input (an OAuth token, an API key): not blank, at most `max_bytes`, no
/// control characters (`BAD_USER_INPUT` on `field`; the message never quotes it). Every secret
/// input of the content subgraph is checked here before it is encrypted.
pub fn secret_text(field: &str, value: &str, max_bytes: usize) -> ApiResult<()> {
    if value.trim().is_empty() {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must not be empty"),
        ));
    }
    if value.len() > max_bytes {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be at most {max_bytes} bytes"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must not contain control characters"),
        ));
    }
    Ok(())
}

/// An integer within `min..=max` (`BAD_USER_INPUT` on `field`).
pub fn int_between(field: &str, value: i32, min: i32, max: i32) -> ApiResult<i32> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be between {min} and {max}"),
        ))
    }
}

/// A list of at most `max_items` labels, each 1–`max_chars` printable characters, trimmed and
/// without duplicates (`BAD_USER_INPUT` on `field`).
pub fn labels(
    field: &str,
    values: &[String],
    max_items: usize,
    max_chars: usize,
) -> ApiResult<Vec<String>> {
    if values.len() > max_items {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` may hold at most {max_items} entries"),
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let value = value.trim();
        if value.is_empty()
            || value.chars().count() > max_chars
            || value.chars().any(char::is_control)
        {
            return Err(ApiError::bad_input(
                field,
                format!("each entry of `{field}` must be 1–{max_chars} printable characters"),
            ));
        }
        if !out.iter().any(|known| known == value) {
            out.push(value.to_owned());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn urls_are_http_with_a_host_and_bounded() {
        assert!(http_url("u", "https://example.com/a?b", 1000).is_ok());
        assert!(http_url("u", "http://x", 1000).is_ok());
        for bad in [
            "ftp://x",
            "https://",
            "https:///path",
            "https://a b",
            "",
            "javascript:1",
        ] {
            assert!(http_url("u", bad, 1000).is_err(), "{bad:?}");
        }
        assert!(http_url("u", &format!("https://x/{}", "a".repeat(1000)), 1000).is_err());
    }

    #[test]
    fn json_objects_are_bounded() {
        assert!(json_object("c", &json!({"a": 1}), 100).is_ok());
        assert!(json_object("c", &json!([1]), 100).is_err());
        assert!(json_object("c", &json!({"a": "x".repeat(200)}), 100).is_err());
    }

    #[test]
    fn labels_are_trimmed_deduplicated_and_bounded() {
        let out = labels("r", &[" seo ".to_owned(), "seo".to_owned()], 5, 10);
        assert_eq!(out.ok(), Some(vec!["seo".to_owned()]));
        assert!(labels("r", &[String::new()], 5, 10).is_err());
        assert!(labels("r", &vec!["a".to_owned(); 6], 5, 10).is_err());
    }

    #[test]
    fn integers_are_within_their_bounds() {
        assert!(int_between("n", 0, 0, 10).is_ok());
        assert!(int_between("n", 11, 0, 10).is_err());
        assert!(int_between("n", -1, 0, 10).is_err());
    }
}
