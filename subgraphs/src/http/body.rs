//! The body of a POST: GraphQL over HTTP says `application/json`, and only that is accepted.
//! A browser can send `text/plain`, form-encoded or multipart bodies to any site without a CORS
//! preflight; parsing those as JSON would let any web page run mutations with a visitor's
//! cookies the day a cookie carries credentials (the registration session token will). Every
//! refusal is a GraphQL-shaped JSON error with a 4xx status, never plain text.

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use graph_core::error::ApiError;

/// Why a body was not accepted, with the status to answer.
#[derive(Debug)]
pub(super) struct BodyRefusal {
    /// 400, 413 or 415.
    pub status: StatusCode,
    /// The error to answer with (`BAD_USER_INPUT`).
    pub error: ApiError,
}

fn refusal(status: StatusCode, message: impl Into<String>) -> BodyRefusal {
    BodyRefusal {
        status,
        error: ApiError::BadUserInput {
            message: message.into(),
            field: None,
        },
    }
}

/// The refusal of a request with neither a `query` nor a persisted query's hash.
pub(super) fn missing_query() -> BodyRefusal {
    refusal(
        StatusCode::BAD_REQUEST,
        "the request has no `query` (nor a persisted query's `extensions.persistedQuery`)",
    )
}

/// A well-formed request body, as sent. (`serde_json` would also read a struct from an array, so
/// only an object is tried this way.)
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireRequest {
    #[serde(default)]
    query: Option<String>,
    #[serde(default)]
    operation_name: Option<String>,
    #[serde(default)]
    variables: Option<async_graphql::Variables>,
    #[serde(default)]
    extensions: Option<async_graphql::Extensions>,
}

impl WireRequest {
    /// The request; a body with neither a `query` nor a persisted query's hash is refused.
    fn into_request(self) -> Result<async_graphql::Request, BodyRefusal> {
        let extensions = self.extensions.unwrap_or_default();
        let persisted = extensions
            .0
            .get("persistedQuery")
            .is_some_and(|persisted| *persisted != async_graphql::Value::Null);
        if !persisted && self.query.is_none() {
            return Err(missing_query());
        }
        let mut request = async_graphql::Request::new(self.query.unwrap_or_default())
            .variables(self.variables.unwrap_or_default());
        request.operation_name = self.operation_name;
        request.extensions = extensions;
        Ok(request)
    }
}

/// Whether the request says its body is JSON (`application/json`, any parameters).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// Reads and parses a POST body of at most `max_bytes` into a GraphQL request.
pub(super) async fn graphql_request(
    headers: &HeaderMap,
    body: Body,
    max_bytes: usize,
) -> Result<async_graphql::Request, BodyRefusal> {
    if !is_json(headers) {
        return Err(refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the request as JSON with `Content-Type: application/json`",
        ));
    }
    let bytes = axum::body::to_bytes(body, max_bytes)
        .await
        .map_err(|error| {
            let too_large = std::error::Error::source(&error)
                .is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
            if too_large {
                refusal(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("the request body is larger than {max_bytes} bytes"),
                )
            } else {
                refusal(
                    StatusCode::BAD_REQUEST,
                    "the request body could not be read",
                )
            }
        })?;
    // The usual body parses straight into its parts; anything else goes through the checks
    // below, which name what is wrong (so a body is parsed twice only when it is refused, or
    // unusual: a duplicated key, say).
    if bytes.trim_ascii_start().starts_with(b"{")
        && let Ok(wire) = serde_json::from_slice::<WireRequest>(&bytes)
    {
        return wire.into_request();
    }
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|error| refusal(StatusCode::BAD_REQUEST, format!("malformed JSON: {error}")))?;
    let serde_json::Value::Object(fields) = &value else {
        return Err(refusal(
            StatusCode::BAD_REQUEST,
            "the request body must be a JSON object with `query` (batches are not accepted)",
        ));
    };
    let wrong_type = |name: &str, expected: &str| {
        refusal(
            StatusCode::BAD_REQUEST,
            format!("`{name}` must be {expected}"),
        )
    };
    if !matches!(
        fields.get("query"),
        None | Some(serde_json::Value::String(_) | serde_json::Value::Null)
    ) {
        return Err(wrong_type("query", "a string"));
    }
    if !matches!(
        fields.get("operationName"),
        None | Some(serde_json::Value::String(_) | serde_json::Value::Null)
    ) {
        return Err(wrong_type("operationName", "a string or null"));
    }
    if !matches!(
        fields.get("variables"),
        None | Some(serde_json::Value::Object(_) | serde_json::Value::Null)
    ) {
        return Err(wrong_type("variables", "an object or null"));
    }
    if !matches!(
        fields.get("extensions"),
        None | Some(serde_json::Value::Object(_) | serde_json::Value::Null)
    ) {
        return Err(wrong_type("extensions", "an object or null"));
    }
    let persisted = fields
        .get("extensions")
        .and_then(|extensions| extensions.get("persistedQuery"))
        .is_some_and(|persisted| !persisted.is_null());
    if !persisted && fields.get("query").is_none_or(serde_json::Value::is_null) {
        return Err(missing_query());
    }
    let mut value = value;
    if let serde_json::Value::Object(fields) = &mut value {
        // `null` means absent for every optional parameter.
        fields.retain(|_, field| !field.is_null());
    }
    serde_json::from_value(value).map_err(|error| {
        refusal(
            StatusCode::BAD_REQUEST,
            format!("malformed request: {error}"),
        )
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(content_type: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(value) = content_type {
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    async fn parse(
        content_type: Option<&str>,
        body: &str,
    ) -> Result<async_graphql::Request, BodyRefusal> {
        graphql_request(&headers(content_type), Body::from(body.to_owned()), 1024).await
    }

    #[tokio::test]
    async fn only_a_json_body_is_accepted() {
        let body = r#"{"query":"{ __typename }"}"#;
        assert!(parse(Some("application/json"), body).await.is_ok());
        assert!(
            parse(Some("Application/JSON; charset=utf-8"), body)
                .await
                .is_ok()
        );
        for content_type in [
            None,
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/graphql"),
        ] {
            let refused = parse(content_type, body).await.unwrap_err();
            assert_eq!(
                refused.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{content_type:?}"
            );
        }
    }

    #[tokio::test]
    async fn bad_bodies_are_refused_with_400_or_413() {
        for body in [
            "",
            "{",
            "[]",
            "\"x\"",
            r#"{"query":1}"#,
            r#"{"query":"{a}","variables":"x"}"#,
            r#"{"notquery":"{a}"}"#,
            r#"{"query":null}"#,
        ] {
            let refused = parse(Some("application/json"), body).await.unwrap_err();
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{body}");
        }
        let large = format!(r#"{{"query":"{}"}}"#, "a".repeat(2000));
        let refused = parse(Some("application/json"), &large).await.unwrap_err();
        assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    }

    #[tokio::test]
    async fn null_parameters_mean_absent() {
        let request = parse(
            Some("application/json"),
            r#"{"query":"{ a }","operationName":null,"variables":null,"extensions":null}"#,
        )
        .await
        .unwrap();
        assert_eq!(request.query, "{ a }");
        assert!(request.operation_name.is_none());
    }
}
