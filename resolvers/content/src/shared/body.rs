//! `ContentBody`: a document of `activity_outputs` as clients see it — its metadata, the body
//! inline when the document holds it, and a short-lived presigned URL of the body in object
//! storage. Every `content_ref`/`output_ref` of this subgraph resolves through [`body_of`]: the
//! request's document loader, filtered by the request's tenant, so a reference to another
//! tenant's document (even one written into this tenant's row) is null, and the references of
//! a whole list load in one `find`.

use async_graphql::{Context, SimpleObject};
use chrono::{DateTime, Utc};
use graph_core::access;
use graph_core::documents::ActivityOutput;
use graph_core::loaders::{document, null_on_outage};

/// The full body of an article, a post's copy, a report or an agent's output, kept in the
/// document store (metadata) and object storage (the body). When the document store is
/// unavailable the field holding it is null with the error code `UNAVAILABLE` on its path; the
/// rest of the response is served.
#[derive(SimpleObject, Clone, Debug)]
pub struct ContentBody {
    /// The document's id (24 hex digits): the `contentRef` of the row that points at it.
    pub id: String,
    /// `markdown`, `json` or `html`.
    pub format: String,
    /// The body's MIME type.
    pub content_type: String,
    /// A title for lists, when the document has one.
    pub title: Option<String>,
    /// The body's size in bytes, when known.
    pub size_bytes: Option<i64>,
    /// Words of the body, when counted.
    pub word_count: Option<i32>,
    /// The body itself, when the document holds it inline (small bodies); otherwise fetch
    /// `url`.
    pub inline_body: Option<String>,
    /// A presigned GET URL of the body in object storage, valid until `urlExpiresAt`; null when
    /// the body is only inline or no object storage is configured. Fetch it again after expiry.
    pub url: Option<String>,
    /// When `url` stops working.
    pub url_expires_at: Option<DateTime<Utc>>,
    /// When the document was written.
    pub created_at: DateTime<Utc>,
}

/// The body `reference` points at, if it is a document of the caller's tenant: the value of
/// every `body`/`output` field. When the document store is unavailable the field is null with
/// `UNAVAILABLE` at its path ([`null_on_outage`]).
pub async fn body_of(
    ctx: &Context<'_>,
    reference: Option<&str>,
) -> async_graphql::Result<Option<ContentBody>> {
    let loaded = document::<ActivityOutput>(ctx, reference).await;
    let Some(document) = null_on_outage(ctx, loaded)? else {
        return Ok(None);
    };
    let tenant = access::read(ctx)?.tenant.id;
    let storage = access::services(ctx)?.object_storage.as_ref();
    let signed = match (storage, document.s3_key.as_deref()) {
        (Some(storage), Some(key)) => storage.presigned_get(tenant, key).map(|url| {
            let ttl = chrono::TimeDelta::from_std(storage.ttl()).unwrap_or_default();
            (url, Utc::now() + ttl)
        }),
        _ => None,
    };
    let (url, url_expires_at) = match signed {
        Some((url, expires)) => (Some(url), Some(expires)),
        None => (None, None),
    };
    Ok(Some(ContentBody {
        id: document.id.to_hex(),
        format: document.format,
        content_type: document.content_type,
        title: document.title,
        size_bytes: document.size_bytes,
        word_count: document.word_count,
        inline_body: document.body,
        url,
        url_expires_at,
        created_at: DateTime::from_timestamp_millis(document.created_at.timestamp_millis())
            .unwrap_or_default(),
    }))
}
