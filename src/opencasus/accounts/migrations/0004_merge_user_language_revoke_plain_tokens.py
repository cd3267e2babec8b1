from django.db import migrations


class Migration(migrations.Migration):
    """Joins the interface-language and the token branches of the accounts migrations."""

    dependencies = [
        ("accounts", "0002_user_language"),
        ("accounts", "0003_revoke_plain_tokens"),
    ]

    operations: list[migrations.operations.base.Operation] = []
