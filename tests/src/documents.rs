//! The document store of the tests: a real MongoDB-protocol server. `TEST_MONGODB_URL` when set
//! (`scripts/test` starts one SecantusDB for the whole run, or point it at a MongoDB); otherwise
//! the first test of the process starts a SecantusDB (`secantusd-py`, installed by
//! `scripts/test`) on a free loopback port, in memory, stopped when the test process exits.
//! Each test uses its own database on it, named like its PostgreSQL database.
//!
//! [`OwnDocumentStore`] is a server of one test's own, for the tests that stop it mid-test.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The command that runs SecantusDB (`SECANTUSD` to use another path).
fn secantusd() -> String {
    std::env::var("SECANTUSD").unwrap_or_else(|_| "secantusd-py".to_owned())
}

/// A free loopback port (bound, then released for the server to take).
fn free_port() -> u16 {
    match TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()) {
        Ok(address) => address.port(),
        Err(error) => panic!("no free port: {error}"),
    }
}

/// Starts SecantusDB on `port` in memory, under a shell that stops it when process `parent`
/// ends (so a test binary that exits, or is killed, leaves no server behind).
fn spawn_secantus(port: u16, parent: u32) -> Child {
    let script = format!(
        "{} --host 127.0.0.1 --port {port} --storage-path :memory: --log-level WARNING & server=$!; \
         while kill -0 {parent} 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done; \
         kill $server 2>/dev/null",
        secantusd()
    );
    match Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
    {
        Ok(child) => child,
        Err(error) => panic!(
            "cannot start SecantusDB ({}): {error}; run scripts/test (it installs it), \
             `pip install SecantusDB==0.7.0b3`, or set TEST_MONGODB_URL",
            secantusd()
        ),
    }
}

/// Waits until something accepts connections on `port` (SecantusDB starts in about a second).
fn wait_for_port(port: u16) {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!(
        "SecantusDB did not listen on port {port} within 60 s: is `{}` installed?",
        secantusd()
    );
}

/// The URL of the document store shared by the tests of this process.
pub fn mongodb_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("TEST_MONGODB_URL")
            && !url.trim().is_empty()
        {
            return url;
        }
        let port = free_port();
        // Not waited for: the watcher shell stops it when this process ends.
        #[allow(clippy::zombie_processes)]
        let _ = spawn_secantus(port, std::process::id());
        wait_for_port(port);
        format!("mongodb://127.0.0.1:{port}/?directConnection=true")
    })
}

/// A SecantusDB of one test's own, which the test can stop (the document store going down
/// mid-request) — never the shared one.
pub struct OwnDocumentStore {
    /// Its URL.
    pub url: String,
    child: Option<Child>,
    port: u16,
}

impl OwnDocumentStore {
    /// Starts one and waits until it listens.
    pub fn start() -> Self {
        let port = free_port();
        let child = match Command::new(secantusd())
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--storage-path", ":memory:", "--log-level", "WARNING"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(child) => child,
            Err(error) => panic!("cannot start SecantusDB ({}): {error}", secantusd()),
        };
        wait_for_port(port);
        Self {
            url: format!("mongodb://127.0.0.1:{port}/?directConnection=true"),
            child: Some(child),
            port,
        }
    }

    /// Stops it (kills the server, waits until its port refuses connections).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline
            && TcpStream::connect_timeout(&address, Duration::from_millis(100)).is_ok()
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for OwnDocumentStore {
    fn drop(&mut self) {
        self.stop();
    }
}
