//! `EmailTemplateQuery`: the templates a tenant can read — global, its own, or the effective
//! set — one by id, the preview, and the federation look-up of `EmailTemplate`.

use crate::email::enums::{EmailTemplateCategory, EmailTemplateScope};
use crate::email::placeholders::{keys_of, render};
use crate::email::template_type::{
    EmailTemplate, EmailTemplateConnection, EmailTemplatePreview, variables_of,
};
use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use entities::email_templates;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::error::{ApiError, ApiResult};
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, SimpleExpr};
use std::collections::{BTreeMap, BTreeSet};

/// Which email templates to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct EmailTemplateFilter {
    /// Only templates of this category.
    pub category: Option<EmailTemplateCategory>,
    /// Only the templates with this slug.
    pub slug: Option<String>,
    /// Global, the tenant's own, or the effective set (the default).
    pub scope: Option<EmailTemplateScope>,
}

/// `EFFECTIVE`: the tenant's rows, and the global rows that the tenant has no live override
/// of (an anti-join on the slug, through the (tenant, slug) index).
fn not_overridden(tenant: uuid::Uuid) -> SimpleExpr {
    Expr::cust_with_values(
        "(email_templates.tenant_id IS NOT NULL OR NOT EXISTS (
           SELECT 1 FROM email_templates o
           WHERE o.tenant_id = $1 AND o.slug = email_templates.slug AND o.deleted_on IS NULL))",
        [sea_orm::Value::from(tenant)],
    )
}

/// A preview value: strings as they are, numbers and booleans as JSON prints them; null is no
/// value. Objects and arrays are `BAD_USER_INPUT` on `values`.
fn preview_value(key: &str, value: &serde_json::Value) -> ApiResult<Option<String>> {
    use serde_json::Value as V;
    match value {
        V::Null => Ok(None),
        V::String(text) => Ok(Some(text.clone())),
        V::Number(number) => Ok(Some(number.to_string())),
        V::Bool(flag) => Ok(Some(flag.to_string())),
        V::Array(_) | V::Object(_) => Err(ApiError::bad_input(
            "values",
            format!("the value of `{key}` must be a string, number or boolean"),
        )),
    }
}

/// Renders `row` with `values`, generating sample values for the variables (and undeclared
/// placeholders of older rows) that `values` does not give.
pub fn preview(
    row: &email_templates::Model,
    values: &serde_json::Map<String, serde_json::Value>,
) -> ApiResult<EmailTemplatePreview> {
    let variables = variables_of(&row.variables);
    let mut given = BTreeMap::new();
    for (key, value) in values {
        if let Some(value) = preview_value(key, value)? {
            given.insert(key.clone(), value);
        }
    }
    let mut rendered_values = given.clone();
    let mut sampled = Vec::new();
    let mut missing_required = Vec::new();
    for variable in &variables {
        if given.contains_key(&variable.key) {
            continue;
        }
        let sample = variable
            .description
            .clone()
            .unwrap_or_else(|| format!("[{}]", variable.key));
        rendered_values.insert(variable.key.clone(), sample);
        sampled.push(variable.key.clone());
        if variable.required {
            missing_required.push(variable.key.clone());
        }
    }
    // Placeholders a stored row uses without declaring them render as `[key]`.
    let texts = [
        Some(&row.subject),
        Some(&row.body_html),
        row.body_text.as_ref(),
    ];
    let mut undeclared = BTreeSet::new();
    for text in texts.into_iter().flatten() {
        for key in keys_of(text) {
            if !rendered_values.contains_key(key) {
                undeclared.insert(key.to_owned());
            }
        }
    }
    sampled.extend(undeclared);
    Ok(EmailTemplatePreview {
        subject: render(&row.subject, &rendered_values, false),
        body_html: render(&row.body_html, &rendered_values, true),
        body_text: row
            .body_text
            .as_deref()
            .map(|text| render(text, &rendered_values, false)),
        missing_required,
        sampled,
    })
}

/// The email template part of the email `Query`.
#[derive(Default)]
pub struct EmailTemplateQuery;

/// Reads of email templates.
#[Object]
impl EmailTemplateQuery {
    /// The email templates the tenant can read, in id order, as a Relay connection (deleted
    /// ones hidden): by default the effective set — for each slug the tenant's override if it
    /// has one, else the global template — plus the tenant's custom templates.
    async fn email_templates(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only templates matching this.")] filter: Option<EmailTemplateFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return templates before this one.")] before: Option<String>,
    ) -> Result<EmailTemplateConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use email_templates::Column as C;
                let mut select = tx.select::<email_templates::Entity>();
                select = match filter.scope.unwrap_or_default() {
                    EmailTemplateScope::Global => select.filter(C::TenantId.is_null()),
                    EmailTemplateScope::Tenant => select.filter(C::TenantId.is_not_null()),
                    EmailTemplateScope::Effective => {
                        select.filter(not_overridden(tx.tenant().uuid()))
                    }
                };
                if let Some(category) = filter.category {
                    select =
                        select.filter(C::Category.eq(db::EmailTemplateCategory::from(category)));
                }
                if let Some(slug) = &filter.slug {
                    select = select.filter(C::Slug.eq(slug.trim()));
                }
                Ok(select)
            },
            EmailTemplate::from,
        )
        .await?)
    }

    /// One email template by id (global or the tenant's); null when there is none. Deleted
    /// templates are returned to admins only.
    async fn email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
    ) -> Result<Option<EmailTemplate>> {
        Ok(lookup::<email_templates::Entity>(ctx, &id, false)
            .await?
            .map(EmailTemplate::from))
    }

    /// Renders a template (global or the tenant's) with `values`, for a preview: variables
    /// missing from `values` get sample values (their description, or `[key]`), and values are
    /// HTML-escaped in the HTML body. Required variables missing from `values` are listed in
    /// `missingRequired`, not refused. `NOT_FOUND` for an unknown template.
    async fn preview_email_template(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The template's id.")] id: ID,
        #[graphql(
            desc = "The variables' values: a JSON object of strings, numbers or booleans by key."
        )]
        values: Option<Json<serde_json::Value>>,
    ) -> Result<EmailTemplatePreview> {
        let values = match values.map(|json| json.0) {
            None | Some(serde_json::Value::Null) => serde_json::Map::new(),
            Some(serde_json::Value::Object(map)) => map,
            Some(_) => {
                return Err(ApiError::bad_input("values", "`values` must be a JSON object").into());
            }
        };
        let row = lookup::<email_templates::Entity>(ctx, &id, false)
            .await?
            .ok_or(ApiError::NotFound("email template"))?;
        Ok(preview(&row, &values)?)
    }

    /// Federation: an email template the caller's tenant can read (global or its own); null
    /// for unknown ids.
    #[graphql(entity)]
    async fn find_email_template_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<EmailTemplate>> {
        Ok(lookup::<email_templates::Entity>(ctx, &id, true)
            .await?
            .map(EmailTemplate::from))
    }
}
