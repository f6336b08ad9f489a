"""assistant/views.py: what the pages show, tested without Streamlit."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from assistant import views
from assistant.i18n import catalog, t
from assistant.privacy.engine import MaskSpan
from assistant.registry.service import Registry

ROOT = Path(__file__).resolve().parents[2]


def _flatten(node: dict, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in node.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def test_every_literal_app_key_in_the_pages_exists_in_both_languages():
    sources = [ROOT / "app.py", ROOT / "assistant" / "views.py", *sorted((ROOT / "pages").rglob("*.py"))]
    used = set()
    for path in sources:
        used |= set(re.findall(r"""t\(\s*["'](app\.[\w.]*\w)["']""", path.read_text(encoding="utf-8")))
    assert len(used) > 150
    for lang in ("kk", "ru"):
        known = set(_flatten(catalog(lang)))
        assert not used - known, (lang, sorted(used - known))


def test_highlighted_html_escapes_every_piece_and_marks_spans():
    text = 'Истец <script>alert("x")</script> Ахметова & Co'
    start = text.index("Ахметова")
    out = views.highlighted_html(text, [views.Highlight(start, start + 8, "parties", 'title "quoted" <b>')])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp; Co" in out
    assert re.search(r'<mark class="kn-parties" title="title &quot;quoted&quot; &lt;b&gt;"[^>]*>Ахметова</mark>', out)


def test_highlighted_html_skips_overlaps_and_spans_outside_the_text():
    out = views.highlighted_html("abcdef", [views.Highlight(0, 4, "courts"), views.Highlight(2, 5, "parties"),
                                            views.Highlight(4, 99, "emails")])
    assert out.count("<mark") == 1 and ">abcd</mark>ef" in out


def test_card_highlights_carry_roles_in_the_interface_language():
    card = {"parties": [{"text": "Ахметова", "start": 0, "end": 8, "role": "applicant"}],
            "date_mentions": [{"text": "12.03.2025", "start": 10, "end": 20, "role": "appeal_ruling"}],
            "courts": [{"text": "суд", "start": 30, "end": 33, "value": "appeal"}]}
    kk = views.card_highlights(card, "kk")
    assert [h.kind for h in kk] == ["parties", "courts", "date_mentions"]
    assert "шағым беруші" in kk[0].title or "арыз беруші" in kk[0].title
    assert "апелляция" in views.card_highlights(card, "ru")[1].title


def test_checks_html_shows_status_evidence_and_basis_escaped():
    out = views.checks_html([{"status": "fail", "title": "Подпись <b>", "detail": "не найдено", "basis": "ст. 440",
                              "evidence": [{"text": "Прошу"}]}], "ru")
    assert "не соблюдено" in out and "Подпись &lt;b&gt;" in out and "«Прошу»" in out and "ст. 440" in out


def test_distribution_reason_and_excluded_judges():
    decision = {"judge": "j02", "reason": "least_open_load",
                "candidates": [{"judge": "j01", "open_load": 5}, {"judge": "j02", "open_load": 3}],
                "excluded": [{"judge": "j03", "why": "absent"}, {"judge": "j04", "why": "conflict"}]}
    assert views.distribution_reason(decision, "ru", "LOAN") == t_ru("registry.distribution.least_open_load", load=3)
    names = {"j03": "Сулейменова Д. К.", "j04": "Оспанов Б. М."}
    assert views.excluded_judges(decision, "kk", names) == [
        f"Сулейменова Д. К. — {t_kk('registry.distribution.why.absent')}",
        f"Оспанов Б. М. — {t_kk('registry.distribution.why.conflict')}"]
    nobody = views.distribution_reason({"reason": "no_specialist"}, "kk", "LOAN")
    assert "Қарыз" in nobody


def t_ru(key: str, **params: object) -> str:
    return t(key, "ru", **params)


def t_kk(key: str, **params: object) -> str:
    return t(key, "kk", **params)


def test_movement_goes_to_events_or_outcomes(tmp_path: Path):
    registry = Registry(f"sqlite:///{tmp_path / 'r.sqlite3'}")
    registry.init()
    from assistant.registry.reference import load_roster
    from assistant.registry.service import PetitionInput

    registry.upsert_judges(load_roster())
    day = dt.date(2026, 3, 2)
    reg = registry.register(PetitionInput(received_on=day, text="Кассационная жалоба о взыскании долга по займу",
                                          final_category="LOAN"))
    views.record_movement(registry, reg.reg_no, "case_file_requested", day, "test")
    assert registry.petition(reg.reg_no).status == "case_file_requested"
    views.record_movement(registry, reg.reg_no, "withdrawn", day, "test", "заявление об отзыве")
    p = registry.petition(reg.reg_no)
    assert (p.status, p.outcome) == ("withdrawn", "withdrawn")
    assert set(views.movement_kinds()) >= {"notice_sent", "archived", "returned"}


def test_iso_weeks_and_bounds():
    weeks = views.recent_iso_weeks(dt.date(2026, 1, 2), 3)
    assert weeks == ["2026-W01", "2025-W52", "2025-W51"]
    assert views.week_bounds("2026-W01") == (dt.date(2025, 12, 29), dt.date(2026, 1, 4))


def test_masks_added_and_removed_by_the_consultant():
    text = "Истец Ахметова, тел. +7 701 234 56 78. Ахметова просит."
    phone = text.index("+7")
    spans = [MaskSpan("PHONE", phone, phone + 16, "[телефон]", "rules", 1.0)]
    added = views.add_mask_spans(text, spans, "ахметова", "PERSON")
    assert [(s.start, s.recognizer) for s in added] == [(6, "consultant"), (text.rindex("Ахметова"), "consultant")]
    assert views.add_mask_spans(text, spans, "+7 701", "PHONE") == []  # already inside a mask
    every = sorted([*spans, *added], key=lambda s: s.start)
    edited = views.edited_masks(text, every, {1: False}, "ru")  # the phone stays
    assert "+7 701 234 56 78" in edited.text and "Ахметова" not in edited.text
    assert edited.text == "Истец А., тел. +7 701 234 56 78. А. просит."
    marks = views.masked_highlights(views.edited_masks(text, every, {}, "ru"), "ru")
    shown = views.edited_masks(text, every, {}, "ru").text
    assert [(shown[h.start:h.end], h.kind) for h in marks] == [("А.", "mask_added"), ("[телефон]", "mask"),
                                                               ("А.", "mask_added")]
    assert views.mask_types()[0] == "PERSON"


def test_template_choices_from_the_real_manifest_and_options():
    layer = views.documents_layer()
    if isinstance(layer, str):
        pytest.skip(f"documents layer not installed: {layer}")
    manifest = layer.load_manifest()
    choices = {c.id: c for c in views.template_choices(manifest, "kk")}
    assert "case_return_letter" in choices and not choices["case_return_letter"].for_reports
    assert choices["press_release"].for_reports
    fields = {f.name: f for f in choices["case_return_letter"].fields}
    assert fields["case_no"].required and fields["case_no"].label != "case_no"
    assert "upheld" in views.field_options(manifest, "outcome", "kk")
    assert views.field_options(manifest, "return_ground", "ru")


def test_parse_field_keeps_lists_as_json():
    assert views.parse_field('["А", "Б"]', ["А"], "list") == ["А", "Б"]
    assert views.parse_field("текст", "старый", "str") == "текст"
    with pytest.raises(ValueError):
        views.parse_field("[не json", ["А"], "list")


def test_metric_changes_and_corrections_file(tmp_path: Path):
    before = {"n_train": 10, "cv": {"macro_f1": 0.9, "per_lang": {"kk": {"macro_f1": 0.8}}}}
    after = {"n_train": 12, "cv": {"macro_f1": 0.92, "per_lang": {"kk": {"macro_f1": 0.85}}}}
    rows = {r["metric"]: r for r in views.metric_changes(before, after)}
    assert rows["n_train"]["change"] == 2 and rows["cv_macro_f1"]["change"] == 0.02
    assert rows["dev_macro_f1"]["change"] is None
    n = views.write_corrections([{"id": "1", "text": "т", "category": "LOAN", "at": dt.datetime(2026, 1, 1)}],
                                tmp_path / "c.jsonl")
    assert n == 1 and json.loads((tmp_path / "c.jsonl").read_text(encoding="utf-8"))["category"] == "LOAN"


def test_install_model_copies_files(tmp_path: Path):
    trained, shipped = tmp_path / "new", tmp_path / "shipped"
    trained.mkdir()
    (trained / "metrics.json").write_text("{}", encoding="utf-8")
    (trained / "model.skops").write_bytes(b"x")
    assert views.install_model(trained, shipped) == ["metrics.json", "model.skops"]
    assert (shipped / "model.skops").read_bytes() == b"x"


def test_non_working_days_and_deadline_rules():
    from assistant.calendar import default_calendar

    days = views.non_working_days(default_calendar(), dt.date(2026, 3, 20), 5, "kk")
    assert [d["date"] for d in days] == [dt.date(2026, 3, 21), dt.date(2026, 3, 22), dt.date(2026, 3, 23),
                                         dt.date(2026, 3, 24)]  # Наурыз, its observed days and the weekend
    assert any("Наурыз" in d["why"] for d in days)
    rules = {r["rule"]: r for r in views.deadline_rules("ru")}
    assert rules["cassation_consideration"]["length"] == 6 and "Закон" in rules["cassation_consideration"]["basis"]
    assert rules["case_file_request"]["used_by"]


def test_petition_links_keep_the_number_readable():
    link = views.petition_link("6002-26-00-2к/17", "kk")
    assert link == "petition?reg_no=6002-26-00-2к/17&lang=kk"
    assert re.search(views.PETITION_LINK_TEXT, link).group(1) == "6002-26-00-2к/17"
    assert "%26" in views.petition_link("a&b", "ru")


def test_table_html_wraps_escapes_and_marks_rows():
    out = views.table_html([{"Срок": "<b>x</b>", "До": dt.date(2026, 3, 2), "Соблюдён": None},
                            {"Срок": "y", "До": dt.date(2026, 3, 3), "Соблюдён": dt.date(2026, 3, 1)}],
                           ["overdue", "met"])
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "02.03.2026" in out and ">—<" in out
    assert views.ROW_STYLES["overdue"] in out and views.ROW_STYLES["met"] in out
    assert views.table_html([]) == ""


def test_event_details_name_the_judge_and_how(tmp_path: Path):
    from assistant.registry import models as m

    auto = m.Event(kind="assigned", note="rotation", data={"judge": "j01", "rule": "auto"})
    manual = m.Event(kind="reassigned", note="самоотвод", data={"judge": "j02", "rule": "manual"})
    names = {"j01": "Абдрахманов Е. С.", "j02": "Ким О. В."}
    assert views.event_detail(auto, "kk", names) == f"Абдрахманов Е. С. · {t_kk('app.petition.rules.auto')}"
    assert views.event_detail(manual, "ru", names) == f"Ким О. В. · {t_ru('app.petition.rules.manual')}: самоотвод"
    hearing = m.Event(kind="hearing_scheduled", note="", data={"when": "2026-03-02T10:00", "mode": "online",
                                                               "place": "https://vks"})
    assert views.event_detail(hearing, "ru", names) == "02.03.2026 10:00 · онлайн · https://vks"
