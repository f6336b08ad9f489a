"""From the caller's plain data to what a template sees: checked, cleaned and formatted values.

Every field of the manifest becomes a value with the forms a court document needs, e.g. a date gives
{{ d }} ("8 апреля 2025 года"), {{ d.short }} ("08.04.2025") and in Kazakh {{ d.nom }}, {{ d.attr }},
{{ d.loc }}, {{ d.dat }}; a person gives {{ p.dative }}, {{ p.short }}, {{ p.initials_first }}; a money value
gives "1 250 000 (один миллион двести пятьдесят тысяч) тенге". Strings are stripped of characters XML cannot
hold; Jinja escapes them on output (autoescape).

All problems are collected first and raised as one TemplateDataError, so the consultant sees every missing
or wrong field at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from docxtpl import Listing, RichText
from qazaq_inflector import QazaqNameInflector

from assistant.config import Settings
from assistant.documents import formatting as fmt
from assistant.documents.declension import decline_court, decline_name, initials_first, short_name
from assistant.documents.errors import TemplateDataError
from assistant.documents.manifest import FieldSpec, Manifest, TemplateSpec
from assistant.documents.reference import category_label, outcome_label, outcomes, return_grounds
from assistant.i18n import t

# XML 1.0 cannot hold these (a Word file with them does not open); lone surrogates cannot be encoded.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A value must never look like a template tag in the output: "{{", "{%", "{#" and docxtpl's escaped forms
# "{_{", "}_}" get an invisible zero-width space between their characters.
_TAG_LIKE = re.compile(r"(?<=\{)(?=[{%#_])|(?<=_)(?=\})")
ZWSP = "\u200b"
NBSP = "\u00a0"


class Invalid(Exception):
    """A value that cannot be read; `reason` is one of errors.INVALID_REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_text(value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _XML_INVALID.sub("", text)
    return _TAG_LIKE.sub(ZWSP, text)


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set)):
        return len(value) == 0
    return False


# --- values the templates see -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DateValue:
    value: dt.date
    lang: str

    def __str__(self) -> str:
        return self.words

    @property
    def words(self) -> str:
        return fmt.date_in_words(self.value, self.lang)

    @property
    def nom(self) -> str:
        return fmt.date_in_words(self.value, self.lang, "nominative")

    @property
    def attr(self) -> str:
        return fmt.date_in_words(self.value, self.lang, "attributive")

    @property
    def loc(self) -> str:
        return fmt.date_in_words(self.value, self.lang, "locative")

    @property
    def dat(self) -> str:
        return fmt.date_in_words(self.value, self.lang, "dative")

    @property
    def short(self) -> str:
        return self.value.strftime("%d.%m.%Y")

    @property
    def iso(self) -> str:
        return self.value.isoformat()


@dataclass(frozen=True)
class TimeValue:
    value: dt.time
    lang: str

    def __str__(self) -> str:
        return f"{self.value.hour:02d}:{self.value.minute:02d}"

    @property
    def words(self) -> str:
        return fmt.time_in_words(self.value, self.lang)


@dataclass(frozen=True)
class MoneyValue:
    value: Any  # Decimal
    lang: str

    def __str__(self) -> str:
        return fmt.amount_in_words(self.value, self.lang, group_sep=NBSP)

    @property
    def figures(self) -> str:
        return fmt.amount_figures(self.value).replace(" ", NBSP)


@dataclass(frozen=True)
class PersonValue:
    name: str
    lang: str
    role: str = ""
    address: str = ""
    gender: str | None = None

    def __str__(self) -> str:
        return self.name

    def _case(self, case: str) -> str:
        return decline_name(self.name, case, self.lang, self.gender)

    @property
    def nominative(self) -> str:
        return self.name

    @property
    def genitive(self) -> str:
        return self._case("genitive")

    @property
    def dative(self) -> str:
        return self._case("dative")

    @property
    def accusative(self) -> str:
        return self._case("accusative")

    @property
    def instrumental(self) -> str:
        return self._case("instrumental")

    @property
    def prepositional(self) -> str:
        return self._case("prepositional")

    @property
    def locative(self) -> str:
        return self._case("locative")

    @property
    def ablative(self) -> str:
        return self._case("ablative") if self.lang == "kk" else self.genitive

    @property
    def short(self) -> str:
        return short_name(self.name)

    @property
    def initials_first(self) -> str:
        return initials_first(self.name)

    @property
    def role_label(self) -> str:
        try:
            return t(f"card.roles.{self.role}", self.lang) if self.role else ""
        except KeyError:
            return self.role


@dataclass(frozen=True)
class CourtValue:
    name: str
    lang: str

    def __str__(self) -> str:
        return self.name

    @property
    def genitive(self) -> str:
        return decline_court(self.name, "genitive", self.lang)

    @property
    def dative(self) -> str:
        return decline_court(self.name, "dative", self.lang) if self.lang == "kk" else self.name


_KK = QazaqNameInflector()


@dataclass(frozen=True)
class ActKindValue:
    """A kind of act in the forms a sentence needs: ru nom/gen; kk nom, gen (шешімнің), poss (шешімі),
    poss_gen (шешімінің), poss_dat (шешіміне)."""

    code: str
    lang: str
    ru: str
    ru_gen: str
    kk: str

    def __str__(self) -> str:
        return self.nom

    @property
    def nom(self) -> str:
        return self.ru if self.lang == "ru" else self.kk

    @property
    def gen(self) -> str:
        return self.ru_gen if self.lang == "ru" else (_KK.inflect(self.kk, "genitive") or self.kk)

    @property
    def poss(self) -> str:
        return self.nom if self.lang == "ru" else _KK.possessive(self.kk, "3")

    @property
    def poss_gen(self) -> str:
        return self.ru_gen if self.lang == "ru" else _KK.possessive(self.kk, "3", "genitive")

    @property
    def poss_dat(self) -> str:
        return self.nom if self.lang == "ru" else _KK.possessive(self.kk, "3", "dative")


@dataclass(frozen=True)
class ActValue:
    kind: ActKindValue
    court: CourtValue | None
    date: DateValue | None
    number: str = ""

    def _parts(self, kind_form: str) -> str:
        if self.kind.lang == "ru":
            text = self.kind.nom
            if self.court:
                text += f" {self.court.genitive}"
            if self.date:
                text += f" от {self.date.words}"
            return text
        words = []
        if self.court:
            words.append(self.court.genitive)
        if self.date:
            words.append(self.date.attr)
        if self.court:  # "сотының … шешімі": the act belongs to the court, a possessive
            words.append(getattr(self.kind, kind_form))
        else:
            words.append(self.kind.nom if kind_form == "poss" else _KK.inflect(self.kind.kk, "dative") or self.kind.kk)
        return " ".join(words)

    def __str__(self) -> str:
        return self.phrase

    @property
    def phrase(self) -> str:
        """ru "решение Медеуского районного суда г. Алматы от 12 ноября 2024 года";
        kk "Алматы қаласы Медеу аудандық сотының 2024 жылғы 12 қарашадағы шешімі"."""
        return self._parts("poss")

    @property
    def phrase_dat(self) -> str:
        """kk "…шешіміне" (an appeal is made "to" an act); ru the same as phrase."""
        return self._parts("poss_dat")


def _join(items: list[str], lang: str) -> str:
    conj = " и " if lang == "ru" else " және "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + conj + items[-1]


class ActList(list):
    """The appealed acts; .phrase / .phrase_dat join them: "решение … и постановление …"."""

    lang: str = "ru"

    @property
    def phrase(self) -> str:
        return _join([a.phrase for a in self], self.lang)

    @property
    def phrase_dat(self) -> str:
        return _join([a.phrase_dat for a in self], self.lang)


@dataclass(frozen=True)
class ChoiceValue:
    code: str
    label: str
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.label

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.extra[name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass(frozen=True)
class CheckValue:
    title: str
    status: str
    status_label: str
    basis: str
    detail: str

    def __str__(self) -> str:
        return self.title


@dataclass(frozen=True)
class ImageValue:
    """PNG bytes; render() turns it into a docxtpl InlineImage of `width_mm`."""

    png: bytes
    width_mm: float


@dataclass(frozen=True)
class Letterhead:
    name: str
    name_ru: str
    name_kk: str
    name_gen: str
    address: str
    phone: str
    email: str

    def __str__(self) -> str:
        return self.name


def letterhead(settings: Settings, lang: str) -> Letterhead:
    name = settings.court_name_ru if lang == "ru" else settings.court_name_kk
    return Letterhead(name=clean_text(name), name_ru=clean_text(settings.court_name_ru),
                      name_kk=clean_text(settings.court_name_kk),
                      name_gen=clean_text(decline_court(name, "genitive", lang)),
                      address=clean_text(settings.court_address), phone=clean_text(settings.court_phone),
                      email=clean_text(settings.court_email))


# --- conversion ---------------------------------------------------------------------------------------------------

@dataclass
class _Converter:
    manifest: Manifest
    lang: str
    today: dt.date
    regime: str = "post"

    def text(self, value: Any) -> Any:
        if isinstance(value, (RichText, Listing)):
            return value  # built by code with docxtpl's own escaping
        if isinstance(value, (dict, list, tuple, set, bytes)):
            raise Invalid("not_text")
        return clean_text(value).strip()

    def richtext(self, value: Any) -> Any:
        if isinstance(value, (RichText, Listing)):
            return value
        text = self.text(value)
        # An empty line starts a new paragraph (docxtpl turns \a into one with the same style); a single
        # line break stays a line break.
        paragraphs = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
        return "\a".join(paragraphs)

    def convert(self, ftype: str, value: Any, spec: FieldSpec | None = None) -> Any:
        if ftype in ("str",):
            return self.text(value)
        if ftype == "richtext":
            return self.richtext(value)
        if ftype == "int":
            if isinstance(value, bool):
                raise Invalid("not_int")
            try:
                return int(str(value).strip()) if isinstance(value, str) else int(value)
            except (TypeError, ValueError):
                raise Invalid("not_int") from None
        if ftype == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "да", "иә", "false", "no",
                                                                   "0", "нет", "жоқ"):
                return value.strip().lower() in ("true", "yes", "1", "да", "иә")
            if isinstance(value, int):
                return bool(value)
            raise Invalid("not_bool")
        if ftype == "date":
            if value == "today":
                return DateValue(self.today, self.lang)
            try:
                return DateValue(fmt.to_date(value), self.lang)
            except (TypeError, ValueError):
                raise Invalid("not_date") from None
        if ftype == "time":
            try:
                return TimeValue(fmt.to_time(value), self.lang)
            except (TypeError, ValueError):
                raise Invalid("not_time") from None
        if ftype == "money":
            try:
                return MoneyValue(fmt.to_money(value), self.lang)
            except (TypeError, ValueError):
                raise Invalid("not_amount") from None
        if ftype == "person":
            return self.person(value)
        if ftype == "court":
            return CourtValue(self.text(value), self.lang)
        if ftype == "act_kind":
            return self.act_kind(value)
        if ftype == "act":
            return self.act(value)
        if ftype == "check":
            return self.check(value)
        if ftype in ("outcome", "category", "return_ground", "action", "regime"):
            return self.choice(ftype, value)
        if ftype == "image":
            if not isinstance(value, (bytes, bytearray)) or not bytes(value).startswith(b"\x89PNG"):
                raise Invalid("not_image")
            width = spec.width_mm if spec and spec.width_mm else 150.0
            return ImageValue(bytes(value), float(width))
        raise Invalid("not_text")

    def person(self, value: Any) -> PersonValue:
        if isinstance(value, PersonValue):
            return value
        if isinstance(value, str):
            name = self.text(value)
            if not name:
                raise Invalid("not_person")
            return PersonValue(name=" ".join(name.split()), lang=self.lang)
        if isinstance(value, Mapping):
            name = self.text(value.get("name") or value.get("text") or "")
            if not name:
                raise Invalid("not_person")
            gender = value.get("gender")
            return PersonValue(name=" ".join(name.split()), lang=self.lang, role=self.text(value.get("role") or ""),
                               address=self.text(value.get("address") or ""),
                               gender=gender if gender in ("male", "female") else None)
        raise Invalid("not_person")

    def act_kind(self, value: Any) -> ActKindValue:
        code = str(value).strip() if isinstance(value, str) else None
        row = self.manifest.act_kinds.get(code or "")
        if row is None:
            raise Invalid("unknown_choice")
        return ActKindValue(code=code or "", lang=self.lang, ru=row["ru"], ru_gen=row["ru_gen"], kk=row["kk"])

    def act(self, value: Any) -> ActValue:
        if not isinstance(value, Mapping):
            raise Invalid("not_list")
        kind = self.act_kind(value.get("kind") or "decision")
        court = CourtValue(self.text(value["court"]), self.lang) if not _is_missing(value.get("court")) else None
        date = self.convert("date", value["date"]) if not _is_missing(value.get("date")) else None
        return ActValue(kind=kind, court=court, date=date, number=self.text(value.get("number") or ""))

    def check(self, value: Any) -> CheckValue:
        if hasattr(value, "to_json"):
            value = value.to_json(self.lang)
        if not isinstance(value, Mapping):
            raise Invalid("not_list")

        def pick(v: Any) -> str:
            if isinstance(v, Mapping):
                v = v.get(self.lang) or v.get("ru") or ""
            return self.text(v or "")

        status = str(value.get("status") or "unknown")
        if status not in ("pass", "fail", "unknown"):
            raise Invalid("unknown_choice")
        return CheckValue(title=pick(value.get("title")), status=status,
                          status_label=t(f"documents.check_status.{status}", self.lang),
                          basis=pick(value.get("basis") or value.get("article")), detail=pick(value.get("detail")))

    def choice(self, ftype: str, value: Any) -> ChoiceValue:
        code = value.strip() if isinstance(value, str) else value
        if not isinstance(code, str):
            raise Invalid("unknown_choice")
        if ftype == "outcome":
            row = outcomes().get(code)
            if row is None:
                raise Invalid("unknown_choice")
            return ChoiceValue(code, clean_text(outcome_label(code, self.lang)),
                               {"changes_act": bool(row.get("changes_act")), "considered": bool(row.get("considered"))})
        if ftype == "category":
            label = category_label(code, self.lang)
            if label == code:
                raise Invalid("unknown_choice")
            return ChoiceValue(code, clean_text(label))
        if ftype == "return_ground":
            ground = return_grounds().get(code)
            if ground is None:
                raise Invalid("unknown_choice")
            if ground.until is not None and self.today >= ground.until:
                raise Invalid("unknown_choice")
            return ChoiceValue(code, clean_text(ground.text(self.lang)), {
                "text": clean_text(ground.text(self.lang)),
                "basis": clean_text(ground.basis_text(self.regime, self.lang)),
                "status": ground.basis[self.regime].get("status", ""),
                "verified": ground.verified(self.regime),
                "refile": ground.refile,
                "note": clean_text(ground.note.get(self.lang, "")),
            })
        if ftype == "action":
            row = self.manifest.actions.get(code)
            if row is None:
                raise Invalid("unknown_choice")
            if row.get("regime", "both") not in ("both", self.regime):
                raise Invalid("wrong_regime")
            return ChoiceValue(code, clean_text(row[self.lang]))
        if ftype == "regime":
            if code not in ("pre", "post"):
                raise Invalid("unknown_choice")
            return ChoiceValue(code, code)
        raise Invalid("unknown_choice")


def _regime_of(data: Mapping[str, Any], manifest: Manifest) -> str:
    """The regime the data names, else the one of its filing date (before 1 July 2025: pre), else post."""
    raw = data.get("regime")
    if isinstance(raw, str) and raw.strip():
        return raw.strip()
    filed = data.get("filed_on")
    if filed is not None:
        try:
            return "pre" if fmt.to_date(filed) < manifest.reform_date else "post"
        except (TypeError, ValueError):
            pass  # reported as an invalid filed_on
    return "post"


def build_context(manifest: Manifest, spec: TemplateSpec, lang: str, data: Mapping[str, Any],
                  settings: Settings, today: dt.date | None = None) -> dict[str, Any]:
    """The Jinja context for `spec` in `lang`; TemplateDataError lists every missing and invalid field."""
    today = today or dt.date.today()
    regime = _regime_of(data, manifest)
    conv = _Converter(manifest, lang, today, regime if regime in ("pre", "post") else "post")
    missing: list[str] = []
    invalid: dict[str, str] = {}
    context: dict[str, Any] = {}

    for name, f in spec.fields.items():
        value = data.get(name)
        if f.type == "regime" and _is_missing(value):
            value = conv.regime
        if f.type == "list" and f.allow_empty and value is not None and len(value) == 0:
            context[name] = ActList() if f.items == "act" else []
            continue
        if _is_missing(value):
            if f.default is not None:
                value = f.default
            else:
                required = f.required or (f.required_if is not None and bool(data.get(f.required_if)))
                if required:
                    missing.append(name)
                context[name] = ActList() if f.items == "act" else ([] if f.type == "list" else None)
                continue
        try:
            context[name] = _convert_field(conv, f, value, invalid)
        except Invalid as exc:
            invalid[name] = exc.reason

    if spec.regime != "both" and conv.regime != spec.regime:
        invalid.setdefault("regime", "wrong_regime")
    if missing or invalid:
        labels = {name: f.label for name, f in spec.fields.items()}
        raise TemplateDataError(missing, invalid, template=spec.id, labels=labels)

    context.update(
        court=letterhead(settings, lang),
        today=DateValue(today, lang),
        lang=lang,
        terms=manifest.terms(conv.regime, lang),
        template_title=clean_text(spec.title_in(lang)),
    )
    return context


def _convert_field(conv: _Converter, f: FieldSpec, value: Any, invalid: dict[str, str]) -> Any:
    if f.type != "list":
        return conv.convert(f.type, value, f)
    if isinstance(value, (str, bytes, Mapping)) or not hasattr(value, "__iter__"):
        raise Invalid("not_list")
    out: list[Any] = ActList() if f.items == "act" else []
    if isinstance(out, ActList):
        out.lang = conv.lang
    for i, item in enumerate(value):
        if isinstance(f.items, str):
            try:
                out.append(conv.convert(f.items, item, f))
            except Invalid as exc:
                invalid[f"{f.name}[{i}]"] = exc.reason
            continue
        if not isinstance(item, Mapping):
            invalid[f"{f.name}[{i}]"] = "not_list"
            continue
        row: dict[str, Any] = {}
        for key, raw in item.items():
            if not isinstance(key, str) or key.startswith("_"):
                continue
            item_type = f.items.get(key) if isinstance(f.items, Mapping) else None
            if _is_missing(raw):
                row[key] = None
                continue
            try:
                if item_type is not None:
                    row[key] = conv.convert(item_type, raw, f)
                elif isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
                    row[key] = conv.text(raw)  # undeclared scalars pass, cleaned; anything else is dropped
            except Invalid as exc:
                invalid[f"{f.name}[{i}].{key}"] = exc.reason
        for key in (f.items or {}):
            row.setdefault(key, None)
        out.append(row)
    return out
