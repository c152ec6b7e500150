//! GraphQL enums of the knowledge base. Their PostgreSQL columns are `text` with a `CHECK` of
//! the allowed values, so each enum converts to and from that text here.

use async_graphql::Enum;
use graph_core::error::{ApiError, ApiResult};

/// Declares the text conversions of an enum: `as_db` and `from_db`.
macro_rules! text_enum {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $name {
            /// The column's text value.
            pub fn as_db(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }

            /// The value of the column's text (an internal error for a value the column's
            /// check does not allow).
            pub fn from_db(text: &str) -> ApiResult<Self> {
                match text {
                    $($text => Ok(Self::$variant),)+
                    other => Err(ApiError::internal(format!(
                        "unknown {} value {other:?}",
                        stringify!($name)
                    ))),
                }
            }
        }
    };
}

/// How a document is split into chunks.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagParseType {
    /// Fixed-size chunks with overlap.
    Naive,
    /// Along the Markdown structure (headings, sections).
    Markdown,
    /// Chunks given by hand.
    Manual,
}
text_enum!(RagParseType { Naive => "NAIVE", Markdown => "MARKDOWN", Manual => "MANUAL" });

/// Which parser extracts a document's text.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagParserEngine {
    /// The built-in parser.
    NodeNative,
    /// Docling (layout-aware: PDFs, office documents).
    Docling,
}
text_enum!(RagParserEngine { NodeNative => "NODE_NATIVE", Docling => "DOCLING" });

/// A dataset's state.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagDatasetStatus {
    /// Ready to be searched.
    Active,
    /// Its collection is being (re)built.
    Building,
    /// Building failed.
    Error,
}
text_enum!(RagDatasetStatus { Active => "active", Building => "building", Error => "error" });

/// Where a file is in the ingestion pipeline (parse → chunk → embed → index).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagFileStatus {
    /// Waiting to be processed.
    Pending,
    /// Its text is being extracted.
    Parsing,
    /// Its chunks are being embedded.
    Embedding,
    /// Indexed: its chunks are searchable (`chunksCount`).
    Indexed,
    /// Processing failed; see `errorMessage`.
    Error,
    /// Taken out of processing by the pipeline.
    Disabled,
}
text_enum!(RagFileStatus {
    Pending => "pending",
    Parsing => "parsing",
    Embedding => "embedding",
    Indexed => "indexed",
    Error => "error",
    Disabled => "disabled",
});

/// Where a file came from.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagFileSource {
    /// Uploaded by the team.
    Upload,
    /// A page of a website crawl.
    WebsiteCrawl,
    /// Content the tenant published through the platform.
    PublishedContent,
    /// Gathered by competitor research.
    CompetitorResearch,
}
text_enum!(RagFileSource {
    Upload => "upload",
    WebsiteCrawl => "website_crawl",
    PublishedContent => "published_content",
    CompetitorResearch => "competitor_research",
});

/// Where a crawl job stands.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum RagCrawlStatus {
    /// Waiting to start (at `scheduledFor`, or as soon as possible).
    Queued,
    /// Crawling.
    Running,
    /// Finished (`completedAt`).
    Completed,
    /// Failed or cancelled (`completedAt`, `errorMessage`).
    Failed,
}
text_enum!(RagCrawlStatus {
    Queued => "queued",
    Running => "running",
    Completed => "completed",
    Failed => "failed",
});
