"""manage.py eval_linking: clear errors for bad input (the run itself is `make eval-linking`)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_eval_linking_refuses_sizes_that_are_not_numbers():
    with pytest.raises(CommandError, match="--sizes takes whole numbers"):
        call_command("eval_linking", sizes="1000,lots")
