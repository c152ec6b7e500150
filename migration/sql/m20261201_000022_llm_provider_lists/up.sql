-- The list of LLM providers (`llmProviders(filter:)`) at any tenant size: an index per list
-- order that leads with `tenant_id`, then the filter's columns, and ends with the list's sort
-- key, `ref_id` (docs/schema-decisions.md, "Indexes for tenants of any size"). The list reads
-- the tenant's rows and the global rows (`tenant_id IS NULL`), each a range of these indexes.
-- Soft-deleted providers are never listed, so the indexes leave them out.

-- Unfiltered, and by scope (the tenant's own, or the global ones).
CREATE INDEX idx_llm_providers_tenant_ref ON llm_providers (tenant_id, ref_id) WHERE deleted_on IS NULL;
-- By provider type.
CREATE INDEX idx_llm_providers_tenant_type_ref ON llm_providers (tenant_id, provider_type, ref_id) WHERE deleted_on IS NULL;
-- By active flag (tenants see only active global providers).
CREATE INDEX idx_llm_providers_tenant_active_ref ON llm_providers (tenant_id, is_active, ref_id) WHERE deleted_on IS NULL;
