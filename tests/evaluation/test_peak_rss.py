"""The worker-memory probe reports its own peak, not the size of the process that started it."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings

PROBE = "import django; django.setup(); from evaluation.linking import peak_rss_mb; print(round(peak_rss_mb()))"


def test_a_probe_started_by_a_large_process_reports_its_own_small_peak():
    ballast = bytearray(800 * 1024 * 1024)
    for offset in range(0, len(ballast), 4096):  # touch every page, so the parent holds it all
        ballast[offset] = 1

    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "claimtrack.settings.test"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert int(done.stdout) < 400  # Django and numpy, not the parent's 800 MB
    del ballast
