//! Apollo automatic persisted queries (APQ), resolved in the HTTP layer before execution.
//!
//! A client sends `extensions.persistedQuery.sha256Hash` without the query; when the server
//! does not know the hash it answers `PersistedQueryNotFound`, and the client sends the query
//! with the hash once to register it. Handled here rather than as an async-graphql extension
//! (a registered extension costs every resolved field a detour), and so that a document is
//! stored only after it ran without an error, only for an authenticated caller, within a byte
//! budget and a size per document: an anonymous client cannot fill the server's memory with
//! unique documents. Documents are kept per tenant: a hash registered by one tenant's caller is
//! unknown to every other tenant (and to anonymous callers), so nobody can probe what another
//! tenant runs.

use super::graphql::refusal;
use async_graphql::{Request, ServerError};
use sha2::{Digest, Sha256};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// The hex SHA-256 of a query text: its persisted-query hash (Apollo's `sha256Hash`), and what
/// the operator audit records of the document run.
pub(crate) fn document_hash(query: &str) -> String {
    format!("{:x}", Sha256::digest(query.as_bytes()))
}

/// A document the request asks to register under its hash, once it has run without an error.
pub(crate) struct Registration {
    key: String,
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

/// The largest document stored: one caller cannot flush everyone's documents with a few huge
/// ones. Real operations are a few kilobytes.
const MAX_DOCUMENT_BYTES: usize = 64 * 1024;

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

    /// Takes the `persistedQuery` extension off `request`: a hash `tenant` registered puts its
    /// document in the request; a query sent with its hash comes back as a [`Registration`] to
    /// [`PersistedQueries::register`] once the request ran without an error. `tenant` is None
    /// for anonymous callers, who can neither register nor look up documents.
    pub(crate) fn resolve(
        &self,
        request: &mut Request,
        tenant: Option<&str>,
    ) -> Result<Option<Registration>, ServerError> {
        let Some(extension) = request.extensions.remove("persistedQuery") else {
            return Ok(None);
        };
        let malformed = || {
            refusal(
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
        let key = tenant.map(|tenant| format!("{tenant}:{hash}"));
        if request.query.is_empty() {
            let known = key.and_then(|key| {
                self.inner
                    .lock()
                    .ok()
                    .and_then(|mut store| store.documents.get(&key).cloned())
            });
            return match known {
                Some(query) => {
                    request.query = query.to_string();
                    Ok(None)
                }
                None => Err(refusal(
                    "PersistedQueryNotFound",
                    "PERSISTED_QUERY_NOT_FOUND",
                )),
            };
        }
        if document_hash(&request.query) != hash {
            return Err(refusal(
                "provided sha does not match query",
                "BAD_USER_INPUT",
            ));
        }
        Ok(key.map(|key| Registration {
            key,
            query: Arc::from(request.query.as_str()),
        }))
    }

    /// Stores a registration, evicting the least recently used documents beyond the budget.
    pub(crate) fn register(&self, registration: Registration) {
        let size = registration.query.len();
        if size > self.max_bytes.min(MAX_DOCUMENT_BYTES) {
            return;
        }
        let Ok(mut store) = self.inner.lock() else {
            return;
        };
        // `push` hands back what it displaced: the same key's old text, or the least recently
        // used entry when the store holds `MAX_ENTRIES`.
        if let Some((_, displaced)) = store.documents.push(registration.key, registration.query) {
            store.bytes -= displaced.len();
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

    #[test]
    fn a_registered_query_is_found_by_its_hash_and_the_budget_evicts_the_oldest() {
        let store = PersistedQueries::new(30);
        let first = "{ a { b } }            ";
        let second = "{ c { d } }            ";
        for query in [first, second] {
            let registration =
                store.resolve(&mut request_with(query, &document_hash(query)), Some("t1"));
            let Ok(Some(registration)) = registration else {
                panic!("{query:?} was not taken for registration");
            };
            store.register(registration);
        }
        assert!(store.bytes() <= 30);
        let mut by_hash = request_with("", &document_hash(second));
        assert!(store.resolve(&mut by_hash, Some("t1")).is_ok());
        assert_eq!(by_hash.query, second);
        let other_tenant = store.resolve(&mut request_with("", &document_hash(second)), Some("t2"));
        assert!(other_tenant.is_err(), "another tenant must not find it");
        let evicted = store.resolve(&mut request_with("", &document_hash(first)), Some("t1"));
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
                .resolve(
                    &mut request_with("{ a }", &document_hash("{ b }")),
                    Some("t")
                )
                .is_err()
        );
        assert!(
            store
                .resolve(&mut request_with("", "not-hex"), Some("t"))
                .is_err()
        );
        let mut wrong_version = Request::new("{ a }");
        wrong_version.extensions.insert(
            "persistedQuery".to_owned(),
            async_graphql::value!({"version": 2, "sha256Hash": document_hash("{ a }")}),
        );
        assert!(store.resolve(&mut wrong_version, Some("t")).is_err());
    }

    #[test]
    fn the_byte_count_follows_evictions_by_entry_count() {
        let store = PersistedQueries::new(usize::MAX);
        for n in 0..MAX_ENTRIES + 100 {
            let query = format!("{{ f{n} }}");
            if let Ok(Some(registration)) =
                store.resolve(&mut request_with(&query, &document_hash(&query)), Some("t"))
            {
                store.register(registration);
            }
        }
        let expected: usize = (100..MAX_ENTRIES + 100)
            .map(|n| format!("{{ f{n} }}").len())
            .sum();
        assert_eq!(store.bytes(), expected);
    }
}
