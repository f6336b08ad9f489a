"""Prefilled template fields from the registry and the petition card (`kenesshi render --petition`, the app).

The values are a draft: whatever the registry and the card know (numbers, dates, parties, courts, acts,
checks, hearing, result, judge), in the template's language. What only a person can decide — the ground for
a return, the proposed action, the number of pages or volumes — is left out, so `render` lists it as missing
until the consultant fills it in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.documents.manifest import load_manifest
from assistant.registry.service import Registry

# Card date roles → act kinds of the manifest (`act_kinds`), in the order a court lists them.
_ACTS = (("first_instance_decision", "decision", "first"), ("appeal_ruling", "resolution", "appeal"))
_PARTY_ROLES_FIRST = ("applicant", "plaintiff", "defendant", "third_party", "representative", "prosecutor")


def _court_name(court: dict[str, Any], lang: str) -> str:
    """The court's name in the nominative from the court table when the card linked it, else as written."""
    extra = court.get("extra") or {}
    return extra.get(f"name_{lang}") or extra.get("name_ru") or court["text"]


def _acts(card: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    dates = card.get("dates") or {}
    courts = card.get("courts") or []
    acts = []
    for role, kind, level in _ACTS:
        if role not in dates:
            continue
        court = next((c for c in courts if c.get("value") == level), None)
        acts.append({"kind": kind, "court": _court_name(court, lang) if court else "",
                     "date": dt.date.fromisoformat(dates[role])})
    return acts


def _people(petition: Any) -> list[dict[str, Any]]:
    order = {r: i for i, r in enumerate(_PARTY_ROLES_FIRST)}
    parties = sorted(petition.parties, key=lambda p: order.get(p.role, len(order)))
    return [{"name": p.name, "role": p.role or "applicant"} for p in parties]


def petition_context(registry: Registry, reg_no: str, template_id: str, lang: str, *,
                     consultant: str | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """The fields of `template_id` that the registry can fill for petition `reg_no`."""
    spec = load_manifest().templates[template_id]
    wanted = set(spec.fields)
    p = registry.petition(reg_no)
    card = p.card or _card_of(p.text, p.lang, lang)
    today = today or dt.date.today()
    people = _people(p) or _card_people(card)
    filer = next((x for x in people if x["role"] in ("applicant", "plaintiff")), people[0] if people else None)
    courts = card.get("courts") or []
    first_court = next((c for c in courts if c.get("value") == "first"), None)
    hearing = p.hearings[-1] if p.hearings else None
    checks = [{"title": c["title"], "status": c["status"], "basis": c.get("basis", ""), "detail": c.get("detail", "")}
              for c in card.get("checks") or []]
    amounts = card.get("amounts_kzt") or []
    deadline_check = next((c for c in card.get("checks") or [] if c.get("id") == "deadline"), None)
    values: dict[str, Any] = {
        "regime": p.regime, "reg_no": p.reg_no, "filed_on": p.received_on,
        "case_no": p.lower_case_no or p.reg_no, "acts": _acts(card, lang),
        "out_no": p.reg_no, "out_date": today, "memo_date": today,
        "judge": p.judge.name(lang) if p.judge else None, "consultant": consultant,
        "consultant_phone": registry_settings_phone(),
        "addressee": filer, "filer": filer, "parties": people, "addressees": people,
        "lower_court": (_court_name(first_court, lang) if first_court else p.lower_court) or None,
        "category": p.final_category, "entry_into_force": _date((card.get("dates") or {}).get("entry_into_force")),
        "claim_amount": amounts[0]["value"] if amounts and amounts[0].get("value") else None,
        "deadline": _deadline_value(deadline_check),
        "checks": checks,
        "similar_cases": similar_cases(registry, p),
        "ruling_date": p.decided_on, "outcome": p.outcome if p.outcome else None,
        "ruling_kind": "resolution" if p.decided_on else None,
    }
    due = next((d.due for d in p.deadlines if d.name == "case_file_arrival" and d.met_on is None), None)
    values["due_date"] = due
    if hearing is not None:
        values.update({"hearing_date": hearing.scheduled_for.date(),
                       "hearing_time": hearing.scheduled_for.strftime("%H:%M"), "online": hearing.mode == "online",
                       "video_link" if hearing.mode == "online" else "hall": hearing.place})
    return {k: v for k, v in values.items() if v not in (None, "", []) and k in wanted}


def _card_of(text: str, text_lang: str, lang: str) -> dict[str, Any]:
    """Petitions registered without a card (demo data, imports) get one now, from their text."""
    if not text.strip():
        return {}
    from assistant.nlp.card import build_card

    return build_card(text, text_lang if text_lang in ("ru", "kk") else None).to_json(lang)


def _card_people(card: dict[str, Any]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    people = []
    for party in card.get("parties") or []:
        if party.get("role") and party["role"] != "judge" and party["text"] not in seen:
            seen.add(party["text"])
            people.append({"name": party["text"], "role": party["role"]})
    return people


def similar_cases(registry: Registry, petition: Any, limit: int = 5) -> list[dict[str, Any]]:
    """Decided petitions of the same category from the same region (then any region), newest first."""
    if not petition.final_category:
        return []
    found = [x for x in registry.search(category=petition.final_category, region=petition.region_code,
                                        status=["decided", "case_returned", "archived"], limit=limit + 1)
             if x.reg_no != petition.reg_no and x.outcome]
    if len(found) < limit and petition.region_code:
        seen = {x.reg_no for x in found} | {petition.reg_no}
        found += [x for x in registry.search(category=petition.final_category,
                                             status=["decided", "case_returned", "archived"], limit=limit * 2)
                  if x.reg_no not in seen and x.outcome]
    return [{"reg_no": x.reg_no, "decided_on": x.decided_on, "outcome": x.outcome,
             "note": x.lower_court} for x in found[:limit]]


def registry_settings_phone() -> str | None:
    from assistant.config import load_settings

    return load_settings().court_phone or None


def _deadline_value(check: dict[str, Any] | None) -> dt.date | None:
    """The last day of the filing term from the card's deadline check (its value holds the computed term)."""
    value = (check or {}).get("value")
    if isinstance(value, dict):
        value = value.get("last_day") or value.get("deadline")
    return _date(value) if isinstance(value, str) else None


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
