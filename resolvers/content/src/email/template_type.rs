//! The `EmailTemplate` type (a federation entity), its variables and its preview.

use crate::email::enums::{EmailTemplateCategory, EmailTemplateSendVia};
use crate::email::placeholders::Variable;
use async_graphql::{ComplexObject, Context, ID, InputObject, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::email_templates;
use uuid::Uuid;

/// A transactional email template: a global one of the platform (`isGlobal`, read-only to
/// tenants), a tenant's override of a global one (same slug, `sourceTemplate` set), or a
/// tenant's own custom template. `{{ key }}` placeholders in the subject and bodies are the
/// declared `variables`.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct EmailTemplate {
    /// Public id (ULID).
    pub id: ID,
    /// Display name.
    pub name: String,
    /// The name code sends it by (`monthly-report.delivery`): unique among the global
    /// templates, and per tenant.
    pub slug: String,
    /// The subject line (may hold placeholders).
    pub subject: String,
    /// The HTML body (may hold placeholders; values are HTML-escaped when rendered).
    pub body_html: String,
    /// The plain-text body, if any (may hold placeholders).
    pub body_text: Option<String>,
    /// The variables its placeholders may use.
    pub variables: Vec<EmailTemplateVariable>,
    /// What it is for.
    pub category: EmailTemplateCategory,
    /// Whether it is sent (an inactive template is not).
    pub is_active: bool,
    /// The provider it is sent through.
    pub send_via: EmailTemplateSendVia,
    /// Whether it is one of the platform's global templates (read-only to tenants; customize it
    /// to change it).
    pub is_global: bool,
    /// Whether it is the tenant's override of a global template (`sourceTemplate`).
    pub is_override: bool,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) source_template_id: Option<Uuid>,
}

/// A variable a template declares: `{{ key }}` in its texts.
#[derive(SimpleObject, Clone, Debug)]
pub struct EmailTemplateVariable {
    /// The key (`^[a-zA-Z][a-zA-Z0-9_]*$`), unique in the template.
    pub key: String,
    /// What it holds (the preview's sample value when none is given).
    pub description: Option<String>,
    /// Whether every send must give it; a required variable is used in the template.
    pub required: bool,
}

/// A variable to declare in a template.
#[derive(InputObject, Clone, Debug)]
pub struct EmailTemplateVariableInput {
    /// The key: a letter, then letters, digits or `_` (at most 64), unique in the template.
    pub key: String,
    /// What it holds (at most 500 characters).
    pub description: Option<String>,
    /// Whether every send must give it (then the template must use it). Default false.
    #[graphql(default)]
    pub required: bool,
}

impl From<&EmailTemplateVariableInput> for Variable {
    fn from(input: &EmailTemplateVariableInput) -> Self {
        Self {
            key: input.key.clone(),
            description: input.description.clone(),
            required: input.required,
        }
    }
}

/// The declared variables of a stored row (entries that are not variables are skipped).
pub fn variables_of(value: &serde_json::Value) -> Vec<Variable> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| serde_json::from_value::<Variable>(item.clone()).ok())
                .collect()
        })
        .unwrap_or_default()
}

impl From<email_templates::Model> for EmailTemplate {
    fn from(row: email_templates::Model) -> Self {
        let variables = variables_of(&row.variables)
            .into_iter()
            .map(|variable| EmailTemplateVariable {
                key: variable.key,
                description: variable.description,
                required: variable.required,
            })
            .collect();
        Self {
            id: ID(row.ref_id),
            name: row.name,
            slug: row.slug,
            subject: row.subject,
            body_html: row.body_html,
            body_text: row.body_text,
            variables,
            category: row.category.into(),
            is_active: row.is_active,
            send_via: row.send_via.into(),
            is_global: row.tenant_id.is_none(),
            is_override: row.source_template_id.is_some(),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            source_template_id: row.source_template_id,
        }
    }
}

/// The template's relations, through the request's loaders.
#[ComplexObject]
impl EmailTemplate {
    /// The global template this one overrides; null for global and custom templates.
    async fn source_template(&self, ctx: &Context<'_>) -> Result<Option<EmailTemplate>> {
        Ok(
            graph_core::loaders::one::<email_templates::Entity>(ctx, self.source_template_id)
                .await?
                .map(Self::from),
        )
    }
}

/// A template rendered with sample values (`previewEmailTemplate`).
#[derive(SimpleObject, Clone, Debug)]
pub struct EmailTemplatePreview {
    /// The subject, rendered.
    pub subject: String,
    /// The HTML body, rendered (values HTML-escaped).
    pub body_html: String,
    /// The plain-text body, rendered; null when the template has none.
    pub body_text: Option<String>,
    /// Required variables that `values` did not give (they got sample values): a real send
    /// would need them.
    pub missing_required: Vec<String>,
    /// Every variable that got a generated sample value (its description, or `[key]`).
    pub sampled: Vec<String>,
}

graph_core::connection_type!(EmailTemplateConnection, EmailTemplateEdge, EmailTemplate);
