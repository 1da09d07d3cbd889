"""Turns brat attribution corpora into spaCy DocBins and runs ``spacy train`` on the repo's config.

Django-free; ``manage.py train_extractor`` is its command-line twin.
"""

from __future__ import annotations

import random
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from claims.nlp.attribution.brat import CharSpan, read_corpus

CONFIG_PATH = Path(__file__).with_name("config.cfg")


def doc_with_spans(nlp: Language, text: str, spans: list[CharSpan]) -> Doc:
    """A tokenised doc whose entities are the SOURCE/CUE/CONTENT spans.

    Entities cannot overlap, and attributions nest (one's content holds another's source and cue):
    the longest span wins, which keeps the outer attribution whole.
    """
    doc = nlp.make_doc(text)
    ents: list[Span] = []
    for span in spans:
        start, end = trim_spaces(text, span.start, span.end)
        if start >= end:
            continue
        ent = doc.char_span(start, end, label=span.label, alignment_mode="expand")
        if ent is not None:
            ents.append(ent)
    doc.ents = filter_spans(ents)
    return doc


def trim_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """A character range without the spaces at its ends."""
    # Annotators' ranges sometimes carry spaces or a closing quote mark's neighbour space.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# The share of the training compartment's articles the tagger never trains on, and the seed of
# the split: those articles choose the checkpoint and tune how tagger and rules combine.
HELD_OUT_SHARE = 0.1
HELD_OUT_SEED = 13


def held_out_names(root: Path, share: float = HELD_OUT_SHARE, seed: int = HELD_OUT_SEED) -> list[str]:
    """Stems of the brat corpus's articles held out of training (split by article, fixed seed)."""
    names = sorted(ann.stem for ann in (root / "attributions").glob("*.ann") if _has_article(root, ann.stem))
    random.Random(seed).shuffle(names)
    return names[: int(len(names) * share)]


def _has_article(root: Path, stem: str) -> bool:
    return (root / "articles" / (stem + ".txt")).exists()


def corpus_to_docbins(
    nlp: Language, root: Path, held_out_share: float = 0.0, seed: int = HELD_OUT_SEED
) -> tuple[DocBin, DocBin]:
    """All articles of a brat corpus as (training, held-out) DocBins, split by article."""
    train, held_out = DocBin(), DocBin()
    held = set(held_out_names(root, held_out_share, seed))
    for name, text, spans in read_corpus(root):
        (held_out if name in held else train).add(doc_with_spans(nlp, text, spans))
    return train, held_out


def write_training_data(train_root: Path, out_dir: Path, held_out_share: float = HELD_OUT_SHARE) -> tuple[Path, Path]:
    """Write train.spacy and heldout.spacy (a slice of the training compartment for checkpoint choice)."""
    nlp = spacy.blank("en")
    train, held_out = corpus_to_docbins(nlp, train_root, held_out_share)
    out_dir.mkdir(parents=True, exist_ok=True)
    train_path, held_out_path = out_dir / "train.spacy", out_dir / "heldout.spacy"
    train.to_disk(train_path)
    held_out.to_disk(held_out_path)
    return train_path, held_out_path


def train_tagger(
    train_path: Path,
    held_out_path: Path,
    output_dir: Path,
    max_steps: int | None = None,
    eval_frequency: int | None = None,
) -> Path:
    """Run ``spacy train`` with the repo's config; returns the best model's directory."""
    from spacy.cli.train import train

    overrides: dict[str, object] = {"paths.train": str(train_path), "paths.dev": str(held_out_path)}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    train(CONFIG_PATH, output_dir, use_gpu=-1, overrides=overrides)
    return output_dir / "model-best"


def span_scores(model_dir: Path, corpus_root: Path) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 per label (and overall) of a trained tagger on a brat corpus."""
    from spacy.training import Example

    nlp = spacy.load(model_dir)
    examples = [
        Example(nlp.make_doc(text), doc_with_spans(nlp, text, spans)) for _, text, spans in read_corpus(corpus_root)
    ]
    scores = nlp.evaluate(examples)
    per_type = {label: dict(values) for label, values in (scores.get("ents_per_type") or {}).items()}
    per_type["ALL"] = {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"]}
    per_type["_speed"] = {"words_per_second": scores.get("speed", 0.0)}
    return per_type


def train_extractor(
    train_root: Path,
    out_dir: Path,
    *,
    dev_root: Path | None = None,
    max_steps: int | None = None,
    eval_frequency: int | None = None,
) -> tuple[Path, dict[str, dict[str, float]] | None]:
    """Convert ``train_root`` to DocBins in a temporary directory, train, copy the best model to
    ``out_dir``; scores on ``dev_root`` (measured after training, never trained or tuned on)."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="attribution-") as work:
        train_path, held_out_path = write_training_data(train_root, Path(work) / "data")
        if max_steps is not None and max_steps < 50:
            held_out_path = train_path  # a tiny corpus has no slice to spare
        best = train_tagger(train_path, held_out_path, Path(work) / "out", max_steps, eval_frequency)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(best, out_dir)
    return out_dir, span_scores(out_dir, dev_root) if dev_root else None
