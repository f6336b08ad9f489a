"""The intake flow of one petition: extracted text → card → category suggestion → registry input.

The arrows of ARCHITECTURE.md meet here so the CLI (`kenesshi register`) and the app do the same thing:
this module ties ingest, nlp and classify output to the registry's plain `PetitionInput`; the registry itself
imports none of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from assistant.registry.service import PartyInput, PetitionInput

APPELLATE_LEVELS = ("appeal",)  # levels of assistant/data/courts.csv and card_roles.yaml


def petition_input(text: str, lang: str, *, card: Any | None = None, suggestion: dict[str, Any] | None = None,
                   received_on: dt.date | None = None, source_sha256: str | None = None, source_name: str = "",
                   final_category: str | None = None, by_whom: str = "") -> PetitionInput:
    """Registry input from a petition's text and its card (`PetitionCard`) and suggestion (`Suggestion.to_json()`)."""
    parties: list[PartyInput] = []
    region = lower_court = lower_case = ""
    card_json = None
    if card is not None:
        card_json = card.to_json(lang)
        ids = [f.value for f in card.iin_bin]
        seen: set[str] = set()
        for f in card.parties:
            if f.role in (None, "judge") or f.text in seen:
                continue
            seen.add(f.text)
            near = next((i.value for i in card.iin_bin if 0 <= i.start - f.end <= 200), None)
            parties.append(PartyInput(name=f.text, role=f.role or "", iin_bin=near if near in ids else None))
        # The lower court is the one whose act is appealed: never the cassation court or the Supreme Court the
        # complaint is addressed to.
        courts = sorted((c for c in card.courts if c.value not in ("cassation", "supreme")),
                        key=lambda c: (c.value not in APPELLATE_LEVELS, c.start))
        if courts:
            c = courts[0]
            lower_court = c.extra.get(f"name_{lang}") or c.text
            region = c.extra.get("region_code") or ""
        if card.case_numbers:
            lower_case = card.case_numbers[0].value
            region = region or (card.case_numbers[0].extra.get("region_code") or "")
    return PetitionInput(
        received_on=received_on or dt.date.today(), text=text, lang=lang, source_sha256=source_sha256,
        source_name=source_name, suggestion=suggestion, final_category=final_category, card=card_json,
        parties=parties, region_code=region or None, lower_court=lower_court, lower_case_no=lower_case,
        summary="", by_whom=by_whom)


def make_suggester(model_dir: Any) -> Callable[[str], dict[str, Any] | None]:
    """The classifier's suggestion as plain data, or nothing when no model is installed."""
    from assistant.classify.modelio import ModelLoadError
    from assistant.classify.predict import CategoryClassifier

    try:
        clf = CategoryClassifier.load(model_dir)
    except ModelLoadError:
        return lambda text: None
    return lambda text: clf.suggest(text).to_json()
