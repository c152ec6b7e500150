DROP TABLE operator_audit_log;
