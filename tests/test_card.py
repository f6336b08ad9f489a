"""The petition card in Russian and Kazakh, the `kenesshi card` command, and the gold-set figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.nlp.card import build_card, court_level, court_region, to_markdown
from tests import factories as f

GOLD = Path(__file__).resolve().parent / "data" / "card" / "gold.jsonl"

RU = """В Кассационный суд по гражданским делам
Заявитель (истец): Ахметова Динара Сериковна, ИИН 900101300007, тел. +7 701 234 56 78
Ответчик: ТОО «Береке Строй», БИН 080140441208
КАССАЦИОННАЯ ЖАЛОБА
на решение Медеуского районного суда г. Алматы от 14 февраля 2025 года по делу № 7517-25-00-2/1234 и
постановление судебной коллегии по гражданским делам Алматинского городского суда от 12 марта 2025 года
по делу № 7599-25-00-2а/567. Иск о взыскании 5 000 000 тенге отклонён. Считаю, что суды нарушили закон.
Прошу отменить постановление. Приложение: копия постановления.
Ахметова Д.С. (подпись)
10.09.2025"""

KK = """Азаматтық істер жөніндегі кассациялық сотқа
Шағым беруші (талап қоюшы): Жұмабеков Ерлан Нұрланұлы, ЖСН 900101300007
Жауапкер: «Алтын Дән» ЖШС
КАССАЦИЯЛЫҚ ШАҒЫМ
Қарағанды облыстық сотының 2025 жылғы 16 маусымдағы қаулысына (іс № 3599-25-00-2а/1489). Талап сомасы
12 800 000 теңге. Сот заңды дұрыс қолданбады. Қаулының күшін жоюды сұраймын.
Қосымша: көшірмелер. Қолы: Жұмабеков Е.Н.
2025 жылғы 1 қазан"""


def test_russian_card():
    card = build_card(RU)
    assert card.lang == "ru"
    roles = {p.text: p.role for p in card.parties}
    assert roles["Ахметова Динара Сериковна"] in {"applicant", "plaintiff"}
    assert roles["ТОО «Береке Строй»"] == "defendant"
    assert [c.value for c in card.case_numbers] == ["7517-25-00-2/1234", "7599-25-00-2а/567"]
    assert card.dates_by_role() == {"first_instance_decision": "2025-02-14", "appeal_ruling": "2025-03-12",
                                    "filing": "2025-09-10"}
    assert {i.extra["type"] for i in card.iin_bin} == {"IIN", "ORG_BIN"}
    assert [a.value for a in card.amounts] == [5_000_000.0]
    checks = {c.id: c.status for c in card.checks}
    assert checks["deadline"] == "pass"
    for found in (*card.parties, *card.case_numbers, *card.dates):
        assert RU[found.start : found.end] == found.text
    md = to_markdown(card, "ru")
    assert "Карточка жалобы" in md and "ответчик" in md


def test_kazakh_card():
    card = build_card(KK)
    assert card.lang == "kk"
    roles = {p.text: p.role for p in card.parties}
    assert roles["Жұмабеков Ерлан Нұрланұлы"] in {"applicant", "plaintiff"}
    assert roles["«Алтын Дән» ЖШС"] == "defendant"
    assert card.case_numbers[0].extra["region_ru"] == "Карагандинская область"
    assert card.dates_by_role()["appeal_ruling"] == "2025-06-16"
    assert {c.id: c.status for c in card.checks}["deadline"] == "pass"
    assert "Шағымның карточкасы" in to_markdown(card, "kk")


@pytest.mark.parametrize(("name", "level", "region"), [
    ("Медеуского районного суда г. Алматы", "first", "75"),
    ("Карагандинского областного суда", "appeal", "35"),
    ("Қарағанды облыстық сотының", "appeal", "35"),
    ("Кассационный суд по гражданским делам", "cassation", None),
    ("Верховного Суда Республики Казахстан", "supreme", None),
    ("Есіл аудандық соты", "first", None),
])
def test_court_level_and_region(name, level, region):
    assert court_level(name) == level
    assert court_region(name) == region


def test_card_command(tmp_path, monkeypatch):
    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_OCR", "off")
    d = tmp_path / "in"
    d.mkdir()
    f.write_docx(d / "ru.docx", RU.split("\n"))
    (d / "kk.txt").write_text(KK, encoding="utf-8")
    (d / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(cli, ["card", str(d), "--json"])
    assert result.exit_code == 3, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["bad.pdf", "kk.txt", "ru.docx"]
    assert rows[0]["error"]["code"] == "corrupt_pdf"
    assert rows[1]["lang"] == "kk" and rows[1]["dates"]["appeal_ruling"] == "2025-06-16"
    assert rows[2]["category"]["category"] in {"CONTRACT", "LOAN", "UNSURE", "CONSUMER"}
    assert {"parties", "courts", "case_numbers", "dates", "amounts_kzt", "iin_bin", "phones", "emails",
            "checks"} <= set(rows[2])
    md = CliRunner().invoke(cli, ["card", str(d / "kk.txt"), "--lang", "kk"])
    assert md.exit_code == 0 and "Шағымның карточкасы" in md.stdout


def test_gold_card_fields():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = cases = found_ids = found_cases = 0
    for r in rows:
        card = build_card(r["text"], r["lang"])
        got = {x.text for x in card.iin_bin}
        assert not (got - set(r["iin_bin"]) - set(r.get("not_iin", []))), r["id"]  # precision 1.0
        assert not (got & set(r.get("not_iin", []))), r["id"]
        ids += len(r["iin_bin"])
        found_ids += len(set(r["iin_bin"]) & got)
        cases += len(r["case_numbers"])
        found_cases += len({c.text for c in card.case_numbers} & set(r["case_numbers"]))
    assert found_ids / ids >= 0.99 and found_cases / cases >= 0.98


@pytest.mark.parametrize(("mention", "court_id"), [
    ("Карагандинского областного суда", "appeal_35"),
    ("Қарағанды облыстық сотының", "appeal_35"),
    ("Алматинским городским судом", "appeal_75"),
    ("суда города Астаны", "appeal_71"),
    ("Азаматтық істер жөніндегі кассациялық сотқа", "cassation_civil"),
    ("Кассационный суд по гражданским делам", "cassation_civil"),
    ("Верховного Суда Республики Казахстан", "supreme"),
    ("Специализированного межрайонного экономического суда г. Алматы", "economic_75"),
    ("Шымкент қалалық сотының", "appeal_52"),
    ("Медеуского районного суда г. Алматы", "almaty_medeu"),
])
def test_court_records_from_inflected_mentions(mention, court_id):
    from assistant.nlp.courts import match_court

    court, _ = match_court(mention)
    assert (court.id if court else None) == court_id


def _parties(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(p.text, p.role, p.extra["kind"]) for p in build_card(text, lang).parties]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a place does not swallow the name that follows it
    ("ru", "Помощник прокурора г. Экибастуза Нургалиева А.К. дала заключение.",
     ("Нургалиева А.К.", "prosecutor", "person")),
    ("ru", "– частный судебный исполнитель г. Астаны Сейтказин Нурлан Бекбулатович;",
     ("Сейтказин Нурлан Бекбулатович", None, "person")),
    # a signature line: the office, a run of spaces, the name
    ("kk", "Бас Прокурордың орынбасары                         Ә. Мұхамедиев\n(қолы)",
     ("Ә. Мұхамедиев", "prosecutor", "person")),
    # names in straight or curly quotes are organisations, with &
    ("ru", 'Ответчик: ТОО "Art & Sound Studio", БИН 150940812630.', ('ТОО "Art & Sound Studio"', "defendant",
                                                                   "organisation")),
    ("kk", "Жауапкер: “Шұғыла & К” ЖШС, БСН 150940812630.", ("“Шұғыла & К” ЖШС", "defendant", "organisation")),
    # creditors and interested persons are third parties
    ("ru", "Кредиторы: АО «Береке Финанс Банк», г. Петропавловск.", ("АО «Береке Финанс Банк»", "third_party",
                                                                   "organisation")),
    ("kk", "Мүдделі тұлға: Серікбаев Нұржан Болатұлы.", ("Серікбаев Нұржан Болатұлы", "third_party", "person")),
])
def test_party_edge_cases(lang, text, expected):
    assert expected in _parties(text, lang)


def test_memoised_lemmatizer_gives_spacys_lemmas():
    import spacy

    from assistant.nlp.pipeline import pipeline

    text = "Истцы обратились в суд с исками, суды отказали истцам, истцы обжаловали решения судов."
    plain = spacy.blank("ru")
    plain.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    plain.initialize()
    ours = pipeline("ru")
    assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in plain(text)]
    assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in plain(text)]  # from the memo the second time
