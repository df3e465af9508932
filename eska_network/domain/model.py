"""The data model: frozen dataclasses for one child's record, and the table-backed Dataset.

A whole data set can hold millions of tie rows, so a :class:`Dataset` keeps its rows in pandas
tables (one per file of the interchange format). The dataclasses below describe one child's
record, built on demand by :meth:`Dataset.child_system`.

Table conventions (every producer of a Dataset, the CSV reader and the store, follows them):

- one column per :mod:`eska_network.domain.schema` column, in schema order, then any extra columns;
- ``id``, ``text`` and ``code`` columns hold ``str``, missing values ``NA`` (the CSV reader keeps
  ids and codes as sorted Categoricals: :func:`eska_network.domain.table_codes.decoded_dataset`);
- ``codes`` columns hold the distinct codes in vocabulary order joined by ``;`` (``""`` if none);
  a ``codes`` column with ``none_word`` (assessments.csv) holds ``NA`` when not recorded and
  ``"none"`` for a recorded empty list;
- required ``int`` columns are ``int64``, optional ones nullable ``Int64``;
- ``date`` columns are ``datetime64``, missing values ``NaT``;
- extra columns hold ``str`` (missing ``NA``) and are written back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import KW_ONLY, dataclass, field, fields
from typing import TYPE_CHECKING, Any

import pandas as pd

from eska_network.domain import codes, schema
from eska_network.domain.schema import LIST_SEPARATOR, FileSpec

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


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


@dataclass(frozen=True, kw_only=True)
class TieProvides:
    """What a tie provides: its kinds of support, functions and needs met (ties.csv's code lists).

    The base of every form of a tie (:class:`Tie`, the store's ``TieUpdate``, the form's
    ``TieEntry``, the conference's ``ProposedTie``); keyword-only, so after each one's own fields.
    """

    support_types: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    needs_met: tuple[str, ...] = ()

    def provided(self) -> dict[str, Any]:
        """These fields by name, to give another form of the same tie."""
        return {name: getattr(self, name) for name in PROVIDES}


PROVIDES = tuple(f.name for f in fields(TieProvides))
"""The names of :class:`TieProvides`'s fields, in ties.csv's order."""


@dataclass(frozen=True)
class Tie(TieProvides):
    """One row of ties.csv: the state of one tie as recorded at one assessment."""

    child_id: str
    source: str
    target: str
    strength: int
    valence: str
    assessed_on: dt.date
    _: KW_ONLY
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
class Assessment:
    """One row of assessments.csv: what one assessment found about the child.

    ``None`` is "not recorded" (an empty cell); for a list, ``()`` is the word ``none``.
    """

    child_id: str
    assessed_on: dt.date
    needs: tuple[str, ...] | None = None
    risk_factors: tuple[str, ...] | None = None
    wellbeing_personal: int | None = None
    wellbeing_interpersonal: int | None = None
    wellbeing_skills: int | None = None
    placement: str | None = None
    reintegration_stage: str | None = None


@dataclass(frozen=True)
class ActionRow:
    """One row of actions.csv: an action a case conference agreed (a task or a referral)."""

    child_id: str
    action_id: str
    created_on: dt.date
    text: str
    worker_role: str
    status: str
    responsible: str | None = None
    due_on: dt.date | None = None
    resource_id: str | None = None
    status_on: dt.date | None = None
    gap: str | None = None


@dataclass(frozen=True)
class ChildState:
    """The child's assessed fields as of one date (DATA_FORMAT.md, assessments.csv).

    ``needs_recorded`` and ``risk_factors_recorded`` tell "no needs" (recorded, empty) from
    "never assessed".
    """

    needs: tuple[str, ...] = ()
    needs_recorded: bool = False
    risk_factors: tuple[str, ...] = ()
    risk_factors_recorded: bool = False
    wellbeing: Mapping[str, int | None] = field(
        default_factory=lambda: dict.fromkeys(codes.WELLBEING)
    )
    placement: str | None = None
    reintegration_stage: str | None = None


@dataclass(frozen=True)
class ChildSystem:
    """One child's record: the child, the members, every tie row and every assessment row."""

    child: Child
    members: tuple[Member, ...] = ()
    ties: tuple[Tie, ...] = ()
    assessments: tuple[Assessment, ...] = ()

    @property
    def member_levels(self) -> dict[str, str]:
        return {member.member_id: member.level for member in self.members}

    def assessment_dates(self) -> list[dt.date]:
        """Every date with a tie row or an assessments.csv row, oldest first."""
        return sorted(
            {tie.assessed_on for tie in self.ties} | {a.assessed_on for a in self.assessments}
        )

    def latest_assessment(self) -> dt.date | None:
        """The latest ``assessed_on`` of the child's tie and assessment rows (GAPS.md's D)."""
        return max(
            [tie.assessed_on for tie in self.ties] + [a.assessed_on for a in self.assessments],
            default=None,
        )

    def state_as_of(self, as_of: dt.date | None = None) -> ChildState:
        """The child's needs, risk factors, wellbeing, placement and stage as of ``as_of``.

        Each field comes from the latest assessment row not after ``as_of`` (default: the latest)
        whose cell is not empty, else from the children.csv baseline; ``none`` in a list cell
        records an empty list.

        Examples
        --------
        >>> child = Child("C1", "Kota Medan", 15, needs=("legal",), wellbeing_personal=2)
        >>> rows = (Assessment("C1", dt.date(2026, 1, 5), needs=(), placement="shelter"),
        ...         Assessment("C1", dt.date(2026, 4, 5), wellbeing_personal=4))
        >>> early = ChildSystem(child, assessments=rows).state_as_of(dt.date(2026, 2, 1))
        >>> early.needs, early.needs_recorded, early.placement, early.wellbeing["personal"]
        ((), True, 'shelter', 2)
        >>> ChildSystem(child, assessments=rows).state_as_of().wellbeing["personal"]
        4
        """
        child = self.child
        # Field by field, so typed by the field: each value is what its column holds.
        values: dict[str, Any] = {
            "needs": child.needs or None,
            "risk_factors": child.risk_factors or None,
            **{f"wellbeing_{w}": getattr(child, f"wellbeing_{w}") for w in codes.WELLBEING},
            "placement": None,
            "reintegration_stage": None,
        }
        dated = sorted(self.assessments, key=lambda row: row.assessed_on)
        for row in dated:
            if as_of is not None and row.assessed_on > as_of:
                break
            for name in schema.ASSESSED_FIELDS:
                value = getattr(row, name)
                if value is not None:
                    values[name] = value
        return ChildState(
            needs=tuple(values["needs"] or ()),
            needs_recorded=values["needs"] is not None,
            risk_factors=tuple(values["risk_factors"] or ()),
            risk_factors_recorded=values["risk_factors"] is not None,
            wellbeing={w: values[f"wellbeing_{w}"] for w in codes.WELLBEING},
            placement=values["placement"],
            reintegration_stage=values["reintegration_stage"],
        )

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
    """A whole data set as six tables (see the module docstring for their conventions)."""

    children: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.CHILDREN))
    members: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.MEMBERS))
    ties: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.TIES))
    resources: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.RESOURCES))
    assessments: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.ASSESSMENTS))
    actions: pd.DataFrame = field(default_factory=lambda: _empty_table(schema.ACTIONS))

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
        assessments = _objects(
            Assessment,
            schema.ASSESSMENTS,
            self.assessments[self.assessments["child_id"] == child_id],
        )
        return ChildSystem(child, tuple(members), tuple(ties), tuple(assessments))

    def child_actions(self, child_id: str) -> tuple[ActionRow, ...]:
        """The actions.csv rows of one child, in file order."""
        rows = self.actions[self.actions["child_id"] == child_id]
        return tuple(_objects(ActionRow, schema.ACTIONS, rows))

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
        assessments: Iterable[Assessment] = (),
        actions: Iterable[ActionRow] = (),
    ) -> Dataset:
        """Build a data set from dataclasses (for tests and small programs)."""
        return cls(
            children=_table(schema.CHILDREN, children),
            members=_table(schema.MEMBERS, members),
            ties=_table(schema.TIES, ties),
            resources=_table(schema.RESOURCES, resources),
            assessments=_table(schema.ASSESSMENTS, assessments),
            actions=_table(schema.ACTIONS, actions),
        )


def _table(spec: FileSpec, objects: Iterable[object]) -> pd.DataFrame:
    records = []
    for obj in objects:
        record = {}
        for name in spec.column_names:
            value = getattr(obj, name)
            column = spec.column(name)
            if column.kind == "codes":
                value = codes_cell(column, value)
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


def codes_cell(column: schema.Column, value: Iterable[str] | None) -> str | None:
    """A list of codes as a table cell: sorted and ``;``-joined (see the module docstring).

    >>> needs = schema.ASSESSMENTS.column("needs"), schema.CHILDREN.column("needs")
    >>> [codes_cell(column, ()) for column in needs]
    ['none', '']
    """
    if column.none_word:
        if value is None:
            return None
        if not value:
            return codes.NONE_WORD
    if column.vocabulary is None:
        raise ValueError(f"{column.name} is not a column of codes")
    return LIST_SEPARATOR.join(column.vocabulary.sort(value or ()))


def _value(column: schema.Column, value: Any) -> object:
    """A table cell (anything pandas holds) as the record field's value."""
    if column.kind == "codes":
        if column.none_word:
            if not isinstance(value, str) or not value:
                return None
            if value == codes.NONE_WORD:
                return ()
        return tuple(value.split(LIST_SEPARATOR)) if isinstance(value, str) and value else ()
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if column.kind == "int":
        return int(value)
    if column.kind == "date":
        return pd.Timestamp(value).date()
    return value


def as_mapping(obj: DataclassInstance) -> Mapping[str, object]:
    """A dataclass as a plain dict (for JSON and tables)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}
