//! The content subgraph of Leadmetrics Graph (port 4002), without HTTP: the tenant's connected
//! channels and their scores ([`channels`]), the blog and social pipelines from request to
//! published post ([`blog`], [`social`]), reports, campaigns and email templates
//! ([`reports`], [`campaigns`], [`email`]), tool integrations ([`integrations`]), backlinks
//! ([`backlinks`]) and the knowledge base ([`knowledge`]: RAG datasets, files, crawl jobs).
//! Full bodies (articles, post copy, report Markdown, agent outputs) live in the document store
//! and are served from it ([`shared::body`]), as is `Activity.output` ([`federation`]).
//!
//! Built on `graph_core`, like the tenant subgraph: every root resolver passes one of its gates
//! and reads and writes only through its tenant-scoped transaction; documents are read through
//! the request's loaders, filtered by tenant. Types owned by the tenant subgraph (`Activity`,
//! `Deliverable`, `DeliverablePeriod`) appear here as federation stubs — an id, plus the fields
//! this subgraph contributes.

pub mod backlinks;
pub mod blog;
pub mod campaigns;
pub mod channels;
pub mod email;
pub mod federation;
pub mod integrations;
pub mod knowledge;
pub mod reports;
mod roots;
pub mod shared;
pub mod social;

pub use roots::{ContentSubgraph, Mutation, Query};
