"""The committed model (models/category/): suggestions, abstention, explanations, safe loading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import skops.io as sio

from assistant.categories import UNSURE, codes
from assistant.classify.corpus import read_jsonl
from assistant.classify.modelio import METRICS_FILE, MODEL_FILE, ModelLoadError, sha256_file
from assistant.classify.predict import DEFAULT_MODEL_DIR, CategoryClassifier

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def clf() -> CategoryClassifier:
    return CategoryClassifier.load()


@pytest.fixture(scope="module")
def dev():
    return read_jsonl(ROOT / "corpus" / "dev.jsonl")


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("code", codes())
def test_every_category_is_reachable_in_both_languages(clf, dev, code, lang):
    train = read_jsonl(ROOT / "corpus" / "train.jsonl")
    texts = [d.text for d in dev + train if d.category == code and d.lang == lang]
    suggestions = clf.suggest_many(texts, n_terms=0)
    assert any(s.category == code for s in suggestions), f"{code} never suggested for {lang} texts"


OFF_TOPIC = {
    "empty": "",
    "gibberish": "ывапр олдж фыва ячсм итьб ждлор пааааа ккккк шщзх",
    "numbers": "12.03.2025 № 7517-21-00-2/6609 5 000 000 900101300007",
    "recipe_ru": ("Бешбармак. Отварите баранину в подсоленной воде два часа, снимая пену. Раскатайте тесто "
                  "тонко, нарежьте ромбами и отварите в бульоне. Выложите тесто на блюдо, сверху мясо и лук, "
                  "полейте сорпой. Подавайте горячим, приятного аппетита!"),
    "recipe_kk": ("Бауырсақ пісіру үшін ұнды, сүтті, ашытқыны және тұзды араластырып, қамыр илеңіз. Қамырды "
                  "бір сағат жылы жерде ашытыңыз, кейін кесіп, қызған майға қуырыңыз. Дастарханға ыстықтай "
                  "шәймен бірге беріңіз."),
    "tax_admin": ("В специализированный межрайонный административный суд. Административный иск к "
                  "Управлению государственных доходов по Алматинскому району об оспаривании уведомления о "
                  "результатах налоговой проверки и доначислении корпоративного подоходного налога. Прошу "
                  "признать незаконным уведомление налогового органа в порядке Административного "
                  "процедурно-процессуального кодекса."),
}


@pytest.mark.parametrize("name", list(OFF_TOPIC))
def test_abstains_on_text_outside_civil_cassation(clf, name):
    s = clf.suggest(OFF_TOPIC[name])
    assert s.category == UNSURE, (name, s)
    assert s.reason in {"too_little_text", "out_of_scope", "below_threshold"}


def test_confident_suggestion_has_reasons(clf):
    text = ("Кассационная жалоба. Банк взыскал с меня задолженность по договору банковского займа, "
            "проценты и неустойку. Суды не учли, что кредит был погашен досрочно, а пеня несоразмерна. "
            "Прошу отменить решение о взыскании долга по кредиту.")
    s = clf.suggest(text)
    assert s.category == "LOAN" and s.reason == "confident"
    assert s.confidence >= clf.threshold
    assert next(a for a, _ in s.alternatives) == "LOAN" and len(s.alternatives) == 3
    assert s.terms and all(t in text.lower() for t, _ in s.terms), s.terms
    assert json.loads(json.dumps(s.to_json()))["category"] == "LOAN"


def test_kazakh_suggestion_with_kazakh_terms(clf):
    text = ("Кассациялық шағым. Жұмыс беруші мені еңбек шартын бұзып, жұмыстан заңсыз шығарды, жалақы "
            "берешегін төлемеді. Мені жұмысқа қайта алуды және мәжбүрлі бос жүрген уақыт үшін жалақы "
            "өндіріп беруді сұраймын.")
    s = clf.suggest(text)
    assert s.category == "LABOUR"
    assert any(any(c in t for c in "әғқңөұүһі") for t, _ in s.terms)


def test_same_input_same_output(clf, dev):
    texts = [d.text for d in dev[:300]]
    a = clf.probabilities(texts)
    b = clf.probabilities(texts)
    c = clf.probabilities(texts, jobs=2)
    assert (a == b).all()
    assert abs(a - c).max() < 1e-12
    first = [s.to_json() for s in clf.suggest_many(texts[:20])]
    assert first == [s.to_json() for s in clf.suggest_many(texts[:20])]


def test_card_and_metrics_are_shipped():
    meta = json.loads((DEFAULT_MODEL_DIR / METRICS_FILE).read_text(encoding="utf-8"))
    assert meta["model_sha256"] == sha256_file(DEFAULT_MODEL_DIR / MODEL_FILE)
    for key in ("data_sha256", "params", "threshold", "cv", "dev", "training_seconds"):
        assert meta[key] is not None, key
    card = (DEFAULT_MODEL_DIR / "card.md").read_text(encoding="utf-8")
    assert "macro-F1" in card and meta["data_sha256"][:16] in card
    assert (DEFAULT_MODEL_DIR / "confusion_cv.png").stat().st_size > 1000
    assert (DEFAULT_MODEL_DIR / "confusion_dev.png").stat().st_size > 1000


def test_dev_targets_reached_and_baseline_beaten():
    meta = json.loads((DEFAULT_MODEL_DIR / METRICS_FILE).read_text(encoding="utf-8"))
    ours, base = meta["dev"]["ours"], meta["dev"]["baseline"]
    assert ours["per_lang"]["ru"]["macro_f1"] >= 0.85
    assert ours["per_lang"]["kk"]["macro_f1"] >= 0.80
    assert ours["macro_f1"] > base["macro_f1"]
    assert meta["cv"]["accepted_precision"] >= 0.95


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    return target


def test_changed_model_file_is_refused(tmp_path):
    target = _copy_model(tmp_path)
    data = bytearray((target / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (target / MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match="does not match the hash"):
        CategoryClassifier.load(target)


def test_model_with_a_foreign_type_is_refused_even_with_a_matching_hash(tmp_path):
    import collections

    target = _copy_model(tmp_path)
    evil = {"model": collections.Counter(a=1), "why": "types outside the allow-list"}
    sio.dump(evil, target / MODEL_FILE)
    meta = json.loads((target / METRICS_FILE).read_text(encoding="utf-8"))
    meta["model_sha256"] = sha256_file(target / MODEL_FILE)
    (target / METRICS_FILE).write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="allow-list"):
        CategoryClassifier.load(target)


def test_missing_model_says_how_to_train(tmp_path):
    with pytest.raises(ModelLoadError, match="kenesshi train"):
        CategoryClassifier.load(tmp_path)
