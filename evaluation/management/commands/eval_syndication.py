"""manage.py eval_syndication: are syndicated copies found, and only they? (``evaluation.syndication``)"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evaluation.syndication import (
    SEED_SAME_REPORT,
    Measured,
    measure,
    measured_without_trace,
    polnear_sources,
    seed_sources,
)


class Command(BaseCommand):
    help = "Measure copy detection on the seeds and on PolNeAR dev articles plus re-dressed copies (nothing is kept)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR) / "fixtures" / "seeds"))
        parser.add_argument("--polnear", default=str(Path(settings.CLAIMTRACK_EVAL_DIR) / "polnear_dev" / "articles"))
        parser.add_argument("--originals", type=int, default=40)
        parser.add_argument("--copies", type=int, default=10)
        parser.add_argument("--seed", type=int, default=15, help="Random seed for choosing and re-dressing copies.")

    def handle(self, *args, **options) -> str:
        polnear = Path(options["polnear"])
        if not polnear.is_dir():
            raise CommandError(f"No PolNeAR dev articles at {polnear} (set CLAIMTRACK_EVAL_DIR).")
        seeds = seed_sources(Path(options["seeds"]))
        on_seeds = measured_without_trace(lambda: measure(seeds, lambda a, b: {a, b} == SEED_SAME_REPORT))
        sources, copy_of = polnear_sources(
            polnear, originals=options["originals"], copies=options["copies"], seed=options["seed"]
        )
        same = lambda a, b: copy_of.get(a) == b or copy_of.get(b) == a  # noqa: E731
        on_polnear = measured_without_trace(lambda: measure(sources, same))
        self._print("seeds (fixtures/seeds; gold: the two CNN versions are one report)", on_seeds)
        self._print(f"PolNeAR dev: {options['originals']} articles + {options['copies']} re-dressed copies", on_polnear)
        return (
            f"seeds: {on_seeds.copies_found}/{on_seeds.copies_expected} copy pair found, "
            f"{len(on_seeds.false_joins)} false joins; polnear: {on_polnear.copies_found}/"
            f"{on_polnear.copies_expected} copies found, {len(on_polnear.false_joins)} false joins"
        )

    def _print(self, title: str, m: Measured) -> None:
        t = settings.CLAIMTRACK_COPY_MIN_CONTAINMENT
        self.stdout.write(f"\n{title}: {m.articles} articles")
        self.stdout.write(f"  copies found            {m.copies_found}/{m.copies_expected}"
                          f"   (baseline, exact text match: {m.exact_text_copies}/{m.copies_expected})")  # fmt: skip
        self.stdout.write(f"  false joins             {len(m.false_joins)}  {m.false_joins[:5] or ''}")
        self.stdout.write(f"  containment margin      lowest true pair {m.lowest_copy_containment:.3f}, "
                          f"highest other pair {m.highest_other_containment:.3f} (threshold {t})")  # fmt: skip
        self.stdout.write(f"  independent reports     {m.articles - sum(len(g) - 1 for g in m.groups)}")
        self.stdout.write(f"  check time              {m.ms_per_article:.1f} ms/article")
        for group in m.groups[:12]:
            self.stdout.write(f"  one report: {' = '.join(group)}")
        for missed in m.missed:
            self.stdout.write(f"  missed: {missed}")
