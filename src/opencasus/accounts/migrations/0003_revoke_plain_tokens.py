"""API tokens move to django-rest-knox, which stores only a hash. The old tokens were stored as given
and never expired: they are revoked (deleted); their holders issue a new token after the second factor,
and system clients get a new one from their functional administrator."""

from django.db import migrations


def revoke(apps, schema_editor):
    Token = apps.get_model("authtoken", "Token")
    Token.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_account_event"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("knox", "0009_extend_authtoken_field"),
    ]
    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
