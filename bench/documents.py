"""Drafting speed, next to baselines measured in the same run.

    python bench/documents.py [--repeat 50] [--batch 100] [--cases 200] [--pdf]

Targets (issue 7): one document ≤ 50 ms; the weekly press release over 200 considered cases ≤ 3 s
(context with depersonalisation + render); 100 documents in a batch ≤ 5 s.
Baselines: python-docx opening and saving the same template (what any .docx output costs at least), and
depersonalising every summary with the default options (rules + NER in both languages), as a caller who
did not batch or choose would. --pdf also times the batch converted to PDF in one LibreOffice run.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from assistant.config import Settings  # noqa: E402
from assistant.documents.manifest import load_manifest  # noqa: E402
from assistant.documents.pdf import libreoffice_binary  # noqa: E402
from assistant.documents.render import Job, render, render_many  # noqa: E402
from assistant.privacy.engine import anonymize  # noqa: E402
from assistant.reports.press import press_release_context  # noqa: E402
from tests.documents.samples import TODAY, considered_cases, sample_data  # noqa: E402

LETTERS = ["return_complaint", "case_file_request", "hearing_notice", "ruling_cover_letter", "case_return_letter",
           "judge_memo"]


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--pdf", action="store_true", help="also convert the batch to PDF (LibreOffice)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kenesshi-bench-"))
    settings = Settings(home=tmp / "home", court_phone="8 (7172) 71-00-00", court_email="kassac@sud.kz")
    manifest = load_manifest()
    checks: list[tuple[str, bool]] = []

    # 1. one document
    data = sample_data("hearing_notice", "ru")
    template = manifest.template("hearing_notice").path("ru")
    render("hearing_notice", "ru", data, tmp / "warm.docx", settings=settings, today=TODAY)  # warm-up

    def python_docx_round_trip() -> None:
        Document(str(template)).save(io.BytesIO())

    base_one = median_ms(python_docx_round_trip, args.repeat)
    ours_one = median_ms(lambda: render("hearing_notice", "ru", data, tmp / "one.docx", settings=settings,
                                        today=TODAY), args.repeat)
    print(f"one document (hearing_notice, ru), median of {args.repeat}:")
    print(f"  baseline python-docx open+save: {base_one:6.1f} ms")
    print(f"  ours (validate, format, sandboxed render, check, atomic write): {ours_one:6.1f} ms "
          f"({ours_one / base_one:.2f}x baseline)")
    checks.append((f"one document {ours_one:.1f} ms <= 50 ms", ours_one <= 50))

    # 2. the weekly press release over N considered cases (distinct summaries: no help from de-duplication)
    cases = considered_cases(args.cases)
    kk_share = sum(c["lang"] == "kk" for c in cases) / len(cases)
    press_release_context(cases[:3], "2025-W37", "ru")  # warm-up: loads the NER models once
    anonymize("Истец Петров Иван.", lang="ru")
    anonymize("Талап қоюшы Серікұлы.", lang="kk")
    start = time.perf_counter()
    for c in cases:
        anonymize(c["summary"], lang=c["lang"], category=c["category"])
    base_press = time.perf_counter() - start
    start = time.perf_counter()
    ctx = press_release_context(cases, "2025-W37", "ru")
    render("press_release", "ru", ctx, tmp / "press.docx", settings=settings, today=TODAY)
    ours_press = time.perf_counter() - start
    print(f"weekly press release, {len(cases)} considered cases ({kk_share:.0%} Kazakh summaries):")
    print(f"  baseline: anonymize() every summary with default options (NER everywhere): {base_press:5.2f} s")
    print(f"  ours: context (depersonalise, shorten, count) + render: {ours_press:5.2f} s "
          f"({ours_press / base_press:.2f}x baseline)")
    checks.append((f"press release {ours_press:.2f} s <= 3 s", ours_press <= 3.0))

    # 3. a batch of documents
    datas = {(tid, lang): sample_data(tid, lang) for tid in LETTERS for lang in ("kk", "ru")}
    keys = list(datas)
    jobs = [Job(keys[i % len(keys)][0], keys[i % len(keys)][1], datas[keys[i % len(keys)]], tmp / f"b{i:03d}.docx")
            for i in range(args.batch)]
    templates = [manifest.template(j.template_id).path(j.lang) for j in jobs]
    start = time.perf_counter()
    for path in templates:
        Document(str(path)).save(io.BytesIO())
    base_batch = time.perf_counter() - start
    start = time.perf_counter()
    render_many(jobs, settings=settings, today=TODAY)
    ours_batch = time.perf_counter() - start
    print(f"batch of {args.batch} documents (6 letter templates x 2 languages):")
    print(f"  baseline python-docx open+save: {base_batch:5.2f} s")
    print(f"  ours: {ours_batch:5.2f} s ({ours_batch / base_batch:.2f}x baseline, "
          f"{ours_batch / args.batch * 1000:.1f} ms a document)")
    checks.append((f"batch of {args.batch} {ours_batch:.2f} s <= 5 s", ours_batch <= 5.0))

    if args.pdf:
        if libreoffice_binary() is None:
            print("PDF: LibreOffice not installed, skipped")
        else:
            pdf_jobs = [Job(j.template_id, j.lang, j.data, tmp / "pdf" / j.out.name) for j in jobs]
            start = time.perf_counter()
            render_many(pdf_jobs, pdf=True, settings=settings, today=TODAY)
            took = time.perf_counter() - start
            print(f"  the same batch as PDF, one LibreOffice run: {took:5.2f} s ({took / args.batch:.2f} s a document)")

    for label, ok in checks:
        print(("PASS " if ok else "FAIL ") + label)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
