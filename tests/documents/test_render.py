"""Rendering: every template in kk and ru with realistic and hostile values, golden sentences, errors,
the sandbox, atomic writes."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

import assistant.documents.render as render_module
from assistant.documents import DocumentError, TemplateDataError, load_manifest
from assistant.documents.render import Job, render, render_many
from tests.documents.conftest import docx_text
from tests.documents.samples import HOSTILE, TODAY

TEMPLATES = list(load_manifest().templates)
CASES = [(tid, lang) for tid in TEMPLATES for lang in ("kk", "ru")]
TAGS = ("{{", "{%", "{#", "}}", "%}")


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_realistic_values_render_and_reopen(template_id, lang, sample, doc_settings, tmp_path):
    out = render(template_id, lang, sample(template_id, lang), tmp_path / "doc.docx", settings=doc_settings,
                 today=TODAY)
    assert out == tmp_path / "doc.docx"
    text = "\n".join(docx_text(out))
    assert not any(tag in text for tag in TAGS)
    assert "None" not in text
    assert Document(str(out)).core_properties.title == load_manifest().template(template_id).title_in(lang)
    assert [p.name for p in tmp_path.iterdir()] == ["doc.docx"]  # no temporary file left behind


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_hostile_values_render_into_a_valid_document(template_id, lang, sample, doc_settings, tmp_path):
    out = render(template_id, lang, sample(template_id, lang, hostile=True), tmp_path / "doc.docx",
                 settings=doc_settings, today=TODAY)
    text = "\n".join(docx_text(out))  # python-docx parses it again: the XML is well-formed
    # markup, quotes and «» are text, not XML; template-looking text stayed text, broken by an invisible space
    assert '<script>alert("x")</script>' in text and "«Рога & Копыта»" in text
    assert "{\u200b{ 7*7 }}" in text and "{{ 7*7 }}" not in text and "{% if 1 %}" not in text
    assert "ә ғ қ ң ө ұ ү һ і\u200b" in text and "🙂" in text
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "\x01" not in xml and "\x0b" not in xml


@pytest.mark.parametrize(("template_id", "lang"), [("return_complaint", "ru"), ("hearing_notice", "kk"),
                                                   ("judge_memo", "ru")])
def test_hostile_text_is_kept_exactly_apart_from_unsafe_characters(template_id, lang, sample, doc_settings, tmp_path):
    data = sample(template_id, lang)
    data["case_no" if "case_no" in data else "reg_no"] = HOSTILE
    out = render(template_id, lang, data, tmp_path / "doc.docx", settings=doc_settings, today=TODAY)
    text = "\n".join(docx_text(out))
    expected = (HOSTILE.replace("\x01", "").replace("\x0b", "").replace("{{", "{\u200b{").replace("{%", "{\u200b%")
                .replace("{_", "{\u200b_"))
    assert expected.strip() in text


# --- golden sentences ------------------------------------------------------------------------------------------

ACTS_RU = ("решение Медеуского районного суда г. Алматы от 12 ноября 2024 года и постановление Судебной коллегии "
           "по гражданским делам Алматинского городского суда от 20 января 2025 года")
ACTS_KK_DAT = ("Алматы қаласы Медеу аудандық сотының 2024 жылғы 12 қарашадағы шешіміне және Алматы қалалық "
               "сотының азаматтық істер жөніндегі сот алқасының 2025 жылғы 20 қаңтардағы қаулысына")
GOLDEN = {
    ("return_complaint", "ru"): [
        "О возврате кассационной жалобы",
        f"Возвращаем Вашу кассационную жалобу (вх. № 2к-5678/25 от 28 августа 2025 года) на {ACTS_RU} по "
        "гражданскому делу № 7517-24-00-2/6609.",
        "Основание возврата: истечение шестимесячного срока обжалования при отсутствии ходатайства о его "
        "восстановлении (часть 1 статьи 436 Гражданского процессуального кодекса Республики Казахстан).",
        "Приложение: кассационная жалоба на 7 л.",
        "Ахметову Нұрлану Серікұлы",
        "15.09.2025 № 2к-1234/25",
        "А.Б. Сейткали",
        "Исп.: Иванова М.П., тел. 8 (7172) 55-12-34",
    ],
    ("return_complaint", "kk"): [
        "Кассациялық шағымды қайтару туралы",
        f"Сіздің 2025 жылғы 28 тамызда түскен (кіріс № 2к-5678/25) № 7517-24-00-2/6609 азаматтық іс бойынша "
        f"{ACTS_KK_DAT} берілген кассациялық шағымыңыз қайтарылады.",
        "Қайтару негізі: алты айлық шағымдану мерзімінің өтуі және оны қалпына келтіру туралы өтінішхаттың "
        "болмауы (Қазақстан Республикасы Азаматтық процестік кодексінің 436-бабының 1-бөлігі).",
        "Қосымша: кассациялық шағым, 7 парақ.",
        "Ахметов Нұрлан Серікұлына",
        "Орынд.: Иванова М.П., тел. 8 (7172) 55-12-34",
    ],
    ("case_file_request", "ru"): [
        "Об истребовании гражданского дела",
        f"В связи с поступлением кассационной жалобы (вх. № 2к-5678/25 от 28 августа 2025 года) на {ACTS_RU} "
        "прошу направить в наш адрес гражданское дело № 7517-24-00-2/6609 в срок до 1 октября 2025 года.",
        "Стороны по делу: истец — Ахметов Нұрлан Серікұлы; ответчик — ТОО «Алатау Құрылыс».",
        "Медеуский районный суд г. Алматы",
    ],
    ("case_file_request", "kk"): [
        "Азаматтық істі талап ету туралы",
        f"{ACTS_KK_DAT} берілген кассациялық шағымның (2025 жылғы 28 тамыздағы кіріс № 2к-5678/25) түсуіне "
        "байланысты № 7517-24-00-2/6609 азаматтық істі 2025 жылғы 1 қазанға дейін біздің мекенжайымызға "
        "жіберуіңізді сұраймын.",
        "Іс бойынша тараптар: талап қоюшы — Ахметов Нұрлан Серікұлы; жауапкер — ТОО «Алатау Құрылыс».",
        "Алматы қаласы Медеу аудандық сотына",
    ],
    ("hearing_notice", "ru"): [
        "СУДЕБНОЕ ИЗВЕЩЕНИЕ",
        "Кассационный суд по гражданским делам извещает Вас о том, что гражданское дело № 7517-24-00-2/6609 по "
        f"кассационной жалобе Ахметова Нұрлана Серікұлы на {ACTS_RU} будет рассмотрено в судебном заседании.",
        "Дата и время судебного заседания: 8 октября 2025 года, 10 часов 30 минут.",
        "Судебное заседание проводится в режиме видеоконференцсвязи (TrueConf). Ссылка для подключения: "
        "https://vks.sud.kz/c/12345?a=1&b=2; идентификатор конференции: 123 456 789; код доступа: 7788.",
        "Петровой Анне Сергеевне",
    ],
    ("hearing_notice", "kk"): [
        "СОТТЫҢ ХАБАРЛАМАСЫ",
        f"Азаматтық істер жөніндегі кассациялық сот № 7517-24-00-2/6609 азаматтық іс {ACTS_KK_DAT} берілген "
        "кассациялық шағым бойынша (шағым беруші — Ахметов Нұрлан Серікұлы) сот отырысында қаралатынын Сізге "
        "хабарлайды.",
        "Сот отырысының күні мен уақыты: 2025 жылғы 8 қазан, сағат 10:30.",
        "Петрова Анна Сергеевнаға",
    ],
    ("ruling_cover_letter", "ru"): [
        "Направляем копию постановления Кассационного суда по гражданским делам от 10 сентября 2025 года по "
        "гражданскому делу № 7517-24-00-2/6609 для сведения.",
        "Приложение: копия постановления на 6 л.",
        "Ахметову Нұрлану Серікұлы",
        "Петровой Анне Сергеевне",
    ],
    ("ruling_cover_letter", "kk"): [
        "Азаматтық істер жөніндегі кассациялық соттың № 7517-24-00-2/6609 азаматтық іс бойынша 2025 жылғы "
        "10 қыркүйектегі қаулысының көшірмесі мәлімет үшін жіберіледі.",
        "Қосымша: қаулының көшірмесі, 6 парақ.",
    ],
    ("case_return_letter", "ru"): [
        "Возвращаем гражданское дело № 7517-24-00-2/6609 в 2 томах, поступившее для рассмотрения в кассационном "
        "порядке.",
        "По результатам кассационного рассмотрения 10 сентября 2025 года вынесено постановление: судебные акты "
        "оставлены без изменения.",
    ],
    ("case_return_letter", "kk"): [
        "Кассациялық тәртіппен қарау үшін түскен 2 томнан тұратын № 7517-24-00-2/6609 азаматтық іс қайтарылады.",
        "Кассациялық қарау нәтижесі бойынша 2025 жылғы 10 қыркүйекте қаулы шығарылды (өзгеріссіз қалдырылды).",
    ],
    ("judge_memo", "ru"): [
        "по кассационной жалобе (вх. № 2к-5678/25 от 28 августа 2025 года)",
        "Сейткали Асхату Болатұлы",
        "1 250 000 (один миллион двести пятьдесят тысяч) тенге",
        "нарушено",
        "Возвратить жалобу (ходатайство): отсутствие документа, подтверждающего полномочия представителя "
        "(часть 3 статьи 408 Гражданского процессуального кодекса Республики Казахстан (по аналогии)).",
        "1. № 2к-0456/25, 3 июня 2025 года — оставлены без изменения: подряд",
    ],
    ("judge_memo", "kk"): [
        "2025 жылғы 28 тамыздағы кіріс № 2к-5678/25 кассациялық шағым бойынша",
        "Сейткали Асхат Болатұлына",
        "1 250 000 (бір миллион екі жүз елу мың) теңге",
        "бұзылған",
        "1. № 2к-0456/25, 2025 жылғы 3 маусым — өзгеріссіз қалдырылды: мердігерлік",
    ],
    ("press_release", "ru"): [
        "С 8 по 12 сентября 2025 года Кассационный суд по гражданским делам рассмотрел 12 гражданских дел.",
        "Персональные данные участников дел обезличены.",
        "Пресс-служба: тел. 8 (7172) 71-00-00, e-mail: kassac@sud.kz",
    ],
    ("press_release", "kk"): [
        "2025 жылғы 8–12 қыркүйек аралығында Азаматтық істер жөніндегі кассациялық сот 12 азаматтық істі қарады.",
        "Іске қатысушылардың дербес деректері иесіздендірілген.",
    ],
    ("practice_review", "ru"): [
        "по гражданским делам за I полугодие 2025 года",
        "За I полугодие 2025 года Кассационный суд по гражданским делам рассмотрел 30 дел; обжалованные судебные "
        "акты отменены или изменены по 15 делам (50,0 %).",
        "1) Неправильное исчисление срока исковой давности.",
    ],
    ("practice_review", "kk"): [
        "2025 жылғы бірінші жартыжылдықтағы азаматтық істер бойынша",
        "2025 жылғы бірінші жартыжылдықта Азаматтық істер жөніндегі кассациялық сот 30 істі қарады; 15 іс бойынша "
        "шағымданған сот актілерінің күші жойылды немесе өзгертілді (50,0 %).",
    ],
    ("statistics_report", "ru"): [
        "о рассмотрении гражданских дел в кассационном порядке за II квартал 2025 года",
        "Окончено дел за период: 30.",
        "В пределах 6 месяцев",
    ],
    ("statistics_report", "kk"): [
        "2025 жылғы II тоқсандағы азаматтық істерді кассациялық тәртіппен қарау туралы",
        "Кезеңде аяқталған істер: 30.",
    ],
}


@pytest.mark.parametrize(("template_id", "lang"), list(GOLDEN))
def test_golden_sentences(template_id, lang, sample, doc_settings, tmp_path):
    out = render(template_id, lang, sample(template_id, lang), tmp_path / "doc.docx", settings=doc_settings,
                 today=TODAY)
    paragraphs = docx_text(out)
    for sentence in GOLDEN[template_id, lang]:
        assert sentence in paragraphs, f"{sentence!r} not among {paragraphs}"


def test_the_old_regime_speaks_of_a_petition(sample, doc_settings, tmp_path):
    data = sample("return_complaint", "ru") | {"filed_on": dt.date(2025, 3, 3)}
    paragraphs = docx_text(render("return_complaint", "ru", data, tmp_path / "a.docx", settings=doc_settings))
    assert "О возврате кассационного ходатайства" in paragraphs
    assert any(p.startswith("Возвращаем Ваше кассационное ходатайство (вх. № 2к-5678/25 от 3 марта 2025 года)")
               for p in paragraphs)
    data = sample("return_complaint", "kk") | {"regime": "pre"}
    paragraphs = docx_text(render("return_complaint", "kk", data, tmp_path / "b.docx", settings=doc_settings))
    assert "Кассациялық өтінішхатты қайтару туралы" in paragraphs


def test_offline_hearing_names_the_hall(sample, doc_settings, tmp_path):
    data = sample("hearing_notice", "ru") | {"online": False, "video_link": None, "hall": "4"}
    paragraphs = docx_text(render("hearing_notice", "ru", data, tmp_path / "n.docx", settings=doc_settings))
    assert "Место проведения: 010000, Астана, зал судебных заседаний № 4." in paragraphs
    assert not any("видеоконференц" in p for p in paragraphs)


def test_richtext_paragraphs_and_line_breaks(sample, doc_settings, tmp_path):
    data = sample("return_complaint", "ru") | {"ground_details": "Первый абзац.\nВторая строка.\n\nВторой абзац."}
    out = render("return_complaint", "ru", data, tmp_path / "r.docx", settings=doc_settings)
    paragraphs = docx_text(out)
    assert "Первый абзац.\nВторая строка." in paragraphs
    assert "Второй абзац." in paragraphs


def test_empty_similar_cases_say_so(sample, doc_settings, tmp_path):
    data = sample("judge_memo", "kk") | {"similar_cases": []}
    assert "Ұқсас істер табылған жоқ." in docx_text(render("judge_memo", "kk", data, tmp_path / "m.docx",
                                                           settings=doc_settings))


def test_review_has_three_charts(sample, doc_settings, tmp_path):
    out = render("practice_review", "kk", sample("practice_review", "kk"), tmp_path / "r.docx", settings=doc_settings)
    assert len(Document(str(out)).inline_shapes) == 3


# --- errors ----------------------------------------------------------------------------------------------------

def test_missing_fields_are_all_listed_and_nothing_is_written(doc_settings, tmp_path):
    out = tmp_path / "x.docx"
    with pytest.raises(TemplateDataError) as info:
        render("hearing_notice", "kk", {"online": True}, out, settings=doc_settings)
    err = info.value
    assert err.code == "missing_fields"
    assert err.missing == ["out_no", "judge", "consultant", "case_no", "acts", "addressee", "filer", "hearing_date",
                           "hearing_time", "video_link"]
    for lang in ("kk", "ru"):
        message = err.message(lang)
        assert all(name in message for name in err.missing)
    assert "Отырыс күні" in err.message("kk") and "Дата заседания" in err.message("ru")
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("template_id", "lang"), CASES)
def test_empty_data_lists_every_required_field(template_id, lang, doc_settings, tmp_path):
    spec = load_manifest().template(template_id)
    with pytest.raises(TemplateDataError) as info:
        render(template_id, lang, {}, tmp_path / "x.docx", settings=doc_settings)
    assert info.value.missing == spec.required


def test_invalid_values_are_listed_with_reasons(sample, doc_settings, tmp_path):
    data = sample("return_complaint", "ru") | {"filed_on": "2025-13-45", "ground": "no_such_ground",
                                                "complaint_pages": "семь", "out_no": None}
    with pytest.raises(TemplateDataError) as info:
        render("return_complaint", "ru", data, tmp_path / "x.docx", settings=doc_settings)
    err = info.value
    assert err.missing == ["out_no"]
    assert err.invalid == {"filed_on": "not_date", "ground": "unknown_choice", "complaint_pages": "not_int"}
    assert "не дата" in err.message("ru") and "күн емес" in err.message("kk")
    assert err.to_dict("kk")["missing"] == ["out_no"]


def test_an_action_of_the_other_regime_is_refused(sample, doc_settings, tmp_path):
    data = sample("judge_memo", "ru") | {"proposed_action": "preliminary"}
    with pytest.raises(TemplateDataError) as info:
        render("judge_memo", "ru", data, tmp_path / "x.docx", settings=doc_settings)
    assert info.value.invalid == {"proposed_action": "wrong_regime"}


def test_bad_list_items_are_located(sample, doc_settings, tmp_path):
    data = sample("case_file_request", "ru")
    data["acts"] = [data["acts"][0], {"kind": "verdict", "court": "X", "date": "вчера"}]
    with pytest.raises(TemplateDataError) as info:
        render("case_file_request", "ru", data, tmp_path / "x.docx", settings=doc_settings)
    assert info.value.invalid == {"acts[1]": "unknown_choice"}


def test_unknown_template_and_language(doc_settings, tmp_path):
    with pytest.raises(DocumentError) as info:
        render("no_such", "ru", {}, tmp_path / "x.docx", settings=doc_settings)
    assert info.value.code == "unknown_template" and "return_complaint" in info.value.message("kk")
    with pytest.raises(DocumentError) as info:
        render("return_complaint", "en", {}, tmp_path / "x.docx", settings=doc_settings)
    assert info.value.code == "unknown_lang"


def test_a_failed_render_keeps_the_previous_file(sample, doc_settings, tmp_path, monkeypatch):
    out = tmp_path / "doc.docx"
    out.write_bytes(b"previous version")

    def broken_save(self, path, *a, **k):
        Path(path).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(render_module.DocxTemplate, "save", broken_save)
    with pytest.raises(OSError):
        render("return_complaint", "ru", sample("return_complaint", "ru"), out, settings=doc_settings)
    assert out.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.docx"]


def test_without_libreoffice_pdf_falls_back_to_docx(sample, doc_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(render_module, "libreoffice_binary", lambda: None)
    out = render("return_complaint", "ru", sample("return_complaint", "ru"), tmp_path / "doc.pdf", pdf=True,
                 settings=doc_settings)
    assert out == tmp_path / "doc.docx" and out.is_file()


def test_batch_without_pdf(sample, doc_settings, tmp_path):
    jobs = [Job("case_return_letter", lang, sample("case_return_letter", lang), tmp_path / f"r_{lang}.docx")
            for lang in ("kk", "ru")]
    assert render_many(jobs, settings=doc_settings) == [tmp_path / "r_kk.docx", tmp_path / "r_ru.docx"]


# --- the sandbox and broken templates ---------------------------------------------------------------------------

def _probe(tmp_path: Path, text: str, fields: dict | None = None) -> Path:
    """A templates directory with one template `probe` whose body is `text`."""
    base = tmp_path / "templates"
    manifest = yaml.safe_load((load_manifest().directory / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["templates"] = {"probe": {"title": {"kk": "Сынақ", "ru": "Проба"}, "regime": "both",
                                       "fields": fields or {"name": {"type": "str", "label": {"kk": "А", "ru": "И"}}}}}
    base.mkdir()
    (base / "manifest.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    for lang in ("kk", "ru"):
        doc = Document()
        doc.add_paragraph(text)
        (base / lang).mkdir()
        doc.save(base / lang / "probe.docx")
    return base


@pytest.mark.parametrize("text", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ court.__class__.__init__.__globals__ }}",
    "{{ name.__class__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ today.value.__class__.__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
])
def test_sandbox_refuses_python_internals(text, doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, text)))
    out = tmp_path / "out.docx"
    try:
        render("probe", "ru", {"name": "x"}, out, settings=settings)
    except DocumentError as exc:
        assert exc.code in ("template_unsafe", "template_undefined", "template_failed")
        assert exc.message("kk") and exc.message("ru")
        assert not out.exists()
        return
    # rendered: then nothing from Python's insides reached the document
    text_out = "\n".join(docx_text(out))
    assert "class" not in text_out and "module" not in text_out and "function" not in text_out


@pytest.mark.parametrize("text", ["{{ 1/0 }}", "{{ range(10**9)|list|length }}", "{{ name|plural(1, 2) }}",
                                  "{{ acts[5] }}"])
def test_a_failing_expression_is_a_clear_error(text, doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, text)))
    with pytest.raises(DocumentError) as info:
        render("probe", "ru", {"name": "x"}, tmp_path / "out.docx", settings=settings)
    assert info.value.code in ("template_failed", "template_undefined")
    assert not (tmp_path / "out.docx").exists()


def test_a_broken_tag_is_a_clear_error(doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, "{{ name }")))
    with pytest.raises(DocumentError) as info:
        render("probe", "kk", {"name": "x"}, tmp_path / "out.docx", settings=settings)
    assert info.value.code == "template_syntax"


def test_an_unknown_name_in_the_template_is_an_error_not_a_blank(doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, "Кому: {{ addressee }}")))
    with pytest.raises(DocumentError) as info:
        render("probe", "ru", {"name": "x"}, tmp_path / "out.docx", settings=settings)
    assert info.value.code == "template_undefined"


def test_a_tag_left_in_the_output_is_caught(doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, "{{ '{{' }} name }}")))
    out = tmp_path / "out.docx"
    with pytest.raises(DocumentError) as info:
        render("probe", "ru", {"name": "x"}, out, settings=settings)
    assert info.value.code == "unrendered_tags"
    assert not out.exists()


def test_values_that_look_like_tags_stay_text(doc_settings, tmp_path):
    settings = doc_settings.with_(templates_dir=str(_probe(tmp_path, "Имя: {{ name }}")))
    out = render("probe", "ru", {"name": "{{ 7*7 }} {% if 1 %} {_{ x }_}"}, tmp_path / "out.docx", settings=settings)
    text = docx_text(out)[0]
    assert text.replace("\u200b", "") == "Имя: {{ 7*7 }} {% if 1 %} {_{ x }_}"
    assert "49" not in text
