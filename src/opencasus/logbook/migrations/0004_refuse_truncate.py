"""On PostgreSQL the log tables refuse TRUNCATE as well (a statement-level trigger).

Row triggers (0002) do not fire on TRUNCATE, and a statement-level trigger on a partitioned table is
not inherited by its partitions: every partition gets its own, the present ones here and the new ones
in `logbook.partitions.ensure_partitions`. A test database switches the refusal off for the whole
database (`opencasus.log_truncate`, see the project's conftest) so that tests that commit can be
cleaned up; no installation sets it.
"""

from django.db import migrations

from opencasus.logbook.truncate import FUNCTION, add_truncate_trigger

TABLES = ("logbook_processingrecord", "logbook_auditrecord")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                       "WHERE i.inhparent = to_regclass('logbook_processingrecord')")
        partitions = [row[0] for row in cursor.fetchall()]
        for table in (*TABLES, *partitions):
            add_truncate_trigger(cursor, table)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP FUNCTION IF EXISTS opencasus_log_no_truncate() CASCADE")


class Migration(migrations.Migration):
    dependencies = [("logbook", "0003_partition_processing_log")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
