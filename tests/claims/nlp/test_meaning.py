"""The sentence encoder: unit float32 vectors on either backend, the same meaning on both, an int8
graph by default, bfloat16 products where the CPU has them, and a clear word when the ONNX graph is
missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from claims.nlp import meaning, meaning_export
from tests.claim_texts import PARAPHRASE, SAME_PERSON, TALKS, TALKS_AGAIN, TALKS_DENIED

TEXTS = [TALKS, TALKS_DENIED, TALKS_AGAIN, *PARAPHRASE, *SAME_PERSON, "Yes."]


@pytest.fixture
def precision(monkeypatch):
    """``precision(name)`` sets CLAIMTRACK_EMBED_PRECISION for the rest of the test."""

    def choose(name: str) -> None:
        monkeypatch.setenv("CLAIMTRACK_EMBED_PRECISION", name)
        meaning.use_bfloat16.cache_clear()

    yield choose
    meaning.use_bfloat16.cache_clear()


@pytest.fixture
def backend(monkeypatch):
    """``backend(name, onnx_dir=None)`` sets CLAIMTRACK_EMBED_BACKEND (and where graphs are looked for)."""

    def forget() -> None:
        meaning._graph_problem.cache_clear()
        meaning._warn_fallback.cache_clear()
        meaning._onnx_encoder.cache_clear()

    def choose(name: str, onnx_dir=None) -> None:
        monkeypatch.setenv("CLAIMTRACK_EMBED_BACKEND", name)
        if onnx_dir is not None:
            monkeypatch.setenv("CLAIMTRACK_ONNX_DIR", str(onnx_dir))
        forget()

    yield choose
    forget()


def test_onnx_vectors_are_unit_length_and_match_the_torch_ones(backend, precision):
    backend("onnx")
    precision("fp32")
    onnx = meaning.embed_texts(TEXTS)
    torch = meaning.embed_texts_torch(TEXTS)

    assert onnx.dtype == np.float32 and onnx.shape == (len(TEXTS), meaning.DIMENSIONS)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1, atol=1e-5)
    assert (onnx * torch).sum(axis=1).min() >= 0.99999
    # Order kept: the encoder runs the texts longest first and puts each vector back in its row.
    assert np.allclose(meaning.embed_texts(TEXTS[::-1]), onnx[::-1], atol=1e-5)


def test_a_worker_that_parses_and_embeds_never_loads_torch():
    """What a worker saves: in a fresh interpreter, spaCy (whose thinc would import torch) and the
    ONNX encoder run without torch; torch still imports for the code that wants it."""
    code = (
        "import sys; from claims.nlp.meaning import embed_texts; import spacy; "
        "spacy.blank('en')('The port authority says the talks have collapsed'); "
        "embed_texts(['The port authority says the talks have collapsed']); print('torch' in sys.modules); "
        "import torch; print(torch.ones(2).sum().item())"
    )
    env = {**os.environ, "CLAIMTRACK_EMBED_BACKEND": "onnx"}
    root = Path(__file__).resolve().parents[3]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, check=True)

    assert run.stdout.split() == ["False", "2.0"]


def test_the_setting_picks_the_backend(backend):
    backend("torch")
    assert meaning.backend_for() == "torch"
    backend("onnx")
    assert meaning.backend_for() == "onnx"
    backend("auto")
    assert meaning.backend_for() == "onnx"  # the graph bootstrap exported is there


def test_an_unknown_backend_fails_loudly(backend):
    backend("tensorflow")

    with pytest.raises(ValueError, match="CLAIMTRACK_EMBED_BACKEND"):
        meaning.embed_texts([TALKS])


def test_a_missing_graph_is_an_error_for_onnx_and_torch_for_auto(backend, tmp_path, caplog):
    backend("onnx", onnx_dir=tmp_path)
    with pytest.raises(meaning.EncoderGraphMissing, match="export_encoder_onnx"):
        meaning.embed_texts([TALKS])

    backend("auto", onnx_dir=tmp_path)
    vectors = meaning.embed_texts([TALKS])

    assert meaning.backend_for() == "torch"
    assert vectors.shape == (1, meaning.DIMENSIONS)
    assert "Embedding with torch, not ONNX Runtime" in caplog.text


def test_a_graph_from_other_weights_is_not_used(backend, tmp_path):
    graph = meaning_export.graph_path(meaning.DEFAULT_MODEL, tmp_path)
    graph.write_bytes(b"not a graph")
    meaning_export.manifest_path(graph).write_text(
        json.dumps({"format": meaning_export.EXPORT_FORMAT, "weights_sha256": "0" * 64}), encoding="utf-8"
    )
    backend("onnx", onnx_dir=tmp_path)

    with pytest.raises(meaning.EncoderGraphMissing, match="other weights"):
        meaning.embed_texts([TALKS])


def test_export_writes_a_current_graph_once(tmp_path):
    """The install-time export, into a folder of its own: a graph and its manifest, then nothing to do."""
    call_command("export_encoder_onnx", out_dir=str(tmp_path))
    graph = meaning_export.graph_path(meaning.DEFAULT_MODEL, tmp_path)
    folder = meaning.model_dir(meaning.DEFAULT_MODEL)

    assert meaning_export.is_current(graph, folder)
    assert meaning_export.int8_path(graph).is_file()
    assert meaning_export.read_manifest(graph)["weights_sha256"] == meaning_export.weights_digest(folder)
    assert "is current" in call_command("export_encoder_onnx", out_dir=str(tmp_path))


def test_bfloat16_vectors_keep_the_float32_meaning(precision):
    precision("fp32")
    full = meaning.embed_texts_torch(TEXTS)
    precision("bf16")
    half = meaning.embed_texts_torch(TEXTS)

    assert half.dtype == np.float32 and half.shape == (len(TEXTS), meaning.DIMENSIONS)
    assert np.allclose(np.linalg.norm(half, axis=1), 1, atol=1e-5)
    assert (half * full).sum(axis=1).min() >= 0.999


def test_an_unknown_precision_fails_loudly(precision):
    precision("half")

    with pytest.raises(ValueError, match="CLAIMTRACK_EMBED_PRECISION"):
        meaning.embed_texts_torch([TALKS])


def test_workers_run_the_int8_graph_by_default_and_it_keeps_the_meaning(backend, precision):
    backend("onnx")
    precision("fp32")
    full = meaning.embed_texts(TEXTS)
    precision("auto")
    default = meaning.embed_texts(TEXTS)
    precision("int8")
    int8 = meaning.embed_texts(TEXTS)

    assert np.array_equal(default, int8)
    assert np.allclose(np.linalg.norm(int8, axis=1), 1, atol=1e-5)
    agreement = (int8 * full).sum(axis=1)
    assert agreement.max() < 0.99999  # another graph ran, not the float32 one
    assert agreement.min() >= 0.95
    # What linking reads from the vectors survives: a paraphrase stays nearer than two things
    # said about one person.
    at = TEXTS.index
    for vectors in (full, int8):
        paraphrase = vectors[at(PARAPHRASE[0])] @ vectors[at(PARAPHRASE[1])]
        same_person = vectors[at(SAME_PERSON[0])] @ vectors[at(SAME_PERSON[1])]
        assert paraphrase > same_person


def test_a_graph_without_its_int8_copy_is_made_again(tmp_path):
    call_command("export_encoder_onnx", out_dir=str(tmp_path))
    graph = meaning_export.graph_path(meaning.DEFAULT_MODEL, tmp_path)
    meaning_export.int8_path(graph).unlink()

    assert not meaning_export.is_current(graph, meaning.model_dir(meaning.DEFAULT_MODEL))
    assert "Wrote" in call_command("export_encoder_onnx", out_dir=str(tmp_path))
    assert meaning_export.int8_path(graph).is_file()
