//! The collections of the document store, typed: one struct per collection of the spec
//! (`entity-relations.md`, "Cross-Database References"), its fields in the stored camelCase, and
//! the indexes created at start-up. Every document carries the `tenantId` (the tenant's internal
//! UUID, as text) that every read filters by, and the store stamps it on every write from the
//! writer's tenant — a document cannot be written into another tenant.

use mongodb::IndexModel;
use mongodb::bson::oid::ObjectId;
use mongodb::bson::{DateTime, Document, doc};
use mongodb::options::IndexOptions;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A typed collection of the document store.
pub trait Collection: Serialize + DeserializeOwned + Clone + Send + Sync + Unpin + 'static {
    /// The collection's name.
    const NAME: &'static str;
    /// The document's `_id`.
    fn id(&self) -> ObjectId;
    /// Sets the owning tenant (the store calls it on every write, from the writer's tenant).
    fn set_tenant(&mut self, tenant: String);
    /// The indexes beside `_id`, created at start-up (each leads with `tenantId`: a tenant's
    /// documents never share an index range with another's).
    fn indexes() -> Vec<IndexModel>;
}

/// An index on `keys` called `name`.
fn index(name: &str, keys: Document) -> IndexModel {
    IndexModel::builder()
        .keys(keys)
        .options(IndexOptions::builder().name(name.to_owned()).build())
        .build()
}

macro_rules! collection {
    ($type:ty, $name:literal, [$(($index:literal, $keys:expr)),* $(,)?]) => {
        impl Collection for $type {
            const NAME: &'static str = $name;
            fn id(&self) -> ObjectId {
                self.id
            }
            fn set_tenant(&mut self, tenant: String) {
                self.tenant_id = tenant;
            }
            fn indexes() -> Vec<IndexModel> {
                vec![$(index($index, $keys)),*]
            }
        }
    };
}

/// `activity_outputs`: the metadata of an agent's full output — an activity's result, a blog
/// post's article, a social post's copy. The body itself is an object in S3 (`s3Key`), served
/// as a presigned URL; small bodies may also be held inline (`body`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ActivityOutput {
    /// Referenced by `activities.output_ref`, `blog_posts.content_ref`,
    /// `social_posts.content_ref` (24 hex digits).
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The owning tenant.
    pub tenant_id: String,
    /// The public id of the activity that produced it, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_id: Option<String>,
    /// `markdown`, `json` or `html`.
    pub format: String,
    /// A title for lists (the article's headline, the report's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The body's MIME type (`text/markdown`, `application/json`, …).
    pub content_type: String,
    /// The body's object key in the bucket (`{tenantId}/outputs/{id}.md`); none when the body
    /// is only inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_key: Option<String>,
    /// The body's size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size_bytes: Option<i64>,
    /// The body itself, when small enough to be held inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Words of the body (articles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_count: Option<i32>,
    /// When it was written.
    pub created_at: DateTime,
}
collection!(
    ActivityOutput,
    "activity_outputs",
    [("tenant_activity", doc! { "tenantId": 1, "activityId": 1 })]
);

/// `audit_logs`: one insert-only entry per mutation request of every subgraph (see
/// [`crate::documents::AuditSink`]). Never an input value: only which operation ran, on which
/// ids, by whom, with what outcome.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AuditLogEntry {
    /// The entry's id.
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The tenant the mutation ran in (empty when it ran without one, as `login` does).
    pub tenant_id: String,
    /// Who: `user:<ref id>`, `api_key:<ref id>`, or `anonymous`.
    pub actor: String,
    /// The platform operator's own tenant (public id) when a `super_admin` acted for the tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator_tenant: Option<String>,
    /// The operation name the client sent, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_name: Option<String>,
    /// The mutation root fields the operation selected (`createBlogRequest`, …).
    pub fields: Vec<String>,
    /// Hex SHA-256 of the document run (after a persisted query's hash was resolved).
    pub document_hash: String,
    /// Public ids the mutation named (`id`/`…Id` arguments) or returned (the result's `id`).
    pub target_ids: Vec<String>,
    /// `ok`, or `error` when any error was returned.
    pub outcome: String,
    /// The `extensions.code` of each error returned (none on success).
    #[serde(default)]
    pub error_codes: Vec<String>,
    /// The server's request id.
    pub request_id: String,
    /// The subgraph that served it.
    pub subgraph: String,
    /// When the response was ready (after the transaction committed).
    pub at: DateTime,
}
collection!(
    AuditLogEntry,
    "audit_logs",
    [
        ("tenant_at", doc! { "tenantId": 1, "at": -1 }),
        ("tenant_request", doc! { "tenantId": 1, "requestId": 1 }),
    ]
);

/// `contract_pdfs`: a tenant's contract as generated from its template version: the rendered
/// text and, when produced, the PDF's object key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContractDocument {
    /// Referenced from the contract row.
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The owning tenant.
    pub tenant_id: String,
    /// The contract's public id.
    pub contract_id: String,
    /// The template version it was generated from (`v1.1`).
    pub template_version: String,
    /// The contract as text, placeholders filled in.
    pub rendered_text: String,
    /// The PDF made from the text (a few kilobytes: kept in the document itself, as the spec
    /// says, rather than in the bucket).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pdf: Option<mongodb::bson::Binary>,
    /// The PDF's object key (`{tenantId}/contracts/{contractRefId}/v{templateVersion}.pdf`) when
    /// a copy is also kept in the bucket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_key: Option<String>,
    /// When it was generated.
    pub created_at: DateTime,
}
collection!(
    ContractDocument,
    "contract_pdfs",
    [("tenant_contract", doc! { "tenantId": 1, "contractId": 1 })]
);

/// `skills`: skill files given to agents, among them the context file an onboarding run
/// generates (`onboarding_runs.context_file_id`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Skill {
    /// Referenced by `onboarding_runs.context_file_id` and `agent_configs.skill_ids`.
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The owning tenant.
    pub tenant_id: String,
    /// A short name (`context`, `brand-voice`, …).
    pub name: String,
    /// The skill file's Markdown.
    pub content: String,
    /// Incremented on every edit.
    pub version: i32,
    /// When it was written.
    pub created_at: DateTime,
}
collection!(
    Skill,
    "skills",
    [("tenant_name", doc! { "tenantId": 1, "name": 1 })]
);

/// `onboarding_research`: what the onboarding agent found about the tenant's business.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OnboardingResearch {
    /// The document's id.
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The owning tenant.
    pub tenant_id: String,
    /// The onboarding run's public id.
    pub onboarding_run_id: String,
    /// Findings by section (`competitors`, `audience`, …).
    pub sections: Document,
    /// When it was written.
    pub created_at: DateTime,
}
collection!(
    OnboardingResearch,
    "onboarding_research",
    [("tenant_run", doc! { "tenantId": 1, "onboardingRunId": 1 })]
);

/// `tool_call_logs`: the full request and response of an agent's tool call (the
/// `tool_calls` row holds its summary).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ToolCallLog {
    /// The document's id.
    #[serde(rename = "_id")]
    pub id: ObjectId,
    /// The owning tenant.
    pub tenant_id: String,
    /// The tool call's public id.
    pub tool_call_id: String,
    /// What the agent sent.
    pub request: Document,
    /// What the tool answered.
    pub response: Document,
    /// When it was written.
    pub created_at: DateTime,
}
collection!(
    ToolCallLog,
    "tool_call_logs",
    [("tenant_call", doc! { "tenantId": 1, "toolCallId": 1 })]
);

/// Creates the indexes of every collection (idempotent: existing ones are left alone).
pub(crate) fn all_indexes() -> Vec<(&'static str, Vec<IndexModel>)> {
    vec![
        (ActivityOutput::NAME, ActivityOutput::indexes()),
        (AuditLogEntry::NAME, AuditLogEntry::indexes()),
        (ContractDocument::NAME, ContractDocument::indexes()),
        (Skill::NAME, Skill::indexes()),
        (OnboardingResearch::NAME, OnboardingResearch::indexes()),
        (ToolCallLog::NAME, ToolCallLog::indexes()),
    ]
}
