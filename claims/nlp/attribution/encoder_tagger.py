"""The accurate attribution tagger: a fine-tuned MiniLM encoder that tags SOURCE, CUE and CONTENT.

Django-free; the model loads once per process. It answers like the spaCy tagger does
(``pipe(texts)`` yields objects whose ``ents`` carry ``start_char``, ``end_char`` and ``label_``),
so `claims.nlp.extract` combines either with the rules in the same way.

Each label is its own B/I/O layer over the encoder's word pieces, so spans of different labels may
nest: an outer attribution's content holds the source, cue and content of one it reports. Within a
label the longest span wins.

What ships is the fine-tuned part only (``weights.safetensors``, float16): the word-piece embedding
table stays frozen in training and is read from the base model's package, which keeps the repository
copy under 30 MB.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

LABELS = ("SOURCE", "CUE", "CONTENT")
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
CARD_NAME = "tagger.json"
WEIGHTS_NAME = "weights.safetensors"
FROZEN = "encoder.embeddings.word_embeddings.weight"  # read from the base model, never shipped


@dataclass(frozen=True)
class TaggedSpan:
    start_char: int
    end_char: int
    label_: str


@dataclass(frozen=True)
class TaggedText:
    ents: list[TaggedSpan]


def windows(piece_count: int, size: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """(start, end, keep_from, keep_to) slices covering ``piece_count`` pieces, each at most ``size``.

    Neighbouring slices share ``overlap`` pieces; each piece is read from the slice in which it
    stands farthest from an edge, so every piece is seen with context on both sides.
    """
    if piece_count <= size:
        return [(0, piece_count, 0, piece_count)]
    step = size - overlap
    starts = list(range(0, piece_count - size, step)) + [piece_count - size]
    slices = []
    for i, start in enumerate(starts):
        keep_from = 0 if i == 0 else (starts[i - 1] + size + start) // 2 - start
        keep_to = size if i == len(starts) - 1 else (start + size + starts[i + 1]) // 2 - start
        slices.append((start, start + size, keep_from, keep_to))
    return slices


def spans_from_tags(tags: np.ndarray, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of the B/I runs in one label's tags (an I with no B before it opens a run)."""
    found = []
    start = None
    for i, tag in enumerate(tags):
        if tag == BEGIN or (tag == INSIDE and start is None):
            if start is not None:
                found.append((offsets[start][0], offsets[i - 1][1]))
            start = i
        elif tag == OUTSIDE and start is not None:
            found.append((offsets[start][0], offsets[i - 1][1]))
            start = None
    if start is not None:
        found.append((offsets[start][0], offsets[len(tags) - 1][1]))
    return found


def padded(rows: list[list[int]], pad: int):
    """Rows of piece ids as one padded tensor and its attention mask (1 over the real pieces)."""
    import torch

    ids = torch.full((len(rows), max(map(len, rows))), pad, dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, pieces in enumerate(rows):
        ids[row, : len(pieces)] = torch.tensor(pieces)
        mask[row, : len(pieces)] = 1
    return ids, mask


def build_network(base_dir: Path):
    """The encoder with one 3-way (O/B/I) head per label."""
    import torch
    from transformers import AutoModel

    class AttributionEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base_dir), local_files_only=True, add_pooling_layer=False)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 3 * len(LABELS))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            logits = self.head(self.dropout(hidden))
            return logits.view(*logits.shape[:2], len(LABELS), 3)

    return AttributionEncoder()


class EncoderTagger:
    """A tokenizer and a network that tags; ``load`` reads a trained one from its folder
    (``tagger.json`` + ``weights.safetensors``)."""

    def __init__(self, tokenizer, network, *, window: int, overlap: int) -> None:
        import torch

        from claims.nlp.meaning import use_bfloat16

        self.tokenizer, self.network = tokenizer, network
        self.window, self.overlap = window, overlap
        self.bfloat16 = use_bfloat16()
        self._torch = torch

    @classmethod
    def load(cls, folder: Path) -> EncoderTagger:
        from safetensors.torch import load_file
        from transformers import AutoTokenizer

        from claims.nlp.meaning import DEFAULT_MODEL, model_dir

        card = json.loads((folder / CARD_NAME).read_text(encoding="utf-8"))
        base = model_dir(os.environ.get("EMBEDDING_MODEL") or card.get("base_model", DEFAULT_MODEL))
        network = build_network(base)
        weights = {name: value.float() for name, value in load_file(str(folder / WEIGHTS_NAME)).items()}
        missing, unexpected = network.load_state_dict(weights, strict=False)
        if unexpected or set(missing) - {FROZEN}:
            raise ValueError(f"{folder}: weights do not fit the base model ({sorted(missing)[:3]}, {unexpected[:3]})")
        network.eval()
        tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
        return cls(tokenizer, network, window=int(card["window"]), overlap=int(card["overlap"]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[TaggedText]:
        """spaCy's ``pipe`` signature, so extraction calls either tagger alike; ``batch_size`` here
        counts one text's windows per forward pass."""
        for text in texts:
            yield self.tag(text, batch_size)

    def tag(self, text: str, batch_size: int = 16) -> TaggedText:
        encoded = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = encoded["input_ids"], encoded["offset_mapping"]
        if not ids:
            return TaggedText([])
        tags = self.predict(ids, batch_size)
        ents = [
            TaggedSpan(start, end, label)
            for layer, label in enumerate(LABELS)
            for start, end in spans_from_tags(tags[:, layer], offsets)
        ]
        return TaggedText(sorted(ents, key=lambda e: (e.start_char, -e.end_char)))

    def predict(self, ids: list[int], batch_size: int = 16) -> np.ndarray:
        """One O/B/I tag per piece and label: an array of shape (pieces, labels)."""
        torch = self._torch
        inner = self.window - 2  # room for [CLS] and [SEP]
        slices = windows(len(ids), inner, self.overlap)
        tags = np.zeros((len(ids), len(LABELS)), dtype=np.int64)
        cls, sep, pad = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id, self.tokenizer.pad_token_id
        for at in range(0, len(slices), batch_size):
            batch = slices[at : at + batch_size]
            input_ids, mask = padded([[cls, *ids[start:end], sep] for start, end, _, _ in batch], pad)
            with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bfloat16):
                best = self.network(input_ids, mask).argmax(-1).numpy()
            for row, (start, _, keep_from, keep_to) in enumerate(batch):
                tags[start + keep_from : start + keep_to] = best[row, 1 + keep_from : 1 + keep_to]
        return tags


@cache
def load_encoder_tagger(folder: str) -> EncoderTagger:
    from claims.nlp.meaning import prepare_torch

    prepare_torch()
    return EncoderTagger.load(Path(folder))
