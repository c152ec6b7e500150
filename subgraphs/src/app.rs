//! Wiring: from configuration to services, schemas and routers.

use crate::config::Config;
use crate::http::{AppState, IntrospectionNeedsCredentials, ReadOnlyOverGet, router};
use crate::metrics::Metrics;
use axum::Router;
use resolvers::auth::jwt::JwtCodec;
use resolvers::core::db::{Db, PoolSettings};
use resolvers::core::services::Services;
use resolvers::crypto::KeyRing;
use resolvers::schema::{Subgraph, tenant_schema_builder};
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
    };
    let db = Db::connect(&config.database_url, &config.platform_database_url, &pool).await?;
    Ok(Arc::new(Services {
        db,
        jwt,
        key_ring,
        max_page_size: config.max_page_size,
    }))
}

/// The router of one subgraph.
pub fn subgraph_router(subgraph: Subgraph, services: Arc<Services>, config: &Config) -> Router {
    let schema = match subgraph {
        Subgraph::Tenant => tenant_schema_builder(Arc::clone(&services), config.limits)
            .extension(ReadOnlyOverGet)
            .extension(IntrospectionNeedsCredentials)
            .finish(),
    };
    let state = AppState {
        subgraph,
        schema,
        services,
        metrics: Arc::new(Metrics::default()),
        trust_forwarded_for: config.trust_forwarded_for,
    };
    router(state, config.max_body_bytes)
}

/// The port a subgraph listens on.
pub fn port(subgraph: Subgraph, config: &Config) -> u16 {
    match subgraph {
        Subgraph::Tenant => config.tenant_port,
    }
}
