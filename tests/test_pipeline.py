"""The spaCy pipelines: languages, registered components, span groups, patterns from data files."""

from __future__ import annotations

import pytest

from assistant.nlp.pipeline import pipeline

COMPONENTS = ["kenesshi_names", "kenesshi_identifiers", "kenesshi_case_numbers", "kenesshi_dates",
              "kenesshi_amounts", "role_cues"]


def test_russian_pipeline_lemmatizes_with_pymorphy3():
    nlp = pipeline("ru")
    assert nlp.lang == "ru" and nlp.pipe_names == ["lemmatizer", *COMPONENTS]
    doc = nlp("Решением районного суда иск удовлетворён")
    assert [t.lemma_ for t in doc][:2] == ["решение", "районный"]


def test_kazakh_pipeline_uses_our_language_class():
    nlp = pipeline("kk")
    assert nlp.lang == "kk" and nlp.pipe_names == COMPONENTS
    assert [t.text for t in nlp.make_doc("ҚР АПК-нің 427-бабы, т.б. 2025 ж.")][:4] == ["ҚР", "АПК", "-", "нің"]
    assert "т.б." in [t.text for t in nlp.make_doc("сот, т.б. органдар")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Заявитель (истец): Ахметова Динара Сериковна, ИИН 900101300007, дело № 7517-25-00-2/1234, "
           "решение от 14 февраля 2025 года, 5 000 000 тенге.",
     {"persons": ["Ахметова Динара Сериковна"], "identifiers": ["900101300007"],
      "case_numbers": ["7517-25-00-2/1234"], "amounts": ["5 000 000 тенге"],
      "role_cues": ["Заявитель", "истец"]}),
    ("kk", "Шағым беруші (талап қоюшы): Жұмабеков Ерлан Нұрланұлы, ЖСН 900101300007, іс № 3599-25-00-2а/1489, "
           "2025 жылғы 16 маусымдағы қаулы, 12 800 000 теңге.",
     {"persons": ["Жұмабеков Ерлан Нұрланұлы"], "identifiers": ["900101300007"],
      "case_numbers": ["3599-25-00-2а/1489"], "amounts": ["12 800 000 теңге"],
      "role_cues": ["Шағым беруші", "талап қоюшы"]}),
])
def test_span_groups(lang, text, expected):
    doc = pipeline(lang)(text)
    for group, texts in expected.items():
        got = [text[s._.char_start : s._.char_end] if s._.char_start is not None else s.text
               for s in doc.spans[group]]
        assert got == texts, group
    assert [s.label_ for s in doc.spans["dates"]] in (["first_instance_decision"], ["appeal_ruling"])
