//! `EmailTemplateMutation`: a tenant's overrides of global templates (customize, change,
//! delete — which reverts to the global one) and its own custom templates (admins only). Global
//! templates are read-only to tenants: they are seeded by the platform (`TenantTx::insert`
//! always stamps the caller's tenant, so the API cannot create one), and changing or deleting
//! one through the API is `FORBIDDEN`. Placeholders are checked against the declared variables
//! ([`crate::email::placeholders`]) before anything is written.

use crate::email::enums::EmailTemplateSendVia;
use crate::email::placeholders::{Variable, check_template, check_variables};
use crate::email::template_type::{EmailTemplate, EmailTemplateVariableInput, variables_of};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use entities::email_templates;
use entities::sea_orm_active_enums as db;
use graph_core::access::{self, ADMINS};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// A template's name (`varchar(255)`).
const NAME: Text = Text::new("name", 255);
/// Its subject (`varchar(500)`).
const SUBJECT: Text = Text::new("subject", 500);
/// Its HTML body (`text`, bounded here).
const BODY_HTML: Text = Text::new("bodyHtml", 200_000);
/// Its plain-text body (`text`, bounded here).
const BODY_TEXT: Text = Text::new("bodyText", 200_000);
/// The longest slug (`varchar(100)`).
const MAX_SLUG_CHARS: usize = 100;

/// A tenant's own template (category `CUSTOM`).
#[derive(InputObject)]
pub struct CreateEmailTemplateInput {
    /// Display name, 1–255 characters.
    pub name: String,
    /// The name code sends it by: lowercase letters and digits in groups joined by `.`, `_` or
    /// `-` (`^[a-z0-9]+([._-][a-z0-9]+)*$`), at most 100; unique in the tenant and not a global
    /// template's slug (customize that one instead).
    pub slug: String,
    /// Subject line, 1–500 characters (placeholders allowed).
    pub subject: String,
    /// HTML body (placeholders allowed; at most 200,000 characters).
    pub body_html: String,
    /// Plain-text body (placeholders allowed; at most 200,000 characters).
    pub body_text: Option<String>,
    /// The variables its placeholders use (at most 50). Every `{{ key }}` must be declared;
    /// every required variable must be used.
    #[graphql(default)]
    pub variables: Vec<EmailTemplateVariableInput>,
    /// The provider it is sent through (default `SENDGRID`).
    pub send_via: Option<EmailTemplateSendVia>,
    /// Whether it is sent (default true).
    pub is_active: Option<bool>,
}

/// Changes to an override or a custom template; omitted fields keep their value. The result
/// must still pass the placeholder checks.
#[derive(InputObject)]
pub struct UpdateEmailTemplateInput {
    /// New display name, 1–255 characters.
    pub name: Option<String>,
    /// New subject line, 1–500 characters.
    pub subject: Option<String>,
    /// New HTML body (at most 200,000 characters).
    pub body_html: Option<String>,
    /// New plain-text body; null removes it.
    pub body_text: MaybeUndefined<String>,
    /// The variables, replacing the declared ones (at most 50).
    pub variables: Option<Vec<EmailTemplateVariableInput>>,
    /// Whether it is sent.
    pub is_active: Option<bool>,
    /// The provider it is sent through.
    pub send_via: Option<EmailTemplateSendVia>,
}

/// A slug: `^[a-z0-9]+([._-][a-z0-9]+)*$`, at most 100 characters (`BAD_USER_INPUT` on
/// `slug`).
fn slug(value: &str) -> ApiResult<String> {
    let value = value.trim();
    let groups_ok = value.split(['.', '_', '-']).all(|group| {
        !group.is_empty()
            && group
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if value.is_empty() || value.len() > MAX_SLUG_CHARS || !groups_ok {
        return Err(ApiError::bad_input(
            "slug",
            "`slug` must be lowercase letters and digits in groups joined by `.`, `_` or `-` (at most 100 characters)",
        ));
    }
    Ok(value.to_owned())
}

/// Checked variables of an input, as stored JSON.
fn variables(inputs: &[EmailTemplateVariableInput]) -> ApiResult<Vec<Variable>> {
    let variables: Vec<Variable> = inputs.iter().map(Variable::from).collect();
    check_variables(&variables)
}

/// The stored JSON of checked variables.
fn variables_json(variables: &[Variable]) -> ApiResult<serde_json::Value> {
    serde_json::to_value(variables).map_err(ApiError::internal)
}

/// The tenant's row (live or deleted) with `slug`, locked; global rows are not the tenant's.
async fn own_row_with_slug(tx: &TenantTx, slug: &str) -> ApiResult<Option<email_templates::Model>> {
    use email_templates::Column as C;
    tx.select_with_deleted::<email_templates::Entity>(true)
        .filter(C::Slug.eq(slug))
        .filter(C::TenantId.is_not_null())
        .lock_exclusive()
        .one(tx)
        .await
}

/// The tenant's own live template `id` (an override or custom template), locked: a global
/// template is `FORBIDDEN` (it is read-only; customize it), an unknown id `NOT_FOUND`.
async fn own_template(tx: &TenantTx, id: &ID) -> ApiResult<email_templates::Model> {
    use email_templates::Column as C;
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .find_by_ref::<email_templates::Entity>("email template", &ref_id)
        .await?;
    if row.tenant_id.is_none() {
        return Err(ApiError::Forbidden(
            "global email templates are read-only: customize it with `customizeEmailTemplate`"
                .to_owned(),
        ));
    }
    tx.select::<email_templates::Entity>()
        .filter(C::Id.eq(row.id))
        .filter(C::TenantId.is_not_null())
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("email template"))
}

/// The email template part of the email `Mutation`.
#[derive(Default)]
pub struct EmailTemplateMutation;

/// Changes to the tenant's email templates.
#[Object]
impl EmailTemplateMutation {
    /// Copies a global template into the tenant's override of it (admins only): same slug,
    /// texts and variables, `sourceTemplate` set; from then on the tenant sends its override.
    /// A slug the tenant already has an override (or custom template) of is a `CONFLICT`; a
    /// template that is not global is `BAD_USER_INPUT` on `globalTemplateId`.
    #[tracing::instrument(skip_all)]
    async fn customize_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The global template to customize.")] global_template_id: ID,
    ) -> Result<EmailTemplate> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("globalTemplateId", &global_template_id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let global = tx
            .find_by_ref::<email_templates::Entity>("email template", &ref_id)
            .await?;
        if global.tenant_id.is_some() {
            return Err(ApiError::bad_input(
                "globalTemplateId",
                "this is the tenant's own template, not a global one: update it instead",
            )
            .into());
        }
        let existing = own_row_with_slug(&tx, &global.slug).await?;
        let copy = email_templates::ActiveModel {
            name: Set(global.name.clone()),
            subject: Set(global.subject.clone()),
            body_html: Set(global.body_html.clone()),
            body_text: Set(global.body_text.clone()),
            variables: Set(global.variables.clone()),
            category: Set(global.category.clone()),
            source_template_id: Set(Some(global.id)),
            is_active: Set(global.is_active),
            send_via: Set(global.send_via.clone()),
            ..Default::default()
        };
        let row = match existing {
            Some(row) if row.deleted_on.is_none() => {
                return Err(ApiError::Conflict(format!(
                    "the tenant already has a template with slug `{}` ({}): update it instead",
                    row.slug, row.ref_id
                ))
                .into());
            }
            // An override deleted earlier (the slug stays taken): revived as a fresh copy.
            Some(row) => {
                let revived = email_templates::ActiveModel {
                    deleted_on: Set(None),
                    deleted_by: Set(None),
                    ..copy
                };
                tx.update_by_id("email template", row.id, revived).await?
            }
            None => {
                tx.insert(email_templates::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    slug: Set(global.slug.clone()),
                    ..copy
                })
                .await?
            }
        };
        tx.commit().await?;
        tracing::info!(template = %row.ref_id, slug = %row.slug, "email template customized");
        Ok(EmailTemplate::from(row))
    }

    /// Creates one of the tenant's own templates, category `CUSTOM` (admins only). Every
    /// `{{ key }}` must be a declared variable and every required variable used
    /// (`BAD_USER_INPUT` naming the field and the key); a slug the tenant already uses, or a
    /// global template's slug, is a `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn create_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's name, slug, texts and variables.")]
        input: CreateEmailTemplateInput,
    ) -> Result<EmailTemplate> {
        let session = access::write(ctx, ADMINS)?;
        let name = NAME.required(&input.name)?;
        let slug = slug(&input.slug)?;
        let subject = SUBJECT.required(&input.subject)?;
        let body_html = BODY_HTML.required(&input.body_html)?;
        let body_text = BODY_TEXT.optional(input.body_text.as_deref())?;
        let variables = variables(&input.variables)?;
        let mut texts = vec![
            ("subject", subject.as_str()),
            ("bodyHtml", body_html.as_str()),
        ];
        if let Some(text) = &body_text {
            texts.push(("bodyText", text.as_str()));
        }
        check_template(&texts, &variables)?;
        let variables = variables_json(&variables)?;
        let tx = access::begin(ctx, session).await?;
        let global = tx
            .select::<email_templates::Entity>()
            .filter(email_templates::Column::Slug.eq(slug.as_str()))
            .filter(email_templates::Column::TenantId.is_null())
            .one(&tx)
            .await?;
        if let Some(global) = global {
            return Err(ApiError::Conflict(format!(
                "`{slug}` is a global template's slug: customize it ({}) instead",
                global.ref_id
            ))
            .into());
        }
        let existing = own_row_with_slug(&tx, &slug).await?;
        let fields = email_templates::ActiveModel {
            name: Set(name),
            subject: Set(subject),
            body_html: Set(body_html),
            body_text: Set(body_text),
            variables: Set(variables),
            category: Set(db::EmailTemplateCategory::Custom),
            source_template_id: Set(None),
            is_active: Set(input.is_active.unwrap_or(true)),
            send_via: Set(input
                .send_via
                .map_or(db::EmailTemplateSendVia::Sendgrid, Into::into)),
            ..Default::default()
        };
        let row = match existing {
            Some(row) if row.deleted_on.is_none() => {
                return Err(ApiError::Conflict(format!(
                    "the tenant already has a template with slug `{slug}` ({})",
                    row.ref_id
                ))
                .into());
            }
            Some(row) => {
                let revived = email_templates::ActiveModel {
                    deleted_on: Set(None),
                    deleted_by: Set(None),
                    ..fields
                };
                tx.update_by_id("email template", row.id, revived).await?
            }
            None => {
                tx.insert(email_templates::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    slug: Set(slug),
                    ..fields
                })
                .await?
            }
        };
        tx.commit().await?;
        Ok(EmailTemplate::from(row))
    }

    /// Changes one of the tenant's overrides or custom templates (admins only); the result must
    /// pass the placeholder checks. A global template is `FORBIDDEN` (read-only: customize it);
    /// another tenant's is `NOT_FOUND`. The slug does not change.
    #[tracing::instrument(skip_all)]
    async fn update_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateEmailTemplateInput,
    ) -> Result<EmailTemplate> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let subject = input
            .subject
            .as_deref()
            .map(|text| SUBJECT.required(text))
            .transpose()?;
        let body_html = input
            .body_html
            .as_deref()
            .map(|text| BODY_HTML.required(text))
            .transpose()?;
        let body_text = match &input.body_text {
            MaybeUndefined::Undefined => None,
            MaybeUndefined::Null => Some(None),
            MaybeUndefined::Value(text) => Some(BODY_TEXT.optional(Some(text))?),
        };
        let new_variables = input.variables.as_deref().map(variables).transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = own_template(&tx, &id).await?;
        let merged_variables = new_variables
            .clone()
            .unwrap_or_else(|| variables_of(&row.variables));
        let merged_subject = subject.as_deref().unwrap_or(&row.subject);
        let merged_html = body_html.as_deref().unwrap_or(&row.body_html);
        let merged_text = match &body_text {
            Some(text) => text.as_deref(),
            None => row.body_text.as_deref(),
        };
        let mut texts = vec![("subject", merged_subject), ("bodyHtml", merged_html)];
        if let Some(text) = merged_text {
            texts.push(("bodyText", text));
        }
        check_template(&texts, &merged_variables)?;
        let changes = email_templates::ActiveModel {
            name: name.map_or(NotSet, Set),
            subject: subject.map_or(NotSet, Set),
            body_html: body_html.map_or(NotSet, Set),
            body_text: body_text.map_or(NotSet, Set),
            variables: match new_variables {
                Some(variables) => Set(variables_json(&variables)?),
                None => NotSet,
            },
            is_active: input.is_active.map_or(NotSet, Set),
            send_via: input.send_via.map_or(NotSet, |via| Set(via.into())),
            ..Default::default()
        };
        let row = tx.update_by_id("email template", row.id, changes).await?;
        tx.commit().await?;
        Ok(EmailTemplate::from(row))
    }

    /// Deletes one of the tenant's overrides or custom templates (admins only): deleting an
    /// override makes the global template effective again (customize it again to get a fresh
    /// copy). A global template is `FORBIDDEN`; another tenant's is `NOT_FOUND`. Returns the
    /// deleted template's id.
    #[tracing::instrument(skip_all)]
    async fn delete_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = own_template(&tx, &id).await?;
        tx.soft_delete::<email_templates::Entity, _>(
            "email template",
            row.id,
            email_templates::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_groups() {
        for good in ["welcome", "monthly-report.delivery", "a_b-c.d", "v2"] {
            assert!(slug(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Welcome",
            "a--b",
            "-a",
            "a.",
            "a b",
            "é",
            &"a".repeat(101),
        ] {
            assert!(slug(bad).is_err(), "{bad}");
        }
    }
}
