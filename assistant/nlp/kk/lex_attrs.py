"""Lexical attributes for Kazakh: number words, and NORM as the stem (assistant.nlp.kk.stem)."""

from spacy.attrs import LIKE_NUM, NORM

from assistant.nlp.kk.stem import stem

_NUM_WORDS = {
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма", "отыз",
    "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың", "миллион", "миллиард", "бірінші",
    "екінші", "үшінші", "төртінші", "бесінші", "алтыншы", "жетінші", "сегізінші", "тоғызыншы", "оныншы",
}


def like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "").replace(" ", "")
    if text.isdigit():
        return True
    if text.count("/") == 1 and all(p.isdigit() for p in text.split("/")):
        return True
    return text.lower() in _NUM_WORDS


LEX_ATTRS = {LIKE_NUM: like_num, NORM: stem}
