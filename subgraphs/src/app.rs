//! Wiring: from configuration to services, schemas and routers.

use crate::config::Config;
use crate::http::{AppState, PersistedQueries, router};
use crate::jobs;
use crate::listener::{self, ListenerState};
use crate::metrics::Metrics;
use axum::Router;
use graph_core::auth::jwt::JwtCodec;
use graph_core::crypto::KeyRing;
use graph_core::db::{Db, PoolSettings};
use graph_core::documents::{AuditSink, DocumentStore, ObjectStorage};
use graph_core::jobs::JobStats;
use graph_core::live::Hub;
use graph_core::services::Services;
use graph_core::subgraph::{SubgraphSchema, schema_builder};
use graph_core::throttle::{self, Throttle};
use std::sync::Arc;
use std::time::Duration;

/// A failure to start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// Bad configuration.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// Unusable JWT settings.
    #[error("JWT settings: {0}")]
    Jwt(String),
    /// Unusable encryption keys.
    #[error("ENCRYPTION_KEYS: {0}")]
    Keys(String),
    /// The database is unreachable.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// The document store's settings are unusable.
    #[error(transparent)]
    Documents(#[from] graph_core::documents::DocumentConfigError),
    /// The object storage settings are unusable.
    #[error("S3: {0}")]
    ObjectStorage(String),
    /// A port could not be bound.
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
}

/// Connects to the database and builds the process-wide services.
pub async fn services(config: &Config) -> Result<Arc<Services>, StartError> {
    let jwt =
        JwtCodec::new(config.jwt.clone()).map_err(|error| StartError::Jwt(format!("{error}")))?;
    let key_ring = KeyRing::parse(&config.encryption_keys)
        .map_err(|error| StartError::Keys(format!("{error}")))?;
    let pool = PoolSettings {
        max_connections: config.database_max_connections,
        acquire_timeout: Duration::from_secs(5),
        statement_timeout: config.statement_timeout,
    };
    let db = Db::connect(&config.database_url, &config.platform_database_url, &pool).await?;
    let throttle = Arc::new(Throttle::new(config.throttle));
    throttle::spawn_cleanup(&throttle);
    let hub = Hub::new(config.live_event_buffer);
    let documents = DocumentStore::connect(&config.documents).await?;
    // The collections and their indexes exist before the first request when the store answers
    // (the background creation in `start_background` retries when it does not). Besides saving
    // the first writes an implicit collection creation, this keeps collection creation from
    // running alongside the first inserts: SecantusDB (the tests' and `scripts/start`'s store)
    // can deadlock when a `createIndexes` creating a collection meets an insert that creates
    // another.
    if documents.ping_within(Duration::from_millis(500)).await
        && let Err(error) = documents.create_indexes().await
    {
        tracing::warn!(
            ?error,
            "document store indexes not created at start-up; retrying in the background"
        );
    }
    let audit = AuditSink::spawn(documents.clone(), config.audit_log_queue);
    let object_storage = config
        .object_storage
        .as_ref()
        .map(ObjectStorage::new)
        .transpose()
        .map_err(StartError::ObjectStorage)?;
    let services = Arc::new(Services {
        db,
        jwt,
        key_ring,
        max_page_size: config.max_page_size,
        throttle,
        platform_tenant_slug: config.platform_tenant_slug.clone(),
        hub: hub.clone(),
        jobs: JobStats::default(),
        documents,
        audit,
        object_storage,
    });
    Ok(services)
}

/// What runs beside the HTTP servers for the life of the process: the `LISTEN` connection that
/// feeds subscriptions, and the background jobs this instance takes part in.
pub struct Background {
    /// Whether change events reach this process.
    pub listener: Arc<ListenerState>,
}

/// Starts the listener and the background jobs (each safe with any number of instances).
pub fn start_background(services: &Arc<Services>, config: &Config) -> Background {
    services.documents.spawn_index_creation();
    let listener = listener::spawn(services.hub.clone(), config.listen_database_url.clone());
    if let Some((interval, batch)) = config.approval_expiry {
        jobs::spawn_approval_expiry(Arc::clone(services), interval, batch);
    }
    if let Some((interval, batch)) = config.registration_cleanup {
        jobs::spawn_registration_cleanup(Arc::clone(services), interval, batch);
    }
    Background { listener }
}

/// The router of subgraph `S`: its schema with the transport extensions, behind the HTTP surface
/// every subgraph shares.
pub fn subgraph_router<S: SubgraphSchema>(
    services: Arc<Services>,
    config: &Config,
    background: &Background,
) -> Router {
    // No extension: the HTTP layer runs every check before execution (see `http::graphql`).
    let schema = schema_builder::<S>(Arc::clone(&services), config.limits).finish();
    let state = AppState {
        subgraph: S::NAME,
        schema,
        services,
        metrics: Arc::new(Metrics::default()),
        trusted_proxy_hops: config.trusted_proxy_hops,
        max_body_bytes: config.max_body_bytes,
        limits: config.limits,
        persisted: Arc::new(PersistedQueries::new(config.persisted_queries_max_bytes)),
        readiness: Arc::default(),
        ws: config.ws,
        listener: Arc::clone(&background.listener),
    };
    router(state, config.request_timeout)
}
