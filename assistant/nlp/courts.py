"""Courts of Kazakhstan from an editable table (assistant/data/courts.csv), and fuzzy matching of the
inflected forms in which complaints name them ("Алмалинского районного суда г. Алматы" → the court record).

The table holds the Supreme Court, the cassation courts, every region's appellate court, the specialised
inter-district economic, administrative and juvenile courts, the inter-district civil and criminal courts
of Astana and Shymkent, and the district and city courts of first instance (with the "№2" courts). Most
first-instance rows were compiled from general knowledge and say so in their status: a consultant corrects
a row or adds a missing court, and the matcher picks the change up at the next start.

Matching works on word keys: Russian words by their pymorphy lemma, Kazakh words with a case ending cut,
both folded to one alphabet (ә→а, қ→к, і→и, ы→и …) so that "Есіл", "Есил" and a Kazakh name typed in
Russian letters meet. A court's name splits into its core ("Алмалинский районный", "Алмалы аудандық") and
its qualifier, the city or region it sits in ("г. Алматы", "Алматы қаласы"). A mention names a court when
it holds the court's core and nothing that contradicts the court; a qualifier or a region in the mention
(or in the `context` a caller passes) picks among courts that share a core ("Есильский районный суд" is in
Astana, Акмолинская and Северо-Казахстанская области). When a choice stays open the matcher names no court:
the caller keeps the level it reads from the words ("районного суда" → first instance).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "courts.csv"
REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.csv"

_TOKEN = re.compile(r"№\s*\d{1,3}|[а-яёәғқңөұүһіa-z0-9]+(?:-[а-яёәғқңөұүһіa-z0-9]+)*")
_KK_LETTERS = re.compile("[әғқңөұүһі]")
_CYRILLIC = re.compile("[а-яёәғқңөұүһі]")
_LATIN_LOOKALIKES = str.maketrans("aceopxykmthb", "асеорхукмтнв")
_FOLD = str.maketrans("әғқңөұүһіыё", "агкноуухиие")
_KK_ENDINGS = ("ының", "інің", "ның", "нің", "дың", "дің", "тың", "тің", "ына", "іне", "на", "не", "ға", "ге",
               "қа", "ке", "сы", "сі", "ы", "і")
# The court word itself, in the cases a mention uses: it is required and carries no meaning of its own.
_COURT_WORD = re.compile(r"(?:суд(?:а|у|ом|е|и|ов|ам|ами|ах)?"  # in the folded alphabet: "суди", "сотинин"
                         r"|сот(?:и|инин|ина|имен|инда|инан|ка|тин|та|тан|тар|тари)?)")
# A Russian adjective of a place or of a court's kind: its stem, then any case ending.
_ADJECTIVE = re.compile(r"(.+(?:ск|цк|нн|[^аеёиоуыэюяй]н))"
                        r"(?:ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими|ей)")
_ABBREVIATIONS = [(re.compile(rf"(?<![\w-]){a}(?![\w-])"), full) for a, full in (
    ("смэс", "специализированный межрайонный экономический суд"),
    ("смас", "специализированный межрайонный административный суд"),
    ("смсдн|смснд", "специализированный межрайонный суд по делам несовершеннолетних"),
    ("маэс", "мамандандырылған ауданаралық экономикалық соты"),
    ("маәс", "мамандандырылған ауданаралық әкімшілік соты"),
    ("вко", "восточно-казахстанской области"),
    ("зко", "западно-казахстанской области"),
    ("ско", "северо-казахстанской области"),
    (r"ювенальн[а-я]*", "по делам несовершеннолетних"),
)]
# Words that every court name or mention may carry without changing which court it is.
_STOP_EXACT = {"по", "в", "и", "рк", "кр", "при", "имени", "им", "атындағы", "атындагы"}
_STOP_PREFIX = ("республик", "казахстан", "казакстан", "жонинд")
_CASES_PREFIX = ("истер", "делам", "дела", "делу")  # "по гражданским делам", "азаматтық істер жөніндегі"
# Words of a court's kind (they never name a place); the first four may be left out by a mention.
_OPTIONAL_WORDS = ("специализированный", "межрайонный", "мамандандырылған", "ауданаралық")
_KIND_WORDS = (
    *_OPTIONAL_WORDS, "районный", "городской", "областной", "экономический", "административный", "несовершеннолетний",
    "гражданский", "уголовный", "кассационный", "верховный", "республиканский", "аудандық", "қалалық",
    "облыстық", "экономикалық", "әкімшілік", "азаматтық", "қылмыстық", "кассациялық", "жоғарғы", "республикалық")

# Token kinds: a word, a "№ n", the court word, the Russian "г./город" and "область", the Kazakh "қаласы" and
# "облысы", the district word ("района", "ауданының"), the chamber words ("коллегия", "алқа"), "делам"/"істер".
_W, _N, _C, _RU_CITY, _RU_REGION, _KK_CITY, _KK_REGION, _DISTRICT, _CHAMBER, _CASES, _SKIP = range(11)


@dataclass(frozen=True)
class Court:
    id: str
    level: str
    region_code: str
    court_code: str
    name_ru: str
    name_kk: str


@cache
def courts() -> list[Court]:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return [Court(r["court_id"], r["level"], r["region_code"], r["court_code"], r["name_ru"], r["name_kk"])
                for r in csv.DictReader(fh)]


@cache
def _morph() -> Any:  # pymorphy3.MorphAnalyzer, loaded once by the language identifier
    from assistant.ingest.langid import default_identifier

    return default_identifier().morph


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """The key of one lower-case word: its lemma (Russian) or its stem (Kazakh), in the folded alphabet."""
    if _KK_LETTERS.search(word):
        for e in _KK_ENDINGS:
            if word.endswith(e) and len(word) - len(e) >= 3:
                word = word[: -len(e)]
                break
    elif m := _ADJECTIVE.fullmatch(word):  # the adjectives of place names, which pymorphy does not know
        word = m.group(1) + "ий"
    else:
        word = _morph().parse(word)[0].normal_form
    return word.translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def _classify(word: str) -> tuple[int, str]:
    folded = word.translate(_FOLD)
    if word.startswith("№"):
        return _N, "#" + re.sub(r"\D", "", word)
    if _COURT_WORD.fullmatch(folded):
        return _C, ""
    if word in _STOP_EXACT or folded.startswith(_STOP_PREFIX) or word.isdigit():
        return _SKIP, ""
    if folded.startswith(_CASES_PREFIX):
        return _CASES, ""
    if folded.startswith("кала") and not folded.startswith("калалик"):
        return _KK_CITY, ""
    if folded.startswith("облис") and not folded.startswith("облистик"):
        return _KK_REGION, ""
    if folded.startswith("аудан") and not folded.startswith(("ауданд", "ауданар")):
        return _DISTRICT, ""
    if folded.startswith("алка"):
        return _CHAMBER, ""
    key = _key(word)
    if key in ("г", "гор", "город"):
        return _RU_CITY, ""
    if key == "область":
        return _RU_REGION, ""
    if key == "район":
        return _DISTRICT, ""
    if key == "коллегия":
        return _CHAMBER, ""
    return _W, key


def _tokens(text: str) -> list[tuple[int, str]]:
    low = text.lower()
    for rx, full in _ABBREVIATIONS:
        low = rx.sub(full, low)
    out = []
    for m in _TOKEN.finditer(low):
        w = m.group(0)
        if re.search("[a-z]", w):
            if not _CYRILLIC.search(w):
                continue
            w = w.translate(_LATIN_LOOKALIKES)  # "Cуд", "Жоғарғы Cотының" with a Latin "C"
        out.append(_classify(w))
    return out


def _qualifier_positions(toks: list[tuple[int, str]]) -> dict[int, str]:
    """Positions of the words that name the city or region a court sits in ("г. Алматы", "Алматинской
    области", "области Абай", "Алматы қаласы …", "Батыс Қазақстан облысы …"), each with "city" or "region"."""
    out: dict[int, str] = {}
    kinds = _kind_keys()
    for i, (kind, _) in enumerate(toks):
        if kind in (_RU_CITY, _RU_REGION):
            what = "city" if kind == _RU_CITY else "region"
            if kind == _RU_REGION and i > 0 and toks[i - 1][0] == _W and toks[i - 1][1] not in kinds:
                out[i - 1] = what  # "Алматинской области"
                continue
            j = i + 1  # "г. Алматы", "области Абай"
            while j < len(toks) and toks[j][0] == _W:
                out[j] = what
                j += 1
        elif kind in (_KK_CITY, _KK_REGION):
            j = i - 1
            while j >= 0 and toks[j][0] in (_W, _SKIP):
                if toks[j][0] == _W:
                    out[j] = "city" if kind == _KK_CITY else "region"
                j -= 1
    return out


@cache
def _kind_keys() -> frozenset[str]:
    return frozenset(_key(w) for w in _KIND_WORDS)


def _without_chambers(toks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the chamber of a court ("судебной коллегии по гражданским делам", "азаматтық істер жөніндегі
    сот алқасы"): its kind of cases is not the court's."""
    out = list(toks)
    for i in [i for i, (kind, _) in enumerate(toks) if kind == _CHAMBER]:
        after = [j for j in range(i + 1, min(i + 5, len(toks))) if toks[j][0] == _CASES]
        if after:  # Russian: "коллегии по гражданским делам"
            for j in range(i + 1, after[0]):
                out[j] = (_SKIP, "")
        before = [j for j in range(max(i - 4, 0), i) if toks[j][0] == _CASES]
        if before:  # Kazakh: "азаматтық істер жөніндегі сот алқасы"
            j = before[-1] - 1
            while j >= 0 and toks[j][0] == _W and before[-1] - j <= 2:
                out[j] = (_SKIP, "")
                j -= 1
    return out


@dataclass(frozen=True)
class _Entry:
    court: Court
    required: Counter[str]
    optional: Counter[str]
    qualified: bool  # the name has a qualifier (a mention without one matches a little less well)


def _entry(court: Court, name: str) -> _Entry | None:
    toks = _tokens(name)
    quals = _qualifier_positions(toks)
    core = [k for i, (kind, k) in enumerate(toks) if kind in (_W, _N) and i not in quals]
    qual = [toks[i][1] for i in sorted(quals)]
    if not any(k and not k.startswith("#") for k in core):  # "Суд города Астаны": the city is the name
        core, qual = core + qual, []
    if not core:
        return None
    optional = {_key(w) for w in _OPTIONAL_WORDS}
    required = [k for k in core if k not in optional] or core
    return _Entry(court, Counter(required), Counter(core) - Counter(required), bool(qual))


_Places = frozenset[tuple[str, str]]  # (key, "city" or "region")


@cache
def _regions() -> dict[str, _Places]:
    """The words that name each region, as a city or as a region: its Russian and Kazakh names, its centre
    (a city), its appellate court ("Алматинский городской суд" names a city)."""
    kinds = _kind_keys()
    out = {}
    with open(REGIONS_FILE, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            is_city = r["region_ru"].startswith("город")
            found: set[tuple[str, str]] = set()
            for col in ("region_ru", "region_kk", "centre", "appellate_court_ru", "appellate_court_kk"):
                what = "city" if is_city or col == "centre" else "region"
                found.update((k, what) for kind, k in _tokens(r[col]) if kind == _W and k not in kinds)
            out[r["region_code"]] = frozenset(found)
    return out


@cache
def _region_names() -> dict[str, tuple[str, str]]:
    with open(REGIONS_FILE, encoding="utf-8") as fh:
        return {r["region_code"]: (r["region_ru"], r["region_kk"]) for r in csv.DictReader(fh)
                if r["region_code"] != "60"}


@dataclass(frozen=True)
class _Index:
    entries: list[_Entry]
    by_key: dict[str, list[int]]  # a required key → the entries that require it
    words: dict[str, frozenset[str]]  # court id → every key of its names
    places: dict[str, frozenset[str]]  # court id → keys of its qualifiers and of its region
    typed: dict[str, _Places]  # court id → the same, each as a city or a region
    vocabulary: frozenset[str]


@cache
def _index() -> _Index:
    regions = _regions()
    entries: list[_Entry] = []
    words: dict[str, set[str]] = {}
    typed: dict[str, set[tuple[str, str]]] = {}
    for c in courts():
        names = [c.name_ru, c.name_kk]
        if c.level == "appeal":  # "суда Акмолинской области", "Астана қаласы сотының"
            row = _region_names().get(c.region_code)
            if row:
                names += [f"Суд {row[0]}", f"{row[1]} соты"]
        words[c.id] = set()
        typed[c.id] = set(regions.get(c.region_code, ()))
        for name in names:
            toks = _tokens(name)
            words[c.id].update(k for kind, k in toks if kind in (_W, _N))
            typed[c.id].update((toks[i][1], what) for i, what in _qualifier_positions(toks).items())
            e = _entry(c, name)
            if e is not None:
                entries.append(e)
    frequency = Counter(k for e in entries for k in e.required)
    by_key: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        by_key.setdefault(min(e.required, key=lambda k: frequency[k]), []).append(i)
    places = {cid: frozenset(k for k, _ in t) for cid, t in typed.items()}
    vocabulary = frozenset().union(*words.values(), *places.values())
    return _Index(entries, by_key, {k: frozenset(v) for k, v in words.items()}, places,
                  {k: frozenset(v) for k, v in typed.items()}, vocabulary)


@lru_cache(maxsize=1 << 16)
def _nearest(key: str) -> tuple[str, float] | None:
    """A word of the table for a word that is not in it (a misprint, an odd inflection), or None."""
    vocabulary = _index().vocabulary
    if key in vocabulary:
        return key, 1.0
    if len(key) < 5:
        return None
    best: tuple[str, float] | None = None
    for v in vocabulary:
        if v[:1] != key[:1] or abs(len(v) - len(key)) > 3:
            continue
        sm = SequenceMatcher(None, key, v)
        if sm.real_quick_ratio() < 0.84 or sm.quick_ratio() < 0.84:
            continue
        r = sm.ratio()
        if r >= 0.84 and (best is None or r > best[1]):
            best = (v, r)
    return best


@dataclass
class _Mention:
    keys: Counter[str]
    sims: dict[str, float]
    typed: _Places  # the keys that follow "г." or precede "области", "қаласы" …
    has_court: bool


def _mention(text: str) -> _Mention:
    toks = _without_chambers(_tokens(text))
    quals = _qualifier_positions(toks)
    keys: Counter[str] = Counter()
    sims: dict[str, float] = {}
    typed: set[tuple[str, str]] = set()
    for i, (kind, k) in enumerate(toks):
        near = (k, 1.0) if kind == _N else _nearest(k) if kind == _W else None
        if near:
            keys[near[0]] += 1
            sims[near[0]] = min(sims.get(near[0], 1.0), near[1])
            if i in quals:
                typed.add((near[0], quals[i]))
    return _Mention(keys, sims, frozenset(typed), any(kind == _C for kind, _ in toks))


_Rank = tuple[int, int, int, int]


def _candidates(m: _Mention, near: _Places) -> list[tuple[_Rank, Court, float]]:
    if not m.has_court or not m.keys:
        return []
    index = _index()
    best: dict[str, tuple[_Rank, Court, float]] = {}
    for k in m.keys:
        for i in index.by_key.get(k, ()):
            e = index.entries[i]
            if e.required - m.keys:
                continue
            rest = m.keys - e.required - e.optional
            words, places, typed = index.words[e.court.id], index.places[e.court.id], index.typed[e.court.id]
            if any(w not in words and w not in places for w in rest):
                continue  # the mention says something this court's name does not
            hits = sum(n for w, n in rest.items() if w in places)
            rank = (hits, len(m.typed & typed), len(near & typed), sum(e.required.values()))
            score = sum(m.sims[w] for w in e.required) / len(e.required)
            score *= 1.0 if hits or not e.qualified else 0.95
            if e.court.id not in best or (rank, score) > (best[e.court.id][0], best[e.court.id][2]):
                best[e.court.id] = (rank, e.court, score)
    return sorted(best.values(), key=lambda x: (x[0], x[2]), reverse=True)


@lru_cache(maxsize=4096)
def _ranked(mention: str, context: str) -> list[tuple[_Rank, Court, float]]:
    near: _Places = frozenset()
    if context:
        toks = _tokens(context)
        found = ((_nearest(toks[i][1]), what) for i, what in _qualifier_positions(toks).items())
        near = frozenset((n[0], what) for n, what in found if n)
    text = re.split(r"\n\s*\n", mention)[-1]  # a heading above a blank line is not part of the name
    ranked = _candidates(_mention(text), near)
    if not ranked and "\n" in text:  # "КАССАЦИЯЛЫҚ ШАҒЫМ\nТараз қалалық сотының": the last line only
        ranked = _candidates(_mention(text.rsplit("\n", 1)[-1]), near)
    return ranked


def court_candidates(mention: str, context: str = "") -> list[Court]:
    """The courts a mention names equally well: one, several when the mention does not tell them apart,
    or none."""
    ranked = _ranked(mention, context)
    return [c for r, c, _ in ranked if r == ranked[0][0]]


def match_court(mention: str, threshold: float = 0.82, context: str = "") -> tuple[Court | None, float]:
    """The court record a mention names, with how well it matches (0–1); (None, score) when no court fits or
    several fit equally well. `context` is text around the mention (the "г. Астаны" after "Есильского
    районного суда"): a city or region named there decides between courts that share a name."""
    ranked = _ranked(mention, context)
    if not ranked:
        return None, 0.0
    rank, court, score = ranked[0]
    if score < threshold or (len(ranked) > 1 and ranked[1][0] == rank):
        return None, score
    return court, score


def normalise(name: str) -> str:
    """The keys of the words of a court's name, without the words every court shares."""
    return " ".join(k for kind, k in _tokens(name) if kind in (_W, _N))
