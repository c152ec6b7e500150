//! GraphQL subscriptions over WebSocket (`graphql-transport-ws`) on each subgraph's `/graphql`.
//!
//! A `GET /graphql` with `Upgrade: websocket` is accepted here (after the client address's rate
//! limit); everything after the upgrade is one task per connection ([`connection`]):
//! credentials from `connection_init` (4403 when missing or invalid), a cap of connections per
//! caller (4429), of subscriptions per connection, a keep-alive ping, an end at the credentials'
//! expiry (4401) and periodic re-authentication, and a slow reader dropped rather than buffered.
//! Our own implementation rather than async-graphql's: that one closes a refused
//! `connection_init` with 1002 instead of 4403, has no initialisation timeout and lets a
//! duplicate subscription id replace the first.

mod connection;
pub mod protocol;

use crate::http::AppState;
use async_graphql::Executor;
use axum::extract::ws::WebSocketUpgrade;
use axum::http::HeaderMap;
use axum::response::Response;
use std::net::IpAddr;
use std::time::Duration;

/// The WebSocket transport's limits (`WS_*` variables, `docs/configuration.md`).
#[derive(Debug, Clone, Copy)]
pub struct WsSettings {
    /// How long a new connection may take to send `connection_init`.
    pub init_timeout: Duration,
    /// How often the server pings; a client silent for two intervals is disconnected.
    pub keepalive: Duration,
    /// How often a connection's credentials are checked again (a deactivated user, a revoked
    /// key, a cancelled tenant end the connection).
    pub reauthenticate_every: Duration,
    /// Open operations per connection.
    pub max_subscriptions_per_connection: usize,
    /// Open connections per user or API key on one server process.
    pub max_connections_per_caller: usize,
    /// Largest message accepted from a client.
    pub max_message_bytes: usize,
    /// How long one message may take to reach a client before the connection is dropped.
    pub write_timeout: Duration,
}

impl Default for WsSettings {
    fn default() -> Self {
        Self {
            init_timeout: Duration::from_secs(10),
            keepalive: Duration::from_secs(15),
            reauthenticate_every: Duration::from_secs(300),
            max_subscriptions_per_connection: 20,
            max_connections_per_caller: 20,
            max_message_bytes: 65_536,
            write_timeout: Duration::from_secs(10),
        }
    }
}

/// Whether a request asks to switch to WebSocket.
pub(crate) fn is_upgrade(headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::UPGRADE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.eq_ignore_ascii_case("websocket"))
}

/// Switches an upgrade request to a GraphQL WebSocket connection of this subgraph.
pub(crate) fn accept<E: Executor>(
    state: AppState<E>,
    upgrade: WebSocketUpgrade,
    client: IpAddr,
    request_id: String,
    headers: HeaderMap,
    slot: Option<crate::serve::ConnectionSlot>,
) -> Response {
    let settings = state.ws;
    let upgrade = upgrade
        .protocols([protocol::SUBPROTOCOL])
        .max_message_size(settings.max_message_bytes)
        .max_frame_size(settings.max_message_bytes)
        // tungstenite's default read buffer is 128 KiB per connection, zero-filled on every read
        // attempt: with thousands of idle subscribers that memset was half the server's CPU and
        // most of its memory (docs/benchmarks.md). Messages are small; the buffer grows for a
        // large one.
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let speaks_protocol = upgrade.selected_protocol().is_some();
    upgrade
        .on_failed_upgrade(|error| tracing::info!(%error, "WebSocket upgrade failed"))
        .on_upgrade(move |socket| {
            connection::Connection {
                state,
                client,
                request_id,
                headers,
                slot,
            }
            .run(socket, speaks_protocol)
        })
}
