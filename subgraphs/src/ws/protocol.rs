//! The messages and close codes of GraphQL over WebSocket, `graphql-transport-ws`
//! (<https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md>): the protocol of the
//! `graphql-ws` client and of federation gateways' subgraph subscriptions.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The subprotocol this server speaks (`Sec-WebSocket-Protocol`).
pub const SUBPROTOCOL: &str = "graphql-transport-ws";

/// Close codes of the protocol (and the few standard ones this server uses).
pub mod close {
    /// A message that is not valid for the protocol.
    pub const BAD_REQUEST: u16 = 4400;
    /// `subscribe` before `connection_ack`, or credentials that expired or were withdrawn.
    pub const UNAUTHORIZED: u16 = 4401;
    /// `connection_init` without valid credentials.
    pub const FORBIDDEN: u16 = 4403;
    /// No `connection_init` in time.
    pub const INIT_TIMEOUT: u16 = 4408;
    /// A second subscription with an id in use.
    pub const SUBSCRIBER_EXISTS: u16 = 4409;
    /// A second `connection_init`, or more connections than a caller may hold.
    pub const TOO_MANY: u16 = 4429;
    /// The server is shutting down.
    pub const GOING_AWAY: u16 = 1001;
    /// A message over the size limit.
    pub const TOO_BIG: u16 = 1009;
    /// The client stopped answering pings.
    pub const POLICY: u16 = 1008;
    /// The client fell behind the events of its subscriptions (a slow reader is dropped).
    pub const TRY_AGAIN_LATER: u16 = 1013;
    /// The server failed.
    pub const INTERNAL: u16 = 4500;
}

/// A message from the client.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    /// Opens the connection; the payload carries the credentials.
    ConnectionInit {
        /// `{ "Authorization": "Bearer …" }`, `{ "apiKey": "…" }`, …
        #[serde(default)]
        payload: Option<Value>,
    },
    /// Keep-alive from the client (answered with `pong`).
    Ping {
        /// Echoed back.
        #[serde(default)]
        payload: Option<Value>,
    },
    /// Answer to the server's `ping`.
    Pong {
        /// Ignored.
        #[serde(default)]
        #[allow(dead_code)]
        payload: Option<Value>,
    },
    /// Starts an operation.
    Subscribe {
        /// The client's id of the operation, unique on the connection.
        id: String,
        /// The GraphQL request.
        payload: SubscribePayload,
    },
    /// The client stops an operation.
    Complete {
        /// Which one.
        id: String,
    },
}

/// The GraphQL request of a `subscribe` message.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscribePayload {
    /// The document.
    pub query: String,
    /// Which operation of the document.
    #[serde(default)]
    pub operation_name: Option<String>,
    /// Its variables.
    #[serde(default)]
    pub variables: Option<Value>,
}

/// `connection_ack`.
pub fn connection_ack() -> String {
    json!({ "type": "connection_ack" }).to_string()
}

/// `ping` (the server's keep-alive).
pub fn ping() -> String {
    json!({ "type": "ping" }).to_string()
}

/// `pong`, echoing the client's payload.
pub fn pong(payload: Option<Value>) -> String {
    match payload {
        Some(payload) => json!({ "type": "pong", "payload": payload }),
        None => json!({ "type": "pong" }),
    }
    .to_string()
}

/// A server message about one operation, serialized field by field so the result keeps the
/// selection order (a `serde_json::Value` would sort its keys).
#[derive(Serialize)]
struct OperationMessage<'a, P: Serialize> {
    r#type: &'static str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<P>,
}

fn operation_message<P: Serialize>(kind: &'static str, id: &str, payload: Option<P>) -> String {
    serde_json::to_string(&OperationMessage {
        r#type: kind,
        id,
        payload,
    })
    // Serializing strings and a response cannot fail; an empty message would be a 4400 for
    // the client rather than a panic here.
    .unwrap_or_default()
}

/// `next`: one execution result of operation `id`, in selection order.
pub fn next(id: &str, result: &async_graphql::Response) -> String {
    operation_message("next", id, Some(result))
}

/// `error`: operation `id` was refused before it ran (validation, limits); it is over.
pub fn error(id: &str, errors: &[async_graphql::ServerError]) -> String {
    operation_message("error", id, Some(errors))
}

/// `complete`: operation `id` is over.
pub fn complete(id: &str) -> String {
    operation_message::<()>("complete", id, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_keeps_the_selection_order_of_its_fields() {
        let mut data = async_graphql::indexmap::IndexMap::new();
        data.insert(
            async_graphql::Name::new("kind"),
            async_graphql::Value::from("RESOLVED"),
        );
        data.insert(
            async_graphql::Name::new("approval"),
            async_graphql::Value::from("A1"),
        );
        let response = async_graphql::Response::new(async_graphql::Value::Object(data));
        assert_eq!(
            next("7", &response),
            r#"{"type":"next","id":"7","payload":{"data":{"kind":"RESOLVED","approval":"A1"}}}"#
        );
        assert_eq!(complete("7"), r#"{"type":"complete","id":"7"}"#);
    }

    #[test]
    fn client_messages_of_the_protocol_parse_and_others_do_not() {
        let init: Result<ClientMessage, _> =
            serde_json::from_str(r#"{"type":"connection_init","payload":{"apiKey":"k"}}"#);
        assert!(matches!(
            init,
            Ok(ClientMessage::ConnectionInit { payload: Some(_) })
        ));
        let subscribe: Result<ClientMessage, _> = serde_json::from_str(
            r#"{"type":"subscribe","id":"1","payload":{"query":"subscription { x }"}}"#,
        );
        assert!(matches!(subscribe, Ok(ClientMessage::Subscribe { .. })));
        for bad in [
            r#"{"type":"start","id":"1","payload":{"query":"q"}}"#,
            r#"{"type":"subscribe","payload":{"query":"q"}}"#,
            r#"{"type":"complete"}"#,
            "[]",
        ] {
            assert!(serde_json::from_str::<ClientMessage>(bad).is_err(), "{bad}");
        }
    }
}
