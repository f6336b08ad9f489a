"""Realistic and hostile data for every template, in kk and ru (used by the tests and bench/documents.py).

All people, numbers and addresses are fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

TODAY = dt.date(2025, 9, 15)

HOSTILE = ('ТОО «Рога & Копыта» <script>alert("x")</script> \'q\' 🙂 ә ғ қ ң ө ұ ү һ і\u200b {{ 7*7 }} {% if 1 %}'
           '{_{ \x01\x0b')
HOSTILE_NAME = "Әбілқасымов <b>Ғалым</b> Серікұлы 🙂"
HOSTILE_MULTILINE = "Первая строка & <вторая>\nвторая строка\n\nНовый абзац «кавычки» \"quotes\" 🙂\u200b"

COURTS = {
    "ru": {"district": "Медеуский районный суд г. Алматы",
           "appeal": "Судебная коллегия по гражданским делам Алматинского городского суда",
           "city": "Алматинский городской суд"},
    "kk": {"district": "Алматы қаласы Медеу аудандық соты",
           "appeal": "Алматы қалалық сотының азаматтық істер жөніндегі сот алқасы",
           "city": "Алматы қалалық соты"},
}
ADDRESS = {"ru": "050000, г. Алматы, ул. Жибек Жолы, д. 40, кв. 12",
           "kk": "050000, Алматы қ., Жібек жолы к-сі, 40-үй, 12-пәтер"}
CLAIM = {"ru": "о взыскании задолженности по договору подряда",
         "kk": "мердігерлік шарты бойынша берешекті өндіріп алу туралы"}

JUDGE = "Сейткали Асхат Болатұлы"
CONSULTANT = "Иванова Мария Петровна"
FILER = "Ахметов Нұрлан Серікұлы"


def _acts(lang: str) -> list[dict[str, Any]]:
    return [{"kind": "decision", "court": COURTS[lang]["district"], "date": dt.date(2024, 11, 12)},
            {"kind": "resolution", "court": COURTS[lang]["appeal"], "date": dt.date(2025, 1, 20)}]


def _letter(lang: str) -> dict[str, Any]:
    return {"out_no": "2к-1234/25", "out_date": dt.date(2025, 9, 15), "judge": JUDGE, "consultant": CONSULTANT,
            "consultant_phone": "8 (7172) 55-12-34"}


def _parties(lang: str) -> list[dict[str, Any]]:
    return [{"name": FILER, "role": "plaintiff"}, {"name": "ТОО «Алатау Құрылыс»", "role": "defendant"}]


def considered_cases(n: int = 12, start: dt.date = dt.date(2025, 9, 8)) -> list[dict[str, Any]]:
    """`n` considered cases decided Monday–Friday of the week starting `start`, with names and ИИН in the
    summaries (to be masked)."""
    categories = ["LOAN", "LABOUR", "HOUSING", "FAMILY", "CONTRACT", "INHERITANCE", "LAND", "TORT"]
    regions = ["75", "71", "35", "55", "19", "63", "52", "11"]
    results = ["upheld", "set_aside_remanded", "changed", "upheld", "set_aside_new_decision", "upheld"]
    summaries_ru = [
        "Истец Ахметова Динара Сериковна (ИИН 900101300007) просила взыскать с ответчика Петрова Ивана "
        "Сергеевича долг по договору займа 1 250 000 тенге. Суды первой и апелляционной инстанций иск "
        "удовлетворили. Кассационный суд признал выводы судов правильными.",
        "Работник оспаривал увольнение. Суд апелляционной инстанции не учёл, что работодатель не получил "
        "согласия профсоюза; дело направлено на новое рассмотрение. Тел. истца +7 701 234 56 78.",
    ]
    summaries_kk = [
        "Талап қоюшы Жұмабеков Ерлан Нұрланұлы жауапкер Асқарова Гүлнәр Серікқызынан 500 000 теңге өндіруді "
        "сұрады. Бірінші сатыдағы сот талапты қанағаттандырды, апелляциялық сот шешімді өзгеріссіз қалдырды.",
    ]
    out = []
    for i in range(n):
        lang = "kk" if i % 3 == 2 else "ru"
        pool = summaries_kk if lang == "kk" else summaries_ru
        out.append({
            "reg_no": f"2к-{1000 + i}/25",
            "decided_on": start + dt.timedelta(days=i % 5),
            "category": categories[i % len(categories)],
            "region_code": regions[i % len(regions)],
            "lower_court": COURTS["ru"]["city"],
            "outcome": results[i % len(results)],
            "summary": pool[i % len(pool)] + f" Дело {i}.",
            "judge": JUDGE,
            "lang": lang,
            "received_on": start - dt.timedelta(days=60 + 40 * (i % 5)),
        })
    return out


def sample_data(template_id: str, lang: str) -> dict[str, Any]:
    """Realistic data for `template_id` in `lang`."""
    court = COURTS[lang]
    if template_id == "return_complaint":
        return {**_letter(lang), "addressee": {"name": FILER, "role": "applicant", "address": ADDRESS[lang]},
                "reg_no": "2к-5678/25", "filed_on": dt.date(2025, 8, 28), "case_no": "7517-24-00-2/6609",
                "acts": _acts(lang), "ground": "deadline_missed", "complaint_pages": 7}
    if template_id == "case_file_request":
        return {**_letter(lang), "lower_court": court["district"], "reg_no": "2к-5678/25",
                "filed_on": dt.date(2025, 8, 28), "case_no": "7517-24-00-2/6609", "acts": _acts(lang),
                "parties": _parties(lang), "claim": CLAIM[lang], "due_date": dt.date(2025, 10, 1)}
    if template_id == "hearing_notice":
        return {**_letter(lang), "addressee": {"name": "Петрова Анна Сергеевна", "role": "defendant",
                                               "address": ADDRESS[lang]},
                "filer": FILER, "case_no": "7517-24-00-2/6609", "acts": _acts(lang),
                "hearing_date": dt.date(2025, 10, 8), "hearing_time": "10:30", "online": True,
                "video_platform": "TrueConf", "video_link": "https://vks.sud.kz/c/12345?a=1&b=2",
                "video_id": "123 456 789", "video_password": "7788", "hall": "4"}
    if template_id == "ruling_cover_letter":
        return {**_letter(lang), "addressees": [{"name": FILER, "address": ADDRESS[lang]},
                                                {"name": "Петрова Анна Сергеевна", "address": ADDRESS[lang]}],
                "case_no": "7517-24-00-2/6609", "ruling_kind": "resolution", "ruling_date": dt.date(2025, 9, 10),
                "ruling_pages": 6}
    if template_id == "case_return_letter":
        return {**_letter(lang), "lower_court": court["district"], "case_no": "7517-24-00-2/6609", "volumes": 2,
                "ruling_kind": "resolution", "ruling_date": dt.date(2025, 9, 10), "outcome": "upheld",
                "ruling_pages": 6}
    if template_id == "judge_memo":
        checks = [
            {"title": {"ru": "Срок подачи: шесть месяцев", "kk": "Беру мерзімі: алты ай"}, "status": "pass",
             "basis": {"ru": "ч. 1 ст. 436 ГПК РК", "kk": "ҚР АПК 436-бабының 1-бөлігі"},
             "detail": {"ru": "последний день 20.07.2025", "kk": "соңғы күні 20.07.2025"}},
            {"title": {"ru": "Доверенность представителя", "kk": "Өкілдің сенімхаты"}, "status": "fail",
             "basis": {"ru": "ч. 3 ст. 408 ГПК РК", "kk": "ҚР АПК 408-бабының 3-бөлігі"}, "detail": ""},
            {"title": {"ru": "Цена иска и МРП", "kk": "Талап қою сомасы және АЕК"}, "status": "unknown",
             "basis": {"ru": "ч. 2 ст. 434 ГПК РК", "kk": "ҚР АПК 434-бабының 2-бөлігі"}},
        ]
        return {"judge": JUDGE, "consultant": CONSULTANT, "memo_date": TODAY, "reg_no": "2к-5678/25",
                "filed_on": dt.date(2025, 8, 28), "case_no": "7517-24-00-2/6609", "filer": FILER,
                "parties": _parties(lang), "category": "CONTRACT", "claim": CLAIM[lang],
                "claim_amount": 1_250_000, "acts": _acts(lang), "entry_into_force": dt.date(2025, 1, 20),
                "deadline": dt.date(2025, 7, 21), "checks": checks,
                "arguments": ("Заявитель считает, что суды неправильно применили нормы о подряде.\n\n"
                              "Просит отменить постановление апелляционной инстанции." if lang == "ru" else
                              "Шағым беруші соттар мердігерлік туралы нормаларды дұрыс қолданбады деп санайды.\n\n"
                              "Апелляциялық қаулының күшін жоюды сұрайды."),
                "proposed_action": "return", "proposed_ground": "no_power_of_attorney",
                "similar_cases": [{"reg_no": "2к-0456/25", "decided_on": dt.date(2025, 6, 3), "outcome": "upheld",
                                   "note": "подряд" if lang == "ru" else "мердігерлік"}]}
    if template_id == "press_release":
        from assistant.reports.press import press_release_context

        return press_release_context(considered_cases(), "2025-W37", lang)
    if template_id == "practice_review":
        from assistant.reports.review import review_context

        errors = (["Неправильное исчисление срока исковой давности.", "Не дана оценка доказательствам."]
                  if lang == "ru" else ["Талап қою мерзімі дұрыс есептелмеген.", "Дәлелдемелерге баға берілмеген."])
        return {**review_context(considered_cases(30, dt.date(2025, 4, 7)), dt.date(2025, 1, 1),
                                 dt.date(2025, 6, 30), lang, typical_errors=errors), "consultant": CONSULTANT}
    if template_id == "statistics_report":
        from assistant.reports.stats import statistics_context

        movement = [{"label": "Остаток на начало" if lang == "ru" else "Кезең басындағы қалдық", "count": 40},
                    {"label": "Поступило" if lang == "ru" else "Түсті", "count": 120}]
        return {**statistics_context(considered_cases(30, dt.date(2025, 4, 7)), dt.date(2025, 4, 1),
                                     dt.date(2025, 6, 30), lang, movement=movement), "consultant": CONSULTANT}
    raise KeyError(template_id)


def _hostile(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        if key in ("judge", "consultant", "filer", "name"):
            return HOSTILE_NAME
        if key in ("arguments", "ground_details", "summary", "topic"):
            return HOSTILE_MULTILINE
        if key in ("out_no", "reg_no", "case_no", "claim", "lower_court", "court", "video_link", "label", "note",
                   "address", "hall", "video_platform", "consultant_phone", "period", "title", "detail", "basis"):
            return HOSTILE
        return value  # codes (ground, outcome, kind …), dates as text, times
    if isinstance(value, dict):
        return {k: _hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, key) for v in value]
    return value


def hostile_data(template_id: str, lang: str, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """sample_data (or `base`) with every free text replaced by markup, quotes, «», emoji, newlines, U+200B,
    control characters and things that look like template tags."""
    data = _hostile(base if base is not None else sample_data(template_id, lang))
    if "ground_details" in data or template_id == "return_complaint":
        data["ground_details"] = HOSTILE_MULTILINE
    if template_id == "press_release":
        data["press_contact"] = HOSTILE
    if template_id == "practice_review":
        data["typical_errors"] = [HOSTILE, HOSTILE_MULTILINE]
        data["topic"] = HOSTILE
    return data
