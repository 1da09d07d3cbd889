"""manage.py add_analyst USERNAME: ``add_user --role analyst``."""

from .add_user import Command as AddUserCommand


class Command(AddUserCommand):
    help = "Create an analyst (reads everything, changes nothing) or make a user one."
    default_role = "analyst"
