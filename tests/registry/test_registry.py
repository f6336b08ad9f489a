from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from assistant.categories import UNSURE
from assistant.registry import models as m
from assistant.registry.backup import BackupError, backup, dump_rows, restore
from assistant.registry.db import get_engine
from assistant.registry.service import PartyInput, PetitionInput, Registry, RegistryError, normalise_for_search

D = dt.date(2026, 11, 2)  # a Monday


def petition(n: int = 0, category: str | None = "HOUSING", **kw: object) -> PetitionInput:
    fields: dict = {"received_on": D, "text": f"Кассационная жалоба № {n} о выселении", "lang": "ru",
                    "source_sha256": f"{n:064x}", "suggestion": {"category": category or UNSURE, "confidence": 0.8}}
    fields.update(kw)
    return PetitionInput(**fields)


def test_migrations_match_the_models(registry: Registry) -> None:
    with get_engine(registry.url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)
    assert diff == []


def test_registration_numbers_follow_the_pattern_and_restart_each_year(registry: Registry) -> None:
    a = registry.register(petition(1))
    b = registry.register(petition(2))
    c = registry.register(petition(3, received_on=dt.date(2027, 1, 5)))
    protest = registry.register(petition(4, text="Протест Генерального Прокурора"))
    old = registry.register(petition(5, received_on=dt.date(2025, 3, 3)))
    assert (a.reg_no, b.reg_no, c.reg_no) == ("6002-26-00-2к/1", "6002-26-00-2к/2", "6002-27-00-2к/1")
    assert protest.reg_no == "6002-26-00-2к/3"
    assert registry.petition(protest.reg_no).kind == "protest"
    assert (registry.petition(old.reg_no).kind, registry.petition(old.reg_no).regime) == ("petition", "pre")
    assert old.reg_no == "6002-25-00-3гп/1"


def test_registering_the_same_file_twice_returns_the_first_registration(registry: Registry) -> None:
    first = registry.register(petition(7))
    again = registry.register(petition(7, text="другой текст"))
    assert again.reg_no == first.reg_no and first.created and not again.created
    assert registry.count() == 1


HOSTILE = ["ТОО «Рога & Копыта» <script>alert(1)</script>", 'ИП "Кавычки" \'одинарные\'',
           "Әбдірахманова Гүлнұр Серікқызы", "Zero\u200bWidth ✓ 🙂", "Ёлкин Фёдор"]


@pytest.mark.parametrize("name", HOSTILE)
def test_party_names_are_stored_exactly_and_found_ignoring_case(registry: Registry, name: str) -> None:
    reg = registry.register(petition(11, parties=[PartyInput(name, "applicant", "900101300123")]))
    stored = registry.petition(reg.reg_no).parties[0]
    assert stored.name == name
    assert [p.reg_no for p in registry.search(name.upper())] == [reg.reg_no]
    assert [p.reg_no for p in registry.search("900101300123")] == [reg.reg_no]


@pytest.mark.parametrize(("query", "hits"), [
    ("ӘБДІРАХМАНОВА", 1), ("әбдірахманова гүлнұр", 1), ("ЕЛКИН", 1), ("елкин фёдор", 1), ("100%", 0),
    ("рога_", 0), ("копыта", 1), ("", 3), ("2к/2", 1),
])
def test_search_ignores_case_in_cyrillic_and_kazakh_and_escapes_wildcards(registry: Registry, query: str,
                                                                          hits: int) -> None:
    registry.register(petition(1, parties=[PartyInput("Әбдірахманова Гүлнұр", "applicant")]))
    registry.register(petition(2, parties=[PartyInput("Ёлкин Фёдор", "defendant")]))
    registry.register(petition(3, parties=[PartyInput("ТОО «Рога и Копыта»", "plaintiff")]))
    assert len(registry.search(query)) == hits


def test_normalise_for_search() -> None:
    assert normalise_for_search("  ҚАЗАҚСТАН  Ёлка\n") == "қазақстан елка"


def test_distribution_least_load_then_rotation_with_inputs_kept(registry: Registry) -> None:
    regs = [registry.register(petition(n)) for n in range(1, 7)]  # HOUSING: j07, j08, j09
    assert [r.judge for r in regs] == ["j07", "j08", "j09", "j07", "j08", "j09"]
    assert regs[0].decision["reason"] == "rotation" and regs[1].decision["reason"] == "rotation"
    registry.record_outcome(regs[1].reg_no, "returned", D)  # j08 now has less open load
    nxt = registry.register(petition(8))
    assert (nxt.judge, nxt.decision["reason"]) == ("j08", "least_open_load")
    assignment = registry.petition(nxt.reg_no).assignments[-1]
    assert assignment.rule == "auto" and {c["judge"] for c in assignment.inputs["candidates"]} == {"j07", "j08", "j09"}


def test_absent_and_conflicted_judges_are_excluded_with_the_reason(registry: Registry) -> None:
    registry.add_absence("j07", D - dt.timedelta(days=3), D + dt.timedelta(days=10), "отпуск")
    reg = registry.register(petition(1, text="Жалоба. Дело рассматривала судья Исмаилова А.Т. в апелляции."))
    assert reg.judge == "j09"
    excluded = {e["judge"]: e["why"] for e in reg.decision["excluded"]}
    assert excluded == {"j07": "absent", "j08": "conflict"}
    explicit = registry.register(petition(2, conflicts=["j09"]))
    assert explicit.judge == "j08"


def test_nobody_available_leaves_it_unassigned_with_the_reason(registry: Registry) -> None:
    for code in ("j07", "j08", "j09"):
        registry.add_absence(code, D, D)
    reg = registry.register(petition(1))
    assert (reg.judge, reg.status, reg.decision["reason"]) == (None, "registered", "nobody_available")
    events = [e.kind for e in registry.petition(reg.reg_no).events]
    assert events == ["received", "not_distributed"]
    decision = registry.distribute(reg.reg_no, D + dt.timedelta(days=1))
    assert decision.judge == "j07"


def test_unsure_category_waits_for_the_consultant_and_becomes_a_correction(registry: Registry) -> None:
    reg = registry.register(petition(1, category=None))
    assert (reg.category, reg.judge, reg.status) == (None, None, "registered")
    with pytest.raises(RegistryError) as err:
        registry.distribute(reg.reg_no, D)
    assert err.value.code == "no_category"
    decision = registry.set_category(reg.reg_no, "LABOUR", by="consultant1", day=D)
    assert decision is not None and decision.judge == "j04"
    wrong = registry.register(petition(2, category="LOAN", final_category="FAMILY", by_whom="consultant2"))
    assert wrong.judge == "j10"
    rows = registry.corrections()
    assert [(r["category"], r["suggested"], r["by"]) for r in rows] == [
        ("LABOUR", UNSURE, "consultant1"), ("FAMILY", "LOAN", "consultant2")]
    assert registry.register(petition(3)).category == "HOUSING"
    assert len(registry.corrections()) == 2  # an accepted suggestion is not a correction


def test_manual_assignment_needs_a_reason(registry: Registry) -> None:
    reg = registry.register(petition(1))
    with pytest.raises(RegistryError) as err:
        registry.assign_manually(reg.reg_no, "j09", "  ", by="chair")
    assert err.value.message("kk") and err.value.message("ru")
    registry.assign_manually(reg.reg_no, "j09", "объединение с делом 6002-26-00-2к/5", by="chair", day=D)
    p = registry.petition(reg.reg_no)
    assert p.judge.code == "j09" and [a.active for a in p.assignments] == [False, True]
    assert p.assignments[-1].rule == "manual" and p.events[-1].kind == "reassigned"


def test_events_are_append_only_in_the_database(registry: Registry) -> None:
    registry.register(petition(1))
    engine = get_engine(registry.url)
    for statement in ("UPDATE events SET note = 'x'", "DELETE FROM events"):
        with pytest.raises(DBAPIError), engine.begin() as conn:
            conn.execute(text(statement))


def test_movement_deadlines_and_outcome(registry: Registry) -> None:
    reg = registry.register(petition(1))
    names = {d.name: d for d in registry.petition(reg.reg_no).deadlines}
    assert set(names) == {"consideration", "case_file_request"}
    # 2 Nov 2026 + 6 months = Sun 2 May 2027 → Mon 3 May is the day off for 1 May (Sat) → Tue 4 May
    assert names["consideration"].due == dt.date(2027, 5, 4) and names["consideration"].unit == "months"
    assert names["case_file_request"].due == dt.date(2026, 11, 9)
    assert [d["reg_no"] for d in registry.deadlines(overdue_on=dt.date(2026, 11, 10))] == [reg.reg_no]
    registry.record_event(reg.reg_no, "case_file_requested", dt.date(2026, 11, 10))
    assert registry.deadlines(overdue_on=dt.date(2026, 11, 11)) == []
    arrival = registry.deadlines(due_within=40, today=dt.date(2026, 11, 11))
    assert [(d["deadline"], d["due"]) for d in arrival] == [("case_file_arrival", dt.date(2026, 12, 10))]
    registry.record_event(reg.reg_no, "case_file_received", dt.date(2026, 11, 20))
    registry.schedule_hearing(reg.reg_no, dt.datetime(2026, 12, 3, 10, 0), "online", "https://vks.sud.kz/r/1",
                              on=dt.date(2026, 11, 23))
    registry.record_event(reg.reg_no, "heard", dt.date(2026, 12, 3))
    registry.record_outcome(reg.reg_no, "set_aside_remanded", dt.date(2026, 12, 8), summary="Кратко.")
    p = registry.petition(reg.reg_no)
    assert (p.status, p.outcome, p.hearings[0].status) == ("decided", "set_aside_remanded", "held")
    assert [e.kind for e in p.events] == ["received", "assigned", "case_file_requested", "case_file_received",
                                          "hearing_scheduled", "heard", "result"]
    met = {d.name: d.met_on for d in p.deadlines}
    assert met["consideration"] == dt.date(2026, 12, 8) and met["hearing_notice"] is None
    registry.record_event(reg.reg_no, "archived", dt.date(2026, 12, 20))
    with pytest.raises(RegistryError) as err:
        registry.record_event(reg.reg_no, "copies_sent", dt.date(2026, 12, 21))
    assert err.value.code == "petition_closed"
    cases = registry.considered_cases(dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert [(c["reg_no"], c["outcome"], c["summary"]) for c in cases] == [(reg.reg_no, "set_aside_remanded", "Кратко.")]


def test_backup_then_restore_gives_an_identical_registry(registry: Registry, fresh_url: str, tmp_path) -> None:
    from assistant.registry.demo import seed_demo

    seed_demo(registry, petitions=40, today=dt.date(2026, 11, 22))
    before = dump_rows(registry.url)
    counts = backup(registry.url, tmp_path / "registry.kbk")
    assert counts["petitions"] == 40
    restore(fresh_url, tmp_path / "registry.kbk")
    assert dump_rows(fresh_url) == before
    again = Registry(fresh_url).register(petition(99))  # sequences continue after the restored ids
    numbers_2026 = [int(p["reg_no"].rsplit("/", 1)[1]) for p in before["petitions"] if "-26-" in p["reg_no"]]
    assert again.created and again.petition_id == 41 and again.reg_no.endswith(f"/{max(numbers_2026) + 1}")
    with pytest.raises(BackupError) as err:
        restore(fresh_url, tmp_path / "registry.kbk")
    assert err.value.code == "registry_not_empty"
    (tmp_path / "junk.kbk").write_bytes(b"not gzip")
    with pytest.raises(BackupError):
        restore(fresh_url, tmp_path / "junk.kbk")


def test_generated_documents_are_recorded_in_the_file_and_the_log(registry: Registry) -> None:
    reg = registry.register(petition(1))
    registry.record_document(reg.reg_no, "case_file_request", "kk", "request.docx", "ab" * 32, by="aliya", on=D)
    registry.record_document(None, "press_release", "ru", "press.docx", "cd" * 32)
    p = registry.petition(reg.reg_no)
    assert [(d.template_id, d.lang, d.by_whom) for d in p.documents] == [("case_file_request", "kk", "aliya")]
    assert p.events[-1].kind == "document" and p.status == "assigned"  # a document does not move the petition


def test_intake_takes_the_lower_court_never_the_addressee() -> None:
    from assistant.intake import petition_input
    from assistant.nlp.card import build_card

    text = ("В Кассационный суд по гражданским делам\nЗаявитель: Ахметова Динара Сериковна\n"
            "на решение Медеуского районного суда г. Алматы от 14 февраля 2025 года")
    data = petition_input(text, "ru", card=build_card(text, "ru"), received_on=D)
    assert "Кассационный" not in data.lower_court and data.region_code == "75"
