"""int8 dynamic quantisation (PyTorch, and ONNX Runtime) against the project's PyTorch scorer, on the base-size model.

The issue's rule: keep a quantised model only if it stays within 1 point of the PyTorch model on MNLI. The script
exports the merged base model (LoRA adapters on all-mpnet-base-v2) to ONNX, quantises its weights to int8 three
ways (every matrix per tensor; per channel with the classification head kept in fp32; per channel with the
feed-forward output layers kept in fp32 as well), and scores the same MNLI dev-matched pairs with each, the
same length-sorted batches and thread count, in one run. It also scores them with PyTorch's own dynamic
quantisation (``torch.ao.quantization.quantize_dynamic`` on every linear layer), which needs nothing more. The ONNX
rows need ``onnx`` and ``onnxruntime``, which the project does not depend on (``pip install onnx onnxruntime``);
without them the script reports the PyTorch rows only. Prints a table and appends it to benchmarks/results.md.

    python benchmarks/bench_quantize.py [--n 500] [--threads 2] [--workdir /tmp/helpers-onnx]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

from common import publish
from helpers.evaluation import nli_metrics
from helpers.nli import LABELS, NLIModel, load_nli, predicted_labels
from helpers.nli_data import read_nli_jsonl
from helpers.paths import SHARED_NLI_DIR


class _Logits(torch.nn.Module):
    """The classifier's logits from ids and mask only (what ONNX export needs)."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        return self.model(input_ids=input_ids, attention_mask=attention_mask).logits


def export(model, tokenizer, path: Path) -> None:
    """The fp32 model as ONNX with dynamic batch and length."""
    enc = tokenizer(["A man is here."] * 2, ["Nobody is here."] * 2, return_tensors="pt", padding=True)
    torch.onnx.export(
        _Logits(model.float().eval()), (enc["input_ids"], enc["attention_mask"]), str(path),
        input_names=["input_ids", "attention_mask"], output_names=["logits"], opset_version=17, dynamo=False,
        dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"}, "logits": {0: "batch"}},
    )


def score_onnx(path: Path, tokenizer, labels: list[str], premises: list[str], hypotheses: list[str], threads: int, max_length: int) -> tuple[list[str], float]:
    """Predicted labels and seconds, with the project scorer's length-sorted batches of 32."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    enc = tokenizer(premises, hypotheses, truncation=True, max_length=max_length)
    order = np.argsort([len(x) for x in enc["input_ids"]], kind="stable")
    pad = tokenizer.pad_token_id or 0
    best = np.zeros(len(premises), dtype=int)
    start = time.perf_counter()
    for i in range(0, len(order), 32):
        batch = order[i : i + 32]
        width = max(len(enc["input_ids"][j]) for j in batch)
        ids = np.array([enc["input_ids"][j] + [pad] * (width - len(enc["input_ids"][j])) for j in batch], dtype=np.int64)
        mask = np.array([enc["attention_mask"][j] + [0] * (width - len(enc["attention_mask"][j])) for j in batch], dtype=np.int64)
        best[batch] = session.run(None, {"input_ids": ids, "attention_mask": mask})[0].argmax(axis=1)
    return [labels[k] for k in best], time.perf_counter() - start


def score_torch(name: str, model, prem: list[str], hyp: list[str], gold: list[str]) -> tuple[str, float, float]:
    """(name, pairs/s, accuracy) of a loaded ``NLIModel`` on the pairs."""
    start = time.perf_counter()
    predicted = predicted_labels(model.predict(prem, hyp, progress=False)).tolist()
    return name, len(prem) / (time.perf_counter() - start), nli_metrics(gold, predicted)["accuracy"]


def score_onnx_variants(model, prem: list[str], hyp: list[str], gold: list[str], work: Path, threads: int) -> list[tuple[str, float, float]]:
    """(name, pairs/s, accuracy) of the model exported to ONNX, in fp32 and three int8 variants; none without onnx."""
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        print("onnx and onnxruntime are not installed (pip install onnx onnxruntime): PyTorch rows only", file=sys.stderr)
        return []
    rows = []
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "base-fp32.onnx"
    export(model.model, model.tokenizer, fp32)
    matmuls = [n.name for n in onnx.load(str(fp32)).graph.node if n.op_type in ("MatMul", "Gemm")]
    head = [n for n in matmuls if "classifier" in n]
    ffn_out = [n for n in matmuls if "/output/dense" in n and "attention" not in n]
    variants = [
        ("ONNX Runtime fp32", fp32, None),
        ("ONNX Runtime int8, per tensor, every matrix", work / "base-int8.onnx", {}),
        ("ONNX Runtime int8, per channel, head in fp32", work / "base-int8-channel.onnx", {"per_channel": True, "nodes_to_exclude": head}),
        ("ONNX Runtime int8, per channel, head and feed-forward outputs in fp32", work / "base-int8-mixed.onnx", {"per_channel": True, "nodes_to_exclude": head + ffn_out}),
    ]
    labels = [model.model.config.id2label[i].lower() for i in range(len(LABELS))]
    for name, path, options in variants:
        if options is not None:
            quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, **options)
        predicted, seconds = score_onnx(path, model.tokenizer, labels, prem, hyp, threads, model.max_length)
        rows.append((name, len(prem) / seconds, nli_metrics(gold, predicted)["accuracy"]))
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--file", default=str(SHARED_NLI_DIR / "mnli" / "dev_matched.jsonl"))
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--workdir", default="/tmp/helpers-onnx", help="where the exported models go (about 700 MB)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    df = read_nli_jsonl(args.file).head(args.n)
    prem, hyp, gold = df["premise"].tolist(), df["hypothesis"].tolist(), df["label"].tolist()
    model = load_nli("base", eager=True, device="cpu")
    rows = [score_torch(f"helpers NLIModel.predict, PyTorch {model.precision}", model, prem, hyp, gold)]
    full = load_nli("base", eager=True, device="cpu", precision="fp32")  # int8 kernels run without autocast
    int8 = torch.ao.quantization.quantize_dynamic(full.model, {torch.nn.Linear}, dtype=torch.qint8)
    quantised = NLIModel.from_loaded(int8, full.tokenizer, full.name, batch_size=full.batch_size, max_length=full.max_length)
    rows.append(score_torch("helpers NLIModel.predict, PyTorch int8 dynamic, every linear layer", quantised, prem, hyp, gold))
    rows += score_onnx_variants(model, prem, hyp, gold, Path(args.workdir), args.threads)

    reference = rows[0][2]
    lines = [
        f"### Quantised base model — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, {args.threads} threads, torch {torch.__version__}",
        "",
        f"`python benchmarks/bench_quantize.py --n {args.n} --threads {args.threads}` on {len(prem)} pairs of `{Path(args.file).name}`, model {model.describe()['name']} ({model.fingerprint})",
        "",
        "| scorer | pairs/s | accuracy | points below PyTorch |",
        "|---|---:|---:|---:|",
        *[f"| {name} | {rate:.1f} | {acc:.4f} | {(reference - acc) * 100:.1f} |" for name, rate, acc in rows],
        "",
    ]
    publish(lines)


if __name__ == "__main__":
    main()
