import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_house(apps, schema_editor):
    StatusChange = apps.get_model("cases", "StatusChange")
    Case = apps.get_model("cases", "Case")
    StatusChange.objects.update(house_id=Subquery(Case.objects.filter(pk=OuterRef("case_id")).values("house_id")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_name_key_only_with_birth_date"),
        ("network", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="statuschange",
            name="house",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="network.house", verbose_name="house"),
        ),
        migrations.RunPython(copy_house, migrations.RunPython.noop, elidable=True),
    ]
