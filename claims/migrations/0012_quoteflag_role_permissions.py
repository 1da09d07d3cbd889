"""Data migration: analysts read quote flags; curators (and admins) may also dismiss them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "analyst": ["view_quoteflag"],
    "curator": ["view_quoteflag", "change_quoteflag"],
    "admin": ["view_quoteflag", "change_quoteflag"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="claims", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("claims", "0011_claimquote_and_quoteflag")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
