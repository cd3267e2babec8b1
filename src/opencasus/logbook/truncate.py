"""The processing log refuses TRUNCATE on PostgreSQL: a statement-level trigger per table.

Unlike the row triggers that refuse UPDATE and DELETE, a statement-level trigger on the partitioned
table does not reach its partitions, so each partition needs one of its own (migration logbook 0004
for the partitions that existed then, `partitions.ensure_partitions` for new ones).
"""

from __future__ import annotations

from typing import Any

FUNCTION = """
CREATE OR REPLACE FUNCTION opencasus_log_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('opencasus.log_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the processing log is append-only: TRUNCATE on % refused', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def add_truncate_trigger(cursor: Any, table: str) -> None:
    """Give one log table (or partition) the TRUNCATE refusal; `table` is a name of our own."""
    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    cursor.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION opencasus_log_no_truncate()")
