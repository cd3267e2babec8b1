from django.db import migrations


def load(apps, schema_editor):
    from opencasus.network.reference import load_reference_data

    load_reference_data(apps.get_model("network", "Region"), apps.get_model("network", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
