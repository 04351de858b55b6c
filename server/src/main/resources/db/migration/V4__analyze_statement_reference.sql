-- statement_reference stays empty or tiny for long (only StatementRef objects fill it), so autovacuum never
-- analyses it and the planner assumes a default size, computing a whole match set to join against it.
-- Statistics from the start let it scan the (small) table instead.
ANALYZE statement_reference;
