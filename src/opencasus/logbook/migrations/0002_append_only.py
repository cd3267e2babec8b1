"""On PostgreSQL the log tables refuse UPDATE and DELETE.

Only the retention job may remove expired records, by setting the transaction-local
`opencasus.log_purge` to 'on' (see logbook.retention); it moves the chain's purge point along. TRUNCATE is not covered by row triggers: the
application's database role must not own the tables in production (docs/operations.md).
"""

from django.db import migrations

TABLES = ("logbook_processingrecord", "logbook_auditrecord")

FUNCTION = """
CREATE OR REPLACE FUNCTION opencasus_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('opencasus.log_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the processing log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION opencasus_log_append_only()"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS opencasus_log_append_only()")


class Migration(migrations.Migration):
    dependencies = [("logbook", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
