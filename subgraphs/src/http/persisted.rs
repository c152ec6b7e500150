//! Apollo automatic persisted queries (APQ), resolved in the HTTP layer before execution.
//!
//! A client sends `extensions.persistedQuery.sha256Hash` without the query; when the server
//! does not know the hash it answers `PersistedQueryNotFound`, and the client sends the query
//! with the hash once to register it. Handled here rather than as an async-graphql extension
//! (a registered extension costs every resolved field a detour), and so that a document is
//! stored only after it passed every limit, only for an authenticated caller, within a byte
//! budget: an anonymous client cannot fill the server's memory with unique documents.

use async_graphql::{ErrorExtensionValues, Request, ServerError};
use sha2::{Digest, Sha256};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// A document the request asks to register under its hash, once it has passed every check.
pub(crate) struct Registration {
    hash: String,
    query: Arc<str>,
}

/// The registered documents of one subgraph, least recently used evicted first.
pub(crate) struct PersistedQueries {
    inner: Mutex<Store>,
    max_bytes: usize,
}

struct Store {
    documents: lru::LruCache<String, Arc<str>>,
    bytes: usize,
}

/// Entries at most, whatever their size (each costs a hash and a map slot beside its text).
const MAX_ENTRIES: usize = 4096;

fn error(message: impl Into<String>, code: &str) -> ServerError {
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code);
    error.extensions = Some(extensions);
    error
}

impl PersistedQueries {
    /// An empty store holding at most `max_bytes` of query text.
    pub(crate) fn new(max_bytes: usize) -> Self {
        Self {
            inner: Mutex::new(Store {
                documents: lru::LruCache::new(NonZeroUsize::MIN.saturating_add(MAX_ENTRIES - 1)),
                bytes: 0,
            }),
            max_bytes,
        }
    }

    /// Takes the `persistedQuery` extension off `request`: a known hash puts its document in
    /// the request; a query sent with its hash comes back as a [`Registration`] to
    /// [`PersistedQueries::register`] once the request passed its checks.
    pub(crate) fn resolve(
        &self,
        request: &mut Request,
    ) -> Result<Option<Registration>, ServerError> {
        let Some(extension) = request.extensions.remove("persistedQuery") else {
            return Ok(None);
        };
        let malformed = || {
            error(
                "the persistedQuery extension must be {\"version\": 1, \"sha256Hash\": \"<64 hex digits>\"}",
                "BAD_USER_INPUT",
            )
        };
        let async_graphql::Value::Object(fields) = extension else {
            return Err(malformed());
        };
        if fields.get("version") != Some(&async_graphql::Value::from(1)) {
            return Err(malformed());
        }
        let Some(async_graphql::Value::String(hash)) = fields.get("sha256Hash") else {
            return Err(malformed());
        };
        let hash = hash.to_ascii_lowercase();
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed());
        }
        if request.query.is_empty() {
            let known = self
                .inner
                .lock()
                .ok()
                .and_then(|mut store| store.documents.get(&hash).cloned());
            return match known {
                Some(query) => {
                    request.query = query.to_string();
                    Ok(None)
                }
                None => Err(error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")),
            };
        }
        if format!("{:x}", Sha256::digest(request.query.as_bytes())) != hash {
            return Err(error("provided sha does not match query", "BAD_USER_INPUT"));
        }
        Ok(Some(Registration {
            hash,
            query: Arc::from(request.query.as_str()),
        }))
    }

    /// Stores a registration, evicting the least recently used documents beyond the budget.
    pub(crate) fn register(&self, registration: Registration) {
        let size = registration.query.len();
        if size > self.max_bytes {
            return;
        }
        let Ok(mut store) = self.inner.lock() else {
            return;
        };
        if let Some(previous) = store.documents.put(registration.hash, registration.query) {
            store.bytes -= previous.len();
        }
        store.bytes += size;
        while store.bytes > self.max_bytes {
            match store.documents.pop_lru() {
                Some((_, evicted)) => store.bytes -= evicted.len(),
                None => break,
            }
        }
    }

    /// Bytes of query text stored (for tests and metrics).
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.inner.lock().map(|store| store.bytes).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_with(query: &str, hash: &str) -> Request {
        let mut request = Request::new(query);
        request.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::value!({"version": 1, "sha256Hash": hash}),
        );
        request
    }

    fn hash(query: &str) -> String {
        format!("{:x}", Sha256::digest(query.as_bytes()))
    }

    #[test]
    fn a_registered_query_is_found_by_its_hash_and_the_budget_evicts_the_oldest() {
        let store = PersistedQueries::new(30);
        let first = "{ a { b } }            ";
        let second = "{ c { d } }            ";
        for query in [first, second] {
            let registration = store.resolve(&mut request_with(query, &hash(query)));
            let Ok(Some(registration)) = registration else {
                panic!("{query:?} was not taken for registration");
            };
            store.register(registration);
        }
        assert!(store.bytes() <= 30);
        let mut by_hash = request_with("", &hash(second));
        assert!(store.resolve(&mut by_hash).is_ok());
        assert_eq!(by_hash.query, second);
        let evicted = store.resolve(&mut request_with("", &hash(first)));
        assert_eq!(
            evicted.err().map(|e| e.message),
            Some("PersistedQueryNotFound".to_owned())
        );
    }

    #[test]
    fn a_wrong_hash_or_a_malformed_extension_is_refused() {
        let store = PersistedQueries::new(1000);
        assert!(
            store
                .resolve(&mut request_with("{ a }", &hash("{ b }")))
                .is_err()
        );
        assert!(store.resolve(&mut request_with("", "not-hex")).is_err());
        let mut wrong_version = Request::new("{ a }");
        wrong_version.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::value!({"version": 2, "sha256Hash": hash("{ a }")}),
        );
        assert!(store.resolve(&mut wrong_version).is_err());
    }
}
