//! GraphQL enums of email templates. Category and provider mirror PostgreSQL enums (converted
//! with `remote`); `EmailTemplateScope` says which templates a list shows.

use async_graphql::Enum;

/// What an email template is for.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::EmailTemplateCategory")]
pub enum EmailTemplateCategory {
    /// Approval requests and decisions.
    Approval,
    /// Delivering reports to clients.
    ReportDelivery,
    /// Welcome and onboarding.
    Onboarding,
    /// Invoices, credits and payments.
    Billing,
    /// Alerts and warnings.
    Alert,
    /// The tenant's own templates.
    Custom,
}

/// The email provider a template is sent through.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::EmailTemplateSendVia")]
pub enum EmailTemplateSendVia {
    /// SendGrid.
    Sendgrid,
    /// Amazon SES.
    Ses,
    /// The tenant's SMTP server.
    Smtp,
}

/// Which email templates a list shows.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug, Default)]
pub enum EmailTemplateScope {
    /// The platform's global templates only (read-only to tenants).
    Global,
    /// The tenant's own rows only: its overrides of global templates and its custom templates.
    Tenant,
    /// What the tenant sends: for each slug, the tenant's override if it has one, else the
    /// global template; plus the tenant's custom templates.
    #[default]
    Effective,
}
