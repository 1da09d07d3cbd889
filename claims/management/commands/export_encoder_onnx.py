"""manage.py export_encoder_onnx [--force]: the sentence encoder's ONNX graph, made from the weights
the model package ships (see claims/nlp/meaning_export.py). Run by scripts/bootstrap.sh."""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from claims.nlp.meaning import model_dir
from claims.nlp.meaning_export import default_onnx_dir, export_encoder, graph_path, is_current


class Command(BaseCommand):
    help = "Export the claim encoder (EMBEDDING_MODEL) to ONNX for the onnx embedding backend."

    def add_arguments(self, parser):
        parser.add_argument(
            "--out-dir", default=None, help="Folder for the graph (default CLAIMTRACK_ONNX_DIR or .models/)."
        )
        parser.add_argument("--force", action="store_true", help="Export again even when the graph is current.")

    def handle(self, *args, out_dir: str | None = None, force: bool = False, **options) -> str:
        folder = model_dir(settings.EMBEDDING_MODEL)
        graph = graph_path(settings.EMBEDDING_MODEL, Path(out_dir) if out_dir else default_onnx_dir())
        if not force and is_current(graph, folder):
            return f"{graph} is current."
        began = time.monotonic()
        manifest = export_encoder(folder, graph)
        return f"Wrote {graph} ({graph.stat().st_size / 1e6:.0f} MB, torch {manifest['torch']}) in {time.monotonic() - began:.0f} s."
