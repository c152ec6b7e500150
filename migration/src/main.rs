//! `migrate`: applies or reverts the schema. The server binary's `migrate` command does the
//! same; this one exists so the schema can be managed before (and without) the server.
//!
//! Usage: `migrate [up [N] | down [N] | fresh | reset | status]` (default `up`).
//! Connects with `DATABASE_MIGRATION_URL` (the owning role; see `migration/README.md`).

use migration::{Migrator, MigratorTrait};
use sea_orm_migration::sea_orm::Database;
use std::process::ExitCode;

/// What the command line asked for.
enum Command {
    Up(Option<u32>),
    Down(Option<u32>),
    Fresh,
    Reset,
    Status,
}

fn parse(args: &[String]) -> Result<Command, String> {
    let steps = |arg: Option<&String>| -> Result<Option<u32>, String> {
        arg.map(|n| {
            n.parse::<u32>()
                .map_err(|_| format!("steps must be a positive number, got {n:?}"))
        })
        .transpose()
    };
    match args.first().map(String::as_str) {
        None | Some("up") => Ok(Command::Up(steps(args.get(1))?)),
        Some("down") => Ok(Command::Down(Some(steps(args.get(1))?.unwrap_or(1)))),
        Some("fresh") => Ok(Command::Fresh),
        Some("reset") => Ok(Command::Reset),
        Some("status") => Ok(Command::Status),
        Some(other) => Err(format!(
            "unknown command {other:?}; expected up [N], down [N], fresh, reset or status"
        )),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("migrate: {message}");
            return ExitCode::from(2);
        }
    };
    let Ok(url) = std::env::var("DATABASE_MIGRATION_URL") else {
        eprintln!(
            "migrate: DATABASE_MIGRATION_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/leadmetrics)"
        );
        return ExitCode::from(2);
    };
    let result = async {
        let db = Database::connect(&url).await?;
        match command {
            Command::Up(steps) => Migrator::up(&db, steps).await,
            Command::Down(steps) => Migrator::down(&db, steps).await,
            Command::Fresh => Migrator::fresh(&db).await,
            Command::Reset => Migrator::reset(&db).await,
            Command::Status => {
                for migration in Migrator::get_migration_with_status(&db).await? {
                    println!("{:<8} {}", migration.status(), migration.name());
                }
                Ok(())
            }
        }
    }
    .await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("migrate: {error}");
            ExitCode::FAILURE
        }
    }
}
