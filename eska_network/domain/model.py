"""The data model: frozen dataclasses for one child's record, and the table-backed Dataset.

A whole data set can hold millions of tie rows, so a :class:`Dataset` keeps its rows in pandas
tables (one per file of the interchange format). The dataclasses below describe one child's
record, built on demand by :meth:`Dataset.child_system`.

Table conventions (every producer of a Dataset, the CSV reader and the store, follows them):

- one column per :mod:`eska_network.domain.schema` column, in schema order, then any extra columns;
- ``id``, ``text`` and ``code`` columns hold ``str``, missing values are ``NA``;
- ``codes`` columns hold the distinct codes in vocabulary order joined by ``;`` (``""`` if none);
- required ``int`` columns are ``int64``, optional ones nullable ``Int64``;
- ``date`` columns are ``datetime64``, missing values ``NaT``;
- extra columns hold ``str`` (missing ``NA``) and are written back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields

import pandas as pd

from eska_network.domain import codes, schema
from eska_network.domain.schema import LIST_SEPARATOR, FileSpec


@dataclass(frozen=True)
class Child:
    child_id: str
    district: str
    age: int
    sex: str | None = None
    caseworker: str | None = None
    risk_factors: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    wellbeing_personal: int | None = None
    wellbeing_interpersonal: int | None = None
    wellbeing_skills: int | None = None


@dataclass(frozen=True)
class Member:
    child_id: str
    member_id: str
    label: str
    level: str
    role: str | None = None
    resource_id: str | None = None


@dataclass(frozen=True)
class Tie:
    """One row of ties.csv: the state of one tie as recorded at one assessment."""

    child_id: str
    source: str
    target: str
    strength: int
    valence: str
    assessed_on: dt.date
    support_types: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    needs_met: tuple[str, ...] = ()
    last_contact: dt.date | None = None

    @property
    def pair(self) -> tuple[str, str]:
        """The tie's identity: its two ends in sorted order (ties are undirected)."""
        return (
            (self.source, self.target) if self.source <= self.target else (self.target, self.source)
        )

    @property
    def is_child_tie(self) -> bool:
        return codes.CHILD_NODE in (self.source, self.target)

    @property
    def is_active_supportive(self) -> bool:
        return self.valence == "supportive" and self.strength >= 1


@dataclass(frozen=True)
class Resource:
    resource_id: str
    district: str
    name: str
    level: str
    needs_served: tuple[str, ...]
    kind: str | None = None


@dataclass(frozen=True)
class ChildSystem:
    """One child's record: the child, the members of the support system, every tie row."""

    child: Child
    members: tuple[Member, ...] = ()
    ties: tuple[Tie, ...] = ()

    @property
    def member_levels(self) -> dict[str, str]:
        return {member.member_id: member.level for member in self.members}

    def assessment_dates(self) -> list[dt.date]:
        return sorted({tie.assessed_on for tie in self.ties})

    def latest_assessment(self) -> dt.date | None:
        return max((tie.assessed_on for tie in self.ties), default=None)

    def ties_as_of(self, as_of: dt.date | None = None) -> tuple[Tie, ...]:
        """Each tie's row with the latest ``assessed_on`` not after ``as_of`` (default: latest).

        Ended ties (strength 0) are included: the rules, not this function, decide what counts.
        """
        latest: dict[tuple[str, str], Tie] = {}
        for tie in self.ties:
            if as_of is not None and tie.assessed_on > as_of:
                continue
            current = latest.get(tie.pair)
            if current is None or tie.assessed_on > current.assessed_on:
                latest[tie.pair] = tie
        return tuple(sorted(latest.values(), key=lambda tie: tie.pair))


def _empty_table(spec: FileSpec) -> pd.DataFrame:
    return pd.DataFrame(
        {name: pd.Series(dtype=column_dtype(spec.column(name))) for name in spec.column_names}
    )


def column_dtype(column: schema.Column) -> str:
    """The pandas dtype of a schema column in a Dataset table (see the module docstring)."""
    if column.kind == "int":
        return "int64" if column.required else "Int64"
    if column.kind == "date":
        return "datetime64[s]"
    return "str"


@dataclass(frozen=True)
class Dataset:
    """A whole data set as four tables (see the module docstring for their conventions)."""

    children: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.CHILDREN))
    members: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.MEMBERS))
    ties: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.TIES))
    resources: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.RESOURCES))

    def table(self, spec: FileSpec) -> pd.DataFrame:
        return getattr(self, spec.name.removesuffix(".csv"))

    @property
    def child_ids(self) -> list[str]:
        return self.children["child_id"].tolist()

    def child_system(self, child_id: str) -> ChildSystem:
        """The record of one child (KeyError when the data set has no such child)."""
        rows = self.children[self.children["child_id"] == child_id]
        if rows.empty:
            raise KeyError(f"no child {child_id!r}")
        child = _objects(Child, schema.CHILDREN, rows)[0]
        members = _objects(
            Member, schema.MEMBERS, self.members[self.members["child_id"] == child_id]
        )
        ties = _objects(Tie, schema.TIES, self.ties[self.ties["child_id"] == child_id])
        return ChildSystem(child, tuple(members), tuple(ties))

    def district_resources(self, district: str) -> tuple[Resource, ...]:
        rows = self.resources[self.resources["district"] == district]
        return tuple(_objects(Resource, schema.RESOURCES, rows))

    @classmethod
    def from_objects(
        cls,
        children: Iterable[Child] = (),
        members: Iterable[Member] = (),
        ties: Iterable[Tie] = (),
        resources: Iterable[Resource] = (),
    ) -> Dataset:
        """Build a data set from dataclasses (for tests and small programs)."""
        return cls(
            children=_table(schema.CHILDREN, children),
            members=_table(schema.MEMBERS, members),
            ties=_table(schema.TIES, ties),
            resources=_table(schema.RESOURCES, resources),
        )


def _table(spec: FileSpec, objects: Iterable[object]) -> pd.DataFrame:
    records = []
    for obj in objects:
        record = {}
        for name in spec.column_names:
            value = getattr(obj, name)
            column = spec.column(name)
            if column.kind == "codes":
                value = LIST_SEPARATOR.join(column.vocabulary.sort(value))
            record[name] = value
        records.append(record)
    table = pd.DataFrame.from_records(records, columns=list(spec.column_names))
    return table.astype({name: column_dtype(spec.column(name)) for name in spec.column_names})


def _objects(cls: type, spec: FileSpec, rows: pd.DataFrame) -> list:
    names = [f.name for f in fields(cls)]
    result = []
    for record in rows[names].to_dict("records"):
        result.append(cls(**{name: _value(spec.column(name), record[name]) for name in names}))
    return result


def _value(column: schema.Column, value: object) -> object:
    if column.kind == "codes":
        return tuple(value.split(LIST_SEPARATOR)) if isinstance(value, str) and value else ()
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if column.kind == "int":
        return int(value)
    if column.kind == "date":
        return pd.Timestamp(value).date()
    return value


def as_mapping(obj: object) -> Mapping[str, object]:
    """A dataclass as a plain dict (for JSON and tables)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
