"""Concurrent registration and a registration killed half-way, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from assistant.registry.service import PetitionInput, Registry

PROCESSES, PER_PROCESS = 4, 250
CATEGORIES = ["HOUSING", "LOAN", "LABOUR", "FAMILY"]


def _register_many(url: str, worker: int, out: multiprocessing.Queue) -> None:
    registry = Registry(url)
    numbers, errors = [], []
    for n in range(PER_PROCESS):
        try:
            reg = registry.register(PetitionInput(
                received_on=dt.date(2026, 11, 2), text=f"жалоба {worker}-{n}", source_sha256=f"{worker:032x}{n:032x}",
                suggestion={"category": CATEGORIES[n % 4], "confidence": 0.9}))
            numbers.append(reg.reg_no)
        except Exception as exc:  # any error surfaced to a user is a failure of this test
            errors.append(repr(exc))
    out.put((numbers, errors))


def test_four_processes_register_a_thousand_petitions(registry: Registry) -> None:
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_register_many, args=(registry.url, w, queue)) for w in range(PROCESSES)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    numbers = [n for nums, _ in results for n in nums]
    errors = [e for _, errs in results for e in errs]
    assert errors == []
    assert len(numbers) == len(set(numbers)) == PROCESSES * PER_PROCESS
    assert registry.count() == PROCESSES * PER_PROCESS
    assert sorted(int(n.rsplit("/", 1)[1]) for n in numbers) == list(range(1, PROCESSES * PER_PROCESS + 1))
    loads = registry.open_loads()
    assert sum(loads.values()) == PROCESSES * PER_PROCESS  # every petition was distributed exactly once
    housing = [loads[j] for j in ("j07", "j08", "j09")]
    assert max(housing) - min(housing) <= 1  # least-load distribution held under concurrency


KILLED_CHILD = textwrap.dedent("""
    import datetime as dt, sys, time
    from pathlib import Path
    from assistant.registry.service import PetitionInput, Registry

    url, flag = sys.argv[1], Path(sys.argv[2])
    original = Registry._distribute

    def stall(self, s, p, day, by):
        decision = original(self, s, p, day, by)
        s.flush()            # the petition, its parties, events and assignment are written but not committed
        flag.write_text(p.reg_no)
        time.sleep(600)      # killed here
        return decision

    Registry._distribute = stall
    Registry(url).register(PetitionInput(received_on=dt.date(2026, 11, 2), text="жалоба", source_sha256="f" * 64,
                                         suggestion={"category": "LOAN", "confidence": 0.9}))
""")


def test_a_registration_killed_half_way_leaves_nothing_and_the_next_run_completes_it(
        registry: Registry, tmp_path: Path) -> None:
    flag = tmp_path / "inside-transaction"
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, registry.url, str(flag)],
                             cwd=Path(__file__).resolve().parents[2], env={**os.environ, "PYTHONPATH": "."})
    deadline = time.monotonic() + 120
    while not flag.exists():
        assert child.poll() is None, "the child ended before reaching the transaction"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert registry.count() == 0  # nothing partial: no petition, and (cascade-free) no orphan rows
    from assistant.registry.backup import dump_rows

    rows = dump_rows(registry.url)
    assert [t for t in ("petitions", "parties", "events", "assignments", "deadlines") if rows[t]] == []
    again = registry.register(PetitionInput(received_on=dt.date(2026, 11, 2), text="жалоба", source_sha256="f" * 64,
                                            suggestion={"category": "LOAN", "confidence": 0.9}))
    assert again.created and again.judge == "j01" and again.reg_no == flag.read_text()
