"""spaCy without torch: keeps thinc (spaCy's layer library) from importing torch on its own.

thinc imports torch whenever it is installed (``thinc/compat.py``), only to offer GPU arrays and
PyTorch-wrapped layers; our pipelines are spaCy's CNN models and use neither. torch is installed
here for the export, the trainers and the encoder tagger, so every process that loaded spaCy paid
for it: about 215 MB of resident memory in each worker, which embeds with ONNX Runtime and needs
no torch at all.

Hiding torch from thinc's first import leaves thinc with ``has_torch = False``; torch itself
imports normally afterwards for the code that uses it directly (the encoder tagger, the torch
embedding backend, the trainers), none of which goes through thinc.
"""

from __future__ import annotations

import sys


def import_thinc_without_torch() -> None:
    """Import thinc with torch hidden, unless thinc or torch is already loaded (then nothing changes)."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import thinc.api  # noqa: F401
    finally:
        del sys.modules["torch"]
