//! [`DocumentStore`]: the connection to MongoDB and every operation the API runs on it. Each
//! read filters by tenant as well as by `_id`; each write stamps the writer's tenant; each call
//! is bounded by `MONGODB_TIMEOUT_MS`, so a slow or stopped store costs a request at most that
//! long and only its document fields (`UNAVAILABLE`), never its PostgreSQL ones.

use crate::db::TenantId;
use crate::documents::collections::{Collection, all_indexes};
use crate::error::{ApiError, ApiResult};
use futures::TryStreamExt;
use mongodb::bson::oid::ObjectId;
use mongodb::bson::{Document, doc};
use mongodb::event::EventHandler;
use mongodb::event::command::CommandEvent;
use mongodb::options::ClientOptions;
use mongodb::{Client, Database};
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Where the document store is and how long the API waits for it.
#[derive(Debug, Clone)]
pub struct DocumentSettings {
    /// `MONGODB_URL` (`mongodb://…`).
    pub url: String,
    /// `MONGODB_DATABASE`.
    pub database: String,
    /// `MONGODB_TIMEOUT_MS`: the longest one operation may take, server selection included.
    pub timeout: Duration,
}

/// Read commands the driver sent and calls that failed (the document counts of the tests and
/// `/metrics`).
#[derive(Debug, Default)]
struct CommandMeter {
    reads: AtomicU64,
    failures: AtomicU64,
}

/// The document store of the process (cheap to clone: the driver's client is shared).
#[derive(Clone)]
pub struct DocumentStore {
    database: Database,
    timeout: Duration,
    meter: Arc<CommandMeter>,
}

impl std::fmt::Debug for DocumentStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentStore")
            .field("database", &self.database.name())
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// A document store that cannot be used as configured.
#[derive(Debug, thiserror::Error)]
#[error("MONGODB_URL: {0}")]
pub struct DocumentConfigError(String);

impl DocumentStore {
    /// A client of the store at `settings.url`. The driver connects lazily: the server starts
    /// (and serves its PostgreSQL fields) whether or not the store is up.
    pub async fn connect(settings: &DocumentSettings) -> Result<Self, DocumentConfigError> {
        let mut options = ClientOptions::parse(&settings.url)
            .await
            .map_err(|error| DocumentConfigError(error.to_string()))?;
        options.app_name = Some("leadmetrics-graph".to_owned());
        options.server_selection_timeout = Some(settings.timeout);
        options.connect_timeout = Some(settings.timeout);
        let meter = Arc::new(CommandMeter::default());
        let observed = Arc::clone(&meter);
        options.command_event_handler = Some(EventHandler::callback(move |event| {
            observe(&observed, &event);
        }));
        let client = Client::with_options(options)
            .map_err(|error| DocumentConfigError(error.to_string()))?;
        Ok(Self {
            database: client.database(&settings.database),
            timeout: settings.timeout,
            meter,
        })
    }

    /// Read commands (`find`, `aggregate`, `count`) sent since start: what the tests count to
    /// show that document reads are batched.
    pub fn reads_executed(&self) -> u64 {
        self.meter.reads.load(Ordering::Relaxed)
    }

    /// Commands that failed (or timed out) since start.
    pub fn failures(&self) -> u64 {
        self.meter.failures.load(Ordering::Relaxed)
    }

    /// Whether the store answers a `ping` within `within` (for `/readyz`, which must answer a
    /// probe quickly while the store is down: shorter than the operations' timeout).
    pub async fn ping_within(&self, within: Duration) -> bool {
        matches!(
            tokio::time::timeout(within, self.database.run_command(doc! { "ping": 1 })).await,
            Ok(Ok(_))
        )
    }

    /// Creates every collection's indexes (idempotent). Run at start-up, in the background,
    /// retried until it succeeds (see [`DocumentStore::spawn_index_creation`]).
    pub async fn create_indexes(&self) -> ApiResult<()> {
        for (name, indexes) in all_indexes() {
            if indexes.is_empty() {
                continue;
            }
            let collection = self.database.collection::<Document>(name);
            self.bounded("createIndexes", async {
                collection.create_indexes(indexes).await
            })
            .await?;
        }
        Ok(())
    }

    /// Creates the indexes now if the store is up, otherwise retries every few seconds until it
    /// is: a store that is down at start-up does not stop the API.
    pub fn spawn_index_creation(&self) {
        let store = self.clone();
        tokio::spawn(async move {
            let mut wait = Duration::from_secs(1);
            loop {
                match store.create_indexes().await {
                    Ok(()) => {
                        tracing::info!("document store indexes ready");
                        return;
                    }
                    Err(_) => {
                        tracing::warn!(
                            retry_in_s = wait.as_secs(),
                            "document store indexes not created yet"
                        );
                        tokio::time::sleep(wait).await;
                        wait = (wait * 2).min(Duration::from_secs(30));
                    }
                }
            }
        });
    }

    /// The documents of `D` with these ids that belong to `tenant`, in one `find`. Ids that are
    /// not 24 hex digits match nothing (a reference is data, not trusted input).
    pub async fn find_by_ids<D: Collection>(
        &self,
        tenant: TenantId,
        ids: &[String],
    ) -> ApiResult<Vec<D>> {
        let ids: Vec<ObjectId> = ids
            .iter()
            .filter_map(|id| ObjectId::parse_str(id).ok())
            .collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let collection = self.database.collection::<D>(D::NAME);
        let filter = doc! { "_id": { "$in": ids }, "tenantId": tenant_key(tenant) };
        self.bounded("find", async {
            collection
                .find(filter)
                .max_time(self.timeout)
                .await?
                .try_collect::<Vec<D>>()
                .await
        })
        .await
    }

    /// Writes `document` as `tenant`'s (its `tenantId` is overwritten) and returns its id.
    pub async fn insert<D: Collection>(
        &self,
        tenant: TenantId,
        mut document: D,
    ) -> ApiResult<ObjectId> {
        document.set_tenant(tenant_key(tenant));
        let id = document.id();
        let collection = self.database.collection::<D>(D::NAME);
        self.bounded("insert", async { collection.insert_one(document).await })
            .await?;
        Ok(id)
    }

    /// Writes many documents of several tenants at once: for the audit writer and the seed,
    /// which stamp each document's tenant themselves.
    pub(crate) async fn insert_stamped<D: Collection>(&self, documents: Vec<D>) -> ApiResult<()> {
        if documents.is_empty() {
            return Ok(());
        }
        let collection = self.database.collection::<D>(D::NAME);
        self.bounded("insert", async {
            collection.insert_many(documents).ordered(false).await
        })
        .await?;
        Ok(())
    }

    /// The raw collection `D`, unscoped: for the platform's own work outside a request
    /// (seeding, the tests that inspect the audit log). Resolvers use the tenant-taking methods.
    pub fn platform_collection<D: Collection>(&self) -> mongodb::Collection<D> {
        self.database.collection::<D>(D::NAME)
    }

    /// Runs one driver call within the timeout; a failure or timeout is logged and becomes
    /// `UNAVAILABLE` (never the driver's message, which can name hosts).
    async fn bounded<T>(
        &self,
        command: &'static str,
        call: impl Future<Output = mongodb::error::Result<T>>,
    ) -> ApiResult<T> {
        match tokio::time::timeout(self.timeout, call).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => {
                self.meter.failures.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(command, error.detail = %error, "document store call failed");
                Err(ApiError::Unavailable("the document store"))
            }
            Err(_) => {
                self.meter.failures.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(
                    command,
                    timeout_ms = self.timeout.as_millis() as u64,
                    "document store call timed out"
                );
                Err(ApiError::Unavailable("the document store"))
            }
        }
    }
}

/// How a tenant is written in `tenantId`.
pub(crate) fn tenant_key(tenant: TenantId) -> String {
    tenant.uuid().to_string()
}

fn observe(meter: &CommandMeter, event: &CommandEvent) {
    match event {
        CommandEvent::Started(started) => match started.command_name.as_str() {
            "find" | "aggregate" | "count" | "distinct" | "getMore" => {
                meter.reads.fetch_add(1, Ordering::Relaxed);
            }
            _ => {}
        },
        CommandEvent::Failed(_) | CommandEvent::Succeeded(_) => {}
        _ => {}
    }
}
