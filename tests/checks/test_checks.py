"""Admissibility checks and date roles, on examples in Russian and Kazakh and on the card gold set."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from assistant.checks import run_checks
from assistant.nlp.date_roles import dates_with_roles

GOLD = Path(__file__).resolve().parent.parent / "data" / "card" / "gold.jsonl"

RU = """В Кассационный суд по гражданским делам
Заявитель: Ахметова Динара Сериковна
КАССАЦИОННАЯ ЖАЛОБА
на решение Медеуского районного суда г. Алматы от 14 февраля 2025 года и постановление судебной коллегии по
гражданским делам Алматинского городского суда от 12 марта 2025 года.
Считаю, что суды неправильно применили нормы материального права. Прошу отменить постановление.
Приложение: копия постановления.
Представитель по доверенности Сейтказиев М.Е. (подпись)
{filed}"""

KK = """Азаматтық істер жөніндегі кассациялық сотқа
Шағым беруші: Жұмабеков Ерлан
КАССАЦИЯЛЫҚ ШАҒЫМ
Аудандық соттың 2025 жылғы 10 ақпандағы шешіміне және облыстық сот алқасының 2025 жылғы 16 маусымдағы
қаулысына. Соттар татуласу келісімін ескермеді, шешім заңсыз. Қаулының күшін жоюды сұраймын.
Қосымша: қаулының көшірмесі.
Қолы: Жұмабеков Е.
{filed}"""


def _by_id(results):
    return {r.id: r for r in results}


@pytest.mark.parametrize(("filed", "status", "last_day"), [
    ("12.09.2025", "pass", "2025-09-12"),
    ("15.09.2025", "fail", "2025-09-12"),
])
def test_russian_deadline(filed, status, last_day):
    res = _by_id(run_checks(RU.format(filed=filed)))
    assert res["deadline"].status == status and res["deadline"].value == last_day
    assert "436" in res["deadline"].basis["ru"]
    assert res["regime"].value == "post_2025_07_01"


def test_kazakh_deadline_rolls_over_independence_day():
    # 16.06.2025 + 6 months = 16.12.2025, Independence Day: the last day is 17.12.2025.
    res = _by_id(run_checks(KK.format(filed="2025 жылғы 17 желтоқсан")))
    assert res["deadline"].status == "pass" and res["deadline"].value == "2025-12-17"
    assert "ауыстырылды" in res["deadline"].detail["kk"] and "перенес" in res["deadline"].detail["ru"]
    assert "436" in res["deadline"].basis["kk"]
    assert res["non_reviewable.settlement_agreement"].status == "fail"


def test_required_contents_and_power_of_attorney():
    res = _by_id(run_checks(RU.format(filed="12.09.2025")))
    for item in ("applicant", "acts_appealed", "arguments", "request", "signature", "attachments"):
        assert res[f"contents.{item}"].status == "pass", item
    assert res["power_of_attorney"].status == "fail"  # a representative signs, no power of attorney
    bare = _by_id(run_checks("Жалоба. Решение суда отменить."))
    assert bare["contents.attachments"].status == "fail" and bare["deadline"].status == "unknown"


def test_pre_reform_petition():
    text = RU.replace("Кассационный суд по гражданским делам", "Судебную коллегию по гражданским делам "
                      "Верховного Суда").replace("КАССАЦИОННАЯ ЖАЛОБА", "ХОДАТАЙСТВО").replace(
        "2025 года", "2024 года").format(filed="01.06.2024")
    assert _by_id(run_checks(text))["regime"].value == "pre_2025_07_01"


# gold.jsonl: the rules were developed against it; heldout.jsonl: written later by another writer, not tuned on
# (one round of general fixes after its first run).
@pytest.fixture(scope="module", params=["gold.jsonl", "heldout.jsonl"])
def gold(request):
    path = GOLD.with_name(request.param)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_deadline_correct_on_every_gold_case(gold):
    wrong = []
    for r in gold:
        status = _by_id(run_checks(r["text"]))["deadline"].status
        expected = {True: "pass", False: "fail", None: "unknown"}[r["deadline_ok"]]
        if status != expected:
            wrong.append((r["id"], expected, status))
    assert wrong == []


def test_regime_on_gold(gold):
    assert all(_by_id(run_checks(r["text"]))["regime"].value == r["regime"] for r in gold)


def test_date_roles_on_gold(gold):
    total = right = 0
    confusion: Counter = Counter()
    for r in gold:
        found = dates_with_roles(r["text"])
        for g in r["dates"]:
            starts = [m.start() for m in re.finditer(re.escape(g["text"]), r["text"])]
            roles = {d.role for s in starts for d in found if d.mention.start <= s < d.mention.end}
            total += 1
            right += g["role"] in roles
            confusion[(g["role"], tuple(sorted(roles)))] += g["role"] not in roles
    assert right / total >= 0.90, confusion.most_common(5)


def test_required_contents_on_gold(gold):
    items = ("applicant", "acts_appealed", "arguments", "request", "signature", "attachments")
    right = dict.fromkeys(items, 0)
    for r in gold:
        res = _by_id(run_checks(r["text"]))
        for item in items:
            right[item] += res[f"contents.{item}"].value == r["required_contents"][item]
    assert all(right[i] / len(gold) >= 0.9 for i in items), right


HINTS = ("settlement_agreement", "mediation", "simplified_procedure", "below_mrp_threshold")


def _hints(text: str, lang: str) -> set[str]:
    from assistant.nlp.card import build_card
    return {c.id.split(".", 1)[1] for c in build_card(text, lang).checks
            if c.id.startswith("non_reviewable.") and c.status == "fail"}


def test_non_reviewable_hints_on_gold(gold):
    wrong = [(r["id"], h) for r in gold for h in HINTS
             if (h in _hints(r["text"], r["lang"])) != (h in r["non_reviewable_hints"])]
    assert len(wrong) <= 2, wrong


@pytest.mark.parametrize(("lang", "claim", "hint"), [
    ("ru", "Истец обратился в суд с иском о взыскании долга 1 500 000 тенге.", True),
    ("ru", "Истец обратился в суд с иском о восстановлении на работе и взыскании заработка 1 500 000 тенге.", False),
    ("ru", "Истец обратился в суд с иском о выселении, задолженность по коммунальным услугам 146 380 тенге.", False),
    ("ru", "Истец обратился в суд с иском о взыскании 1 500 000 тенге. Ответчик на грани банкротства.", True),
    ("ru", "Истец обратился в суд с иском о взыскании долга 95 000 000 тенге.", False),
    ("kk", "Мен жауапкерден 1 500 000 теңге берешекті өндіру туралы талап қойдым.", True),
    ("kk", "Мен сотқа жұмысқа қайта алу және 1 500 000 теңге жалақыны өндіру туралы талап қойдым.", False),
    ("kk", "Мен сотқа шекараны қалпына келтіру және 350 000 теңге шығынды өндіру туралы талап қойдым.", False),
])
def test_below_mrp_hint_only_for_property_claims(lang, claim, hint):
    text = (RU if lang == "ru" else KK).format(filed="20.10.2025").replace(
        "Считаю," if lang == "ru" else "Соттар", claim + (" Считаю," if lang == "ru" else " Соттар"))
    assert ("below_mrp_threshold" in _hints(text, lang)) is hint
