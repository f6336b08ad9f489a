"""Extraction speed and memory, measured against pdfplumber on the same files in the same run.

    python bench/extract.py [--pdfs 200] [--docx 100] [--pages 5] [--plumber-files 40]

Targets (issue 2): our text-PDF extraction >= 30x pdfplumber and >= 300 pages/s on one core; peak
memory flat (< 300 MB RSS) over the batch. Prints the figures and PASS/FAIL per target.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.ingest import extract_file  # noqa: E402
from tests import factories as f  # noqa: E402

PARAGRAPHS = [p for page in f.RU_PAGES + f.KK_PAGES for p in page.split("\n")]


def make_pages(rng: random.Random, n: int) -> list[str]:
    pages = []
    for _ in range(n):
        paras = [rng.choice(PARAGRAPHS) for _ in range(rng.randint(6, 10))]
        pages.append("\n".join(paras))
    return pages


def build_corpus(folder: Path, n_pdf: int, n_docx: int, pages: int) -> tuple[list[Path], list[Path]]:
    rng = random.Random(2025)
    pdfs, docxs = [], []
    for i in range(n_pdf):
        n_pages = rng.randint(2, 2 * pages - 2)
        pdfs.append(f.write_text_pdf(folder / f"p{i:04d}.pdf", make_pages(rng, n_pages)))
    for i in range(n_docx):
        paras = [p for page in make_pages(rng, rng.randint(2, pages)) for p in page.split("\n")]
        docxs.append(f.write_docx(folder / f"d{i:04d}.docx", paras, page_break_after=len(paras) // 2))
    return pdfs, docxs


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def run_ours(files: list[Path], settings: Settings) -> tuple[int, float, list[float]]:
    pages = 0
    rss = []
    start = time.perf_counter()
    for path in files:
        pages += extract_file(path, settings).page_count
        rss.append(rss_mb())
    return pages, time.perf_counter() - start, rss


def run_pdfplumber(files: list[Path]) -> tuple[int, float]:
    import pdfplumber

    pages = 0
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return pages, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdfs", type=int, default=200)
    ap.add_argument("--docx", type=int, default=100)
    ap.add_argument("--pages", type=int, default=5, help="mean pages per PDF")
    ap.add_argument("--plumber-files", type=int, default=40, help="PDFs also read with pdfplumber")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs on the shared subset (best kept)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="kenesshi-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        pdfs, docxs = build_corpus(folder, args.pdfs, args.docx, args.pages)
        print(f"corpus: {len(pdfs)} PDFs, {len(docxs)} DOCX generated in {time.perf_counter() - t0:.1f} s")
        settings = Settings(home=folder / "home", ocr="off")

        # Warm up imports and caches outside the timings.
        extract_file(pdfs[0], settings)
        extract_file(docxs[0], settings)
        rss_start = rss_mb()

        # Same files for both; each timed --repeat times after a warm-up, best run kept (as timeit does).
        subset = pdfs[: args.plumber_files]
        run_pdfplumber(subset[:2])
        ours_sub_pages, ours_sub_s = min((run_ours(subset, settings)[:2] for _ in range(args.repeat)),
                                         key=lambda r: r[1])
        plumber_pages, plumber_s = min((run_pdfplumber(subset) for _ in range(args.repeat)),
                                       key=lambda r: r[1])
        assert ours_sub_pages == plumber_pages
        ours_pdf_pages, ours_pdf_s, rss_pdf = run_ours(pdfs, settings)
        ours_docx_pages, ours_docx_s, rss_docx = run_ours(docxs, settings)

    ours_rate = ours_sub_pages / ours_sub_s
    plumber_rate = plumber_pages / plumber_s
    ratio = ours_rate / plumber_rate
    pdf_rate = ours_pdf_pages / ours_pdf_s
    docx_rate = ours_docx_pages / ours_docx_s
    rss = rss_pdf + rss_docx
    tenth = max(1, len(rss) // 10)
    early, late, peak = max(rss[:tenth]), max(rss[-tenth:]), max(rss)

    print(f"pdfplumber     : {plumber_pages} pages in {plumber_s:.2f} s = {plumber_rate:.1f} pages/s")
    print(f"kenesshi (same): {ours_sub_pages} pages in {ours_sub_s:.2f} s = {ours_rate:.1f} pages/s")
    print(f"kenesshi PDF   : {ours_pdf_pages} pages in {ours_pdf_s:.2f} s = {pdf_rate:.1f} pages/s (1 core, "
          f"extraction + normalisation + language id)")
    print(f"kenesshi DOCX  : {ours_docx_pages} pages in {ours_docx_s:.2f} s = {docx_rate:.1f} pages/s")
    print(f"speed ratio vs pdfplumber: {ratio:.1f}x")
    print(f"memory: RSS {rss_start:.0f} MB after warm-up, {early:.0f} MB in the first tenth, "
          f"{late:.0f} MB in the last tenth, peak {peak:.0f} MB")
    checks = [
        (f"ratio {ratio:.1f}x >= 30x pdfplumber", ratio >= 30),
        (f"{pdf_rate:.0f} pages/s >= 300 pages/s per core", pdf_rate >= 300),
        (f"peak {peak:.0f} MB < 300 MB", peak < 300),
        (f"flat: last tenth {late:.0f} MB <= first tenth {early:.0f} MB + 20 MB", late <= early + 20),
    ]
    for label, ok in checks:
        print(("PASS " if ok else "FAIL ") + label)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
