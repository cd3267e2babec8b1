"""On PostgreSQL the processing log becomes range-partitioned by year of `started_at`.

PostgreSQL requires the partition key in every unique key of a partitioned table, so in the
database the primary key becomes (id, started_at) and the chain constraint (chain, sequence,
started_at); the Django model state keeps `id` as primary key and `unique_chain_sequence` by its
name. Sequence numbers stay unique because each is issued under the chain head's row lock, and
`verify_chain` checks them. A foreign key to a partitioned table must include the partition key, so
the audit record's key (`record_id`) no longer has a database constraint: the hash chain covers every
audit field and the verification reports a record without its audit record.

Existing records are copied into yearly partitions (the years they span, through next year) plus a
DEFAULT partition; the indexes are built after the copy. On SQLite only the foreign key goes.
"""

import datetime as dt

import django.db.models.deletion
from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError
from django.utils import timezone

PARENT = "logbook_processingrecord"
OLD = f"{PARENT}_unpartitioned"
KEPT_OUT = ("logbook_processingrecord_pkey", "unique_chain_sequence")


def _year_start(year):
    return timezone.make_aware(dt.datetime(year, 1, 1), timezone.get_default_timezone())


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [PARENT])
        if cursor.fetchone()[0] == "p":
            return
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(f"LOCK TABLE {PARENT} IN ACCESS EXCLUSIVE MODE")
        cursor.execute(f"SELECT min(started_at), max(started_at), COALESCE(max(id), 0) FROM {PARENT}")
        first, last, max_id = cursor.fetchone()
        cursor.execute(f"SELECT last_value, is_called FROM {PARENT}_id_seq")
        last_value, is_called = cursor.fetchone()
        taken = max(max_id, last_value if is_called else last_value - 1)
        # Indexes and foreign keys to rebuild on the partitioned table, by their current names.
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s", [PARENT])
        indexes = [(name, definition) for name, definition in cursor.fetchall() if name not in KEPT_OUT]
        cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE conrelid = to_regclass(%s) AND contype = 'f'", [PARENT])
        foreign_keys = cursor.fetchall()

        cursor.execute(f"ALTER TABLE {PARENT} RENAME TO {OLD}")
        cursor.execute(f"CREATE TABLE {PARENT} (LIKE {OLD} INCLUDING DEFAULTS) PARTITION BY RANGE (started_at)")
        this_year = timezone.localdate().year
        years = range(min(first.astimezone(timezone.get_default_timezone()).year, this_year) if first else this_year,
                      max(last.astimezone(timezone.get_default_timezone()).year if last else this_year, this_year) + 2)
        for year in years:
            cursor.execute(f"CREATE TABLE {PARENT}_y{year} PARTITION OF {PARENT} FOR VALUES FROM (%s) TO (%s)",
                           [_year_start(year), _year_start(year + 1)])
        cursor.execute(f"CREATE TABLE {PARENT}_default PARTITION OF {PARENT} DEFAULT")
        cursor.execute(f"INSERT INTO {PARENT} SELECT * FROM {OLD}")  # noqa: S608 - constant names
        cursor.execute(f"DROP TABLE {OLD}")  # with its identity sequence and append-only trigger

        cursor.execute(f"ALTER TABLE {PARENT} ADD CONSTRAINT {PARENT}_pkey PRIMARY KEY (id, started_at)")
        cursor.execute(f"ALTER TABLE {PARENT} ADD CONSTRAINT unique_chain_sequence "
                       "UNIQUE (chain, sequence, started_at)")
        for _name, definition in indexes:  # read before the rename: they name the new table
            cursor.execute(definition)
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {PARENT} ADD CONSTRAINT {name} {definition}")
        cursor.execute(f"CREATE SEQUENCE {PARENT}_id_seq OWNED BY {PARENT}.id")
        cursor.execute(f"SELECT setval('{PARENT}_id_seq', %s, %s)", [max(taken, 1), taken > 0])
        cursor.execute(f"ALTER TABLE {PARENT} ALTER COLUMN id SET DEFAULT nextval('{PARENT}_id_seq')")
        # A row trigger on the partitioned table applies to every partition, present and future.
        cursor.execute(f"CREATE TRIGGER {PARENT}_append_only BEFORE UPDATE OR DELETE ON {PARENT} "
                       "FOR EACH ROW EXECUTE FUNCTION opencasus_log_append_only()")
        # Searches by professional walk the audit records of one user and look each record up: with
        # a record in any of the yearly partitions, that lookup costs the planner a probe per
        # partition, and it would rather scan the whole audit table in parallel (measured 20 ms and
        # up, against 1 ms serially at 1,000,000 records). The audit table is only ever searched by
        # index; it gets no parallel workers.
        cursor.execute("ALTER TABLE logbook_auditrecord SET (parallel_workers = 0)")
        cursor.execute(f"ANALYZE {PARENT}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        raise IrreversibleError("the partitioned processing log is not converted back")


class Migration(migrations.Migration):
    dependencies = [("logbook", "0002_append_only")]
    operations = [
        migrations.AlterField(
            model_name="auditrecord",
            name="record",
            field=models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.PROTECT,
                                       primary_key=True, related_name="audit", serialize=False,
                                       to="logbook.processingrecord"),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
