import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Separate from the copy: PostgreSQL cannot alter a table with pending deferred-constraint checks."""

    dependencies = [("plans", "0002_agreement_house")]

    operations = [
        migrations.AlterField(
            model_name="agreement",
            name="house",
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="+", to="network.house", verbose_name="house"),
        ),
        migrations.AddIndex(model_name="agreement", index=models.Index(fields=["house", "deadline"], name="agreement_house_deadline")),
    ]
