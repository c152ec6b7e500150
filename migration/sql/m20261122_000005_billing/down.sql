DROP TABLE billing_events;
DROP TABLE tool_calls;
DROP FUNCTION create_llm_calls_partitions(date, int);
-- Dropping the partitioned parent drops every partition (monthly ones and llm_calls_default).
DROP TABLE llm_calls;
DROP TABLE credit_ledger;
DROP TABLE credit_topup_orders;
DROP TABLE credit_balances;

DROP TYPE tool_call_status;
