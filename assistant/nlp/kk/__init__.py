"""A Kazakh language class for spaCy, which ships none: tokenizer exceptions for Kazakh abbreviations, stop
words and lexical attributes, registered under the code "kk" so that `spacy.blank("kk")` works."""

from __future__ import annotations

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.language import BaseDefaults, Language
from spacy.symbols import NORM, ORTH
from spacy.util import registry, update_exc

from assistant.nlp.kk.lex_attrs import LEX_ATTRS
from assistant.nlp.kk.stop_words import STOP_WORDS

# Abbreviations that end with a full stop but do not end a sentence.
_ABBREVIATIONS = {
    "ж.": "жыл", "жж.": "жылдар", "б.": "бап", "т.": "тармақ", "тт.": "тармақтар", "т.б.": "тағы басқа",
    "т.с.с.": "тағы сол сияқты", "бб.": "баптар", "мыс.": "мысалы", "көш.": "көшесі", "қ.": "қаласы",
    "обл.": "облысы", "ауд.": "ауданы", "үй.": "үй", "пәт.": "пәтер", "млн.": "миллион", "млрд.": "миллиард",
    "тг.": "теңге", "с.": "сағат", "мин.": "минут", "№.": "нөмір",
}
_EXC: dict[str, list[dict]] = {}
for orth, norm in _ABBREVIATIONS.items():
    _EXC[orth] = [{ORTH: orth, NORM: norm}]
for orth in ("ҚР", "АЕК", "ЖСН", "БСН", "ЖШС", "АҚ", "АПК", "АІЖК", "ЖСО"):
    _EXC[orth] = [{ORTH: orth}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _EXC)


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


@registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh"]
