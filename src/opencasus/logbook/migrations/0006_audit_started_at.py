"""The audit record keeps a copy of its record's `started_at`, with indexes by professional and by
organisation in time order (the privacy officer's searches; see docs/performance.md).

Existing audit records get the value of their record. On PostgreSQL the append-only trigger of the
audit table is set aside for the copy, inside this migration's transaction only.
"""

from django.db import migrations, models

COPY = ("UPDATE logbook_auditrecord a SET started_at = r.started_at "
        "FROM logbook_processingrecord r WHERE r.id = a.record_id")


def copy_started_at(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE logbook_auditrecord DISABLE TRIGGER logbook_auditrecord_append_only")
            cursor.execute(COPY)
            cursor.execute("ALTER TABLE logbook_auditrecord ENABLE TRIGGER logbook_auditrecord_append_only")
        else:
            cursor.execute("UPDATE logbook_auditrecord SET started_at = (SELECT r.started_at FROM "
                           "logbook_processingrecord r WHERE r.id = logbook_auditrecord.record_id)")


class Migration(migrations.Migration):
    dependencies = [("logbook", "0005_refused_access")]
    operations = [
        migrations.AddField(model_name="auditrecord", name="started_at",
                            field=models.DateTimeField(null=True, verbose_name="started at")),
        migrations.RunPython(copy_started_at, migrations.RunPython.noop),
        migrations.AlterField(model_name="auditrecord", name="started_at",
                              field=models.DateTimeField(verbose_name="started at")),
        migrations.RemoveIndex(model_name="auditrecord", name="audit_user"),
        migrations.AddIndex(model_name="auditrecord",
                            index=models.Index(fields=["user_id", "started_at"], name="audit_user_time")),
        migrations.AddIndex(model_name="auditrecord",
                            index=models.Index(fields=["organisation_id", "started_at"],
                                               name="audit_organisation_time")),
    ]
