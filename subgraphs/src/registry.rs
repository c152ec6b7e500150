//! The one table of subgraphs this server serves. Adding a subgraph is one line here (plus its
//! crate under `resolvers/` and one dependency line in this crate's `Cargo.toml`): the CLI's
//! `--subgraph` values, the `<NAME>_PORT` variables, `serve`, `export-schema`, the SDL checks and
//! the test server are all derived from [`SUBGRAPHS`].

use crate::config::Config;
use axum::Router;
use graph_core::services::Services;
use graph_core::subgraph::{SubgraphSchema, sdl};
use std::sync::Arc;

/// One registered subgraph, with what the server needs to serve and export it.
#[derive(Clone, Copy)]
pub struct Subgraph {
    /// Name on the command line, in `<NAME>_PORT` and in `schema/<name>.graphql`.
    pub name: &'static str,
    /// Port unless `<NAME>_PORT` is set.
    pub default_port: u16,
    /// Builds the subgraph's HTTP router around the process's services.
    pub router: fn(Arc<Services>, &Config, &crate::app::Background) -> Router,
    /// The subgraph's federation SDL.
    pub sdl: fn() -> String,
}

impl Subgraph {
    /// The table entry of subgraph `S`.
    pub const fn of<S: SubgraphSchema>() -> Self {
        Self {
            name: S::NAME,
            default_port: S::DEFAULT_PORT,
            router: crate::app::subgraph_router::<S>,
            sdl: sdl::<S>,
        }
    }

    /// The environment variable that sets this subgraph's port (`TENANT_PORT`).
    pub fn port_variable(&self) -> String {
        format!("{}_PORT", self.name.to_ascii_uppercase())
    }
}

impl std::fmt::Debug for Subgraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subgraph")
            .field("name", &self.name)
            .field("default_port", &self.default_port)
            .finish_non_exhaustive()
    }
}

/// Every subgraph of this build, in port order.
pub const SUBGRAPHS: &[Subgraph] = &[
    Subgraph::of::<graph_tenant::TenantSubgraph>(),
    Subgraph::of::<graph_content::ContentSubgraph>(),
];

/// The subgraph called `name`.
pub fn find(name: &str) -> Option<&'static Subgraph> {
    SUBGRAPHS.iter().find(|subgraph| subgraph.name == name)
}

/// The registered names, for messages (`tenant, content, …`).
pub fn names() -> String {
    SUBGRAPHS
        .iter()
        .map(|subgraph| subgraph.name)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::SUBGRAPHS;
    use std::collections::HashSet;

    #[test]
    fn every_type_field_argument_and_enum_value_of_every_subgraph_is_described() {
        for subgraph in SUBGRAPHS {
            let missing = match graph_core::subgraph::undescribed(&(subgraph.sdl)()) {
                Ok(missing) => missing,
                Err(error) => panic!("{}: the SDL does not parse: {error}", subgraph.name),
            };
            assert!(
                missing.is_empty(),
                "{} subgraph: undescribed: {missing:?}",
                subgraph.name
            );
        }
    }

    #[test]
    fn subgraph_names_and_ports_are_distinct_and_names_are_lowercase() {
        let names: HashSet<_> = SUBGRAPHS.iter().map(|s| s.name).collect();
        let ports: HashSet<_> = SUBGRAPHS.iter().map(|s| s.default_port).collect();
        assert_eq!(names.len(), SUBGRAPHS.len());
        assert_eq!(ports.len(), SUBGRAPHS.len());
        for subgraph in SUBGRAPHS {
            assert!(
                subgraph
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                subgraph.name
            );
            assert_ne!(subgraph.default_port, 4000, "4000 is the gateway's");
        }
    }
}
