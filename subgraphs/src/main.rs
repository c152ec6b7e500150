//! `leadmetrics-graph`: the server and its operations commands.

use clap::{Parser, Subcommand};
use migration::{Migrator, MigratorTrait};
use std::path::PathBuf;
use std::process::ExitCode;
use subgraphs::config::Config;
use subgraphs::registry::{self, SUBGRAPHS, Subgraph};
use subgraphs::{app, export_schema, seed, telemetry};

/// mimalloc rather than glibc's malloc: a GraphQL response is thousands of small allocations
/// freed together, and glibc's allocator took about 15% of the deep plan query's CPU in the
/// profile of issue 10 (docs/benchmarks.md has the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Leadmetrics Graph: the federated GraphQL API of the Leadmetrics platform.
#[derive(Debug, Parser)]
#[command(name = "leadmetrics-graph", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serves every subgraph, each on its own port (or only `--subgraph NAME`).
    Serve {
        /// Serve only this subgraph.
        #[arg(long, value_parser = subgraph_names())]
        subgraph: Option<String>,
    },
    /// Applies the database migrations (DATABASE_MIGRATION_URL).
    Migrate {
        /// up (default), down, fresh or status.
        #[arg(default_value = "up")]
        action: String,
    },
    /// Inserts demo data (`--demo`) or benchmark data (`--scale N` tenants, `--whale N`
    /// activities in one tenant; both may be given).
    Seed {
        /// Two demo tenants with a user of every role; prints the logins.
        #[arg(long)]
        demo: bool,
        /// N benchmark tenants (`scale-000001`, …), each with an admin, nine members and a plan.
        #[arg(long)]
        scale: Option<u32>,
        /// One tenant (`whale`, users `user1@whale.test` …) with N activities of history, plus
        /// runs, goals and periods in proportion.
        #[arg(long)]
        whale: Option<u32>,
    },
    /// Writes each subgraph's SDL to schema/ (or checks it with --check).
    ExportSchema {
        /// Output folder.
        #[arg(long, default_value = "schema")]
        out: PathBuf,
        /// Fail if a committed file differs instead of writing.
        #[arg(long)]
        check: bool,
    },
    /// Re-encrypts every stored secret (channel tokens, integration keys, notification provider
    /// configurations, LLM provider keys, agent secrets; every tenant and the global rows) under
    /// the newest key of ENCRYPTION_KEYS, on DATABASE_PLATFORM_URL.
    ///
    /// Rotating the encryption key: (1) generate a key and PREPEND it to ENCRYPTION_KEYS
    /// (`new:…,old:…`) on every server and restart them: new secrets are sealed under it, old
    /// ones still decrypt; (2) run `rotate-keys` with that same ENCRYPTION_KEYS while the
    /// servers keep serving; (3) once it reports nothing left to rotate, DROP the old key from
    /// ENCRYPTION_KEYS everywhere.
    ///
    /// It first decrypts every stored value and refuses to run (exit 1, nothing changed) if any
    /// cannot be decrypted, naming the table, the column and the rows' ids (never a value). It
    /// works in batches (one transaction each), writes each value only if no request changed it
    /// meanwhile, and can be interrupted and run again: it touches only values not yet under
    /// the newest key.
    #[command(verbatim_doc_comment)]
    RotateKeys {
        /// Rows per batch (and per transaction), 1 to 10000.
        #[arg(long, default_value_t = graph_core::rotation::DEFAULT_BATCH_SIZE)]
        batch_size: u64,
        /// Only verify and count what would be rotated; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Completes a registration that has reached its payment step, as the payment webhook does
    /// (`graph_core::lifecycle::complete_registration`): the tenant, its admin, template copies,
    /// agent configs, credits, onboarding run and contract. For development (there is no payment
    /// provider here) and for payments reconciled by hand. Idempotent. Needs the server's
    /// environment (DATABASE_*, MONGODB_URL, ENCRYPTION_KEYS, JWT_*).
    CompleteRegistration {
        /// The registration's id (`registrationId` in the wizard's answers).
        registration_id: String,
    },
}

/// The `--subgraph` values: the names in the table of subgraphs.
fn subgraph_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(SUBGRAPHS.iter().map(|subgraph| subgraph.name))
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve { subgraph } => serve(subgraph).await,
        Command::Migrate { action } => migrate(&action).await,
        Command::Seed { demo, scale, whale } => run_seed(demo, scale, whale).await,
        Command::ExportSchema { out, check } => match export_schema::export(&out, check) {
            Ok(stale) if stale.is_empty() => Ok(()),
            Ok(stale) => Err(format!(
                "stale SDL (run `leadmetrics-graph export-schema` and commit): {}",
                stale.join(", ")
            )),
            Err(error) => Err(format!("cannot write the schema: {error}")),
        },
        Command::RotateKeys {
            batch_size,
            dry_run,
        } => rotate_keys(batch_size, dry_run).await,
        Command::CompleteRegistration { registration_id } => {
            complete_registration(&registration_id).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("leadmetrics-graph: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(only: Option<String>) -> Result<(), String> {
    let config = Config::from_env().map_err(|error| error.to_string())?;
    telemetry::init(config.log_format);
    let subgraphs: Vec<&Subgraph> = match only.as_deref() {
        None => SUBGRAPHS.iter().collect(),
        Some(name) => vec![registry::find(name).ok_or_else(|| {
            format!(
                "unknown subgraph {name:?}: expected one of {}",
                registry::names()
            )
        })?],
    };
    let services = app::services(&config)
        .await
        .map_err(|error| error.to_string())?;
    let background = app::start_background(&services, &config);
    let mut servers = Vec::new();
    for subgraph in subgraphs {
        let port = config.port(subgraph.name).unwrap_or(subgraph.default_port);
        let address = std::net::SocketAddr::new(config.host, port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|error| format!("cannot listen on {address}: {error}"))?;
        let router = (subgraph.router)(std::sync::Arc::clone(&services), &config, &background);
        println!(
            "{} subgraph: GraphiQL at http://{address}/graphql",
            subgraph.name
        );
        tracing::info!(subgraph = subgraph.name, %address, "listening");
        let limits = config.connection_limits;
        servers.push(tokio::spawn(async move {
            subgraphs::serve::serve(listener, router, limits, shutdown_signal()).await
        }));
    }
    for server in servers {
        match server.await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => return Err(format!("server failed: {error}")),
            Err(error) => return Err(format!("server task failed: {error}")),
        }
    }
    Ok(())
}

/// `rotate-keys`: see the command's help and [`graph_core::rotation`].
async fn rotate_keys(batch_size: u64, dry_run: bool) -> Result<(), String> {
    let url = std::env::var("DATABASE_PLATFORM_URL")
        .map_err(|_| "DATABASE_PLATFORM_URL is not set".to_owned())?;
    let keys =
        std::env::var("ENCRYPTION_KEYS").map_err(|_| "ENCRYPTION_KEYS is not set".to_owned())?;
    let ring = graph_core::crypto::KeyRing::parse(&keys)
        .map_err(|error| format!("ENCRYPTION_KEYS: {error}"))?;
    let db = sea_orm::Database::connect(&url)
        .await
        .map_err(|error| error.to_string())?;
    let options = graph_core::rotation::RotationOptions {
        batch_size,
        dry_run,
    };
    let report = graph_core::rotation::rotate_keys(&db, &ring, options)
        .await
        .map_err(|error| error.to_string())?;
    println!("{report}");
    Ok(())
}

async fn complete_registration(registration_id: &str) -> Result<(), String> {
    let config = Config::from_env().map_err(|error| error.to_string())?;
    let services = app::services(&config)
        .await
        .map_err(|error| error.to_string())?;
    let done = graph_core::lifecycle::complete_registration(&services, registration_id)
        .await
        .map_err(|error| error.message())?;
    if done.created {
        println!(
            "registration {registration_id} completed: tenant {}, admin {} (sign in with the step-1 email and password)",
            done.tenant_ref_id, done.admin_ref_id
        );
    } else {
        println!(
            "registration {registration_id} was already completed: tenant {}",
            done.tenant_ref_id
        );
    }
    Ok(())
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

async fn migrate(action: &str) -> Result<(), String> {
    let url = std::env::var("DATABASE_MIGRATION_URL")
        .map_err(|_| "DATABASE_MIGRATION_URL is not set".to_owned())?;
    let db = sea_orm::Database::connect(&url)
        .await
        .map_err(|error| error.to_string())?;
    let result = match action {
        "up" => Migrator::up(&db, None).await,
        "down" => Migrator::down(&db, Some(1)).await,
        "fresh" => Migrator::fresh(&db).await,
        "status" => {
            for migration in Migrator::get_migration_with_status(&db)
                .await
                .map_err(|error| error.to_string())?
            {
                println!("{:<8} {}", migration.status(), migration.name());
            }
            Ok(())
        }
        other => {
            return Err(format!(
                "unknown migrate action {other:?}: expected up, down, fresh or status"
            ));
        }
    };
    result.map_err(|error| error.to_string())
}

/// The seed's documents (bodies, contract texts and PDFs, onboarding context files) and
/// encrypted channel tokens ([`seed::documents`]) for the tenants
/// whose slug is `LIKE` `slug_pattern`: needs `MONGODB_URL` (and `ENCRYPTION_KEYS` for the
/// tokens); says what it skipped when they are not set.
async fn seed_documents(
    db: &sea_orm::DatabaseConnection,
    slug_pattern: &str,
) -> Result<(), String> {
    let Ok(url) = std::env::var("MONGODB_URL") else {
        println!("MONGODB_URL is not set: documents and channel tokens not seeded");
        return Ok(());
    };
    let settings = graph_core::documents::DocumentSettings {
        url,
        database: std::env::var("MONGODB_DATABASE").unwrap_or_else(|_| "leadmetrics".to_owned()),
        timeout: std::time::Duration::from_secs(10),
    };
    let store = graph_core::documents::DocumentStore::connect(&settings)
        .await
        .map_err(|error| error.to_string())?;
    // The demo's published blog posts point at documents with fixed ids (written first, so the
    // generic pass below leaves those rows alone).
    seed::blog_bodies(db, &store)
        .await
        .map_err(|error| error.to_string())?;
    let bodies = seed::documents::bodies(db, &store, slug_pattern).await?;
    let tokens = match std::env::var("ENCRYPTION_KEYS") {
        Ok(keys) => {
            let ring = graph_core::crypto::KeyRing::parse(&keys)
                .map_err(|error| format!("ENCRYPTION_KEYS: {error}"))?;
            seed::documents::channel_tokens(db, &ring, slug_pattern).await?
        }
        Err(_) => {
            println!("ENCRYPTION_KEYS is not set: channel tokens not seeded");
            0
        }
    };
    let contracts = seed::documents::contracts(db, &store, slug_pattern).await?;
    let context_files = seed::documents::context_files(db, &store, slug_pattern).await?;
    println!(
        "seeded {bodies} document bodies, {tokens} channels' tokens, {contracts} contract documents and {context_files} onboarding context files"
    );
    Ok(())
}

async fn run_seed(demo: bool, scale: Option<u32>, whale: Option<u32>) -> Result<(), String> {
    let url = std::env::var("DATABASE_PLATFORM_URL")
        .map_err(|_| "DATABASE_PLATFORM_URL is not set".to_owned())?;
    let db = sea_orm::Database::connect(&url)
        .await
        .map_err(|error| error.to_string())?;
    match (demo, scale) {
        (true, None) if whale.is_none() => {
            let logins = seed::demo(&db).await.map_err(|error| error.to_string())?;
            seed_documents(&db, "%").await?;
            println!("Demo logins (password for all: {}):", seed::DEMO_PASSWORD);
            for login in logins {
                println!(
                    "  {:<13} {:<34} tenant {}",
                    login.role, login.email, login.tenant
                );
            }
            println!(
                "Registration in progress ({}, at step 2): X-Registration-Token: {}",
                seed::lifecycle::REGISTRATION_EMAIL,
                seed::lifecycle::REGISTRATION_TOKEN
            );
            Ok(())
        }
        (false, _) if scale.is_some() || whale.is_some() => {
            if let Some(tenants) = scale {
                seed::scale(&db, tenants)
                    .await
                    .map_err(|error| error.to_string())?;
                seed_documents(&db, "scale-%").await?;
                println!("seeded {tenants} tenants");
            }
            if let Some(activities) = whale {
                seed::whale(&db, activities)
                    .await
                    .map_err(|error| error.to_string())?;
                println!("seeded the whale tenant ({activities} activities of history)");
            }
            Ok(())
        }
        _ => Err("pass --demo, or --scale N and/or --whale N".to_owned()),
    }
}
