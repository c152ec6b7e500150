-- Reverse of up.sql, in reverse dependency order. Dropping a table drops its indexes,
-- constraints, triggers, policies and comments; functions and enum types are dropped after
-- the last table that uses them.
DROP TABLE rag_crawl_jobs;
DROP TABLE rag_files;
DROP TABLE rag_datasets;
DROP FUNCTION rag_datasets_embedding_immutable();
DROP TABLE backlinks;
DROP TABLE social_posts;
DROP TABLE social_media_requests;
DROP TABLE blog_posts;
DROP TABLE blog_requests;
DROP TABLE integrations;
DROP TABLE email_templates;
DROP TABLE reports;
DROP TABLE campaigns;
DROP TABLE channel_scores;
DROP TABLE channels;

DROP TYPE backlink_outreach_status;
DROP TYPE backlink_link_type;
DROP TYPE social_post_status;
DROP TYPE social_media_request_post_type;
DROP TYPE blog_post_status;
DROP TYPE blog_request_search_intent;
DROP TYPE request_status;
DROP TYPE request_priority;
DROP TYPE requester_type;
DROP TYPE integration_status;
DROP TYPE integration_type;
DROP TYPE email_template_send_via;
DROP TYPE email_template_category;
DROP TYPE report_status;
DROP TYPE report_type;
DROP TYPE campaign_status;
DROP TYPE channel_status;
DROP TYPE channel_type;
DROP TYPE channel_platform;
