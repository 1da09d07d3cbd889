"""manage.py bench_alerts runs end to end on its own scratch database and prints the ratio."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def test_a_small_run_prints_the_ratio_against_its_target():
    # A separate process: the command makes (and drops) its own scratch database beside the tests'.
    done = subprocess.run(
        [sys.executable, "manage.py", "bench_alerts", "--claims", "300", "--new-articles", "3", "--watches", "20",
         "--users", "3", "--repeat", "1", "--settings=claimtrack.settings.test"],
        cwd=settings.BASE_DIR, env=os.environ.copy(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip

    assert done.returncode == 0, done.stderr[-2000:]
    assert "3 new articles with 30 claims" in done.stdout
    assert "Ratio with/without alert matching (same runs):" in done.stdout + done.stderr
