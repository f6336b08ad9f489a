"""The registry: the system of record for petitions, their movement, judges, distribution and deadlines.

`Registry(url)` is the one class the CLI and the app use (like datasette's core class). Every write is one
transaction (`in_transaction`): a registration either lands whole — petition, parties, number, assignment,
events, deadlines — or not at all, and registering the same file again (same sha256) returns the first
registration instead of a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from assistant.calendar import WorkCalendar, default_calendar
from assistant.categories import UNSURE, categories
from assistant.registry import models as m
from assistant.registry.db import in_transaction, is_sqlite, read_session
from assistant.registry.distribution import Decision, JudgeState, choose_judge
from assistant.registry.reference import (
    EVENT_KINDS,
    KINDS,
    REGIMES,
    TERMINAL_STATUSES,
    outcomes,
    registry_settings,
)
from assistant.registry.schema import is_current, migrate

REFORM_DATE = dt.date(2025, 7, 1)
_DISTRIBUTION_LOCK = "distribution"


class RegistryError(Exception):
    """A request the registry refuses; `code` is stable, `params` fill the kk/ru message (locales: registry.*)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}" if params else code)
        self.code = code
        self.params = params

    def message(self, lang: str = "ru") -> str:
        from assistant.i18n import t

        return t(f"registry.errors.{self.code}", lang, **self.params)


def normalise_for_search(text: str) -> str:
    """Case-folded, ё→е, NFC, one space between words: the same on SQLite and PostgreSQL."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return re.sub(r"\s+", " ", text).strip()


def regime_for(received_on: dt.date) -> str:
    return "post" if received_on >= REFORM_DATE else "pre"


@dataclass
class PartyInput:
    name: str
    role: str = ""
    iin_bin: str | None = None


@dataclass
class PetitionInput:
    """What the intake hands to the registry (plain data: the registry does not import the classifier)."""

    received_on: dt.date
    text: str = ""
    lang: str = "ru"
    kind: str | None = None  # complaint | petition | protest; None = from the regime (and a protest cue)
    source_sha256: str | None = None
    source_name: str = ""
    suggestion: dict[str, Any] | None = None  # Suggestion.to_json()
    final_category: str | None = None  # None = the suggestion when it is not UNSURE
    card: dict[str, Any] | None = None
    parties: list[PartyInput] = field(default_factory=list)
    region_code: str | None = None
    lower_court: str = ""
    lower_case_no: str = ""
    summary: str = ""
    conflicts: list[str] = field(default_factory=list)  # judge codes known to have taken part in the case
    by_whom: str = ""


@dataclass
class Registration:
    reg_no: str
    petition_id: int
    created: bool  # False: the file was registered before (idempotent by sha256)
    status: str
    category: str | None
    judge: str | None  # judge code
    decision: dict[str, Any] | None


class Registry:
    def __init__(self, url: str, calendar: WorkCalendar | None = None) -> None:
        self.url = url
        self.calendar = calendar or default_calendar()
        self.settings = registry_settings()

    # ----------------------------------------------------------------------------------------- schema
    def init(self) -> str | None:
        return migrate(self.url)

    def ensure_schema(self) -> None:
        if not is_current(self.url):
            migrate(self.url)

    # ---------------------------------------------------------------------------------------- judges
    def upsert_judges(self, roster: Iterable[dict[str, Any]]) -> int:
        rows = list(roster)

        def work(s: Session) -> int:
            for row in rows:
                judge = s.scalar(select(m.Judge).where(m.Judge.code == row["code"]))
                if judge is None:
                    judge = m.Judge(code=row["code"])
                    s.add(judge)
                judge.name_ru, judge.name_kk = row["name_ru"], row.get("name_kk") or row["name_ru"]
                judge.roster_order = int(row.get("order", 0))
                judge.active_from = _date_or_none(row.get("active_from"))
                judge.active_to = _date_or_none(row.get("active_to"))
                judge.specializations = [m.JudgeSpecialization(category=c) for c in row["categories"]]
            return len(rows)

        return in_transaction(self.url, work)

    def set_specializations(self, judge_code: str, category_codes: Sequence[str]) -> None:
        unknown = [c for c in category_codes if c not in categories()]
        if unknown:
            raise RegistryError("unknown_category", category=", ".join(unknown))

        def work(s: Session) -> None:
            judge = self._judge(s, judge_code)
            judge.specializations = [m.JudgeSpecialization(category=c) for c in sorted(set(category_codes))]

        in_transaction(self.url, work)

    def add_absence(self, judge_code: str, start: dt.date, end: dt.date, reason: str = "") -> None:
        if end < start:
            raise RegistryError("bad_period", start=start.isoformat(), end=end.isoformat())

        def work(s: Session) -> None:
            s.add(m.Absence(judge_id=self._judge(s, judge_code).id, start=start, end=end, reason=reason))

        in_transaction(self.url, work)

    def judges(self) -> list[m.Judge]:
        with read_session(self.url) as s:
            return list(s.scalars(select(m.Judge).options(selectinload(m.Judge.specializations),
                                                         selectinload(m.Judge.absences))
                                  .order_by(m.Judge.roster_order, m.Judge.code)))

    @staticmethod
    def _judge(s: Session, code: str) -> m.Judge:
        judge = s.scalar(select(m.Judge).where(m.Judge.code == code))
        if judge is None:
            raise RegistryError("unknown_judge", judge=code)
        return judge

    # ---------------------------------------------------------------------------------- registration
    def register(self, data: PetitionInput) -> Registration:
        """Register one petition and distribute it, in one transaction (idempotent by source sha256)."""
        if data.kind is not None and data.kind not in KINDS:
            raise RegistryError("bad_kind", kind=data.kind)
        category = data.final_category
        if category is None and data.suggestion and data.suggestion.get("category") not in (None, UNSURE):
            category = data.suggestion["category"]
        if category is not None and category not in categories():
            raise RegistryError("unknown_category", category=category)
        return in_transaction(self.url, lambda s: self._register(s, data, category))

    def _registration(self, s: Session, p: m.Petition, created: bool) -> Registration:
        a = s.scalar(select(m.Assignment).where(m.Assignment.petition_id == p.id, m.Assignment.active))
        return Registration(p.reg_no, p.id, created, p.status, p.final_category,
                            p.judge.code if p.judge else None, a.inputs if a else None)

    def _register(self, s: Session, data: PetitionInput, category: str | None) -> Registration:
        self._serialize(s)
        if data.source_sha256:
            p = s.scalar(select(m.Petition).where(m.Petition.source_sha256 == data.source_sha256))
            if p is not None:  # registered by a concurrent process while we waited for the lock
                return self._registration(s, p, created=False)
        regime = regime_for(data.received_on)
        kind = data.kind or _kind_from_text(data.text, regime)
        p = m.Petition(
            reg_no=self._next_number(s, kind, data.received_on), kind=kind, regime=regime,
            received_on=data.received_on, lang=data.lang, status="registered", source_sha256=data.source_sha256,
            source_name=data.source_name, text=data.text, region_code=data.region_code,
            lower_court=data.lower_court, lower_case_no=data.lower_case_no,
            suggested_category=(data.suggestion or {}).get("category"), suggestion=data.suggestion,
            final_category=category, card=data.card, summary=data.summary, created_by=data.by_whom,
            parties=[m.Party(name=x.name, role=x.role, iin_bin=x.iin_bin) for x in data.parties],
        )
        if data.final_category and data.final_category != p.suggested_category:
            p.category_changed_by, p.category_changed_at = data.by_whom, m.utcnow()
        p.search_text = self._search_text(p)
        s.add(p)
        s.flush()
        self._event(s, p, "received", data.received_on, data.by_whom)
        if p.category_changed_by is not None:
            self._event(s, p, "category_changed", data.received_on, data.by_whom,
                        data={"from": p.suggested_category, "to": category, "suggested": p.suggested_category})
        for code in data.conflicts:
            s.add(m.Conflict(petition_id=p.id, judge_id=self._judge(s, code).id, reason="listed"))
        self._add_named_conflicts(s, p)
        decision = None
        if category is not None:
            decision = self._distribute(s, p, data.received_on, data.by_whom)
        return self._registration(s, p, created=True) if decision is None else Registration(
            p.reg_no, p.id, True, p.status, category, decision.judge, decision.to_json())

    @staticmethod
    def _serialize(s: Session) -> None:
        """Make distributing writers take turns. SQLite's BEGIN IMMEDIATE already does; on PostgreSQL the
        first statement locks one counter row, so loads are read after the previous distribution committed."""
        if s.get_bind().dialect.name != "sqlite":
            Registry._lock(s, _DISTRIBUTION_LOCK, 0)

    @staticmethod
    def _lock(s: Session, scope: str, year: int) -> int:
        """Increment and return the counter (scope, year), holding its row lock until the transaction ends."""
        dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
        s.execute(dialect.insert(m.Counter).values(scope=scope, year=year, value=0).on_conflict_do_nothing())
        return int(s.execute(update(m.Counter).where(m.Counter.scope == scope, m.Counter.year == year)
                             .values(value=m.Counter.value + 1).returning(m.Counter.value)).scalar_one())

    def _next_number(self, s: Session, kind: str, received_on: dt.date) -> str:
        cfg = self.settings["numbering"]
        index = cfg["index"][kind]
        seq = self._lock(s, f"number:{index}", received_on.year)
        return cfg["pattern"].format(region=cfg["region"], court=cfg["court"], yy=f"{received_on.year % 100:02d}",
                                     yyyy=received_on.year, index=index, seq=seq)

    @staticmethod
    def _search_text(p: m.Petition) -> str:
        parts = [p.reg_no, p.lower_case_no, p.lower_court, p.source_name, p.summary]
        parts += [f"{x.name} {x.iin_bin or ''}" for x in p.parties]
        return normalise_for_search(" ".join(parts) + " " + p.text)

    def _add_named_conflicts(self, s: Session, p: m.Petition) -> None:
        """A judge of the collegium named in the petition (surname with initials, or the full name) probably
        took part in the case below: exclude them and say why (the consultant can lift it by reassigning)."""
        text = normalise_for_search(p.text)
        if not text:
            return
        known = set(s.scalars(select(m.Conflict.judge_id).where(m.Conflict.petition_id == p.id)))
        for judge in self._roster(s):
            if judge["id"] in known:
                continue
            surnames = {normalise_for_search(n).split(" ")[0] for n in (judge["name_ru"], judge["name_kk"])}
            if not any(surname and surname in text for surname in surnames):
                continue  # cheap test first: most petitions name no judge of the collegium
            for pattern in _name_patterns(judge["name_ru"], judge["name_kk"]):
                found = pattern.search(text)
                if found:
                    s.add(m.Conflict(petition_id=p.id, judge_id=judge["id"], reason=f"named: {found.group(0)}"))
                    break

    def _event(self, s: Session, p: m.Petition, kind: str, on: dt.date, by: str, note: str = "",
               data: dict[str, Any] | None = None) -> m.Event:
        if kind not in EVENT_KINDS:
            raise RegistryError("bad_event", event=kind)
        ev = m.Event(petition_id=p.id, kind=kind, on_date=on, by_whom=by, note=note, data=data or {})
        s.add(ev)
        if EVENT_KINDS[kind]:
            p.status = EVENT_KINDS[kind]  # type: ignore[assignment]
        self._deadlines_after(s, p, kind, on)
        return ev

    # ----------------------------------------------------------------------------------- distribution
    def _judge_states(self, s: Session, day: dt.date) -> list[JudgeState]:
        open_statuses = self.settings["distribution"]["open_statuses"]
        loads = dict(s.execute(select(m.Petition.judge_id, func.count())
                               .where(m.Petition.status.in_(open_statuses), m.Petition.judge_id.is_not(None))
                               .group_by(m.Petition.judge_id)).all())
        last = dict(s.execute(select(m.Assignment.judge_id, func.max(m.Assignment.id))
                              .group_by(m.Assignment.judge_id)).all())
        year = dict(s.execute(select(m.Petition.judge_id, func.count())
                              .where(m.Petition.judge_id.is_not(None),
                                     m.Petition.received_on >= dt.date(day.year, 1, 1),
                                     m.Petition.received_on <= dt.date(day.year, 12, 31))
                              .group_by(m.Petition.judge_id)).all())
        return [JudgeState(j["code"], frozenset(j["categories"]), j["order"], int(loads.get(j["id"], 0)),
                           last.get(j["id"]), j["active_from"], j["active_to"], tuple(j["absences"]),
                           int(year.get(j["id"], 0))) for j in self._roster(s)]

    @staticmethod
    def _roster(s: Session) -> list[dict[str, Any]]:
        """Judges with specializations and absences as plain rows (Core queries: this runs on every registration),
        read once per transaction."""
        if "roster" not in s.info:
            s.info["roster"] = Registry._read_roster(s)
        return s.info["roster"]

    @staticmethod
    def _read_roster(s: Session) -> list[dict[str, Any]]:
        judges = {row.id: {"id": row.id, "code": row.code, "name_ru": row.name_ru, "name_kk": row.name_kk,
                           "order": row.roster_order, "active_from": row.active_from, "active_to": row.active_to,
                           "categories": [], "absences": []}
                  for row in s.execute(select(m.Judge.__table__))}
        for judge_id, category in s.execute(select(m.JudgeSpecialization.judge_id, m.JudgeSpecialization.category)):
            judges[judge_id]["categories"].append(category)
        for judge_id, start, end in s.execute(select(m.Absence.judge_id, m.Absence.start, m.Absence.end)):
            judges[judge_id]["absences"].append((start, end))
        return list(judges.values())

    def _distribute(self, s: Session, p: m.Petition, day: dt.date, by: str) -> Decision:
        conflicts = [j.code for j in s.scalars(select(m.Judge).join(m.Conflict, m.Conflict.judge_id == m.Judge.id)
                                               .where(m.Conflict.petition_id == p.id))]
        decision = choose_judge(self._judge_states(s, day), p.final_category or "", day, conflicts=conflicts,
                                days_before_absence=int(self.settings["distribution"]["days_before_absence"]),
                                catch_up=bool(self.settings["distribution"].get("catch_up", True)))
        if decision.judge is None:  # stays unassigned; the reason is kept for the audit trail and the app
            self._event(s, p, "not_distributed", day, by, note=decision.reason, data=decision.to_json())
            return decision
        judge_id = next(j["id"] for j in self._roster(s) if j["code"] == decision.judge)
        inputs = {"category": p.final_category, "date": day.isoformat(), **decision.to_json()}
        self._assign(s, p, judge_id, decision.judge, "auto", decision.reason, inputs, by, day)
        return decision

    def _assign(self, s: Session, p: m.Petition, judge_id: int, judge_code: str, rule: str, reason: str,
                inputs: dict[str, Any], by: str, day: dt.date) -> None:
        previous = p.judge_id
        if previous is not None:
            s.execute(update(m.Assignment).where(m.Assignment.petition_id == p.id, m.Assignment.active)
                      .values(active=False))
        s.add(m.Assignment(petition_id=p.id, judge_id=judge_id, rule=rule, reason=reason, inputs=inputs,
                           by_whom=by))
        p.judge_id = judge_id
        self._event(s, p, "reassigned" if previous else "assigned", day, by, note=reason,
                    data={"judge": judge_code, "rule": rule})

    def distribute(self, reg_no: str, day: dt.date | None = None, by: str = "") -> Decision:
        """Distribute a registered petition that has no judge yet (its category was unsure or nobody was free)."""
        def work(s: Session) -> Decision:
            self._serialize(s)
            p = self._petition_for_update(s, reg_no)
            if p.judge_id is not None:
                raise RegistryError("already_assigned", reg_no=reg_no)
            if not p.final_category:
                raise RegistryError("no_category", reg_no=reg_no)
            return self._distribute(s, p, day or dt.date.today(), by)

        return in_transaction(self.url, work)

    def assign_manually(self, reg_no: str, judge_code: str, reason: str, by: str, day: dt.date | None = None) -> None:
        """A consultant's or chairman's override of the distribution: always with a reason."""
        if not reason.strip():
            raise RegistryError("reason_required")

        def work(s: Session) -> None:
            p = self._petition_for_update(s, reg_no)
            judge = self._judge(s, judge_code)
            self._assign(s, p, judge.id, judge.code, "manual", reason.strip(),
                         {"judge": judge_code, "previous": p.judge_id}, by, day or dt.date.today())

        in_transaction(self.url, work)

    # --------------------------------------------------------------------------------------- movement
    def set_category(self, reg_no: str, category: str, by: str, distribute: bool = True,
                     day: dt.date | None = None) -> Decision | None:
        """The consultant confirms or changes the category; stored with who and when (feeds retraining)."""
        if category not in categories():
            raise RegistryError("unknown_category", category=category)
        day = day or dt.date.today()

        def work(s: Session) -> Decision | None:
            self._serialize(s)
            p = self._petition_for_update(s, reg_no)
            old = p.final_category
            p.final_category, p.category_changed_by, p.category_changed_at = category, by, m.utcnow()
            self._event(s, p, "category_changed", day, by, data={"from": old, "to": category,
                                                                 "suggested": p.suggested_category})
            if distribute and p.judge_id is None:
                return self._distribute(s, p, day, by)
            return None

        return in_transaction(self.url, work)

    def record_event(self, reg_no: str, kind: str, on: dt.date | None = None, by: str = "", note: str = "",
                     data: dict[str, Any] | None = None) -> None:
        if kind in ("received", "assigned", "reassigned", "category_changed", "result"):
            raise RegistryError("event_has_own_action", event=kind)

        def work(s: Session) -> None:
            p = self._petition_for_update(s, reg_no)
            if (p.status in TERMINAL_STATUSES and kind != "archived") or p.status == "archived":
                raise RegistryError("petition_closed", reg_no=reg_no, status=p.status)
            self._event(s, p, kind, on or dt.date.today(), by, note, data)

        in_transaction(self.url, work)

    def schedule_hearing(self, reg_no: str, when: dt.datetime, mode: str = "offline", place: str = "",
                         by: str = "", on: dt.date | None = None) -> None:
        if mode not in ("online", "offline"):
            raise RegistryError("bad_mode", mode=mode)

        def work(s: Session) -> None:
            p = self._petition_for_update(s, reg_no)
            s.add(m.Hearing(petition_id=p.id, scheduled_for=when, mode=mode, place=place))
            self._event(s, p, "hearing_scheduled", on or dt.date.today(), by,
                        data={"when": when.isoformat(timespec="minutes"), "mode": mode, "place": place})

        in_transaction(self.url, work)

    def record_outcome(self, reg_no: str, code: str, decided_on: dt.date, by: str = "", note: str = "",
                       summary: str | None = None) -> None:
        if code not in outcomes():
            raise RegistryError("unknown_outcome", outcome=code)

        def work(s: Session) -> None:
            p = self._petition_for_update(s, reg_no)
            s.add(m.Outcome(petition_id=p.id, code=code, decided_on=decided_on, note=note, by_whom=by))
            p.outcome, p.decided_on = code, decided_on
            if summary is not None:
                p.summary = summary
            finishing = {"returned": "returned", "withdrawn": "withdrawn"}.get(code, "result")
            self._event(s, p, finishing, decided_on, by, note, data={"outcome": code})
            for h in p.hearings:
                if h.status == "scheduled" and h.scheduled_for.date() <= decided_on:
                    h.status = "held"

        in_transaction(self.url, work)

    def record_document(self, reg_no: str | None, template_id: str, lang: str, file_name: str, sha256: str,
                        by: str = "", on: dt.date | None = None) -> None:
        """A drafted document (assistant.documents) for the petition's file and its movement log; documents
        about no single petition (press releases, reviews, statistics) are recorded with `reg_no=None`."""
        def work(s: Session) -> None:
            p = self._petition_for_update(s, reg_no) if reg_no else None
            s.add(m.Document(petition_id=p.id if p else None, template_id=template_id, lang=lang,
                             file_name=file_name, sha256=sha256, by_whom=by))
            if p is not None:
                self._event(s, p, "document", on or dt.date.today(), by, note=template_id,
                            data={"template": template_id, "lang": lang, "file": file_name, "sha256": sha256})

        in_transaction(self.url, work)

    @staticmethod
    def _petition_for_update(s: Session, reg_no: str) -> m.Petition:
        p = s.scalar(select(m.Petition).where(m.Petition.reg_no == reg_no).with_for_update())
        if p is None:
            raise RegistryError("unknown_petition", reg_no=reg_no)
        return p

    # -------------------------------------------------------------------------------------- deadlines
    def _deadlines_after(self, s: Session, p: m.Petition, kind: str, on: dt.date) -> None:
        rules = self.settings["deadlines"]
        closing = {name for name, r in rules.items() if kind in r.get("closed_by", ())}
        if kind in TERMINAL_STATUSES:
            closing = set(rules)
        if closing and p.id is not None:
            s.execute(update(m.Deadline).where(m.Deadline.petition_id == p.id, m.Deadline.name.in_(closing),
                                               m.Deadline.met_on.is_(None)).values(met_on=on))
        for name, r in rules.items():
            if r["from"] != kind or r.get("regime") not in (None, p.regime):
                continue
            d = self.calendar.deadline(r["rule"], on)
            s.add(m.Deadline(petition_id=p.id, name=name, rule=r["rule"], unit=self.calendar.unit(r["rule"]),
                             start=on, due=d.last_day, basis=d.basis))

    def deadlines(self, *, overdue_on: dt.date | None = None, due_within: int | None = None,
                  today: dt.date | None = None) -> list[dict[str, Any]]:
        """Open deadlines: overdue (due before `today`) and/or due within `due_within` calendar days."""
        today = today or dt.date.today()
        with read_session(self.url) as s:
            q = (select(m.Deadline, m.Petition.reg_no, m.Petition.status, m.Judge.code)
                 .join(m.Petition, m.Deadline.petition_id == m.Petition.id)
                 .outerjoin(m.Judge, m.Petition.judge_id == m.Judge.id)
                 .where(m.Deadline.met_on.is_(None)))
            if due_within is not None:
                q = q.where(m.Deadline.due <= today + dt.timedelta(days=due_within))
            elif overdue_on is not None:
                q = q.where(m.Deadline.due < overdue_on)
            rows = s.execute(q.order_by(m.Deadline.due, m.Petition.reg_no)).all()
        return [{"reg_no": reg_no, "deadline": d.name, "rule": d.rule, "unit": d.unit, "start": d.start,
                 "due": d.due, "overdue": d.due < today, "days_left": (d.due - today).days, "status": status,
                 "judge": judge, "basis": d.basis} for d, reg_no, status, judge in rows]

    # ---------------------------------------------------------------------------------------- queries
    def petition(self, reg_no: str) -> m.Petition:
        with read_session(self.url) as s:
            p = s.scalar(select(m.Petition).where(m.Petition.reg_no == reg_no).options(
                selectinload(m.Petition.parties), selectinload(m.Petition.events),
                selectinload(m.Petition.assignments).selectinload(m.Assignment.judge),
                selectinload(m.Petition.deadlines), selectinload(m.Petition.hearings),
                selectinload(m.Petition.documents), selectinload(m.Petition.judge)))
            if p is None:
                raise RegistryError("unknown_petition", reg_no=reg_no)
            return p

    def search(self, query: str = "", *, status: Sequence[str] = (), judge: str | None = None,
               category: str | None = None, region: str | None = None, regime: str | None = None,
               received_from: dt.date | None = None, received_to: dt.date | None = None,
               limit: int | None = 200, offset: int = 0) -> list[m.Petition]:
        """Petitions whose parties, numbers or text contain every word of `query` (any case, ё = е)."""
        with read_session(self.url) as s:
            q = select(m.Petition).options(selectinload(m.Petition.judge), selectinload(m.Petition.parties))
            for word in normalise_for_search(query).split():
                q = q.where(m.Petition.search_text.contains(word, autoescape=True))
            if status:
                q = q.where(m.Petition.status.in_(list(status)))
            if judge:
                q = q.join(m.Judge, m.Petition.judge_id == m.Judge.id).where(m.Judge.code == judge)
            if category:
                q = q.where(m.Petition.final_category == category)
            if region:
                q = q.where(m.Petition.region_code == region)
            if regime:
                if regime not in REGIMES:
                    raise RegistryError("bad_regime", regime=regime)
                q = q.where(m.Petition.regime == regime)
            if received_from:
                q = q.where(m.Petition.received_on >= received_from)
            if received_to:
                q = q.where(m.Petition.received_on <= received_to)
            q = q.order_by(m.Petition.received_on.desc(), m.Petition.id.desc()).offset(offset)
            return list(s.scalars(q if limit is None else q.limit(limit)))

    def count(self) -> int:
        with read_session(self.url) as s:
            return int(s.scalar(select(func.count()).select_from(m.Petition)) or 0)

    def open_loads(self) -> dict[str, int]:
        open_statuses = self.settings["distribution"]["open_statuses"]
        with read_session(self.url) as s:
            rows = s.execute(select(m.Judge.code, func.count(m.Petition.id))
                             .outerjoin(m.Petition, and_(m.Petition.judge_id == m.Judge.id,
                                                         m.Petition.status.in_(open_statuses)))
                             .group_by(m.Judge.code)).all()
        return {code: int(n) for code, n in rows}

    def corrections(self) -> list[dict[str, Any]]:
        """Consultants' category decisions that differ from the suggestion (or settle an unsure one), with the
        text: the input of `kenesshi train --corrections`."""
        with read_session(self.url) as s:
            rows = s.scalars(select(m.Petition).where(
                m.Petition.final_category.is_not(None), m.Petition.category_changed_by.is_not(None),
                or_(m.Petition.suggested_category.is_(None),
                    m.Petition.suggested_category != m.Petition.final_category)).order_by(m.Petition.id))
            return [{"id": p.reg_no, "text": p.text, "lang": p.lang, "category": p.final_category,
                     "source": "correction",
                     "suggested": p.suggested_category, "by": p.category_changed_by,
                     "at": p.category_changed_at.isoformat(timespec="seconds") if p.category_changed_at else None}
                    for p in rows]

    def considered_cases(self, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
        """Petitions decided in [start, end] as plain dicts — the input of press releases and reviews."""
        with read_session(self.url) as s:
            rows = s.scalars(select(m.Petition).options(selectinload(m.Petition.judge)).where(
                m.Petition.decided_on >= start, m.Petition.decided_on <= end, m.Petition.outcome.is_not(None))
                .order_by(m.Petition.decided_on, m.Petition.reg_no))
            return [{"reg_no": p.reg_no, "decided_on": p.decided_on, "category": p.final_category or "OTHER",
                     "region_code": p.region_code or "", "lower_court": p.lower_court, "outcome": p.outcome,
                     "received_on": p.received_on,
                     "summary": p.summary or p.text[:600], "judge": p.judge.name_ru if p.judge else "",
                     "judge_kk": p.judge.name_kk if p.judge else "", "lang": p.lang} for p in rows]

    def engine_is_sqlite(self) -> bool:
        return is_sqlite(self.url)


def _date_or_none(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


_PROTEST_CUES = re.compile(r"\bпротест|\bнаразылық|прокурор\w* прин[её]с", re.IGNORECASE)


def _kind_from_text(text: str, regime: str) -> str:
    if _PROTEST_CUES.search(text[:3000]):
        return "protest"
    return "complaint" if regime == "post" else "petition"


@lru_cache(maxsize=1024)
def _name_patterns(*names: str) -> list[re.Pattern[str]]:
    pats = []
    for full in dict.fromkeys(names):
        words = normalise_for_search(full).split()
        if len(words) < 2:
            continue
        surname, initials = words[0], [w[0] for w in words[1:3]]
        ini = r"\.?\s?".join(map(re.escape, initials)) + r"\.?"
        pats += [re.compile(r"\b" + re.escape(" ".join(words)) + r"\b"),
                 re.compile(rf"\b{re.escape(surname)}\s+{ini}(?!\w)"),
                 re.compile(rf"(?<!\w){ini}\s?{re.escape(surname)}\b")]
    return pats
