import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_house(apps, schema_editor):
    Agreement = apps.get_model("plans", "Agreement")
    Case = apps.get_model("cases", "Case")
    Agreement.objects.update(house_id=Subquery(Case.objects.filter(pk=OuterRef("case_id")).values("house_id")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
        ("cases", "0005_statuschange_house_required"),
        ("network", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="house",
            field=models.ForeignKey(db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="network.house", verbose_name="house"),
        ),
        migrations.RunPython(copy_house, migrations.RunPython.noop, elidable=True),
    ]
