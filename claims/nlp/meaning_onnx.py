"""The sentence encoder on ONNX Runtime: no torch in the process.

Django-free. Does what sentence-transformers does for all-MiniLM-L6-v2, in numpy: word pieces from
the model's ``tokenizer.json`` (truncated at ``max_seq_length`` from ``sentence_bert_config.json``),
the exported transformer graph (``claims.nlp.meaning_export``), the mean of the hidden vectors over
the real pieces, L2-normalised. Texts are run longest first in batches, so a batch pads little.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from claims.nlp.meaning_export import INPUT_NAMES, OUTPUT_NAME


def max_pieces(model_dir: Path) -> int:
    """The model's ``max_seq_length`` (256 for all-MiniLM-L6-v2); tokenizer.json itself says 128."""
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


class OnnxEncoder:
    """A tokenizer and an ONNX Runtime session over the exported graph."""

    def __init__(self, model_dir: Path, graph: Path, threads: int | None = None) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_pieces(model_dir))
        self.tokenizer.no_padding()  # padded here per batch, to the batch's longest text
        options = onnxruntime.SessionOptions()
        # One thread by default, as on the torch path: a worker shares the cores with others.
        options.intra_op_num_threads = threads or int(os.environ.get("CLAIMTRACK_TORCH_THREADS", "1"))
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # errors only
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: list[str], batch_size: int = 8) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in the order given."""
        pieces = [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]
        longest_first = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
        vectors = np.zeros((len(pieces), self.dimensions), dtype=np.float32)
        for at in range(0, len(pieces), batch_size):
            rows = longest_first[at : at + batch_size]
            ids, mask = padded([pieces[i] for i in rows])
            vectors[rows] = self._pooled(ids, mask)
        return vectors

    @property
    def dimensions(self) -> int:
        return int(self.session.get_outputs()[0].shape[-1])

    def _pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        inputs = dict(zip(INPUT_NAMES, (ids, mask, np.zeros_like(ids)), strict=True))
        [hidden] = self.session.run([OUTPUT_NAME], inputs)
        return mean_pooled(hidden, mask)


def padded(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Piece ids padded with 0 ([PAD]) to the longest row, and the mask of real pieces."""
    ids = np.zeros((len(rows), max(map(len, rows))), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, pieces in enumerate(rows):
        ids[row, : len(pieces)] = pieces
        mask[row, : len(pieces)] = 1
    return ids, mask


def mean_pooled(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The mean of each row's hidden vectors over its real pieces, scaled to unit length."""
    weights = mask[..., None].astype(np.float32)
    means = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    return (means / np.clip(norms, 1e-12, None)).astype(np.float32)
