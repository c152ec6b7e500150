//! Sea-ORM entities of the Leadmetrics Graph database.
//!
//! `generated/` is written by `scripts/generate-entities` (a pinned `sea-orm-cli generate entity`
//! run against a freshly migrated database) and is never edited by hand: CI regenerates it and
//! fails on any difference. Hand-written additions (helpers, extra impls) live in their own
//! modules next to it, so regeneration never touches them.

#[allow(missing_docs, clippy::all, unused_imports)]
pub mod generated;

pub use generated::*;

pub mod tenant_scoped;
