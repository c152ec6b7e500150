-- The lists of integrations, backlinks and the knowledge base (`integrations(filter:)`,
-- `backlinks(filter:)`, `Deliverable.backlinks`, `ragDatasets`, `ragFiles(datasetId:)`,
-- `RagDataset.files`, `ragCrawlJobs(datasetId:)`, `RagDataset.crawlJobs`) at any tenant size: an
-- index per list order that leads with `tenant_id`, then the filter's columns, and ends with the
-- list's sort key, `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size").
-- Soft-deleted rows are never listed, so the new indexes of soft-deleted tables leave them out.

-- integrations: unfiltered, by provider, by active flag.
CREATE INDEX idx_integrations_tenant_ref ON integrations (tenant_id, ref_id);
CREATE INDEX idx_integrations_tenant_active ON integrations (tenant_id, is_active, ref_id);
-- (by provider: idx_integrations_tenant_type is unique on (tenant_id, integration_type) except
-- `custom`; the list by type is served by this one, custom included.)
CREATE INDEX idx_integrations_tenant_type_ref ON integrations (tenant_id, integration_type, ref_id);

-- backlinks: the spec's status index gains the sort key (it still serves its prefix).
DROP INDEX idx_backlinks_tenant_status;
CREATE INDEX idx_backlinks_tenant_status ON backlinks (tenant_id, outreach_status, is_live, ref_id);
CREATE INDEX idx_backlinks_tenant_ref ON backlinks (tenant_id, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_backlinks_tenant_live ON backlinks (tenant_id, is_live, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_backlinks_tenant_indexed ON backlinks (tenant_id, is_indexed, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_backlinks_tenant_link_type ON backlinks (tenant_id, link_type, ref_id) WHERE deleted_on IS NULL;
-- A deliverable's and an activity's backlinks (the filters, `Deliverable.backlinks`), in id
-- order; they still serve the foreign keys.
DROP INDEX idx_backlinks_activity;
CREATE INDEX idx_backlinks_activity ON backlinks (tenant_id, activity_id, ref_id) WHERE activity_id IS NOT NULL;
DROP INDEX idx_backlinks_deliverable;
CREATE INDEX idx_backlinks_deliverable ON backlinks (tenant_id, deliverable_id, ref_id) WHERE deliverable_id IS NOT NULL;

-- rag_datasets: unfiltered and by status.
CREATE INDEX idx_rag_datasets_tenant_ref ON rag_datasets (tenant_id, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_rag_datasets_tenant_status ON rag_datasets (tenant_id, status, ref_id) WHERE deleted_on IS NULL;

-- rag_files: a dataset's files, unfiltered, by status, by enabled flag.
CREATE INDEX idx_rag_files_tenant_dataset ON rag_files (tenant_id, dataset_id, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_rag_files_tenant_dataset_status ON rag_files (tenant_id, dataset_id, status, ref_id) WHERE deleted_on IS NULL;
CREATE INDEX idx_rag_files_tenant_dataset_enabled ON rag_files (tenant_id, dataset_id, enabled, ref_id) WHERE deleted_on IS NULL;

-- rag_crawl_jobs: a dataset's jobs, unfiltered and by status.
CREATE INDEX idx_rag_crawl_jobs_tenant_dataset ON rag_crawl_jobs (tenant_id, dataset_id, ref_id);
CREATE INDEX idx_rag_crawl_jobs_tenant_dataset_status ON rag_crawl_jobs (tenant_id, dataset_id, status, ref_id);
