"""The sentence encoder as an ONNX graph, made here from the weights the model package ships.

Django-free. Run once at install time (``manage.py export_encoder_onnx``, which
``scripts/bootstrap.sh`` calls); a worker then embeds with ONNX Runtime (``claims.nlp.meaning_onnx``)
and never imports torch. The graph holds the transformer only (word pieces in, one hidden vector per
piece out); mean pooling and normalising stay in numpy, as in the torch path's pooling modules.

Two graphs are written: the float32 one, and an int8 copy of it (ONNX Runtime's dynamic
quantisation of the weight matrices, per output channel, 7-bit), which workers use by default
(``CLAIMTRACK_EMBED_PRECISION``, see ``claims.nlp.meaning``): it takes about 0.65 of the float32
graph's CPU time, and linking's cost, not its verdicts, is what moves (docs/linking.md).

Beside the graphs a small JSON manifest records what they were made from (the weights' SHA-256, the
torch version, the exporter), so a graph left over from other weights is found and made again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from pathlib import Path

# Bumped when the way the graph is made changes, so older exports are made again (2: the int8 copy).
EXPORT_FORMAT = 2
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
OPSET = 17
WEIGHTS_FILE = "model.safetensors"
QUANTISATION = "dynamic, int8 weights per channel, 7-bit (reduce_range), weight MatMuls only"


def default_onnx_dir() -> Path:
    """Where exported graphs live: ``CLAIMTRACK_ONNX_DIR``, else ``.models/`` at the repository root
    (outside git: 90 MB of float32 weights, made again from the package on each machine)."""
    configured = os.environ.get("CLAIMTRACK_ONNX_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / ".models"


def graph_path(model_name: str, onnx_dir: Path | None = None) -> Path:
    """The exported float32 graph's file for ``model_name`` (a model package's name, or a folder: its last part)."""
    return (onnx_dir or default_onnx_dir()) / f"{Path(model_name).name}.onnx"


def int8_path(graph: Path) -> Path:
    """The int8 copy beside a float32 graph."""
    return graph.with_name(f"{graph.stem}.int8.onnx")


def manifest_path(graph: Path) -> Path:
    return graph.with_suffix(".json")


def weights_digest(model_dir: Path) -> str:
    """SHA-256 of the model's weights file, read in blocks (the file is 88 MB)."""
    digest = hashlib.sha256()
    with (model_dir / WEIGHTS_FILE).open("rb") as weights:
        for block in iter(lambda: weights.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(graph: Path) -> dict | None:
    try:
        return json.loads(manifest_path(graph).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_current(graph: Path, model_dir: Path) -> bool:
    """Whether ``graph`` exists and was made, the current way, from the weights in ``model_dir``."""
    manifest = read_manifest(graph)
    return (
        graph.is_file()
        and int8_path(graph).is_file()
        and manifest is not None
        and manifest.get("format") == EXPORT_FORMAT
        and manifest.get("weights_sha256") == weights_digest(model_dir)
    )


def export_encoder(model_dir: Path, graph: Path) -> dict:
    """Write the transformer of the model in ``model_dir`` to ``graph`` as ONNX; returns the manifest.

    Batch size and sequence length stay dynamic. The file is written beside its final name and
    moved into place, so a worker never loads half a graph.
    """
    from claims.nlp.meaning import prepare_torch

    prepare_torch()  # offline, quiet, the configured thread count
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.set_verbosity_error()
    transformers_logging.disable_progress_bar()
    # sdpa is the attention transformers uses by default: the graph computes what the torch path does.
    model = AutoModel.from_pretrained(
        str(model_dir), local_files_only=True, add_pooling_layer=False, attn_implementation="sdpa"
    ).eval()

    class HiddenStates(torch.nn.Module):
        """The model's last hidden states as one plain tensor (the exporter wants tensors out)."""

        def __init__(self, encoder) -> None:  # type: ignore[no-untyped-def]
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    example = torch.ones((2, 16), dtype=torch.long)
    graph.parent.mkdir(parents=True, exist_ok=True)
    partial = graph.with_name(graph.name + ".partial")
    with torch.no_grad(), warnings.catch_warnings():
        # Tracing warns about every Python branch on a shape; the graph is checked against the
        # torch vectors instead (tests/claims/nlp/test_meaning.py).
        warnings.simplefilter("ignore")
        # The TorchScript exporter (dynamo=False), not the newer dynamo one: on this model its graph
        # lets ONNX Runtime fuse the GELUs and ran about 10% faster (6.3 s against 7.0 s of CPU
        # for 800 claims), and it needs no onnxscript. Both give the torch vectors to a cosine of 1.
        torch.onnx.export(
            HiddenStates(model),
            (example, torch.ones_like(example), torch.zeros_like(example)),
            str(partial),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes={name: {0: "batch", 1: "pieces"} for name in (*INPUT_NAMES, OUTPUT_NAME)},
            opset_version=OPSET,
            dynamo=False,
        )
    partial.replace(graph)
    quantise(graph, int8_path(graph))
    manifest = {
        "format": EXPORT_FORMAT,
        "model": graph.stem,
        "weights_sha256": weights_digest(model_dir),
        "torch": torch.__version__,
        "exporter": "torch.onnx.export(dynamo=False)",
        "opset": OPSET,
        "precision": "fp32",
        "int8": {"file": int8_path(graph).name, "quantisation": QUANTISATION},
    }
    manifest_path(graph).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def quantise(graph: Path, out: Path) -> Path:
    """An int8 copy of ``graph``: the weight matrices quantised per output channel, activations at
    run time (ONNX Runtime's dynamic quantisation), written beside ``out`` and moved into place.

    Only MatMuls with a weight are quantised; the attention's two products of activations stay
    float32. 7-bit weights (``reduce_range``) because CPUs without VNNI, this one among them, can
    saturate the 8-bit products: on 987 news sentences they moved pair similarities less (mean
    0.011 against 0.013) and crossed the 0.75 linking floor for 1 pair of 29 against 3.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(graph), load_external_data=False)
    weights = {tensor.name for tensor in model.graph.initializer}
    matrices = [node.name for node in model.graph.node if node.op_type == "MatMul" and set(node.input) & weights]
    partial = out.with_name(f"partial-{out.name}")  # the quantiser wants an .onnx name
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser's advice to pre-process is for static quantisation
    try:
        quantize_dynamic(
            str(graph), str(partial), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
            nodes_to_quantize=matrices,
        )
    finally:
        root.setLevel(level)
    partial.replace(out)
    return out
