-- Billing and costs: the live credit balance per tenant, the append-only credit ledger (the
-- source of truth), Razorpay top-up orders, the LLM and tool call audit logs (llm_calls
-- partitioned by month), and Razorpay billing events. Every table is tenant-scoped.
-- Immutable tables (credit_ledger, llm_calls, tool_calls, billing_events) are append-only for
-- the application roles; their references use ON DELETE NO ACTION because they disappear only
-- together with their tenant. Departures from the spec: docs/decisions/billing.md.

CREATE TYPE tool_call_status AS ENUM ('success', 'error');

-- ---------------------------------------------------------------------------------------------
-- credit_balances — one row per tenant; mutable, not soft-deleted.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE credit_balances (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id            varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id         uuid        NOT NULL UNIQUE REFERENCES tenants (id) ON DELETE CASCADE,
    credits_monthly   int         NOT NULL DEFAULT 0 CHECK (credits_monthly >= 0),
    credits_available int         NOT NULL DEFAULT 0 CHECK (credits_available >= 0),
    credits_reserved  int         NOT NULL DEFAULT 0 CHECK (credits_reserved >= 0),
    credits_consumed  int         NOT NULL DEFAULT 0 CHECK (credits_consumed >= 0),
    credits_topup     int         NOT NULL DEFAULT 0 CHECK (credits_topup >= 0),
    period_start      date        NOT NULL,
    period_end        date        NOT NULL,
    next_reset_at     timestamptz NOT NULL,
    created_by        uuid,
    created_on        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid,
    updated_on        timestamptz,
    -- The effective balance (available - reserved) can never go negative.
    CONSTRAINT credit_balances_reserved_within_available CHECK (credits_reserved <= credits_available),
    CONSTRAINT credit_balances_period_check CHECK (period_end >= period_start)
);

SELECT app_enable_tenant_rls('credit_balances');
SELECT app_grant_table('credit_balances');
SELECT app_document_base_columns('credit_balances');
COMMENT ON TABLE credit_balances IS
    'Live credit position per tenant. One row per tenant, updated atomically on every reservation, consumption, release, and monthly reset. Effective available balance = credits_available - credits_reserved.';
COMMENT ON COLUMN credit_balances.credits_monthly IS 'Monthly allocation for the tenant''s plan';
COMMENT ON COLUMN credit_balances.credits_available IS 'Allocation + top-ups remaining (includes reserved)';
COMMENT ON COLUMN credit_balances.credits_reserved IS 'Held for in-progress runs; not yet consumed';
COMMENT ON COLUMN credit_balances.credits_consumed IS 'Consumed this billing period';
COMMENT ON COLUMN credit_balances.credits_topup IS 'Remaining top-up credits (consumed first; expire end of month)';
COMMENT ON COLUMN credit_balances.period_start IS 'e.g. 2026-04-01';
COMMENT ON COLUMN credit_balances.period_end IS 'e.g. 2026-04-30';
COMMENT ON COLUMN credit_balances.next_reset_at IS 'Next monthly reset timestamp';

-- ---------------------------------------------------------------------------------------------
-- credit_topup_orders — mutable (status follows the Razorpay webhooks), not soft-deleted.
-- Created before credit_ledger, which references it.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE credit_topup_orders (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id            varchar(26) NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    razorpay_order_id text        NOT NULL UNIQUE CHECK (razorpay_order_id <> ''),
    credits           int         NOT NULL CHECK (credits > 0),
    amount_inr        int         NOT NULL CHECK (amount_inr > 0),
    status            varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'paid', 'failed', 'refunded')),
    paid_at           timestamptz,
    expires_at        timestamptz,
    created_by        uuid,
    created_on        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid,
    updated_on        timestamptz,
    CONSTRAINT credit_topup_orders_paid_check
        CHECK (status NOT IN ('paid', 'refunded') OR paid_at IS NOT NULL),
    -- Parent key of credit_ledger's tenant-safe reference to the order.
    CONSTRAINT credit_topup_orders_tenant_order_key UNIQUE (tenant_id, razorpay_order_id)
);

SELECT app_enable_tenant_rls('credit_topup_orders');
SELECT app_grant_table('credit_topup_orders');
SELECT app_document_base_columns('credit_topup_orders');
COMMENT ON TABLE credit_topup_orders IS 'Top-up bundle purchases via Razorpay.';
COMMENT ON COLUMN credit_topup_orders.credits IS 'Credits in this bundle';
COMMENT ON COLUMN credit_topup_orders.amount_inr IS 'Razorpay amount in paise';
COMMENT ON COLUMN credit_topup_orders.status IS 'pending | paid | failed | refunded';
COMMENT ON COLUMN credit_topup_orders.paid_at IS 'Set on payment.captured webhook';
COMMENT ON COLUMN credit_topup_orders.expires_at IS 'End of current billing month';

-- ---------------------------------------------------------------------------------------------
-- credit_ledger — immutable, append-only.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE credit_ledger (
    id               uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id           varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id        uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    type             varchar(20)  NOT NULL
        CHECK (type IN ('allocated', 'topup', 'reserved', 'consumed', 'released', 'refunded', 'adjusted')),
    credits          int          NOT NULL,
    activity_run_id  uuid,
    deliverable_type varchar(100),
    topup_order_id   text,
    balance_after    int          NOT NULL CHECK (balance_after >= 0),
    actor            text         NOT NULL CHECK (actor ~ '^(system|admin:.+|support:.+)$'),
    note             text,
    created_by       uuid,
    created_on       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT credit_ledger_credits_sign_check CHECK (
        CASE
            WHEN type IN ('reserved', 'consumed') THEN credits < 0
            WHEN type IN ('allocated', 'topup', 'released', 'refunded') THEN credits > 0
            ELSE credits <> 0                                   -- adjusted
        END),
    CONSTRAINT credit_ledger_no_run_for_allocation_check CHECK (
        type NOT IN ('allocated', 'topup') OR (activity_run_id IS NULL AND deliverable_type IS NULL)),
    CONSTRAINT credit_ledger_topup_order_check CHECK (
        (type = 'topup') = (topup_order_id IS NOT NULL)),
    CONSTRAINT credit_ledger_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id)
        REFERENCES activity_runs (tenant_id, id) ON DELETE NO ACTION,
    CONSTRAINT credit_ledger_topup_order_fk FOREIGN KEY (tenant_id, topup_order_id)
        REFERENCES credit_topup_orders (tenant_id, razorpay_order_id) ON DELETE NO ACTION
);

CREATE INDEX credit_ledger_tenant_idx ON credit_ledger (tenant_id, created_on DESC);
CREATE INDEX credit_ledger_run_idx ON credit_ledger (tenant_id, activity_run_id);
CREATE INDEX credit_ledger_topup_order_idx ON credit_ledger (tenant_id, topup_order_id)
    WHERE topup_order_id IS NOT NULL;

SELECT app_enable_tenant_rls('credit_ledger');
SELECT app_grant_table('credit_ledger', true);
SELECT app_document_base_columns('credit_ledger');
COMMENT ON TABLE credit_ledger IS
    'Immutable append-only log of every credit movement. Source of truth — credit_balances is a materialised view of this table.';
COMMENT ON COLUMN credit_ledger.type IS 'allocated | topup | reserved | consumed | released | refunded | adjusted';
COMMENT ON COLUMN credit_ledger.credits IS
    'Negative for reserved/consumed; positive for allocated/topup/released/refunded; adjusted: any non-zero amount';
COMMENT ON COLUMN credit_ledger.activity_run_id IS 'Null for allocation and top-up entries';
COMMENT ON COLUMN credit_ledger.deliverable_type IS 'Null for allocation and top-up entries';
COMMENT ON COLUMN credit_ledger.topup_order_id IS
    'Razorpay order ID — top-up entries only (references credit_topup_orders.razorpay_order_id)';
COMMENT ON COLUMN credit_ledger.balance_after IS 'Available balance snapshot at time of entry';
COMMENT ON COLUMN credit_ledger.actor IS 'system | admin:{userId} | support:{userId}';
COMMENT ON COLUMN credit_ledger.note IS 'Human note for refund/adjustment entries';

-- ---------------------------------------------------------------------------------------------
-- llm_calls — immutable cost audit log, partitioned by month on created_on.
--
-- A primary key or unique constraint of a partitioned table must include the partition key,
-- hence PRIMARY KEY (id, created_on) and UNIQUE (ref_id, created_on): global uniqueness of id
-- and ref_id rests on gen_random_uuid() / ULID randomness here. Nothing references llm_calls.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE llm_calls (
    id              uuid          NOT NULL DEFAULT gen_random_uuid(),
    ref_id          varchar(26)   NOT NULL DEFAULT gen_ulid() CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    activity_run_id uuid,
    adapter_type    varchar(50)   NOT NULL CHECK (adapter_type IN ('claude', 'openai', 'ollama', 'webhook')),
    model_id        varchar(100)  NOT NULL,
    prompt_hash     varchar(64)   CHECK (prompt_hash ~ '^[0-9a-f]{64}$'),
    response_hash   varchar(64)   CHECK (response_hash ~ '^[0-9a-f]{64}$'),
    input_tokens    int           NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens   int           NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cost_usd        numeric(10,6) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    duration_ms     int           CHECK (duration_ms >= 0),
    created_by      uuid,
    created_on      timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT llm_calls_pkey PRIMARY KEY (id, created_on),
    CONSTRAINT llm_calls_ref_id_created_on_key UNIQUE (ref_id, created_on),
    CONSTRAINT llm_calls_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id)
        REFERENCES activity_runs (tenant_id, id) ON DELETE NO ACTION
) PARTITION BY RANGE (created_on);

-- The spec's idx_llm_calls_cost (tenant_id, created_on) and idx_llm_calls_tenant_created
-- (tenant_id, created_on DESC) have the same columns: one index serves both.
CREATE INDEX idx_llm_calls_tenant_created ON llm_calls (tenant_id, created_on DESC);
CREATE INDEX idx_llm_calls_run ON llm_calls (tenant_id, activity_run_id)
    WHERE activity_run_id IS NOT NULL;

-- Policies on the parent apply to every query through it (the only way the application roles
-- can reach the rows). Partitions get no grants, see create_llm_calls_partitions.
SELECT app_enable_tenant_rls('llm_calls');
SELECT app_grant_table('llm_calls', true);
SELECT app_document_base_columns('llm_calls');
COMMENT ON TABLE llm_calls IS
    'Full audit log of every LLM request. Immutable; partitioned by month on created_on (partitions llm_calls_yYYYYmMM, created ahead by create_llm_calls_partitions; llm_calls_default catches anything else and should stay empty).';
COMMENT ON COLUMN llm_calls.activity_run_id IS 'The run that made the call; NULL for calls outside an activity run.';
COMMENT ON COLUMN llm_calls.adapter_type IS 'claude | openai | ollama | webhook (the values of the adapter_type enum, as on activity_runs and sessions)';
COMMENT ON COLUMN llm_calls.prompt_hash IS 'SHA-256 — no raw prompt stored (lower-case hex)';
COMMENT ON COLUMN llm_calls.response_hash IS 'SHA-256 of the response; NULL when the call returned no response.';

-- Creates the monthly partitions of llm_calls for `months` months starting with the month of
-- `from_month` (UTC month boundaries), skipping any that already exist; returns how many it
-- created. The scheduled partition job (as app_platform) calls it ahead of time, so rows never
-- fall into llm_calls_default. SECURITY DEFINER: it runs as the migrating role, which owns
-- llm_calls, so app_platform needs no DDL rights.
--
-- Each partition: REVOKE ALL from PUBLIC and the application roles (no grants at all), and row-level
-- security enabled and forced without policies. The application reaches the rows only through
-- the parent, whose grants and tenant policies apply; a direct query on a partition would bypass
-- the parent's policies, so it is refused (no privilege) and, as defence in depth, would see no
-- rows (RLS with no policy).
CREATE FUNCTION create_llm_calls_partitions(from_month date, months int) RETURNS int
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    first_month date;
    month_start date;
    part_name text;
    created int := 0;
BEGIN
    IF from_month IS NULL OR months IS NULL OR months < 0 OR months > 120 THEN
        RAISE EXCEPTION 'create_llm_calls_partitions: invalid arguments (%, %)', from_month, months
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Serialises concurrent calls (the lock conflicts with itself, not with inserts), so the
    -- existence check and the CREATE cannot race.
    LOCK TABLE public.llm_calls IN SHARE UPDATE EXCLUSIVE MODE;
    first_month := date_trunc('month', from_month)::date;
    FOR i IN 0 .. months - 1 LOOP
        month_start := (first_month + make_interval(months => i))::date;
        part_name := format('llm_calls_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        CONTINUE WHEN to_regclass(format('public.%I', part_name)) IS NOT NULL;
        EXECUTE format(
            'CREATE TABLE public.%I PARTITION OF public.llm_calls FOR VALUES FROM (%L) TO (%L)',
            part_name,
            to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
            to_char((month_start + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
        EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC, app_user, app_platform, readonly_user', part_name);
        EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', part_name);
        EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', part_name);
        EXECUTE format('COMMENT ON TABLE public.%I IS %L', part_name,
            format('Partition of llm_calls for %s (UTC). Reached only through llm_calls; no grants.',
                   to_char(month_start, 'YYYY-MM')));
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

REVOKE EXECUTE ON FUNCTION create_llm_calls_partitions(date, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION create_llm_calls_partitions(date, int) TO app_platform;
COMMENT ON FUNCTION create_llm_calls_partitions(date, int) IS
    'Creates the monthly llm_calls partitions (llm_calls_yYYYYmMM, UTC months) for `months` months from the month of from_month, if missing; returns how many were created. Called by the scheduled partition job ahead of time so llm_calls_default stays empty. Partitions get no grants: access only through llm_calls.';

-- Catches rows outside every monthly partition. It should stay empty: a non-empty default
-- partition makes creating the partition for the same month fail until its rows are moved.
CREATE TABLE llm_calls_default PARTITION OF llm_calls DEFAULT;
REVOKE ALL ON llm_calls_default FROM PUBLIC, app_user, app_platform, readonly_user;
ALTER TABLE llm_calls_default ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_calls_default FORCE ROW LEVEL SECURITY;
COMMENT ON TABLE llm_calls_default IS
    'Default partition of llm_calls; should stay empty (the partition job creates monthly partitions ahead of time). Reached only through llm_calls; no grants.';

-- The current month and the next two; the scheduled job keeps creating them ahead from here on.
SELECT create_llm_calls_partitions(date_trunc('month', now())::date, 3);

-- ---------------------------------------------------------------------------------------------
-- tool_calls — immutable, append-only.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE tool_calls (
    id              uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id          varchar(26)      NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id       uuid             NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    activity_run_id uuid,
    tool_name       varchar(100)     NOT NULL,
    method          varchar(100)     NOT NULL,
    input           jsonb,
    output          jsonb,
    status          tool_call_status NOT NULL,
    error           text,
    duration_ms     int              CHECK (duration_ms >= 0),
    created_by      uuid,
    created_on      timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT tool_calls_error_check CHECK (status = 'error' OR error IS NULL),
    CONSTRAINT tool_calls_activity_run_fk FOREIGN KEY (tenant_id, activity_run_id)
        REFERENCES activity_runs (tenant_id, id) ON DELETE NO ACTION
);

CREATE INDEX idx_tool_calls_tenant_created ON tool_calls (tenant_id, created_on DESC);
CREATE INDEX idx_tool_calls_run ON tool_calls (tenant_id, activity_run_id)
    WHERE activity_run_id IS NOT NULL;

SELECT app_enable_tenant_rls('tool_calls');
SELECT app_grant_table('tool_calls', true);
SELECT app_document_base_columns('tool_calls');
COMMENT ON TABLE tool_calls IS
    'Every integration API call made by an agent. Immutable; full payloads are in MongoDB tool_call_logs.';
COMMENT ON COLUMN tool_calls.activity_run_id IS 'The run that made the call; NULL for calls outside an activity run.';
COMMENT ON COLUMN tool_calls.tool_name IS 'e.g. google_search_console';
COMMENT ON COLUMN tool_calls.method IS 'e.g. getKeywordRankings';
COMMENT ON COLUMN tool_calls.output IS 'Summary (not full — full in MongoDB)';
COMMENT ON COLUMN tool_calls.status IS 'success | error';

-- ---------------------------------------------------------------------------------------------
-- billing_events — immutable, append-only.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE billing_events (
    id                 uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    ref_id             varchar(26)  NOT NULL DEFAULT gen_ulid() UNIQUE CHECK (ref_id ~ '^[0-9A-HJKMNP-TV-Z]{26}$'),
    tenant_id          uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- Razorpay event names are open-ended: a format check only.
    event_type         varchar(100) NOT NULL CHECK (event_type ~ '^[a-z0-9_]+(\.[a-z0-9_]+)*$'),
    razorpay_entity_id varchar(255),
    amount_inr         int          CHECK (amount_inr >= 0),
    plan               varchar(50),
    payload            jsonb        NOT NULL,
    created_by         uuid,
    created_on         timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX idx_billing_events_tenant_created ON billing_events (tenant_id, created_on DESC);
CREATE INDEX idx_billing_events_entity ON billing_events (tenant_id, razorpay_entity_id)
    WHERE razorpay_entity_id IS NOT NULL;

SELECT app_enable_tenant_rls('billing_events');
SELECT app_grant_table('billing_events', true);
SELECT app_document_base_columns('billing_events');
COMMENT ON TABLE billing_events IS 'Payment and subscription lifecycle events from Razorpay. Immutable.';
COMMENT ON COLUMN billing_events.event_type IS 'e.g. subscription.activated, payment.failed';
COMMENT ON COLUMN billing_events.razorpay_entity_id IS 'Subscription ID or payment ID';
COMMENT ON COLUMN billing_events.amount_inr IS 'Paise (÷100 for rupees)';
COMMENT ON COLUMN billing_events.payload IS 'Full Razorpay event payload';
