//! Who is on the other end: the client's address and the request id, taken from proxy headers
//! only as far as the configured proxies can be trusted.
//!
//! Each trusted proxy appends the address it received the request from to `X-Forwarded-For`, so
//! with `TRUSTED_PROXY_HOPS = n` the client is the n-th entry from the right; everything to its
//! left was written by the client and is ignored (the first entry is whatever the client wants it
//! to be, and the contract acceptance IP is a legal record). With no trusted proxy the address is
//! the connection's peer and a client's `X-Request-Id` is not believed either: the server's own
//! id is what the logs and the operator audit record.

use axum::http::HeaderMap;
use std::net::{IpAddr, SocketAddr};

/// The `X-Request-Id` header.
pub(super) const REQUEST_ID: &str = "x-request-id";

/// The client's address: with `hops` trusted proxies in front, the `hops`-th `X-Forwarded-For`
/// entry from the right (all `X-Forwarded-For` headers taken in order); the peer's address when
/// there is no trusted proxy, no header, or the entry is not an IP address. With fewer entries
/// than hops (a shorter chain than configured), the leftmost entry: every entry there was written
/// by a trusted proxy.
pub(super) fn client_ip(hops: usize, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
    if hops == 0 {
        return peer.ip().to_canonical();
    }
    // Split the raw bytes: a header a client filled with non-ASCII bytes must not hide the
    // entries the proxies appended to it.
    let entries: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|value| value.as_bytes().split(|byte| *byte == b','))
        .map(<[u8]>::trim_ascii)
        .filter(|entry| !entry.is_empty())
        .collect();
    let Some(index) = entries.len().checked_sub(1) else {
        return peer.ip().to_canonical();
    };
    let entry = entries[index.saturating_sub(hops - 1)];
    let entry = std::str::from_utf8(entry).unwrap_or_default();
    address_of(entry).unwrap_or_else(|| {
        tracing::debug!(
            entry,
            "an X-Forwarded-For entry is not an address; using the peer"
        );
        peer.ip().to_canonical()
    })
}

/// The address of an `X-Forwarded-For` entry: an IP address, or one with a port as some proxies
/// write it (`198.51.100.2:443`, `[2001:db8::1]:443`).
fn address_of(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|address| address.ip()))
        .map(|ip| ip.to_canonical())
}

/// The registration wizard's token: the `X-Registration-Token` header, else the
/// `lm_registration` cookie (every `Cookie` header; values that are not text are skipped).
pub(crate) fn registration_token(
    headers: &HeaderMap,
) -> Option<graph_core::registration::token::PresentedToken> {
    use graph_core::registration::{TOKEN_HEADER, presented_token};
    let header = headers
        .get(TOKEN_HEADER)
        .and_then(|value| value.to_str().ok());
    let cookies = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok());
    presented_token(header, cookies)
}

/// The request id: a trusted proxy's `X-Request-Id` when it is a sane token, else a new one.
pub(super) fn request_id(trusted_proxy: bool, headers: &HeaderMap) -> String {
    trusted_proxy
        .then(|| {
            headers
                .get(REQUEST_ID)
                .and_then(|value| value.to_str().ok())
        })
        .flatten()
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    const PEER: &str = "10.0.0.9:5000";

    #[test]
    fn without_a_trusted_proxy_the_peer_is_the_client_whatever_the_header_says() {
        let headers = forwarded(&["203.0.113.7"]);
        assert_eq!(
            client_ip(0, PEER.parse().unwrap(), &headers).to_string(),
            "10.0.0.9"
        );
    }

    #[test]
    fn one_trusted_proxy_means_the_rightmost_entry_and_a_forged_first_entry_is_ignored() {
        let headers = forwarded(&["1.2.3.4, 198.51.100.2"]);
        assert_eq!(
            client_ip(1, PEER.parse().unwrap(), &headers).to_string(),
            "198.51.100.2"
        );
        let split = forwarded(&["1.2.3.4", "198.51.100.2"]);
        assert_eq!(
            client_ip(1, PEER.parse().unwrap(), &split).to_string(),
            "198.51.100.2"
        );
    }

    #[test]
    fn two_trusted_proxies_skip_the_entry_the_inner_proxy_added() {
        let headers = forwarded(&["1.2.3.4, 198.51.100.2, 10.0.0.3"]);
        assert_eq!(
            client_ip(2, PEER.parse().unwrap(), &headers).to_string(),
            "198.51.100.2"
        );
        let short = forwarded(&["198.51.100.2"]);
        assert_eq!(
            client_ip(2, PEER.parse().unwrap(), &short).to_string(),
            "198.51.100.2"
        );
    }

    #[test]
    fn an_entry_with_a_port_or_an_ipv4_mapped_address_names_the_client() {
        for (entry, client) in [
            ("198.51.100.2:443", "198.51.100.2"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("::ffff:198.51.100.2", "198.51.100.2"),
        ] {
            let headers = forwarded(&[entry]);
            assert_eq!(
                client_ip(1, PEER.parse().unwrap(), &headers).to_string(),
                client,
                "{entry}"
            );
        }
    }

    #[test]
    fn client_written_bytes_that_are_not_text_do_not_hide_the_proxys_entry() {
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_bytes(b"\xff\xfe, 198.51.100.2").unwrap();
        headers.append("x-forwarded-for", value);
        assert_eq!(
            client_ip(1, PEER.parse().unwrap(), &headers).to_string(),
            "198.51.100.2"
        );
    }

    #[test]
    fn a_garbage_entry_falls_back_to_the_peer() {
        let headers = forwarded(&["not-an-ip"]);
        assert_eq!(
            client_ip(1, PEER.parse().unwrap(), &headers).to_string(),
            "10.0.0.9"
        );
    }

    #[test]
    fn a_client_request_id_is_kept_only_from_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert(REQUEST_ID, HeaderValue::from_static("client-chosen-id"));
        assert_eq!(request_id(true, &headers), "client-chosen-id");
        assert_ne!(request_id(false, &headers), "client-chosen-id");
        headers.insert(REQUEST_ID, HeaderValue::from_static("bad id with spaces"));
        assert_ne!(request_id(true, &headers), "bad id with spaces");
    }
}
