//! A `graphql-transport-ws` client for the subscription tests: a real WebSocket connection
//! (tokio-tungstenite), speaking the protocol message by message so tests can also send what a
//! well-behaved client never would.

use serde_json::{Value, json};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// What came from the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Received {
    /// A protocol message (pings are answered and skipped by [`WsClient::receive`]).
    Message(Value),
    /// The server closed the connection with this code and reason.
    Closed(u16, String),
    /// Nothing within the time given.
    Nothing,
}

/// One client connection.
pub struct WsClient {
    socket: WebSocketStream<MaybeTlsStream<tokio::net::TcpStream>>,
}

impl WsClient {
    /// Opens a WebSocket to `base_url`'s `/graphql` (`http://…` or `ws://…`) offering
    /// `graphql-transport-ws`.
    pub async fn connect(base_url: &str) -> Self {
        Self::connect_offering(base_url, Some("graphql-transport-ws")).await
    }

    /// Opens a WebSocket offering `protocol` (None: no subprotocol at all).
    pub async fn connect_offering(base_url: &str, protocol: Option<&str>) -> Self {
        match Self::try_connect(base_url, protocol).await {
            Ok(client) => client,
            Err(error) => panic!("WebSocket connect failed: {error}"),
        }
    }

    /// Like [`WsClient::connect_offering`], returning the handshake's failure (a server that
    /// selects none of the offered subprotocols fails it, as in browsers).
    pub async fn try_connect(base_url: &str, protocol: Option<&str>) -> Result<Self, String> {
        let url = format!(
            "{}/graphql",
            base_url
                .replacen("http://", "ws://", 1)
                .trim_end_matches("/graphql")
        );
        let mut request = url
            .into_client_request()
            .unwrap_or_else(|error| panic!("bad WebSocket URL: {error}"));
        if let Some(protocol) = protocol {
            request.headers_mut().insert(
                "sec-websocket-protocol",
                HeaderValue::from_str(protocol).unwrap_or_else(|_| HeaderValue::from_static("x")),
            );
        }
        let (socket, _) = tokio_tungstenite::connect_async(request)
            .await
            .map_err(|error| error.to_string())?;
        Ok(Self { socket })
    }

    /// Sends a raw text frame.
    pub async fn send_text(&mut self, text: &str) {
        use futures::SinkExt;
        self.socket
            .send(Message::Text(text.to_owned().into()))
            .await
            .unwrap_or_else(|error| panic!("WebSocket send failed: {error}"));
    }

    /// Sends a raw binary frame (the protocol has none: the server must refuse it).
    pub async fn send_binary(&mut self, bytes: Vec<u8>) {
        use futures::SinkExt;
        self.socket
            .send(Message::Binary(bytes.into()))
            .await
            .unwrap_or_else(|error| panic!("WebSocket send failed: {error}"));
    }

    /// Sends a raw text frame, returning the failure instead of panicking (the server may
    /// already have closed the connection).
    pub async fn try_send_text(&mut self, text: &str) -> Result<(), String> {
        use futures::SinkExt;
        self.socket
            .send(Message::Text(text.to_owned().into()))
            .await
            .map_err(|error| error.to_string())
    }

    /// Starts the closing handshake with `code` and returns the server's answer (its close
    /// frame, or 1006 when the connection just ended).
    pub async fn close(&mut self, code: u16) -> Received {
        use futures::SinkExt;
        use tokio_tungstenite::tungstenite::protocol::CloseFrame;
        let frame = CloseFrame {
            code: code.into(),
            reason: "bye".into(),
        };
        let _ = self.socket.send(Message::Close(Some(frame))).await;
        self.receive(Duration::from_secs(5)).await
    }

    /// Sends a protocol message.
    pub async fn send(&mut self, message: Value) {
        self.send_text(&message.to_string()).await;
    }

    /// The next protocol message within `wait` (server pings are answered and skipped).
    pub async fn receive(&mut self, wait: Duration) -> Received {
        use futures::StreamExt;
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let next = match tokio::time::timeout_at(deadline, self.socket.next()).await {
                Err(_) => return Received::Nothing,
                Ok(next) => next,
            };
            match next {
                None | Some(Err(_)) => return Received::Closed(1006, String::new()),
                Some(Ok(Message::Close(frame))) => {
                    return match frame {
                        Some(frame) => {
                            Received::Closed(frame.code.into(), frame.reason.to_string())
                        }
                        None => Received::Closed(1005, String::new()),
                    };
                }
                Some(Ok(Message::Text(text))) => {
                    let message: Value = serde_json::from_str(text.as_str())
                        .unwrap_or_else(|_| json!({ "raw": text.as_str() }));
                    if message["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Received::Message(message);
                }
                Some(Ok(_)) => {}
            }
        }
    }

    /// Sends `connection_init` with `payload` and returns what the server answered.
    pub async fn init(&mut self, payload: Value) -> Received {
        self.send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        self.receive(Duration::from_secs(10)).await
    }

    /// Opens a connection authenticated with a bearer token (panics unless acknowledged).
    pub async fn with_token(base_url: &str, token: &str) -> Self {
        let mut client = Self::connect(base_url).await;
        match client
            .init(json!({ "Authorization": format!("Bearer {token}") }))
            .await
        {
            Received::Message(message) if message["type"] == "connection_ack" => client,
            other => panic!("connection_init was not acknowledged: {other:?}"),
        }
    }

    /// Starts operation `id`.
    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        self.send(json!({
            "type": "subscribe",
            "id": id,
            "payload": { "query": query, "variables": variables },
        }))
        .await;
    }

    /// The payload of the next `next` message of operation `id` within `wait` (panics on
    /// anything else).
    pub async fn next_payload(&mut self, id: &str, wait: Duration) -> Value {
        match self.receive(wait).await {
            Received::Message(message) if message["type"] == "next" && message["id"] == id => {
                message["payload"].clone()
            }
            other => panic!("expected a `next` of {id}, got {other:?}"),
        }
    }
}
