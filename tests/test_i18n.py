"""Every message and UI string exists in Kazakh and Russian, with the same placeholders."""

from __future__ import annotations

import re

from assistant.i18n import catalog, t
from assistant.ingest.errors import ERROR_CODES, WARNING_CODES


def _flatten(node, prefix=""):
    for k, v in node.items():
        if isinstance(v, dict):
            yield from _flatten(v, f"{prefix}{k}.")
        else:
            yield f"{prefix}{k}", v


def test_both_languages_have_the_same_keys_and_placeholders():
    kk, ru = dict(_flatten(catalog("kk"))), dict(_flatten(catalog("ru")))
    assert kk.keys() == ru.keys()
    for key in kk:
        assert set(re.findall(r"{(\w+)}", kk[key])) == set(re.findall(r"{(\w+)}", ru[key])), key
        if key.startswith(("errors.", "warnings.", "ui.", "langs.")) and key != "langs.mixed":
            assert kk[key] != ru[key] or key in {"ui.file"}, f"{key} is not translated"


def test_every_code_has_a_message():
    for code in ERROR_CODES:
        assert t(f"errors.{code}", "kk") and t(f"errors.{code}", "ru")
    for code in WARNING_CODES:
        assert t(f"warnings.{code}", "kk") and t(f"warnings.{code}", "ru")


def test_kazakh_messages_are_kazakh():
    for code in ERROR_CODES:
        assert re.search("[әғқңөұүһі]", t(f"errors.{code}", "kk")), code
