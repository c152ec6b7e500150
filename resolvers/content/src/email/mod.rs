//! Email templates: the platform's global transactional templates (`tenant_id IS NULL`, seeded,
//! read-only to tenants), a tenant's overrides of them (one per slug: the tenant sends its
//! override instead of the global one) and its own custom templates. Placeholders `{{ key }}`
//! are checked against declared variables and rendered for previews ([`placeholders`]).
//! `EmailTemplate` is a federation entity.
//!
//! `template_queries.rs` (lists by scope — global, the tenant's, effective —, by id, the
//! preview, the entity look-up), `templates.rs` (mutations, admins only).

mod enums;
pub mod placeholders;
mod template_queries;
mod template_type;
mod templates;

pub use enums::{EmailTemplateCategory, EmailTemplateScope, EmailTemplateSendVia};
pub use template_queries::EmailTemplateFilter;
pub use template_type::{EmailTemplate, EmailTemplateConnection, EmailTemplatePreview};

use async_graphql::MergedObject;

/// Queries of email templates (with the federation look-up of `EmailTemplate`).
#[derive(MergedObject, Default)]
pub struct EmailQuery(template_queries::EmailTemplateQuery);

/// Mutations of email templates.
#[derive(MergedObject, Default)]
pub struct EmailMutation(templates::EmailTemplateMutation);

use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of email templates can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "idx_email_templates_slug_tenant",
    "the tenant already has a template with this slug (an override was just made by another request): update that template instead",
)];
