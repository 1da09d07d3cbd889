"""Every file the README and docs link to or show exists (a screenshot once did not)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)#\s]+)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_local_link_and_image_exists(document):
    missing = [link for link in _LOCAL_LINK.findall(document.read_text()) if not (document.parent / link).exists()]
    assert missing == []
