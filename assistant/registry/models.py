"""The registry's tables (SQLAlchemy 2). The schema itself is created by the Alembic migrations in
`assistant/registry/migrations/`; a test checks that the migrations and these models agree.

Movement is an append-only event log (`events`): a petition's status is the last movement, kept on the row
for fast queries, and the database refuses updates and deletes of events (triggers in the migration)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


class Judge(Base):
    __tablename__ = "judges"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # stable short id from the roster file
    name_ru: Mapped[str] = mapped_column(String(200))
    name_kk: Mapped[str] = mapped_column(String(200))
    roster_order: Mapped[int] = mapped_column(Integer, default=0)  # order of the deterministic rotation
    active_from: Mapped[dt.date | None] = mapped_column(Date)
    active_to: Mapped[dt.date | None] = mapped_column(Date)

    specializations: Mapped[list[JudgeSpecialization]] = relationship(
        back_populates="judge", cascade="all, delete-orphan", order_by="JudgeSpecialization.category")
    absences: Mapped[list[Absence]] = relationship(back_populates="judge", cascade="all, delete-orphan",
                                                   order_by="Absence.start")

    def name(self, lang: str) -> str:
        return self.name_kk if lang == "kk" else self.name_ru

    @property
    def categories(self) -> list[str]:
        return [s.category for s in self.specializations]


class JudgeSpecialization(Base):
    __tablename__ = "judge_specializations"

    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    judge: Mapped[Judge] = relationship(back_populates="specializations")


class Absence(Base):
    __tablename__ = "absences"

    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"), index=True)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)  # inclusive
    reason: Mapped[str] = mapped_column(String(200), default="")
    judge: Mapped[Judge] = relationship(back_populates="absences")


class Counter(Base):
    """Sequences for registration numbers: one row per (scope, year), incremented under a row lock."""

    __tablename__ = "counters"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Petition(Base):
    __tablename__ = "petitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    reg_no: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # complaint | petition | protest
    regime: Mapped[str] = mapped_column(String(8))  # pre | post (1 July 2025)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    lang: Mapped[str] = mapped_column(String(8), default="ru")
    status: Mapped[str] = mapped_column(String(32), index=True)
    source_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    # Lower-cased, ё→е, for search that ignores case in Cyrillic and Kazakh letters on every database.
    search_text: Mapped[str] = mapped_column(Text, default="")
    region_code: Mapped[str | None] = mapped_column(String(8), index=True)  # region of the lower court
    lower_court: Mapped[str] = mapped_column(String(300), default="")
    lower_case_no: Mapped[str] = mapped_column(String(64), default="")
    suggested_category: Mapped[str | None] = mapped_column(String(32))
    suggestion: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    final_category: Mapped[str | None] = mapped_column(String(32), index=True)
    category_changed_by: Mapped[str | None] = mapped_column(String(100))
    category_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    card: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    judge_id: Mapped[int | None] = mapped_column(ForeignKey("judges.id"), index=True)  # the current assignment
    outcome: Mapped[str | None] = mapped_column(String(48))
    decided_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")  # short plain-language summary for press releases
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    judge: Mapped[Judge | None] = relationship()
    parties: Mapped[list[Party]] = relationship(back_populates="petition", cascade="all, delete-orphan",
                                                order_by="Party.id")
    events: Mapped[list[Event]] = relationship(back_populates="petition", order_by="Event.id")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="petition", order_by="Assignment.id")
    deadlines: Mapped[list[Deadline]] = relationship(back_populates="petition", order_by="Deadline.id")
    hearings: Mapped[list[Hearing]] = relationship(back_populates="petition", order_by="Hearing.id")
    documents: Mapped[list[Document]] = relationship(back_populates="petition", order_by="Document.id")

    @property
    def category(self) -> str | None:
        return self.final_category or None


class Party(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="")  # applicant, plaintiff, defendant, ...
    name: Mapped[str] = mapped_column(String(500))
    iin_bin: Mapped[str | None] = mapped_column(String(12), index=True)
    petition: Mapped[Petition] = relationship(back_populates="parties")


class Assignment(Base):
    """One distribution decision, with everything it was based on, so it can be explained later."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id"), index=True)
    rule: Mapped[str] = mapped_column(String(32))  # auto | manual
    reason: Mapped[str] = mapped_column(Text, default="")
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # candidates, loads, exclusions
    by_whom: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    petition: Mapped[Petition] = relationship(back_populates="assignments")
    judge: Mapped[Judge] = relationship()


class Event(Base):
    """Movement of a petition (append-only)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    on_date: Mapped[dt.date] = mapped_column(Date, index=True)  # the date the movement happened
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)  # when it was recorded
    by_whom: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    petition: Mapped[Petition] = relationship(back_populates="events")


class Hearing(Base):
    __tablename__ = "hearings"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    scheduled_for: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    mode: Mapped[str] = mapped_column(String(16), default="offline")  # online | offline
    place: Mapped[str] = mapped_column(String(300), default="")  # courtroom, or the video link
    status: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled | held | postponed
    petition: Mapped[Petition] = relationship(back_populates="hearings")


class Outcome(Base):
    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(48))  # assistant/data/outcomes.yaml
    decided_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    by_whom: Mapped[str] = mapped_column(String(100), default="")


class Deadline(Base):
    __tablename__ = "deadlines"
    __table_args__ = (UniqueConstraint("petition_id", "name", "start", name="uq_deadline_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(48))  # key in registry.yaml `deadlines`
    rule: Mapped[str] = mapped_column(String(48))  # key in calendar.yaml `deadlines`
    unit: Mapped[str] = mapped_column(String(16))  # months | days | working_days
    start: Mapped[dt.date] = mapped_column(Date)
    due: Mapped[dt.date] = mapped_column(Date, index=True)  # last day, moved off non-working days
    basis: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    met_on: Mapped[dt.date | None] = mapped_column(Date)
    petition: Mapped[Petition] = relationship(back_populates="deadlines")


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    petition_id: Mapped[int | None] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), index=True)
    template_id: Mapped[str] = mapped_column(String(64))
    lang: Mapped[str] = mapped_column(String(8))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    by_whom: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    petition: Mapped[Petition | None] = relationship(back_populates="documents")


class Conflict(Base):
    """A judge who took part in the case before (listed on the petition): never assigned to it."""

    __tablename__ = "conflicts"

    petition_id: Mapped[int] = mapped_column(ForeignKey("petitions.id", ondelete="CASCADE"), primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judges.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")


Index("ix_petitions_status_judge", Petition.status, Petition.judge_id)
Index("ix_deadlines_open", Deadline.met_on, Deadline.due)
Index("ix_petitions_suggestion", Petition.suggested_category, Petition.final_category)
