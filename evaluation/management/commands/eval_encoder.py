"""manage.py eval_encoder [--texts 3000] [--repeat 3] [--int8]: the claim encoder's backends compared.

1. Agreement: the ONNX (fp32) vectors against the torch ones (float32) on real claim contents
   (``polnear_train/gold.jsonl`` of the evaluation kit): minimum and median cosine.
2. Speed: the same texts embedded by each backend in this one process, best of ``--repeat``,
   wall clock and CPU time (CPU time is steadier on a shared machine).
3. Memory: for each backend a fresh process loads the encoder alone and embeds the texts; its peak
   resident memory (VmHWM).
4. ``--int8``: the int8 graph workers run by default (``claims.nlp.meaning_export.quantise``), its
   cosines and speed, and how many relation-model verdicts change on the pairs linking would judge
   (each text's nearest others above ``LINK_MIN_SIMILARITY`` by the float32 vectors).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp import meaning
from claims.nlp.meaning_export import graph_path, int8_path, is_current
from evaluation import encoder as measure
from evaluation.linking import fresh_process_probe, peak_rss_mb


class Command(BaseCommand):
    help = "Compare the encoder's ONNX and torch backends: vectors, time and memory on real claims."

    def add_arguments(self, parser):
        parser.add_argument("--gold", default=str(Path(settings.CLAIMTRACK_EVAL_DIR) / "polnear_train" / "gold.jsonl"))
        parser.add_argument("--texts", type=int, default=3000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--int8", action="store_true", help="Also measure the int8 graph.")
        parser.add_argument("--skip-memory", action="store_true")
        parser.add_argument("--rss-probe", default=None, choices=meaning.BACKENDS[1:], help=argparse.SUPPRESS)

    def handle(self, *args, **options) -> str:
        gold = Path(options["gold"])
        if not gold.exists():
            raise CommandError(f"{gold} does not exist (set CLAIMTRACK_EVAL_DIR).")
        texts = measure.gold_contents(gold, options["texts"])
        if options["rss_probe"]:
            return _rss_probe(options["rss_probe"], texts)
        os.environ["CLAIMTRACK_EMBED_PRECISION"] = "fp32"  # the reference: float32 on both sides
        meaning.use_bfloat16.cache_clear()
        graph = graph_path(settings.EMBEDDING_MODEL)
        if not is_current(graph, meaning.model_dir(settings.EMBEDDING_MODEL)):
            raise CommandError(f"No current ONNX graph at {graph}: run manage.py export_encoder_onnx.")
        repeat = max(1, options["repeat"])
        onnx_encoder = meaning.get_onnx_encoder(settings.EMBEDDING_MODEL)
        meaning.get_encoder(settings.EMBEDDING_MODEL)  # both loaded before any timing
        reference, torch_wall, torch_cpu = measure.best_of(
            lambda t: meaning.embed_texts_torch(t, settings.EMBEDDING_MODEL), texts, repeat
        )
        onnx, onnx_wall, onnx_cpu = measure.best_of(lambda t: onnx_encoder.encode(t, meaning.ONNX_BATCH), texts, repeat)
        agree = measure.cosines(reference, onnx)
        self.stdout.write(f"{len(texts)} claim contents from {gold.parent.name}/{gold.name}, best of {repeat}:")
        self.stdout.write(f"  torch fp32  {torch_wall:6.2f} s wall, {torch_cpu:6.2f} s CPU")
        self.stdout.write(
            f"  onnx fp32   {onnx_wall:6.2f} s wall, {onnx_cpu:6.2f} s CPU (x{onnx_wall / torch_wall:.2f} / "
            f"x{onnx_cpu / torch_cpu:.2f} of torch); cosine to torch min {agree.min():.6f}, median {np.median(agree):.6f}"
        )
        if options["int8"]:
            self._int8(texts, reference, graph, repeat, torch_wall, torch_cpu)
        if not options["skip_memory"]:
            for backend in ("torch", "onnx"):
                self.stdout.write(f"  peak RSS, {backend} encoder alone: {_probe(backend, gold, len(texts))}")
        return "Done."

    def _int8(self, texts, reference, graph: Path, repeat: int, torch_wall: float, torch_cpu: float) -> None:  # type: ignore[no-untyped-def]
        from claims.nlp.meaning_onnx import OnnxEncoder

        int8_graph = int8_path(graph)
        size = int8_graph.stat().st_size / 1e6
        encoder = OnnxEncoder(meaning.model_dir(settings.EMBEDDING_MODEL), int8_graph)
        int8, wall, cpu = measure.best_of(lambda t: encoder.encode(t, meaning.ONNX_BATCH), texts, repeat)
        agree = measure.cosines(reference, int8)
        pairs = measure.neighbour_pairs(reference, settings.LINK_MIN_SIMILARITY, settings.LINK_NEIGHBOURS)
        changed, related = measure.changed_verdicts(texts, reference, int8, pairs)
        self.stdout.write(
            f"  onnx int8   {wall:6.2f} s wall, {cpu:6.2f} s CPU (x{wall / torch_wall:.2f} / x{cpu / torch_cpu:.2f} "
            f"of torch), {size:.0f} MB; cosine to torch min {agree.min():.6f}, median {np.median(agree):.6f}, "
            f"under 0.99: {(agree < 0.99).sum()}"
        )
        self.stdout.write(
            f"  int8 verdicts: {changed} of {len(pairs)} pairs at similarity >= {settings.LINK_MIN_SIMILARITY} "
            f"(fp32 vectors) change label ({related} related with fp32)"
        )


def _probe(backend: str, gold: Path, count: int) -> str:
    return fresh_process_probe("eval_encoder", "--rss-probe", backend, "--gold", str(gold), "--texts", str(count))


def _rss_probe(backend: str, texts: list[str]) -> str:
    """In a fresh process: load the chosen backend's encoder, embed the texts in the nlp stage's
    batches; report peak memory and whether torch was loaded."""
    os.environ["CLAIMTRACK_EMBED_BACKEND"] = backend
    before = peak_rss_mb()
    for at in range(0, len(texts), 64):  # about three articles' claims a call, as the nlp stage sends
        meaning.embed_texts(texts[at : at + 64], settings.EMBEDDING_MODEL)
    return f"{peak_rss_mb():.0f} MB (Django loaded: {before:.0f} MB; torch imported: {'torch' in sys.modules})"
