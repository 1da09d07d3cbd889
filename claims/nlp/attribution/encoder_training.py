"""Fine-tunes the encoder tagger (`encoder_tagger`) on a brat attribution corpus.

Django-free; ``manage.py train_extractor --kind encoder`` is its command-line twin. The split is the
spaCy tagger's: the same held-out training articles choose the epoch and are never trained on.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claims.nlp.attribution.brat import CharSpan, read_corpus
from claims.nlp.attribution.encoder_tagger import (
    BEGIN,
    CARD_NAME,
    FROZEN,
    INSIDE,
    LABELS,
    WEIGHTS_NAME,
    EncoderTagger,
    build_network,
    padded,
    windows,
)
from claims.nlp.attribution.training import HELD_OUT_SEED, HELD_OUT_SHARE, held_out_names, trim_spaces
from claims.nlp.meaning import use_bfloat16

IGNORED = -100  # the loss skips [CLS], [SEP] and padding


@dataclass(frozen=True)
class TrainingSettings:
    epochs: int = 3
    learning_rate: float = 5e-5
    batch_size: int = 8
    window: int = 256  # pieces per window, [CLS] and [SEP] included
    overlap: int = 64
    warmup_share: float = 0.1
    seed: int = 13
    threads: int = 2


def gold_spans(text: str, spans: list[CharSpan]) -> dict[str, list[tuple[int, int]]]:
    """Per label, the annotated ranges trimmed of spaces; within a label the longest of two
    overlapping spans wins (one layer holds no nesting)."""
    by_label: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
    for span in sorted(spans, key=lambda s: s.start - s.end):
        start, end = trim_spaces(text, span.start, span.end)
        kept = by_label[span.label]
        if start < end and all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return {label: sorted(ranges) for label, ranges in by_label.items()}


def piece_tags(offsets: list[tuple[int, int]], gold: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """O/B/I per piece and label: a piece is inside a span when its first character is."""
    tags = np.zeros((len(offsets), len(LABELS)), dtype=np.int64)
    starts = [start for start, _ in offsets]
    for layer, label in enumerate(LABELS):
        for start, end in gold[label]:
            first = next((i for i, at in enumerate(starts) if start <= at < end), None)
            if first is None:
                continue
            tags[first, layer] = BEGIN
            i = first + 1
            while i < len(starts) and starts[i] < end:
                tags[i, layer] = INSIDE
                i += 1
    return tags


def exact_span_scores(
    found: list[dict[str, list[tuple[int, int]]]], gold: list[dict[str, list[tuple[int, int]]]]
) -> dict[str, dict[str, float]]:
    """Exact character-span precision, recall and F1 per label and over all labels."""
    counts = {label: [0, 0, 0] for label in (*LABELS, "ALL")}  # true positives, found, gold
    for got, want in zip(found, gold, strict=True):
        for label in LABELS:
            hits = len(set(got[label]) & set(want[label]))
            for key in (label, "ALL"):
                counts[key][0] += hits
                counts[key][1] += len(got[label])
                counts[key][2] += len(want[label])
    scores = {}
    for label, (hits, n_found, n_gold) in counts.items():
        p = hits / n_found if n_found else 0.0
        r = hits / n_gold if n_gold else 0.0
        scores[label] = {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r) if p + r else 0.0, 3)}
    return scores


def tagged_spans(tagger: EncoderTagger, text: str) -> dict[str, list[tuple[int, int]]]:
    by_label: dict[str, list[tuple[int, int]]] = {label: [] for label in LABELS}
    for ent in tagger.tag(text).ents:
        by_label[ent.label_].append(trim_spaces(text, ent.start_char, ent.end_char))
    return by_label


def train_encoder_tagger(
    train_root: Path,
    out_dir: Path,
    *,
    base_dir: Path,
    base_model: str,
    settings: TrainingSettings | None = None,
    held_out_share: float = HELD_OUT_SHARE,
    limit: int | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, object]:
    """Train on the corpus's articles except the held-out ones, keep the epoch that tags the
    held-out articles best (exact-span F1 over all labels), write it to ``out_dir``; returns the card."""
    import torch
    from safetensors.torch import save_file
    from transformers import AutoTokenizer

    settings = settings or TrainingSettings()
    torch.set_num_threads(settings.threads)
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
    held = set(held_out_names(train_root, held_out_share, HELD_OUT_SEED))
    articles = list(read_corpus(train_root))[:limit]
    training = [(text, spans) for name, text, spans in articles if name not in held]
    checking = [(text, gold_spans(text, spans)) for name, text, spans in articles if name in held] or [
        (text, gold_spans(text, spans))
        for text, spans in training  # a tiny corpus has none to spare
    ]
    examples = _training_windows(tokenizer, training, settings)
    log(f"{len(training)} training articles, {len(examples)} windows; {len(checking)} held-out articles")

    network = build_network(base_dir)
    network.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    trained = [p for p in network.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=settings.learning_rate, weight_decay=0.01)
    total = settings.epochs * math.ceil(len(examples) / settings.batch_size)
    warmup = max(1, int(total * settings.warmup_share))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup)))
    )
    bfloat16 = use_bfloat16()
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=IGNORED)
    card: dict[str, object] = {"held_out_by_epoch": []}
    best_f, best_state = -1.0, None
    started = time.monotonic()
    step = 0
    for epoch in range(1, settings.epochs + 1):
        network.train()
        random.shuffle(examples)
        for at in range(0, len(examples), settings.batch_size):
            ids, mask, tags = _batch(examples[at : at + settings.batch_size], tokenizer.pad_token_id)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bfloat16):
                logits = network(ids, mask)
            loss = loss_of(logits.float().reshape(-1, 3), tags.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                log(f"epoch {epoch} step {step}/{total} loss {loss.item():.4f} {time.monotonic() - started:.0f}s")
        network.eval()
        scores = _scores(network, tokenizer, checking, settings)
        card["held_out_by_epoch"].append({"epoch": epoch, **scores["ALL"]})
        log(f"epoch {epoch}: held-out " + " ".join(f"{k} {v['f']:.3f}" for k, v in scores.items()))
        if scores["ALL"]["f"] > best_f:
            best_f = scores["ALL"]["f"]
            best_state = {k: v.detach().clone() for k, v in network.state_dict().items() if k != FROZEN}
            card.update(epoch=epoch, held_out=scores)

    out_dir.mkdir(parents=True, exist_ok=True)
    save_file({k: v.to(torch.float16).contiguous() for k, v in best_state.items()}, str(out_dir / WEIGHTS_NAME))
    card.update(
        base_model=base_model,
        labels=list(LABELS),
        window=settings.window,
        overlap=settings.overlap,
        training={
            **settings.__dict__,
            "articles": len(training),
            "windows": len(examples),
            "seconds": round(time.monotonic() - started),
        },
    )
    (out_dir / CARD_NAME).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def score_tagger(folder: Path, corpus_root: Path) -> dict[str, dict[str, float]]:
    """Exact-span scores of a saved encoder tagger on a brat corpus (measuring only)."""
    tagger = EncoderTagger.load(folder)
    found, gold = [], []
    for _, text, spans in read_corpus(corpus_root):
        found.append(tagged_spans(tagger, text))
        gold.append(gold_spans(text, spans))
    return exact_span_scores(found, gold)


def _training_windows(tokenizer, articles, settings: TrainingSettings) -> list[tuple[list[int], np.ndarray]]:
    examples = []
    for text, spans in articles:
        encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        tags = piece_tags(encoded["offset_mapping"], gold_spans(text, spans))
        ids = encoded["input_ids"]
        for start, end, _, _ in windows(len(ids), settings.window - 2, settings.overlap):
            examples.append(([tokenizer.cls_token_id, *ids[start:end], tokenizer.sep_token_id], tags[start:end]))
    return examples


def _batch(examples, pad: int):
    import torch

    ids, mask = padded([piece_ids for piece_ids, _ in examples], pad)
    tags = torch.full((*ids.shape, len(LABELS)), IGNORED, dtype=torch.long)
    for row, (_, piece_tags_) in enumerate(examples):
        tags[row, 1 : 1 + len(piece_tags_)] = torch.from_numpy(piece_tags_)  # after [CLS]
    return ids, mask, tags


def _scores(network, tokenizer, checking, settings: TrainingSettings) -> dict[str, dict[str, float]]:
    # The network in training, read exactly as the product reads it.
    tagger = EncoderTagger(tokenizer, network, window=settings.window, overlap=settings.overlap)
    found = [tagged_spans(tagger, text) for text, _ in checking]
    return exact_span_scores(found, [gold for _, gold in checking])
