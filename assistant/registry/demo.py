"""Realistic demo data so the app is alive on first start (`kenesshi db demo`).

Twelve months of work of the collegium: the roster of assistant/data/judges.yaml (12 judges in the four
specialization groups) with absences, and petitions whose texts are the project's corpus documents, moved
through the real registry functions — registration, distribution, category corrections, case-file requests,
hearings, notices, results, copies, archiving. Everything is drawn from a seeded generator: the same seed
and date give the same registry.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

from assistant.categories import UNSURE
from assistant.registry.reference import DATA_DIR, load_roster, outcomes
from assistant.registry.service import PartyInput, PetitionInput, Registry

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "train.jsonl"
DEMO_USER = "demo"
_PARTY_LINE = re.compile(
    r"^(?P<role>Заявитель|Истец|Ответчик|Взыскатель|Должник|Шағым беруші|Талап қоюшы|Талапкер|Жауапкер)"
    r"[^:\n]{0,40}:\s*(?P<name>[^,\n]{3,120})", re.MULTILINE)
_ROLE = {"заявитель": "applicant", "шағым беруші": "applicant", "истец": "plaintiff", "талап қоюшы": "plaintiff",
         "талапкер": "plaintiff", "ответчик": "defendant", "жауапкер": "defendant", "взыскатель": "plaintiff",
         "должник": "defendant"}
_IIN = re.compile(r"(?:ИИН|БИН|ЖСН|БСН)\s*:?\s*(\d{12})")
# How petitions end, roughly as in a cassation court's statistics (weights, not verified figures).
_OUTCOME_WEIGHTS = {"upheld": 58, "changed": 6, "set_aside_new_decision": 12, "set_aside_remanded": 14,
                    "set_aside_terminated": 3, "set_aside_left_without_consideration": 2, "withdrawn": 2}


def _corpus() -> list[dict[str, Any]]:
    with open(CORPUS, encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if r["category"] != "OUT_OF_SCOPE"]


def _regions() -> list[dict[str, str]]:
    with open(DATA_DIR / "regions.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _parties(text: str) -> list[PartyInput]:
    iins = _IIN.findall(text)
    out = []
    for i, found in enumerate(_PARTY_LINE.finditer(text)):
        name = found.group("name").strip(" .;")
        out.append(PartyInput(name=name, role=_ROLE.get(found.group("role").lower(), ""),
                              iin_bin=iins[i] if i < len(iins) else None))
    return out[:4]


def seed_demo(registry: Registry, *, petitions: int = 320, today: dt.date | None = None, seed: int = 2026,
              progress: Any = None) -> dict[str, int]:
    """Fill an empty registry; returns counts of what was created."""
    if registry.count():
        raise ValueError("the registry is not empty: demo data goes into a fresh database only")
    rnd = random.Random(seed)
    today = today or dt.date.today()
    start = today - dt.timedelta(days=365)
    cal = registry.calendar
    roster = load_roster()
    registry.upsert_judges(roster)
    for judge in roster:  # one or two absences each: leave, training, illness
        for _ in range(rnd.choice((1, 1, 2))):
            first = start + dt.timedelta(days=rnd.randrange(20, 340))
            registry.add_absence(judge["code"], first, first + dt.timedelta(days=rnd.randrange(7, 24)),
                                 rnd.choice(("отпуск / демалыс", "обучение / оқу", "болезнь / науқас")))
    docs, regions = _corpus(), _regions()
    days = sorted(start + dt.timedelta(days=rnd.randrange(0, 365)) for _ in range(petitions))
    days = [_working_day_not_after(cal, d, today) for d in days]  # never received in the future
    counts = {"petitions": 0, "returned": 0, "decided": 0, "corrected": 0, "unsure": 0}
    codes = list(_OUTCOME_WEIGHTS)
    weights = list(_OUTCOME_WEIGHTS.values())
    for n, received in enumerate(days):
        doc = rnd.choice(docs)
        region = rnd.choice(regions)
        category = doc["category"]
        roll = rnd.random()
        if roll < 0.08:  # the model was unsure: the consultant chooses
            suggestion = {"category": UNSURE, "confidence": round(rnd.uniform(0.25, 0.5), 3), "best": category}
        elif roll < 0.14:  # the model was wrong: the consultant corrects it
            wrong = rnd.choice([d["category"] for d in docs if d["category"] != category])
            suggestion = {"category": wrong, "confidence": round(rnd.uniform(0.52, 0.7), 3), "best": wrong}
        else:
            suggestion = {"category": category, "confidence": round(rnd.uniform(0.6, 0.99), 3), "best": category}
        reg = registry.register(PetitionInput(
            received_on=received, text=doc["text"], lang=doc["lang"], source_name=f"{doc['id']}.pdf",
            suggestion=suggestion, final_category=category if suggestion["category"] != category else None,
            parties=_parties(doc["text"]), region_code=region["region_code"],
            lower_court=region["appellate_court_kk" if doc["lang"] == "kk" else "appellate_court_ru"],
            summary=doc["text"][:500], by_whom=DEMO_USER))
        counts["petitions"] += 1
        counts["unsure"] += suggestion["category"] == UNSURE
        counts["corrected"] += suggestion["category"] not in (UNSURE, category)
        _move(registry, reg.reg_no, received, today, rnd, codes, weights, counts)
        if progress:
            progress(n + 1, len(days))
    return counts


def _working_day_not_after(cal: Any, day: dt.date, today: dt.date) -> dt.date:
    moved = cal.next_working_day(day)
    if moved <= today:
        return moved
    while not cal.is_working_day(day) and day > today - dt.timedelta(days=30):
        day -= dt.timedelta(days=1)
    return min(day, today)


def _move(registry: Registry, reg_no: str, received: dt.date, today: dt.date, rnd: random.Random,
          codes: list[str], weights: list[int], counts: dict[str, int]) -> None:
    """Play the petition's movement forward in time, stopping at `today` (recent petitions stay pending)."""
    cal = registry.calendar
    day = received
    p = registry.petition(reg_no)
    if p.judge is None:
        return
    if rnd.random() < 0.1:  # returned: defects of form, missed deadline
        day = cal.add_working_days(day, rnd.randrange(3, 10))
        if day <= today:
            registry.record_outcome(reg_no, "returned", day, by=DEMO_USER, note="ст. 439 ГПК РК")
            counts["returned"] += 1
        return
    steps: list[tuple[str, int]] = [("case_file_requested", rnd.randrange(1, 6)),
                                    ("case_file_received", rnd.randrange(8, 30)),
                                    ("hearing_scheduled", rnd.randrange(5, 20))]
    for kind, gap in steps:
        day = cal.add_working_days(day, gap) if kind != "case_file_received" else cal.next_working_day(
            day + dt.timedelta(days=gap))
        if day > today:
            return
        if kind == "hearing_scheduled":
            when = dt.datetime.combine(cal.add_working_days(day, rnd.randrange(10, 40)), dt.time(rnd.choice((10, 11,
                                                                                                              15))))
            online = rnd.random() < 0.6
            registry.schedule_hearing(reg_no, when, "online" if online else "offline",
                                      "https://vks.sud.kz/room/" + str(rnd.randrange(100, 999)) if online else
                                      "зал № " + str(rnd.randrange(1, 9)), by=DEMO_USER, on=day)
            notice = cal.add_working_days(day, rnd.randrange(1, 3))
            if notice <= today:
                registry.record_event(reg_no, "notice_sent", notice, DEMO_USER, data={"channel": "e-mail"})
            day = when.date()
        else:
            registry.record_event(reg_no, kind, day, DEMO_USER)
    if day > today:
        return
    registry.record_event(reg_no, "heard", day, DEMO_USER)
    outcome = rnd.choices(codes, weights)[0]
    decided = cal.add_working_days(day, rnd.randrange(0, 5))
    if decided > today:
        return
    registry.record_outcome(reg_no, outcome, decided, by=DEMO_USER)
    counts["decided"] += outcomes()[outcome]["considered"]
    for kind, gap in (("copies_sent", rnd.randrange(1, 6)), ("case_returned", rnd.randrange(5, 15)),
                      ("archived", rnd.randrange(5, 20))):
        decided = cal.add_working_days(decided, gap)
        if decided > today or (outcome == "withdrawn" and kind != "archived"):
            continue
        registry.record_event(reg_no, kind, decided, DEMO_USER)
