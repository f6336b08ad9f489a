"""The table of courts (assistant/data/courts.csv) and the matching of court mentions in Russian and Kazakh."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
import yaml

from assistant.nlp.courts import DATA_FILE, court_candidates, courts, match_court

DATA = Path(DATA_FILE).parent
LEVELS = {"supreme", "cassation", "appeal", "first"}


@pytest.mark.parametrize(("mention", "court_id"), [
    # district courts of Almaty, Russian, in several cases and spellings
    ("Алмалинского районного суда г. Алматы", "almaty_almalinsky"),
    ("Алмалинским районным судом города Алматы", "almaty_almalinsky"),
    ("в Алмалинский районный суд г.Алматы", "almaty_almalinsky"),
    ("Решением Алмалинского районного суда", "almaty_almalinsky"),  # the district alone is unique
    ("районным судом №2 Алмалинского района г.Алматы", "almaty_almalinsky_2"),
    ("Районный суд № 2 Алмалинского района г. Алматы", "almaty_almalinsky_2"),
    ("Медеуского районного суда г. Алматы", "almaty_medeu"),
    ("Бостандыкским районным судом", "almaty_bostandyk"),
    # the same in Kazakh
    ("Алматы қаласы Алмалы аудандық сотының", "almaty_almalinsky"),
    ("Алматы қаласы Алмалы ауданының №2 аудандық сотының", "almaty_almalinsky_2"),
    ("Әуезов аудандық сотының шешімімен", "almaty_auezov"),
    ("Алматы қаласы Алмалы аудандык сотынын", "almaty_almalinsky"),  # Kazakh typed in Russian letters
    # Astana and Shymkent
    ("Есильского районного суда г. Астаны", "astana_esil"),
    ("Астана қаласы Есіл аудандық сотының", "astana_esil"),
    ("Байконурского районного суда г. Астаны", "astana_baikonur"),
    ("Межрайонным судом по гражданским делам г. Астаны", "astana_civil"),
    ("Абайского районного суда г. Шымкента", "shymkent_abay"),
    ("Шымкент қаласы Әл-Фараби аудандық сотының", "shymkent_al_farabi"),
    # oblasts: district and city courts
    ("Карасайского районного суда Алматинской области", "almaty_obl_karasai"),
    ("Алматы облысы Қарасай аудандық сотының", "almaty_obl_karasai"),
    ("Кокшетауского городского суда", "akmola_kokshetau_city"),
    ("Көкшетау қалалық сотының", "akmola_kokshetau_city"),
    ("Усть-Каменогорским городским судом", "vko_ust_kamenogorsk_city"),
    ("Өскемен қалалық сотына", "vko_ust_kamenogorsk_city"),
    ("Казыбекбийского районного суда г. Караганды", "karaganda_kazybekbi"),
    ("Қарағанды қаласы Қазыбек би аудандық сотының", "karaganda_kazybekbi"),
    ("Абайского районного суда области Абай", "abay_abay"),
    ("Жамбылского районного суда Жамбылской области", "zhambyl_zhambyl"),
    ("Есильского районного суда СКО", "sko_esil"),
    ("Сайрам аудандық сотының", "turkestan_sairam"),
    ("Павлодар қалалық № 2 сотының", "pavlodar_pavlodar_city_2"),
    # specialised inter-district courts
    ("Специализированный межрайонный суд по делам несовершеннолетних г. Алматы", "juvenile_75"),
    ("Алматы қаласының кәмелетке толмағандардың істері жөніндегі мамандандырылған ауданаралық сотының",
     "juvenile_75"),
    ("СМЭС г. Алматы", "economic_75"),
    ("межрайонного экономического суда Карагандинской области", "economic_35"),
    ("СМАС Мангистауской области", "admin_47"),
    # courts above the first instance still match
    ("Карагандинского областного суда", "appeal_35"),
    ("Постановлением судебной коллегии по гражданским делам Алматинского городского суда", "appeal_75"),
    ("Азаматтық істер жөніндегі кассациялық сотқа", "cassation_civil"),
    ("Кассационный cуд по гражданским делам", "cassation_civil"),  # a Latin "c"
    ("Қазақстан Республикасы Жоғарғы Сотының", "supreme"),
    ("КАССАЦИЯЛЫҚ ШАҒЫМ\nТараз қалалық сотының", "zhambyl_taraz_city"),  # a heading line before the name
])
def test_mentions_name_their_court(mention, court_id):
    court, score = match_court(mention)
    assert court is not None and court.id == court_id, (mention, court_candidates(mention))
    assert 0.82 <= score <= 1.0


@pytest.mark.parametrize(("mention", "among"), [
    # the same district name in several regions, and nothing in the mention to choose
    ("Есіл аудандық сотының шешімімен", {"astana_esil", "akmola_esil", "sko_esil"}),
    ("Есильского районного суда", {"astana_esil", "akmola_esil", "sko_esil"}),
    ("Абайского районного суда", {"shymkent_abay", "abay_abay", "karaganda_abay"}),
    ("Жамбыл аудандық сотының", {"almaty_obl_zhambyl", "zhambyl_zhambyl", "sko_zhambyl"}),
    ("Актогайского районного суда", {"karaganda_aktogai", "pavlodar_aktogai"}),
    ("Специализированного межрайонного экономического суда", {"economic_75", "economic_71", "economic_35"}),
    ("межрайонного суда по гражданским делам", {"astana_civil", "shymkent_civil"}),
])
def test_ambiguous_mentions_name_no_court(mention, among):
    court, _ = match_court(mention)
    assert court is None
    assert among <= {c.id for c in court_candidates(mention)}


@pytest.mark.parametrize("mention", [
    "г. Астана", "Алматинской области", "районного суда", "суд первой инстанции", "Кассационный суд",
    "Военного суда Актауского гарнизона", "Районный суд №3 Алмалинского района",  # no such court in the table
    "Кокшетауского областного суда", "Алмалинский район", "аудандық сот", "Апелляциялық сатыдағы сот",
])
def test_non_courts_and_unknown_courts_do_not_match(mention):
    assert match_court(mention)[0] is None


def test_context_picks_between_courts_that_share_a_name():
    assert match_court("Есильского районного суда")[0] is None
    assert match_court("Есильского районного суда", context=" г. Астаны от 3 мая")[0].id == "astana_esil"
    assert match_court("Есильского районного суда", context="Акмолинской области")[0].id == "akmola_esil"
    assert match_court("Есіл аудандық сотының", context="Солтүстік Қазақстан облысы")[0].id == "sko_esil"
    # a region named elsewhere in the context does not decide
    assert match_court("Есильского районного суда", context=", оставленным Акмолинским областным судом")[0] is None


def test_table_rows_are_complete_and_consistent():
    with open(DATA / "regions.csv", encoding="utf-8") as fh:
        regions = {r["region_code"] for r in csv.DictReader(fh)}
    with open(DATA / "card_roles.yaml", encoding="utf-8") as fh:
        assert set(yaml.safe_load(fh)["court_levels"]) == LEVELS
    with open(DATA_FILE, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["court_id", "level", "region_code", "court_code", "name_ru", "name_kk", "status"]
    ids = [r["court_id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["court_id"].isascii() and r["court_id"] == r["court_id"].lower(), r
        assert r["level"] in LEVELS, r
        assert r["region_code"] in regions or (r["level"] == "cassation" and not r["region_code"]), r
        assert r["name_ru"].strip() and r["name_kk"].strip(), r
        assert r["status"].startswith("["), r  # verified or not, every row says so
        assert not r["court_code"] or (len(r["court_code"]) == 2 and r["court_code"].isdigit()), r
    assert len(rows) >= 200
    # every region has first-instance courts besides its economic and administrative ones
    first = {r["region_code"] for r in rows if r["level"] == "first" and not r["court_id"].startswith(
        ("economic_", "admin_"))}
    assert regions - {"60"} <= first


def test_every_court_matches_its_own_names():
    for c in courts():
        for name in (c.name_ru, c.name_kk):
            got, _ = match_court(name)
            assert got is not None and got.id == c.id, (name, court_candidates(name))


def test_matching_is_fast_after_the_index_is_built():
    match_court("Алмалинского районного суда")
    start = time.perf_counter()
    for i in range(300):
        match_court(f"Решением {i} Есильского районного суда г. Астаны", context=str(i))
    assert (time.perf_counter() - start) / 300 < 0.002
