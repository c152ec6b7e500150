//! `export-schema`: writes each subgraph's SDL to `schema/<name>.graphql` — the contract the
//! gateway composes and clients read. With `--check`, fails when a committed file is stale.

use crate::registry::SUBGRAPHS;
use std::path::Path;

/// Writes (or, with `check`, compares) every subgraph's SDL. Returns the stale files' names.
pub fn export(out_dir: &Path, check: bool) -> std::io::Result<Vec<String>> {
    let mut stale = Vec::new();
    for subgraph in SUBGRAPHS {
        let path = out_dir.join(format!("{}.graphql", subgraph.name));
        let sdl = (subgraph.sdl)();
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != sdl {
                stale.push(path.display().to_string());
            }
        } else {
            std::fs::create_dir_all(out_dir)?;
            std::fs::write(&path, sdl)?;
        }
    }
    if check {
        // A subgraph's SDL left behind after it was removed or renamed would still be composed.
        for entry in std::fs::read_dir(out_dir)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            let Some(subgraph) = name.strip_suffix(".graphql") else {
                continue;
            };
            if subgraph != "supergraph" && crate::registry::find(subgraph).is_none() {
                stale.push(format!(
                    "{} (no such subgraph)",
                    out_dir.join(&name).display()
                ));
            }
        }
    }
    Ok(stale)
}
