//! GraphQL enums of notifications. The tables keep these as `varchar` with `CHECK` lists (not
//! PostgreSQL enums), so each enum converts to and from its column's text here.

use async_graphql::Enum;

/// A channel a notification travels on.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum NotificationChannel {
    /// In the dashboard's notification centre (the `notifications` list).
    Web,
    /// By email.
    Email,
    /// By SMS.
    Sms,
    /// By WhatsApp message.
    Whatsapp,
}

impl NotificationChannel {
    /// The column value (`web`, `email`, `sms`, `whatsapp`).
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Web => "web",
            Self::Email => "email",
            Self::Sms => "sms",
            Self::Whatsapp => "whatsapp",
        }
    }

    /// The enum of a column value; `WEB` for anything unknown (the `CHECK` constraints admit
    /// only the four known values).
    pub fn from_db(value: &str) -> Self {
        match value {
            "email" => Self::Email,
            "sms" => Self::Sms,
            "whatsapp" => Self::Whatsapp,
            _ => Self::Web,
        }
    }
}

/// A channel that has a configurable delivery provider (web notifications need none).
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "NotificationProviderChannel")]
pub enum ProviderChannel {
    /// Email: `SMTP`, `SENDGRID` or `SES`.
    Email,
    /// SMS: `MSG91` or `TWILIO`.
    Sms,
    /// WhatsApp: `WHATSAPP_BUSINESS_API` or `TWILIO`.
    Whatsapp,
}

impl ProviderChannel {
    /// The column value (`email`, `sms`, `whatsapp`).
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
            Self::Whatsapp => "whatsapp",
        }
    }

    /// The enum of a column value; `EMAIL` for anything unknown (the `CHECK` constraint admits
    /// only the three known values).
    pub fn from_db(value: &str) -> Self {
        match value {
            "sms" => Self::Sms,
            "whatsapp" => Self::Whatsapp,
            _ => Self::Email,
        }
    }

    /// The providers that can deliver on this channel.
    pub fn providers(self) -> &'static [ProviderKind] {
        match self {
            Self::Email => &[
                ProviderKind::Smtp,
                ProviderKind::Sendgrid,
                ProviderKind::Ses,
            ],
            Self::Sms => &[ProviderKind::Msg91, ProviderKind::Twilio],
            Self::Whatsapp => &[ProviderKind::WhatsappBusinessApi, ProviderKind::Twilio],
        }
    }
}

/// A delivery provider of email, SMS or WhatsApp messages.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "NotificationProviderKind")]
pub enum ProviderKind {
    /// Any SMTP server (email).
    Smtp,
    /// Twilio SendGrid (email).
    Sendgrid,
    /// Amazon Simple Email Service (email).
    Ses,
    /// MSG91 (SMS).
    #[graphql(name = "MSG91")]
    Msg91,
    /// Twilio (SMS or WhatsApp).
    Twilio,
    /// Meta's WhatsApp Business API (WhatsApp).
    WhatsappBusinessApi,
}

impl ProviderKind {
    /// The column value (`smtp`, `sendgrid`, `ses`, `msg91`, `twilio`, `whatsapp_business_api`).
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Smtp => "smtp",
            Self::Sendgrid => "sendgrid",
            Self::Ses => "ses",
            Self::Msg91 => "msg91",
            Self::Twilio => "twilio",
            Self::WhatsappBusinessApi => "whatsapp_business_api",
        }
    }

    /// The enum of a column value; `SMTP` for anything unknown (the `CHECK` constraint admits
    /// only the six known values).
    pub fn from_db(value: &str) -> Self {
        match value {
            "sendgrid" => Self::Sendgrid,
            "ses" => Self::Ses,
            "msg91" => Self::Msg91,
            "twilio" => Self::Twilio,
            "whatsapp_business_api" => Self::WhatsappBusinessApi,
            _ => Self::Smtp,
        }
    }
}

/// The outcome of one dispatch attempt.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(name = "NotificationDispatchStatus")]
pub enum DispatchStatus {
    /// Delivered to every recipient.
    Sent,
    /// Not delivered (`error` says why).
    Failed,
    /// Delivered to some recipients only.
    Partial,
    /// Not sent: outside production, no recipient passed the development filter.
    SkippedDevFilter,
}

impl DispatchStatus {
    /// The column value (`sent`, `failed`, `partial`, `skipped_dev_filter`).
    pub fn as_db(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Partial => "partial",
            Self::SkippedDevFilter => "skipped_dev_filter",
        }
    }

    /// The enum of a column value; `FAILED` for anything unknown (the `CHECK` constraint admits
    /// only the four known values).
    pub fn from_db(value: &str) -> Self {
        match value {
            "sent" => Self::Sent,
            "partial" => Self::Partial,
            "skipped_dev_filter" => Self::SkippedDevFilter,
            _ => Self::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_column_text() {
        for channel in [
            NotificationChannel::Web,
            NotificationChannel::Email,
            NotificationChannel::Sms,
            NotificationChannel::Whatsapp,
        ] {
            assert_eq!(NotificationChannel::from_db(channel.as_db()), channel);
        }
        for channel in [
            ProviderChannel::Email,
            ProviderChannel::Sms,
            ProviderChannel::Whatsapp,
        ] {
            assert_eq!(ProviderChannel::from_db(channel.as_db()), channel);
            for provider in channel.providers() {
                assert_eq!(ProviderKind::from_db(provider.as_db()), *provider);
            }
        }
        for status in [
            DispatchStatus::Sent,
            DispatchStatus::Failed,
            DispatchStatus::Partial,
            DispatchStatus::SkippedDevFilter,
        ] {
            assert_eq!(DispatchStatus::from_db(status.as_db()), status);
        }
    }

    #[test]
    fn providers_pair_with_their_channels_only() {
        assert!(
            ProviderChannel::Sms
                .providers()
                .contains(&ProviderKind::Twilio)
        );
        assert!(
            ProviderChannel::Whatsapp
                .providers()
                .contains(&ProviderKind::Twilio)
        );
        assert!(
            !ProviderChannel::Email
                .providers()
                .contains(&ProviderKind::Twilio)
        );
        assert!(
            !ProviderChannel::Sms
                .providers()
                .contains(&ProviderKind::Smtp)
        );
        assert!(
            !ProviderChannel::Whatsapp
                .providers()
                .contains(&ProviderKind::Msg91)
        );
    }
}
