"""manage.py add_curator USERNAME: ``add_user --role curator``."""

from .add_user import Command as AddUserCommand


class Command(AddUserCommand):
    help = "Create a curator (corrects claims, speakers, relations and disputes) or make a user one."
    default_role = "curator"
