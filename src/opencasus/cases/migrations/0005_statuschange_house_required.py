import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from the copy: PostgreSQL cannot alter a table with pending deferred-constraint checks."""

    dependencies = [("cases", "0004_statuschange_house")]

    operations = [
        migrations.AlterField(
            model_name="statuschange",
            name="house",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="network.house", verbose_name="house"),
        ),
        migrations.AddIndex(model_name="statuschange", index=models.Index(fields=["house", "to_status", "changed_at"], name="statuschange_house_status")),
    ]
