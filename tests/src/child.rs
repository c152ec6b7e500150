//! A server instance in an operating-system process of its own, for tests of what crosses
//! instances (live updates fanned out through PostgreSQL). The child is this very test binary,
//! run again with only an entry test that calls [`serve_if_child`]: no other binary has to be
//! built, and the child shares nothing with the parent but the database.

use crate::TestDatabase;
use crate::server::TestServer;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The variable that turns the entry test into a server: the database to serve.
const CHILD_DATABASE: &str = "LEADMETRICS_TEST_CHILD_DATABASE";
/// The line the child prints once it listens, followed by its base URL.
const READY: &str = "LEADMETRICS_CHILD_SERVER ";

/// The variable naming the file the child writes its logs to (every level, plain text).
const CHILD_LOG: &str = "LEADMETRICS_TEST_CHILD_LOG";
/// The variable naming the subgraph the child serves (default `tenant`).
const CHILD_SUBGRAPH: &str = "LEADMETRICS_TEST_CHILD_SUBGRAPH";

/// A server (the tenant subgraph unless told otherwise) in a child process; killed when dropped.
pub struct ChildServer {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    log: std::path::PathBuf,
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.log);
    }
}

impl ChildServer {
    /// Starts a server for `db` in a child process running the test `entry` (its full path in
    /// the test binary, e.g. `live_subscriptions::a_server_in_a_child_process`), which must call
    /// [`serve_if_child`].
    pub async fn spawn(db: &TestDatabase, entry: &str) -> Self {
        Self::spawn_subgraph(db, entry, "tenant").await
    }

    /// Like [`ChildServer::spawn`], serving the subgraph `subgraph` (`content`, …).
    pub async fn spawn_subgraph(db: &TestDatabase, entry: &str, subgraph: &str) -> Self {
        let exe = std::env::current_exe()
            .unwrap_or_else(|error| panic!("cannot find the test binary: {error}"));
        let log = std::env::temp_dir().join(format!("{}.log", db.name()));
        let mut child = Command::new(exe)
            .args([entry, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_DATABASE, db.name())
            .env(CHILD_LOG, &log)
            .env(CHILD_SUBGRAPH, subgraph)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start the child server: {error}"));
        let Some(stdout) = child.stdout.take() else {
            panic!("the child server has no stdout");
        };
        let found = tokio::task::spawn_blocking(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                // libtest prints `test … ... ` on the same line before the test's own output.
                .find_map(|line| line.split_once(READY).map(|(_, url)| url.trim().to_owned()))
        });
        let base_url = match tokio::time::timeout(std::time::Duration::from_secs(60), found).await {
            Ok(Ok(Some(url))) => url,
            other => {
                let _ = child.kill();
                panic!("the child server did not start: {other:?}");
            }
        };
        Self {
            child,
            base_url,
            log,
        }
    }

    /// Everything the server has logged so far, at every level (its own process's logs, so
    /// nothing of other tests is in them and nothing of its is missing).
    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// In a child process started by [`ChildServer::spawn`], serves its subgraph (the tenant
/// subgraph unless spawned with [`ChildServer::spawn_subgraph`]) until killed; anywhere else,
/// returns at once.
pub async fn serve_if_child() {
    let Ok(database) = std::env::var(CHILD_DATABASE) else {
        return;
    };
    if let Some(path) = std::env::var_os(CHILD_LOG)
        && let Ok(file) = std::fs::File::create(path)
    {
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
    }
    let subgraph = std::env::var(CHILD_SUBGRAPH).unwrap_or_else(|_| "tenant".to_owned());
    let server = TestServer::start_on(&database, &subgraph, &[]).await;
    println!("{READY}{}", server.base_url);
    std::future::pending::<()>().await;
}
