"""Registering already-extracted petitions on SQLite (issue target: 1,000 in ≤ 10 s), each in its own
transaction with numbering, distribution, events and deadlines — against a baseline measured in the same
run: the same 1,000 petitions inserted as bare rows with SQLAlchemy (one transaction each, no distribution).

    python bench/registry.py [--n 1000] [--url sqlite:///...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.registry import models as m  # noqa: E402
from assistant.registry.db import write_session  # noqa: E402
from assistant.registry.reference import load_roster  # noqa: E402
from assistant.registry.service import PartyInput, PetitionInput, Registry  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--url", default=None, help="database (default: a fresh SQLite file)")
    args = parser.parse_args()
    with open(ROOT / "corpus" / "dev.jsonl", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{tmp}/bench.sqlite3"
        base_url = f"sqlite:///{tmp}/baseline.sqlite3"
        registry = Registry(url)
        registry.init()
        registry.upsert_judges(load_roster())
        Registry(base_url).init()
        inputs = [PetitionInput(received_on=dt.date(2026, 1, 5) + dt.timedelta(days=n % 300),
                                text=docs[n % len(docs)]["text"], lang=docs[n % len(docs)]["lang"],
                                source_sha256=f"{n:064x}",
                                suggestion={"category": docs[n % len(docs)]["category"], "confidence": 0.9},
                                parties=[PartyInput("Истец Тестов", "plaintiff"), PartyInput("ТОО «Ответчик»",
                                                                                         "defendant")])
                  for n in range(args.n)]
        inputs = [i for i in inputs if i.suggestion and i.suggestion["category"] != "OUT_OF_SCOPE"]
        t0 = time.perf_counter()
        for n, data in enumerate(inputs):
            with write_session(base_url) as s:
                s.add(m.Petition(reg_no=f"b/{n}", kind="complaint", regime="post", received_on=data.received_on,
                                 status="registered", text=data.text, source_sha256=data.source_sha256,
                                 parties=[m.Party(name=p.name, role=p.role) for p in data.parties]))
        baseline = time.perf_counter() - t0
        t0 = time.perf_counter()
        for data in inputs:
            registry.register(data)
        ours = time.perf_counter() - t0
        n = len(inputs)
        verdict = "OK" if ours * 1000 / n <= 10 else "ABOVE TARGET"
        print(f"registry: {n} petitions registered + distributed in {ours:.2f} s ({n / ours:,.0f}/s; "
              f"{ours / n * 1000:.1f} ms each) vs bare inserts {baseline:.2f} s → {ours / baseline:.1f}× the "
              f"baseline; per 1,000: {ours * 1000 / n:.2f} s (target ≤ 10 s: {verdict})")
        t0 = time.perf_counter()
        hits = registry.search("ответчик")
        print(f"  search over {registry.count()} petitions: {len(hits)} hits (limit 200) in "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
