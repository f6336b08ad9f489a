"""The depersonalisation engine in Russian and Kazakh: what is masked, what is kept, how it is replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.privacy import anonymize
from assistant.privacy.engine import Depersonalizer, load_policy
from assistant.privacy.scoring import load_gold, score

GOLD = Path(__file__).resolve().parent.parent / "data" / "privacy" / "gold.jsonl"

RU = ("Кассационный суд по гражданским делам в составе председательствующего судьи Оспанова Б.М., судей "
      "Ким В.А. и Жакупова Е.Б. рассмотрел жалобу истца Оспановой Айжан Маратовны (ИИН 900101300007, "
      "тел. +7 701 234 56 78, e-mail aizhan.ospanova@mail.kz), проживающей по адресу: г. Алматы, ул. Абая, "
      "д. 12, кв. 5, к ТОО «Ахметов и К» (БИН 080140441208). Оспанова А.М. просит перечислить деньги на счёт "
      "KZ75914398C000018843. Справки: пресс-служба суда, тел. 8 (7172) 71-00-60, press.civil@sud.kz.")
KK = ("Азаматтық істер жөніндегі кассациялық сот төрағалық етуші Д.Е. Сәрсенбаев құрамында талап қоюшы "
      "Жұмабекова Айгүл Серікқызының (ЖСН 900101300007) жауапкер Серікбаев Нұрлан Асқарұлына алимент өндіру "
      "туралы талабын қарады. Талап қоюшы Астана қаласы, Сарыарқа ауданы, Жеңіс даңғылы, 15-үй, 42-пәтер "
      "мекенжайында тұрады. Жұмабекова 1985 жылғы 20 сәуірде туған. ҚР Неке және отбасы кодексінің 139-бабы.")


def test_russian_document():
    r = anonymize(RU)
    assert r.lang == "ru"
    for secret in ("Оспановой Айжан Маратовны", "900101300007", "+7 701 234 56 78", "aizhan.ospanova@mail.kz",
                   "ул. Абая, д. 12, кв. 5", "Оспанова А.М."):
        assert secret not in r.text, secret
    for kept in ("Оспанова Б.М.", "Ким В.А.", "Жакупова Е.Б.", "Кассационный суд по гражданским делам",
                 "ТОО «Ахметов и К»", "080140441208", "8 (7172) 71-00-60", "press.civil@sud.kz"):
        assert kept in r.text, kept
    assert "истца О." in r.text and "[ИИН]" in r.text and "[адрес]" in r.text
    # The account follows the person's name: it is hers, so it is masked.
    assert "KZ75914398C000018843" not in r.text and "[номер счёта]" in r.text


def test_kazakh_document():
    r = anonymize(KK)
    assert r.lang == "kk"
    for secret in ("Жұмабекова Айгүл Серікқызының", "900101300007", "Серікбаев Нұрлан Асқарұлына",
                   "Жеңіс даңғылы, 15-үй, 42-пәтер", "1985 жылғы 20 сәуірде", "Жұмабекова "):
        assert secret not in r.text, secret
    assert "Д.Е. Сәрсенбаев" in r.text and "кодексінің 139-бабы" in r.text
    assert "[ЖСН]" in r.text and "[мекенжай]" in r.text and "[туған күні]" in r.text


def test_same_person_same_replacement_within_a_document():
    r = anonymize(KK)
    persons = [s for s in r.spans if s.type == "PERSON"]
    by_initial = {s.replacement.split()[-1] for s in persons if s.original.startswith("Жұмабекова")}
    assert by_initial == {"Ж."}
    later = next(s for s in persons if s.original.strip() == "Жұмабекова")
    assert later.replacement == "талап қоюшы Ж."


def test_spans_point_into_the_original_and_hide_it_by_default():
    r = anonymize(RU)
    for s in r.spans:
        assert RU[s.start : s.end] == s.original
        assert s.recognizer and 0 < s.confidence <= 1
    data = r.to_json()
    assert all("original" not in s for s in data["spans"])
    assert all("original" in s for s in r.to_json(with_original=True)["spans"])


def test_odd_characters_in_names_and_companies():
    text = "Истец Ахметова Д.С. предъявила иск к ТОО «Алтын & Ко <филиал>» и к ‘Әділет’ ЖШС; ИИН 900101300007."
    r = anonymize(text, use_ner=False)
    assert "ТОО «Алтын & Ко <филиал>»" in r.text and "Ахметова" not in r.text and "[ИИН]" in r.text


def test_policy_parties_only_and_strict_categories():
    policy = dict(load_policy())
    policy["names"] = "parties_only"
    engine = Depersonalizer(policy, use_ner=False)
    text = "Истец Ахметова Д.С. и её представитель Сейтказиев М.Е. явились в суд."
    relaxed = engine.anonymize(text, category="LOAN").text
    assert "Сейтказиев М.Е." in relaxed and "Ахметова" not in relaxed
    strict = engine.anonymize(text, category="FAMILY").text
    assert "Сейтказиев" not in strict and "Ахметова" not in strict
    assert "Сейтказиев" not in engine.anonymize(text, category="LOAN", flags=["minors"]).text


@pytest.fixture(scope="module")
def gold_scores():
    docs = load_gold(GOLD)
    results = {d["id"]: anonymize(d["text"], lang=d["lang"], category=d["category"]) for d in docs}
    predict = lambda d: [(s.type, s.start, s.end) for s in results[d["id"]].spans]  # noqa: E731
    return {"all": score(docs, predict),
            **{lang: score([d for d in docs if d["lang"] == lang], predict) for lang in ("ru", "kk")}}


@pytest.mark.parametrize("kind", ["IIN", "PHONE", "EMAIL", "IBAN", "CARD"])
def test_gold_identifiers_recall_one_precision_099(gold_scores, kind):
    r = gold_scores["all"][kind]
    assert r["recall"] == 1.0 and r["precision"] >= 0.99, r


@pytest.mark.parametrize(("lang", "target"), [("ru", 0.95), ("kk", 0.90)])
def test_gold_person_recall(gold_scores, lang, target):
    assert gold_scores[lang]["PERSON"]["recall"] >= target, gold_scores[lang]["PERSON"]


@pytest.mark.parametrize("kept", ["JUDGE", "COURT", "PROSECUTOR_OFFICIAL", "STATE_BODY", "LAW", "ORG"])
def test_gold_never_masks_judges_courts_and_bodies(gold_scores, kept):
    assert gold_scores["all"]["_keep_masked"][kept]["masked"] == 0


def test_cli_jsonl_and_files(tmp_path, monkeypatch):
    from tests import factories as f

    monkeypatch.setenv("KENESSHI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("KENESSHI_OCR", "off")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": RU}, ensure_ascii=False) + "\n" +
                   json.dumps({"id": "b", "text": KK, "category": "FAMILY"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["anonymize", "--jsonl", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert "900101300007" not in out.read_text(encoding="utf-8")
    d = tmp_path / "docs"
    d.mkdir()
    f.write_docx(d / "a.docx", KK.split(". "))
    (d / "b.pdf").write_bytes(b"%PDF-1.4 broken")
    files = CliRunner().invoke(cli, ["anonymize", str(d), "--json"])
    assert files.exit_code == 3
    rows = [json.loads(x) for x in files.stdout.splitlines()]
    assert "[ЖСН]" in rows[0]["text"] and rows[1]["error"]["code"] == "corrupt_pdf"


@pytest.fixture(scope="module")
def heldout_scores():
    docs = load_gold(GOLD.with_name("heldout.jsonl"))
    results = {d["id"]: anonymize(d["text"], lang=d["lang"], category=d["category"]) for d in docs}
    predict = lambda d: [(s.type, s.start, s.end) for s in results[d["id"]].spans]  # noqa: E731
    return {"all": score(docs, predict),
            **{lang: score([d for d in docs if d["lang"] == lang], predict) for lang in ("ru", "kk")}}


@pytest.mark.parametrize("kind", ["IIN", "PHONE", "EMAIL", "IBAN", "CARD"])
def test_heldout_never_misses_a_personal_identifier(heldout_scores, kind):
    # Written after the engine by another writer: over-masking an office phone is tolerated, missing a
    # person's number is not.
    assert heldout_scores["all"][kind]["recall"] == 1.0


@pytest.mark.parametrize(("lang", "target"), [("ru", 0.93), ("kk", 0.90)])
def test_heldout_person_recall(heldout_scores, lang, target):
    assert heldout_scores[lang]["PERSON"]["recall"] >= target


@pytest.mark.parametrize("kept", ["JUDGE", "COURT", "PROSECUTOR_OFFICIAL", "LAW"])
def test_heldout_never_masks_judges_and_courts(heldout_scores, kept):
    assert heldout_scores["all"]["_keep_masked"][kept]["masked"] == 0


def test_keep_list_is_configurable():
    policy = dict(load_policy())
    text = "Судья Оспанов Б.М. рассмотрел иск ТОО «Ахметов и К» к Ахметовой Д.С."
    default = Depersonalizer(policy, use_ner=False).anonymize(text).text
    assert "Оспанов Б.М." in default and "«Ахметов и К»" in default and "Ахметовой" not in default
    policy["keep"] = ["COURT", "STATE_BODY", "LAW", "TOPONYM"]
    strict = Depersonalizer(policy, use_ner=False).anonymize(text).text
    assert "Оспанов" not in strict and "Ахметов и К" not in strict


def test_consultant_adds_and_removes_masks():
    from assistant.privacy.engine import MaskSpan, remask

    r = anonymize(RU)
    kept = [s for s in r.spans if s.type != "PHONE"]  # the consultant un-masks the phone
    start = RU.index("Бостандык") if "Бостандык" in RU else RU.index("ТОО")
    added = MaskSpan("ORG", start, start + 3, "", "", 1.0)  # and masks a word the engine left
    edited = remask(RU, [*kept, added], "ru")
    assert "+7 701 234 56 78" in edited.text and "[…]" in edited.text
    assert [s.recognizer for s in edited.spans if s.type == "ORG"] == ["consultant"]
    with pytest.raises(ValueError):
        remask(RU, [*kept, MaskSpan("PERSON", kept[0].start, kept[0].end, "", "", 1.0)], "ru")
