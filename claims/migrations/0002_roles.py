"""Data migration: the three roles as groups with their permissions.

analyst: read everything; curator: also change claims, speakers, relations and disputes;
admin: also manage users and groups. Permissions are created here (post_migrate has not run
yet on a fresh database), so this migration works from an empty database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

READ_MODELS = {
    "articles": ["article", "outlet", "ingestjob", "ingestitem", "feed", "feedentry"],
    "claims": ["claim", "speaker", "speakeralias", "speakermerge", "proposition", "propositionmember", "relation"],
}
CURATOR_CHANGES = {
    "articles": ["article", "outlet", "ingestjob", "ingestitem", "feed", "feedentry"],
    "claims": ["claim", "speaker", "speakeralias", "speakermerge", "proposition", "propositionmember", "relation"],
}
ADMIN_MODELS = {"auth": ["user", "group"], "authtoken": ["token", "tokenproxy"]}


def _codenames(spec, actions):
    return [(app, f"{action}_{model}") for app, models in spec.items() for model in models for action in actions]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(pairs):
        found = []
        for app, codename in pairs:
            found.extend(Permission.objects.filter(content_type__app_label=app, codename=codename))
        return found

    read = perms(_codenames(READ_MODELS, ["view"]))
    curate = read + perms(_codenames(CURATOR_CHANGES, ["add", "change", "delete"]))
    admin = curate + perms(_codenames(ADMIN_MODELS, ["view", "add", "change", "delete"]))
    for name, permissions in (("analyst", read), ("curator", curate), ("admin", admin)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["analyst", "curator", "admin"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
