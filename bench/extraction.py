"""`archive bench DIR`: extraction quality and speed on labelled pages, with plain tesseract beside it.

Quality follows payroll-page.md (per-field accuracy, silent error rate) plus review load, rows found and
header accuracy. Speed: pages per minute over the whole run (all workers) and CPU seconds per page
(this process, its workers and their tesseract children). The baseline is plain full-page
`tesseract -l bul --psm 6` on the same pages in the same run: the share of the truth's ЕГН, names and
amounts found verbatim in its text, and its CPU seconds per page.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from archive_core.config import load_settings
from archive_core.errors import UsageError
from archive_core.progress import tqdm_progress
from archive_core.records import SCORED_FIELDS, PayrollPage
from archive_core.runtime import limit_ocr_threads
from ocr.engine import OcrEngine, engine_from_settings
from ocr.runner import Limits, Outcome, agree, run

from .scoring import Score


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _baseline_one(path: str, lang: str) -> tuple[str, float]:
    before = _children_cpu()
    limit_ocr_threads()  # inherited by the tesseract child
    proc = subprocess.run(["tesseract", path, "-", "-l", lang, "--psm", "6"], capture_output=True, check=False)
    return proc.stdout.decode("utf-8", "replace"), _children_cpu() - before


def _amount_variants(v: str) -> set[str]:
    whole, frac = v.split(".")
    spaced = f"{int(whole):,}".replace(",", " ")
    return {f"{w}{sep}{frac}" for w in (whole, spaced) for sep in (".", ",")}


def baseline_found(truth: PayrollPage, text: str) -> tuple[int, int, int, int, int, int]:
    """(ЕГН found, ЕГН total, names found, names total, amounts found, amounts total)."""
    flat = " ".join(text.split())
    e = n = a = et = nt = at = 0
    for r in truth.rows:
        if r.egn:
            et += 1
            e += r.egn in flat
        if r.name:
            nt += 1
            n += r.name in flat
        for f in ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"):
            v = getattr(r, f)
            if v:
                at += 1
                a += any(re.search(rf"(?<![\d.,]){re.escape(x)}(?![\d])", flat) for x in _amount_variants(v))
    return e, et, n, nt, a, at


def _read_page(out: Outcome) -> PayrollPage:
    return PayrollPage.model_validate_json(out.document) if out.ok and out.document else PayrollPage(image=out.path.name)


def run_bench(
    folder: Path, *, workers: int, baseline: bool, limits: Limits, engine: OcrEngine, lang: str
) -> dict[str, object]:
    pages = sorted(p for p in folder.glob("*.png") if (p.with_suffix(".json")).exists())
    if not pages:
        raise UsageError(f"{folder}: няма размечени страници (PNG с JSON до тях)")
    score = Score()
    failed: list[str] = []
    bar = tqdm_progress(total=len(pages), desc="Разчитане", unit="стр")
    cpu0 = _self_cpu() + _children_cpu()
    t0 = time.perf_counter()
    worker_cpu = 0.0
    read: list[Outcome] = []
    for out in run(pages, limits=limits, engine=engine, what="extract", workers=workers,
                   on_done=lambda o: bar.update(1)):  # fmt: skip
        worker_cpu += out.cpu_seconds
        read.append(out)
    # each page as read first (what the run's pages were before the agreement across them), then scored
    # after it, as `archive extract` writes them
    plain = Score()
    for out in read:
        plain.add(PayrollPage.load(out.path.with_suffix(".json")), _read_page(out))
    agree(read)
    for out in read:
        if not (out.ok and out.document):
            failed.append(f"{out.path.name}: {out.error}")
        score.add(PayrollPage.load(out.path.with_suffix(".json")), _read_page(out))
    wall = time.perf_counter() - t0
    bar.close()
    all_cpu = _self_cpu() + _children_cpu() - cpu0  # the workers' pages, their start and the loads before the fork
    ours_cpu = worker_cpu if workers > 1 else all_cpu
    result: dict[str, object] = {
        "pages": len(pages),
        "failed_pages": failed,
        "field_accuracy": round(score.accuracy, 4),
        "silent_error_rate": round(score.silent_rate, 4),
        "review_load": round(score.review_load, 4),
        "rows_found": round(score.rows_found / max(1, score.rows_truth), 4),
        "employer_accuracy": round(score.employer_ok / len(pages), 4),
        "period_accuracy": round(score.period_ok / len(pages), 4),
        "employer_silent": round(score.employer_silent / len(pages), 4),
        "period_silent": round(score.period_silent / len(pages), 4),
        "row_numbers_right": round(score.row_numbers_ok / max(1, score.row_numbers), 4),
        "pages_reviewed_whole": score.pages_reviewed_whole,
        "before_batch_agreement": {
            "field_accuracy": round(plain.accuracy, 4),
            "silent_error_rate": round(plain.silent_rate, 4),
            "review_load": round(plain.review_load, 4),
        },
        "per_field": {
            f: {
                "accuracy": round(score.field_accuracy(f), 4),
                "silent": round(score.field_silent(f), 4),
                "values": score.truth_values.get(f, 0),
            }
            for f in SCORED_FIELDS
        },  # fmt: skip
        "workers": workers,
        "pages_per_minute": round(len(pages) / wall * 60, 1),
        "cpu_seconds_per_page": round(ours_cpu / len(pages), 3),
        # what a run of these pages cost in all, loads before the workers fork and the scoring included: in a
        # long-running worker the loads are paid once, on a short run they are not nothing (reported, not hidden)
        "cpu_seconds_per_page_whole_run": round(all_cpu / len(pages), 3),
    }
    if baseline:
        bar = tqdm_progress(total=len(pages), desc="Tesseract (база)", unit="стр")
        tot = [0] * 6
        bcpu = 0.0
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for p, (text, cpu) in zip(pages, pool.map(_baseline_one, [str(p) for p in pages], [lang] * len(pages)), strict=True):
                bar.update(1)
                bcpu += cpu
                for i, v in enumerate(baseline_found(PayrollPage.load(p.with_suffix(".json")), text)):
                    tot[i] += v
        bar.close()
        result["baseline"] = {
            "egn_verbatim": round(tot[0] / max(1, tot[1]), 4),
            "name_verbatim": round(tot[2] / max(1, tot[3]), 4),
            "amount_verbatim": round(tot[4] / max(1, tot[5]), 4),
            "cpu_seconds_per_page": round(bcpu / len(pages), 3),
        }
        result["cpu_ratio_to_baseline"] = round(ours_cpu / max(1e-9, bcpu), 2)
    return result


def format_report(r: dict[str, object]) -> str:
    lines = [
        f"страници: {r['pages']} (неуспешни: {len(r['failed_pages'])})",  # type: ignore[arg-type]
        f"точност на полетата: {r['field_accuracy']:.2%}   тихи грешки: {r['silent_error_rate']:.2%}   "
        f"за проверка: {r['review_load']:.2%}",
        f"намерени редове: {r['rows_found']:.2%}   работодател: {r['employer_accuracy']:.2%}   "
        f"период: {r['period_accuracy']:.2%}",
        f"грешни без флаг: работодател {r.get('employer_silent', 0):.2%}, период {r.get('period_silent', 0):.2%} "
        "(от страниците)",
        f"номера на редовете верни: {r.get('row_numbers_right', 0):.2%}   "
        f"листове за проверка като цяло: {r.get('pages_reviewed_whole', 0)}",
        f"скорост: {r['pages_per_minute']} стр/мин с {r['workers']} процеса; CPU {r['cpu_seconds_per_page']} s/стр"
        f" (с началното зареждане: {r.get('cpu_seconds_per_page_whole_run', r['cpu_seconds_per_page'])} s/стр)",
        "поле          точност   тихи    стойности",
    ]
    if "before_batch_agreement" in r:
        b0 = r["before_batch_agreement"]
        lines.insert(2, f"преди сверката на хората между листовете: точност {b0['field_accuracy']:.2%}   "  # type: ignore[index]
                        f"тихи {b0['silent_error_rate']:.2%}   за проверка {b0['review_load']:.2%}")  # type: ignore[index]  # fmt: skip
    for f, v in r["per_field"].items():  # type: ignore[attr-defined]
        lines.append(f"{f:13s} {v['accuracy']:8.2%} {v['silent']:7.2%} {v['values']:8d}")
    if "baseline" in r:
        b = r["baseline"]
        lines.append(
            f"tesseract --psm 6 (база): ЕГН {b['egn_verbatim']:.2%}, имена {b['name_verbatim']:.2%}, "  # type: ignore[index]
            f"суми {b['amount_verbatim']:.2%} дословно; CPU {b['cpu_seconds_per_page']} s/стр; "  # type: ignore[index]
            f"отношение CPU: {r['cpu_ratio_to_baseline']}×"
        )
    for f in r["failed_pages"]:  # type: ignore[attr-defined]
        lines.append(f"  неуспешна: {f}")
    return "\n".join(lines)


@click.command("bench")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option(
    "--json", "json_out", type=click.Path(path_type=Path, dir_okay=False), help="Запиши резултата като JSON."
)
@click.option("--jobs", type=int, default=None, help="Паралелни процеси (по подразбиране: по един на ядро).")
@click.option(
    "--baseline/--no-baseline", default=True, show_default=True, help="Пусни и обикновен tesseract."
)
def bench(folder: Path, json_out: Path | None, jobs: int | None, baseline: bool) -> None:
    """Measure extraction quality and speed on labelled pages (PNG + payroll-page/1 JSON) in FOLDER."""
    settings = load_settings()
    r = run_bench(
        folder,
        workers=jobs or settings.effective_workers(),
        baseline=baseline,
        limits=Limits.of(settings),
        engine=engine_from_settings(settings),
        lang=settings.ocr_lang,
    )
    click.echo(format_report(r))
    if json_out:
        json_out.write_text(json.dumps(r, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
