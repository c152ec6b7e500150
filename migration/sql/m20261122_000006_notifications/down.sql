DROP TABLE notification_dispatch_log;
DROP TABLE notification_providers;
DROP TABLE notifications;
