//! Set-ups of the content subgraph's tests: a fresh demo database with two servers on it — the
//! tenant subgraph (logins, API keys, the plan) and the content subgraph — as the gateway would
//! see them. Tokens and API keys of one work on the other: both verify the same credentials.

use crate::TestDatabase;
use crate::api::{Headers, api_key_headers, bearer_headers};
use crate::server::{DEMO_PASSWORD, TestServer, seed_demo};

/// The demo, served by both subgraphs.
pub struct ContentWorld {
    /// The test's database.
    pub db: TestDatabase,
    /// The tenant subgraph (sign in here).
    pub tenant: TestServer,
    /// The content subgraph (call it here).
    pub content: TestServer,
}

/// Seeds the demo and starts both subgraphs on it.
pub async fn start_content() -> ContentWorld {
    start_content_with(&[]).await
}

/// Like [`start_content`], with configuration overrides for the content server.
pub async fn start_content_with(overrides: &[(&str, &str)]) -> ContentWorld {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let tenant = TestServer::start(&db).await;
    let content = TestServer::start_subgraph(&db, "content", overrides).await;
    ContentWorld {
        db,
        tenant,
        content,
    }
}

impl ContentWorld {
    /// The bearer headers of demo user `email` (`admin@acme.test`, `member@acme.test`,
    /// `reviewer@acme.test`, the same at `globex.test`), signed in on the tenant subgraph.
    pub async fn user(&self, email: &str) -> Headers {
        bearer_headers(&self.tenant.login(email, DEMO_PASSWORD).await)
    }

    /// The headers of a new API key of the tenant whose admin is `admin_email`, with `scopes`
    /// (`["READ"]`, `["READ", "WRITE"]`).
    pub async fn api_key(&self, admin_email: &str, scopes: &[&str]) -> Headers {
        let token = self.tenant.login(admin_email, DEMO_PASSWORD).await;
        let (key, _) = self.tenant.create_api_key(&token, scopes).await;
        api_key_headers(&key)
    }
}
