//! Demo notifications: an unread notification for the tenant's admin, a broadcast to its
//! admins, and two dispatch attempts (one sent, one failed) in the dispatch log. Idempotent:
//! each row is inserted only when the tenant has no row of the same kind and text yet.

use super::run;
use sea_orm::{DatabaseConnection, DbErr};

/// Statements seeding tenant `$1`'s notifications.
const STATEMENTS: [&str; 3] = [
    "INSERT INTO notifications (tenant_id, user_id, type, message)
     SELECT t.id, u.id, 'approval_required', 'A deliverable is waiting for your approval.'
     FROM tenants t JOIN users u ON u.tenant_id = t.id AND u.role = 'admin'
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = t.id AND n.user_id = u.id
                                                      AND n.type = 'approval_required')",
    "INSERT INTO notifications (tenant_id, user_id, type, message)
     SELECT t.id, NULL, 'credits_low', 'Fewer than 10% of this month''s credits are left.'
     FROM tenants t
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.tenant_id = t.id AND n.user_id IS NULL
                                                      AND n.type = 'credits_low')",
    "INSERT INTO notification_dispatch_log (tenant_id, notification_job_id, channel, type,
                                           recipients_count, provider, status, provider_response,
                                           error, duration_ms, attempt)
     SELECT t.id, 'demo-' || t.slug || '-1', v.channel, 'credits_low', 1, v.provider, v.status,
            v.response::jsonb, v.error, v.duration_ms, 1
     FROM tenants t
     CROSS JOIN (VALUES ('email', 'sendgrid', 'sent', '{\"message\": \"success\"}', NULL, 240),
                        ('sms', 'msg91', 'failed', NULL, 'DLT template not approved', 95))
           AS v(channel, provider, status, response, error, duration_ms)
     WHERE t.slug = $1
       AND NOT EXISTS (SELECT 1 FROM notification_dispatch_log d
                       WHERE d.tenant_id = t.id AND d.notification_job_id = 'demo-' || t.slug || '-1')",
];

/// Seeds the demo notifications of tenant `slug` (see the module documentation).
pub async fn notifications(db: &DatabaseConnection, slug: &str) -> Result<(), DbErr> {
    for statement in STATEMENTS {
        run(db, statement, vec![slug.into()]).await?;
    }
    Ok(())
}
