//! A per-request batch loader whose batches close by scheduling, not by a timer.
//!
//! async-graphql's `DataLoader` closes a batch 1 ms after its first key, on another worker
//! thread. When resolving a wide level takes longer than that (hundreds of rows in a debug
//! build, a busy machine), the keys split over several batches and the number of statements
//! depends on timing. Here, a caller registers its keys and yields to the executor a few times
//! before dispatching: async-graphql resolves the siblings of a level as futures of the same
//! task, so by then every sibling has registered its keys, and one query loads them all. No
//! wall-clock wait is added.
//!
//! Results stay attached to their keys for the rest of the request (a per-request cache).

use crate::error::ApiError;
use async_graphql::dataloader::Loader;
use futures::FutureExt;
use futures::future::{BoxFuture, Shared, join_all};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};

/// How often a caller yields before dispatching. One pass of the executor over the siblings
/// is enough in principle; the margin absorbs combinators that re-poll in several rounds.
const YIELDS_BEFORE_DISPATCH: usize = 4;

type BatchResult<K, V> = Result<Arc<HashMap<K, V>>, ApiError>;
type SharedBatch<K, V> = Shared<BoxFuture<'static, BatchResult<K, V>>>;

struct BatchState<K, V> {
    /// Keys registered but not yet dispatched.
    waiting: HashSet<K>,
    /// The batch (dispatched, possibly finished) that loads each key.
    batches: HashMap<K, SharedBatch<K, V>>,
}

/// Loads keys `K` of `L` in batches for one request (keys are internal ids or public ids).
pub struct Batcher<K: Key, L: Loader<K>> {
    loader: Arc<L>,
    state: Mutex<BatchState<K, L::Value>>,
}

/// What a batch can be keyed by.
pub trait Key: Clone + Eq + Hash + Send + Sync + 'static {}
impl<T: Clone + Eq + Hash + Send + Sync + 'static> Key for T {}

impl<K, L> Batcher<K, L>
where
    K: Key,
    L: Loader<K, Error = ApiError> + Send + Sync + 'static,
    L::Value: Clone + Send + Sync + 'static,
{
    /// A batcher around `loader`, empty.
    pub fn new(loader: L) -> Self {
        Self {
            loader: Arc::new(loader),
            state: Mutex::new(BatchState {
                waiting: HashSet::new(),
                batches: HashMap::new(),
            }),
        }
    }

    /// The loader this batcher batches for.
    pub fn loader(&self) -> &L {
        &self.loader
    }

    fn state(&self) -> std::sync::MutexGuard<'_, BatchState<K, L::Value>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The value of one key (None when the loader has none).
    pub async fn load_one(&self, key: K) -> Result<Option<L::Value>, ApiError> {
        let mut values = self.load_many([key.clone()]).await?;
        Ok(values.remove(&key))
    }

    /// The values of `keys` that the loader has.
    pub async fn load_many(
        &self,
        keys: impl IntoIterator<Item = K>,
    ) -> Result<HashMap<K, L::Value>, ApiError> {
        let keys: Vec<K> = keys
            .into_iter()
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let needs_batch = {
            let mut state = self.state();
            for key in &keys {
                if !state.batches.contains_key(key) {
                    state.waiting.insert(key.clone());
                }
            }
            keys.iter().any(|key| state.waiting.contains(key))
        };
        if needs_batch {
            for _ in 0..YIELDS_BEFORE_DISPATCH {
                tokio::task::yield_now().await;
            }
            self.dispatch_waiting(&keys);
        }
        let batches: Vec<SharedBatch<K, L::Value>> = {
            let state = self.state();
            let mut distinct: Vec<SharedBatch<K, L::Value>> = Vec::new();
            for key in &keys {
                if let Some(batch) = state.batches.get(key)
                    && !distinct.iter().any(|seen| Shared::ptr_eq(seen, batch))
                {
                    distinct.push(batch.clone());
                }
            }
            distinct
        };
        let mut values = HashMap::with_capacity(keys.len());
        for result in join_all(batches).await {
            let loaded = result?;
            for key in &keys {
                if let Some(value) = loaded.get(key) {
                    values.insert(key.clone(), value.clone());
                }
            }
        }
        Ok(values)
    }

    /// Dispatches every waiting key in one batch, if any of `mine` is still waiting (another
    /// caller may have dispatched them already).
    fn dispatch_waiting(&self, mine: &[K]) {
        let mut state = self.state();
        if !mine.iter().any(|key| state.waiting.contains(key)) {
            return;
        }
        let keys: Vec<K> = state.waiting.drain().collect();
        let loader = Arc::clone(&self.loader);
        let batch_keys = keys.clone();
        let batch: SharedBatch<K, L::Value> =
            async move { loader.load(&batch_keys).await.map(Arc::new) }
                .boxed()
                .shared();
        for key in keys {
            state.batches.insert(key, batch.clone());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use uuid::Uuid;

    struct Doubling {
        calls: Arc<AtomicUsize>,
    }

    impl Loader<Uuid> for Doubling {
        type Value = u128;
        type Error = ApiError;

        async fn load(&self, keys: &[Uuid]) -> Result<HashMap<Uuid, u128>, ApiError> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            Ok(keys.iter().map(|key| (*key, key.as_u128() * 2)).collect())
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn siblings_of_one_task_share_one_batch_however_many_there_are() {
        let calls = Arc::new(AtomicUsize::new(0));
        let batcher = Batcher::new(Doubling {
            calls: Arc::clone(&calls),
        });
        let keys: Vec<Uuid> = (1..=5_000u128).map(Uuid::from_u128).collect();
        let results = join_all(keys.iter().map(|key| batcher.load_one(*key))).await;
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        for (key, result) in keys.iter().zip(results) {
            assert_eq!(result.unwrap(), Some(key.as_u128() * 2));
        }
        // Loaded keys are served from the request's cache.
        assert_eq!(batcher.load_one(keys[0]).await.unwrap(), Some(2));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_later_wave_gets_its_own_batch_and_unknown_keys_are_absent() {
        let calls = Arc::new(AtomicUsize::new(0));
        let batcher = Batcher::new(Doubling {
            calls: Arc::clone(&calls),
        });
        let first = batcher
            .load_many([Uuid::from_u128(1), Uuid::from_u128(2)])
            .await
            .unwrap();
        assert_eq!(first.len(), 2);
        let second = batcher
            .load_many([Uuid::from_u128(2), Uuid::from_u128(3)])
            .await
            .unwrap();
        assert_eq!(second.get(&Uuid::from_u128(3)), Some(&6));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
