"""Text repair, table-driven, in Russian and Kazakh."""

from __future__ import annotations

import pytest

from assistant.ingest.normalize import normalize

CASES = [
    # odd spaces and invisible characters
    ("ru nbsp", "Истец\u00a0Ахметов\u2009А.\u202fА.", "Истец Ахметов А. А."),
    ("kk nbsp", "Талап\u00a0қоюшы\u2007Әлиев", "Талап қоюшы Әлиев"),
    ("zero width", "жа\u200bлоба", "жалоба"),
    ("soft hyphen inside", "шағым\u00adды", "шағымды"),
    ("bom", "\ufeffЖалоба", "Жалоба"),
    ("tabs and runs of spaces", "Суд  \t первой   инстанции", "Суд первой инстанции"),
    # words broken at line ends
    ("ru hyphen break", "заяв-\nление", "заявление"),
    ("kk hyphen break", "қанағат-\nтандыру", "қанағаттандыру"),
    ("soft hyphen break", "апелляци\u00ad\nялық", "апелляциялық"),
    ("ocr not-sign break", "поста¬\nновление", "постановление"),
    ("break with spaces", "реше- \n ние", "решение"),
    ("real hyphen kept", "Астана-\nАлматы", "Астана-\nАлматы"),
    # Latin look-alikes inside Cyrillic words
    ("ru latin o a e c p", "peшeниe cудa o взыскaнии", "решение суда о взыскании"),
    ("ru latin capitals", "KACCAЦИОННАЯ жалоба", "КАССАЦИОННАЯ жалоба"),
    ("kk latin i", "шешiмiн бiрiншi", "шешімін бірінші"),
    ("kk latin schwa", "əкімшілік Əділет", "әкімшілік Әділет"),
    ("kk latin h", "Аллаhу", "Аллаһу"),
    ("kk latin barred o", "ɵтiнiш", "өтініш"),
    ("latin words untouched", "ТОО «Kaspi Bank» и iPhone", "ТОО «Kaspi Bank» и iPhone"),
    ("latin word with non-lookalike kept", "Qазақстан", "Qазақстан"),
    # KZ-1048 text read as CP1251 (old Kazakh fonts)
    ("kz1048 қ ұ ү", "ќазаќстан ўлттыќ їй", "қазақстан ұлттық үй"),
    ("kz1048 ә ө ғ ң", "јділет ґтініш шаєым таѕ", "әділет өтініш шағым таң"),
    ("kz1048 capitals", "ЌАЗАЌСТАН Ўлттыќ", "ҚАЗАҚСТАН Ұлттық"),
    # quotes
    ("ru lower-upper quotes", "„Решение“ суда", "«Решение» суда"),
    ("en curly quotes", "ТОО “Алтын Дән”", "ТОО «Алтын Дән»"),
    ("straight quotes paired", 'ЖШС "Береке" мен "Сәулет"', "ЖШС «Береке» мен «Сәулет»"),
    ("single quotes", "‘Әділет’", "'Әділет'"),
    # blank lines
    ("many blank lines", "Бірінші\n\n\n\n\nЕкінші", "Бірінші\n\nЕкінші"),
    ("crlf", "Жалоба\r\nпринята", "Жалоба\nпринята"),
]


@pytest.mark.parametrize(("name", "raw", "clean"), CASES, ids=[c[0] for c in CASES])
def test_normalize(name, raw, clean):
    assert normalize(raw) == clean


def test_normalize_is_idempotent():
    for _, raw, _ in CASES:
        once = normalize(raw)
        assert normalize(once) == once


def test_special_characters_in_party_names_survive():
    raw = "ТОО «Алтын & Ко» <филиал> — «Сәулет-Құрылыс» ЖШС, Ñoño 🙂"
    assert normalize(raw) == raw
