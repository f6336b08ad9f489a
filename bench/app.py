"""The Streamlit app's speed with a registry of 5,000 petitions, next to a baseline measured in the same run
(an empty Streamlit page rendered by the same AppTest machinery).

    python bench/app.py [--petitions 5000] [--demo 300] [--pdfs 20] [--pages 10] [--keep DIR]

Targets (issue 8): every page's first render ≤ 2 s; intake of 20 PDFs of 10 pages each to their suggestions
≤ 10 s. Setup: the demo year (`seed_demo`, with movement: hearings, results, archiving) for `--demo`
petitions, then registrations through Registry.register (numbering, distribution, events, deadlines) up to
`--petitions`; its time is printed. `--keep DIR` keeps the registry there and reuses it on the next run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The library is imported inside the functions: intake's worker processes start by importing this file
# (multiprocessing's spawn), and they should not pay for the registry, Streamlit or the models.

PAGES = {"intake": "app.py", "petition": "pages/2_petition.py", "registry": "pages/3_registry.py",
         "press release": "pages/4_press_release.py", "analytics": "pages/5_analytics.py",
         "settings": "pages/6_settings.py"}
PAGE_TARGET_S = 2.0
INTAKE_TARGET_S = 10.0


def build_registry(url: str, petitions: int, demo: int) -> tuple[float, float]:
    """The demo year with movement for `demo` petitions, then plain registrations up to `petitions`."""
    from assistant.registry.demo import seed_demo
    from assistant.registry.service import PetitionInput, Registry

    registry = Registry(url)
    registry.init()
    t0 = time.perf_counter()
    seed_demo(registry, petitions=demo, today=dt.date.today())
    demo_s = time.perf_counter() - t0
    with open(ROOT / "corpus" / "train.jsonl", encoding="utf-8") as fh:
        docs = [r for r in map(json.loads, fh) if r["category"] != "OUT_OF_SCOPE"]
    rnd = random.Random(8)
    start = dt.date.today() - dt.timedelta(days=365)
    t0 = time.perf_counter()
    for _ in range(petitions - demo):
        doc = rnd.choice(docs)
        registry.register(PetitionInput(
            received_on=registry.calendar.next_working_day(start + dt.timedelta(days=rnd.randrange(365))),
            text=doc["text"], lang=doc["lang"], source_name=f"{doc['id']}.pdf",
            suggestion={"category": doc["category"], "confidence": 0.9, "best": doc["category"]},
            region_code=rnd.choice(("11", "15", "19", "23", "27", "31", "35", "39", "43", "47", "51", "55", "59")),
            by_whom="bench"))
    return demo_s, time.perf_counter() - t0


def render(script: str, page: str | None = None, timeout: float = 300, **query: str) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(script, default_timeout=timeout)
    at.session_state["lang"] = "ru"
    at.query_params.update(query)
    if page is not None:
        at.switch_page(page)
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError(f"{page or script}: {[e.value for e in at.exception]}")
    return elapsed


def baseline_render(runs: int = 5) -> float:
    from streamlit.testing.v1 import AppTest

    times = []
    for _ in range(runs):
        at = AppTest.from_string("import streamlit as st\nst.title('baseline')\nst.write('an empty page')")
        t0 = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def intake(n_pdfs: int, n_pages: int, tmp: Path) -> tuple[float, int]:
    """Upload `n_pdfs` PDFs of `n_pages` pages to the intake page; seconds until the run with every file's
    suggestion is done, and how many suggestions were shown."""
    from streamlit.testing.v1 import AppTest

    from tests import factories as f

    pdfs = []
    for i in range(n_pdfs):
        sample = f.RU_PAGES if i % 2 == 0 else f.KK_PAGES
        pages = [f"{sample[k % len(sample)]}\n(файл {i + 1}, бет/лист {k + 1})" for k in range(n_pages)]
        pdfs.append((f"complaint-{i + 1:02d}.pdf", f.text_pdf_bytes(pages)))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state["lang"] = "ru"
    at.run()
    for name, data in pdfs:
        at.file_uploader[0].upload(name, data)
    t0 = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - t0
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    shown = sum(1 for s in at.selectbox if s.label.startswith("Категория"))
    return elapsed, shown


def main() -> int:
    from assistant.registry.db import dispose_engines
    from assistant.registry.service import Registry

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petitions", type=int, default=5000)
    ap.add_argument("--demo", type=int, default=300, help="petitions of the demo year with movement")
    ap.add_argument("--pdfs", type=int, default=20)
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--keep", type=Path, default=None, help="keep (and reuse) the registry in this folder")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kenesshi-bench-app-"))
    home = args.keep or tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    db = home / "kenesshi.sqlite3"
    url = f"sqlite:///{db}"
    os.environ.update({"KENESSHI_HOME": str(home), "KENESSHI_DB_URL": url, "KENESSHI_OCR": "off",
                       "KENESSHI_LANG": "ru"})
    os.chdir(ROOT)
    try:
        if db.exists() and Registry(url).count() >= args.petitions:
            print(f"registry: reusing {db} ({Registry(url).count()} petitions)")
        else:
            db.unlink(missing_ok=True)
            demo_s, register_s = build_registry(url, args.petitions, args.demo)
            n_plain = args.petitions - args.demo
            print(f"setup: demo year with movement, {args.demo} petitions: {demo_s:.1f} s; "
                  f"{n_plain} more through Registry.register: {register_s:.1f} s "
                  f"({n_plain / register_s:.0f}/s); total {demo_s + register_s:.1f} s")
        dispose_engines()

        base = baseline_render()
        print(f"baseline: empty page through AppTest, median of 5: {base:.3f} s")
        t0 = time.perf_counter()
        cold = render(str(ROOT / "app.py"))
        print(f"process start: first intake render (imports, classifier, registry): {cold:.2f} s "
              f"(measured {time.perf_counter() - t0:.2f} s)")
        reg_no = Registry(url).search(status=["archived"], limit=1)[0].reg_no
        results: dict[str, tuple[float, float]] = {}
        for name, page in PAGES.items():
            query = {"reg_no": reg_no} if name == "petition" else {}
            first = render(str(ROOT / "app.py"), None if page == "app.py" else page, **query)
            again = render(str(ROOT / "app.py"), None if page == "app.py" else page, **query)
            results[name] = (first, again)
        print(f"\nfirst render of each page in a new session, {Registry(url).count()} petitions "
              f"(target ≤ {PAGE_TARGET_S:.0f} s):")
        for name, (first, again) in results.items():
            print(f"  {name:<14} {first:6.2f} s  ({first / base:5.1f}x baseline; next session {again:.2f} s)")

        elapsed, shown = intake(args.pdfs, args.pages, tmp)
        per_file = elapsed / args.pdfs
        print(f"\nintake: {args.pdfs} PDFs of {args.pages} pages to their suggestions: {elapsed:.2f} s "
              f"({per_file:.2f} s a file, {shown} suggestions shown; {elapsed / base:.0f}x baseline)")

        checks = [(f"{name} first render {first:.2f} s ≤ {PAGE_TARGET_S:.0f} s", first <= PAGE_TARGET_S)
                  for name, (first, _) in results.items()]
        checks.append((f"intake of {args.pdfs}×{args.pages}-page PDFs {elapsed:.2f} s ≤ {INTAKE_TARGET_S:.0f} s",
                       elapsed <= INTAKE_TARGET_S and shown == args.pdfs))
        print()
        for label, ok in checks:
            print(("PASS " if ok else "FAIL ") + label)
        return 0 if all(ok for _, ok in checks) else 1
    finally:
        dispose_engines()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
