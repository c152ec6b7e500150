//! The knowledge base's rules as pure functions (no database): chunking settings and their
//! fall-back to the dataset's defaults, the embedding settings fixed at creation, and the moves
//! of a crawl job.

use crate::knowledge::enums::RagCrawlStatus;
use graph_core::error::{ApiError, ApiResult};

/// Largest chunk size accepted, in characters.
pub const MAX_CHUNK_SIZE: i32 = 100_000;
/// Largest vector size (dimensions) accepted.
pub const MAX_VECTOR_SIZE: i32 = 65_536;

/// Checks a chunk size and overlap that apply together: size 1–[`MAX_CHUNK_SIZE`], overlap
/// 0 or more and less than the size (`BAD_USER_INPUT` on `chunkSize` / `chunkOverlap`).
pub fn check_chunking(size: i32, overlap: i32) -> ApiResult<()> {
    if !(1..=MAX_CHUNK_SIZE).contains(&size) {
        return Err(ApiError::bad_input(
            "chunkSize",
            format!("`chunkSize` must be between 1 and {MAX_CHUNK_SIZE}"),
        ));
    }
    if overlap < 0 || overlap >= size {
        return Err(ApiError::bad_input(
            "chunkOverlap",
            format!("`chunkOverlap` must be at least 0 and less than the chunk size ({size})"),
        ));
    }
    Ok(())
}

/// The chunking a file uses: its own override where it has one, the dataset's default
/// otherwise. An overlap that no longer fits the size (the dataset's default size was lowered
/// after the file set its own overlap) is capped at `size - 1`.
pub fn effective_chunking(file: (Option<i32>, Option<i32>), dataset: (i32, i32)) -> (i32, i32) {
    let size = file.0.unwrap_or(dataset.0);
    let overlap = file.1.unwrap_or(dataset.1);
    (size, overlap.min(size - 1).max(0))
}

/// Checks that an update keeps an embedding setting fixed after creation: giving the current
/// value is fine, another one is `BAD_USER_INPUT` naming `field`.
pub fn fixed<T: PartialEq + ?Sized>(field: &str, current: &T, given: Option<&T>) -> ApiResult<()> {
    match given {
        Some(given) if given != current => Err(ApiError::bad_input(
            field,
            format!(
                "`{field}` is fixed when the dataset is created (its vectors were made with it); \
                 create a new dataset to change it"
            ),
        )),
        _ => Ok(()),
    }
}

/// Whether a crawl job may move from `from` to `to`: `QUEUED → RUNNING → COMPLETED`, and
/// `FAILED` from `QUEUED` or `RUNNING`; `COMPLETED` and `FAILED` are final. Staying `RUNNING`
/// (a progress report) is allowed. Anything else is `CONFLICT`.
pub fn crawl_transition(from: RagCrawlStatus, to: RagCrawlStatus) -> ApiResult<()> {
    use RagCrawlStatus as S;
    match (from, to) {
        (S::Queued, S::Running | S::Failed)
        | (S::Running, S::Running | S::Completed | S::Failed)
        | (S::Queued, S::Queued) => Ok(()),
        (from, to) => Err(ApiError::Conflict(format!(
            "a crawl job that is {} cannot become {}",
            from.as_db(),
            to.as_db()
        ))),
    }
}

/// Whether a crawl status ends the job (it stamps `completedAt`).
pub fn crawl_finished(status: RagCrawlStatus) -> bool {
    matches!(status, RagCrawlStatus::Completed | RagCrawlStatus::Failed)
}

/// The Qdrant collection of the dataset `ref_id`: `ds_` and its id in lower case (the column's
/// check: `lower(qdrant_collection) = 'ds_' || lower(ref_id)`).
pub fn qdrant_collection(ref_id: &str) -> String {
    format!("ds_{}", ref_id.to_ascii_lowercase())
}

/// Checks an embedding provider: a lower-case identifier (`openai`, `azure_openai`), at most
/// 64 characters (`BAD_USER_INPUT` on `embeddingProvider`).
pub fn embedding_provider(value: &str) -> ApiResult<String> {
    let value = value.trim();
    let mut chars = value.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && value.len() <= 64;
    if ok {
        Ok(value.to_owned())
    } else {
        Err(ApiError::bad_input(
            "embeddingProvider",
            "`embeddingProvider` must be a lower-case identifier (`openai`, `azure_openai`) of at most 64 characters",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RagCrawlStatus as S;

    #[test]
    fn overlap_must_be_smaller_than_the_chunk_size() {
        assert!(check_chunking(512, 64).is_ok());
        assert!(check_chunking(512, 0).is_ok());
        assert!(check_chunking(512, 512).is_err());
        assert!(check_chunking(0, 0).is_err());
        assert!(check_chunking(512, -1).is_err());
        assert!(check_chunking(MAX_CHUNK_SIZE + 1, 1).is_err());
    }

    #[test]
    fn a_files_overrides_fall_back_to_the_dataset_defaults() {
        assert_eq!(effective_chunking((None, None), (512, 64)), (512, 64));
        assert_eq!(
            effective_chunking((Some(1000), None), (512, 64)),
            (1000, 64)
        );
        assert_eq!(effective_chunking((None, Some(10)), (512, 64)), (512, 10));
        assert_eq!(
            effective_chunking((Some(200), Some(20)), (512, 64)),
            (200, 20)
        );
        // The dataset's size lowered below the file's own overlap: capped.
        assert_eq!(effective_chunking((None, Some(300)), (256, 64)), (256, 255));
    }

    #[test]
    fn embedding_settings_may_be_repeated_but_not_changed() {
        assert!(fixed("vectorSize", &1536, None).is_ok());
        assert!(fixed("vectorSize", &1536, Some(&1536)).is_ok());
        let Err(error) = fixed("vectorSize", &1536, Some(&768)) else {
            panic!("a change was accepted");
        };
        assert_eq!(error.code(), "BAD_USER_INPUT");
        assert!(fixed("embeddingModel", "a", Some("b")).is_err());
    }

    #[test]
    fn crawl_jobs_run_once_and_end_for_good() {
        assert!(crawl_transition(S::Queued, S::Running).is_ok());
        assert!(crawl_transition(S::Running, S::Running).is_ok());
        assert!(crawl_transition(S::Running, S::Completed).is_ok());
        assert!(crawl_transition(S::Queued, S::Failed).is_ok());
        assert!(crawl_transition(S::Queued, S::Completed).is_err());
        for end in [S::Completed, S::Failed] {
            for to in [S::Queued, S::Running, S::Completed, S::Failed] {
                assert!(crawl_transition(end, to).is_err(), "{end:?} → {to:?}");
            }
        }
        assert!(crawl_finished(S::Failed) && crawl_finished(S::Completed));
        assert!(!crawl_finished(S::Running));
    }

    #[test]
    fn the_collection_is_derived_from_the_id_and_providers_are_identifiers() {
        assert_eq!(
            qdrant_collection("01JABCDEFGHJKMNPQRSTVWXYZ0"),
            "ds_01jabcdefghjkmnpqrstvwxyz0"
        );
        assert!(embedding_provider("azure_openai").is_ok());
        assert!(embedding_provider("OpenAI").is_err());
        assert!(embedding_provider("1x").is_err());
        assert!(embedding_provider("").is_err());
    }
}
