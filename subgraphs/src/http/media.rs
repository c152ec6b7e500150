//! The response's media type and status, per the GraphQL-over-HTTP specification.
//!
//! A client that accepts `application/graphql-response+json` gets it, and with it statuses that
//! mean something: a request that never ran (unparsable, invalid, variables that do not coerce,
//! refused by a limit) is a 4xx without `data`. A client that accepts only `application/json`
//! (or sends no `Accept`, or only wildcards, as older clients do) gets `application/json` and,
//! as GraphQL has always done there, 200 for any GraphQL response. A client that accepts
//! neither gets 406.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// `application/graphql-response+json`.
pub(super) const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

/// The media type the response is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Media {
    /// `application/json; charset=utf-8`: 200 for every GraphQL response.
    Json,
    /// `application/graphql-response+json; charset=utf-8`: 4xx for request errors.
    GraphqlResponseJson,
}

impl Media {
    fn content_type(self) -> HeaderValue {
        match self {
            Self::Json => HeaderValue::from_static("application/json; charset=utf-8"),
            Self::GraphqlResponseJson => {
                HeaderValue::from_static("application/graphql-response+json; charset=utf-8")
            }
        }
    }
}

/// The quality the `Accept` header gives `essence` (0 when not acceptable): as exactly named
/// (the most specific range wins, so `application/json;q=0, */*` refuses JSON), else through
/// `application/*` or `*/*` when `wildcards`.
fn quality(accept: &str, essence: &str, wildcards: bool) -> f32 {
    let ranges = || {
        accept.split(',').filter_map(|range| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|parameter| parameter.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
                .and_then(|(_, value)| value.trim().parse::<f32>().ok())
                .filter(|q| q.is_finite())
                .unwrap_or(1.0);
            Some((media, q.clamp(0.0, 1.0)))
        })
    };
    let best = |wanted: &str| {
        ranges()
            .filter(|(media, _)| media == wanted)
            .map(|(_, q)| q)
            .reduce(f32::max)
    };
    if let Some(q) = best(essence) {
        return q;
    }
    if !wildcards {
        return 0.0;
    }
    best("application/*").or_else(|| best("*/*")).unwrap_or(0.0)
}

/// The media type to answer in, or None when the client accepts neither JSON type (406).
/// `application/graphql-response+json` only when the client names it (and does not prefer
/// `application/json`); a client that sends no `Accept`, or only wildcards, gets
/// `application/json`, which every client understands.
pub(super) fn negotiate(headers: &HeaderMap) -> Option<Media> {
    let accept: Vec<&str> = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    if accept.iter().all(|value| value.trim().is_empty()) {
        return Some(Media::Json);
    }
    let accept = accept.join(",");
    let graphql = quality(&accept, GRAPHQL_RESPONSE_JSON, false);
    let json = quality(&accept, "application/json", true);
    if graphql > 0.0 && graphql >= json {
        Some(Media::GraphqlResponseJson)
    } else if json > 0.0 {
        Some(Media::Json)
    } else if quality(&accept, GRAPHQL_RESPONSE_JSON, true) > 0.0 {
        // `application/json;q=0, */*`: anything but JSON.
        Some(Media::GraphqlResponseJson)
    } else {
        None
    }
}

/// Whether a response is a request error: no field ran (`data` is null and no error has a
/// path). Parse, validation and variable-coercion errors come this way; a field error that nulls
/// the whole result has a path.
fn is_request_error(response: &async_graphql::Response) -> bool {
    response.data == async_graphql::Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

/// Writes a GraphQL response in `media`, with `status` when the caller decided it (credentials,
/// rate limits, a persisted query to send again); otherwise 200, or 400 for a request error in
/// `application/graphql-response+json`. A request error is written without `data` there, as the
/// specification requires.
pub(super) fn write(
    media: Media,
    response: async_graphql::Response,
    status: Option<StatusCode>,
) -> Response {
    let request_error = is_request_error(&response);
    let status = match (media, status) {
        (_, Some(status)) => status,
        (Media::GraphqlResponseJson, None) if request_error => StatusCode::BAD_REQUEST,
        _ => StatusCode::OK,
    };
    let body = if request_error && media == Media::GraphqlResponseJson {
        /// A response without `data`, its errors' fields in the usual order.
        #[derive(serde::Serialize)]
        struct ErrorsOnly<'a> {
            errors: &'a [async_graphql::ServerError],
        }
        serde_json::to_vec(&ErrorsOnly {
            errors: &response.errors,
        })
    } else {
        serde_json::to_vec(&response)
    };
    let body = match body {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "a response could not be serialized");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut http = (status, body).into_response();
    let headers = http.headers_mut();
    headers.insert(header::CONTENT_TYPE, media.content_type());
    if let Some(cache_control) = response.cache_control.value()
        && let Ok(value) = HeaderValue::from_str(&cache_control)
    {
        headers.insert(header::CACHE_CONTROL, value);
    }
    for (name, value) in response.http_headers.iter() {
        headers.append(name, value.clone());
    }
    // A `RATE_LIMITED` error, refused before execution or raised by a resolver (a `login`),
    // carries `extensions.retryAfter`: the header says the same to HTTP clients.
    if let Some(seconds) = response.errors.iter().find_map(|error| {
        match error.extensions.as_ref()?.get("retryAfter")? {
            async_graphql::Value::Number(seconds) => Some(seconds.to_string()),
            _ => None,
        }
    }) && let Ok(value) = HeaderValue::from_str(&seconds)
    {
        headers.insert(header::RETRY_AFTER, value);
    }
    http
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_accept_header_chooses_the_media_type() {
        assert_eq!(negotiate(&HeaderMap::new()), Some(Media::Json));
        assert_eq!(negotiate(&accept("application/json")), Some(Media::Json));
        assert_eq!(
            negotiate(&accept(GRAPHQL_RESPONSE_JSON)),
            Some(Media::GraphqlResponseJson)
        );
        assert_eq!(
            negotiate(&accept(
                "application/graphql-response+json, application/json;q=0.9"
            )),
            Some(Media::GraphqlResponseJson)
        );
        assert_eq!(
            negotiate(&accept(
                "application/graphql-response+json;q=0.5, application/json"
            )),
            Some(Media::Json)
        );
        assert_eq!(negotiate(&accept("*/*")), Some(Media::Json));
        assert_eq!(
            negotiate(&accept("application/graphql-response+json, */*;q=0.1")),
            Some(Media::GraphqlResponseJson)
        );
        assert_eq!(negotiate(&accept("text/html")), None);
        assert_eq!(
            negotiate(&accept("application/json;q=0, */*")),
            Some(Media::GraphqlResponseJson)
        );
        assert_eq!(negotiate(&accept("application/json;q=0")), None);
        assert_eq!(
            negotiate(&accept("application/json;q=NaN")),
            Some(Media::Json)
        );
    }

    #[test]
    fn a_request_error_in_graphql_response_json_is_a_400_without_data() {
        let response = async_graphql::Response::from_errors(vec![async_graphql::ServerError::new(
            "syntax error",
            None,
        )]);
        let http = write(Media::GraphqlResponseJson, response, None);
        assert_eq!(http.status(), StatusCode::BAD_REQUEST);
        let response = async_graphql::Response::from_errors(vec![async_graphql::ServerError::new(
            "syntax error",
            None,
        )]);
        assert_eq!(write(Media::Json, response, None).status(), StatusCode::OK);
    }
}
