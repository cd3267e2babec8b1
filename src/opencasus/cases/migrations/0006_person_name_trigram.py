"""A trigram index on the normalised name for the case search (PostgreSQL only; needs the pg_trgm extension).

The search matches every word of a name anywhere in `name_key`; without this index PostgreSQL reads every
person in the country. SQLite (the embedded demo) searches without it.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS person_name_key_trgm ON cases_person USING gin (name_key gin_trgm_ops)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS person_name_key_trgm")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_statuschange_house_required")]

    operations = [migrations.RunPython(forwards, backwards)]
