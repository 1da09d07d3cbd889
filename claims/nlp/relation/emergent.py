"""Training rows from an Emergent-format CSV (claimHeadline, articleHeadline, articleHeadlineStance, claimId).

Pairs are built by the evaluation kit's own ``emergent_pairs.py`` (run from where it lives, never
copied), so the product trains on exactly the pairs it is measured on.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .training import PairRow, StanceRow

EMERGENT_COLUMNS = ("claimHeadline", "articleHeadline", "articleHeadlineStance", "claimId")


def read_stance_rows(path: Path) -> list[StanceRow]:
    """Claim-vs-headline rows of an Emergent-format file (the stance column may be blank)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [
            StanceRow(
                claim=row["claimHeadline"] or "",
                headline=row["articleHeadline"] or "",
                stance=(row.get("articleHeadlineStance") or "").strip().lower(),
                group=row.get("claimId") or row["claimHeadline"] or "",
            )
            for row in csv.DictReader(handle)
        ]


def read_pair_rows(path: Path) -> list[PairRow]:
    """Rows of a pairs file: textA, textB, relation, group as ``emergent_pairs.py`` writes it
    (text_a, text_b, label also accepted; a blank or missing group makes each row its own)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [_pair_row(row) for row in csv.DictReader(handle)]


def _pair_row(row: dict[str, str]) -> PairRow:
    text_a, text_b = row.get("textA", row.get("text_a")), row.get("textB", row.get("text_b"))
    label = row.get("relation", row.get("label"))
    if text_a is None or text_b is None or label is None:
        raise KeyError("a pairs file needs the columns textA, textB and relation")
    return PairRow(text_a, text_b, label.strip().lower(), row.get("group") or "")


def emergent_pairs(source: Path, script: Path) -> list[PairRow]:
    """The pairs ``script`` (emergent_pairs.py) builds from ``source``."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "pairs.csv"
        subprocess.run([sys.executable, str(script), str(source), str(out)], check=True, capture_output=True, text=True)
        return read_pair_rows(out)


def pairs_from_stance_rows(rows: Sequence[StanceRow], script: Path) -> list[PairRow]:
    """Pairs built from some stance rows only (a cross-validation fold's training part)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "rows.csv"
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(EMERGENT_COLUMNS)
            writer.writerows((r.claim, r.headline, r.stance, r.group) for r in rows)
        return emergent_pairs(source, script)
