"""The interchange format (a folder of CSV files): every file and column, with its type and rules.

The CSV reader, the writer and the database tables are all built from these definitions, so a
column is described once.
"""

from __future__ import annotations

from dataclasses import dataclass

from eska_network.domain import codes
from eska_network.domain.codes import Vocabulary

ID_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"
RESOURCE_LEVELS = Vocabulary(
    "resource_level", codes.LEVELS.en, codes.LEVELS.id, codes.LEVELS.items[1:]
)
"""A listed service is a community or an institution resource, never family."""
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column of one file.

    ``kind`` is one of: ``id`` (pseudonymous code), ``text``, ``int``, ``code`` (one code of
    ``vocabulary``), ``codes`` (a ``;``-separated list of codes of ``vocabulary``), ``date``.
    """

    name: str
    kind: str
    required: bool
    vocabulary: Vocabulary | None = None
    minimum: int | None = None
    maximum: int | None = None
    none_word: bool = False


@dataclass(frozen=True)
class FileSpec:
    name: str
    required: bool
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


CHILDREN = FileSpec(
    "children.csv",
    required=True,
    key=("child_id",),
    columns=(
        Column("child_id", "id", True),
        Column("district", "text", True),
        Column("age", "int", True, minimum=0, maximum=17),
        Column("sex", "code", False, codes.SEXES),
        Column("caseworker", "text", False),
        Column("risk_factors", "codes", False, codes.RISK_FACTORS),
        Column("needs", "codes", False, codes.NEEDS),
        *(
            Column(f"wellbeing_{dimension}", "int", False, minimum=1, maximum=5)
            for dimension in codes.WELLBEING
        ),
    ),
)

MEMBERS = FileSpec(
    "members.csv",
    required=True,
    key=("child_id", "member_id"),
    columns=(
        Column("child_id", "id", True),
        Column("member_id", "id", True),
        Column("label", "text", True),
        Column("level", "code", True, codes.LEVELS),
        Column("role", "text", False),
        Column("resource_id", "text", False),
    ),
)

TIES = FileSpec(
    "ties.csv",
    required=True,
    # A tie is undirected: the key compares the unordered pair {source, target}.
    key=("child_id", "source", "target", "assessed_on"),
    columns=(
        Column("child_id", "id", True),
        Column("source", "id", True),
        Column("target", "id", True),
        Column("strength", "int", True, minimum=0, maximum=codes.MAX_STRENGTH),
        Column("valence", "code", True, codes.VALENCES),
        Column("support_types", "codes", False, codes.SUPPORT_TYPES),
        Column("functions", "codes", False, codes.FUNCTIONS),
        Column("needs_met", "codes", False, codes.NEEDS),
        Column("assessed_on", "date", True),
        Column("last_contact", "date", False),
    ),
)

RESOURCES = FileSpec(
    "resources.csv",
    required=False,
    key=("resource_id",),
    columns=(
        Column("resource_id", "text", True),
        Column("district", "text", True),
        Column("name", "text", True),
        Column("level", "code", True, RESOURCE_LEVELS),
        Column("kind", "text", False),
        Column("needs_served", "codes", True, codes.NEEDS),
    ),
)

ASSESSED_FIELDS = (
    "needs",
    "risk_factors",
    *(f"wellbeing_{dimension}" for dimension in codes.WELLBEING),
    "placement",
    "reintegration_stage",
)
"""The fields an assessment records about the child; each is taken as of a date D from the latest
non-empty cell not after D, else from the children.csv baseline (DATA_FORMAT.md)."""

ASSESSMENTS = FileSpec(
    "assessments.csv",
    required=False,
    key=("child_id", "assessed_on"),
    columns=(
        Column("child_id", "id", True),
        Column("assessed_on", "date", True),
        Column("needs", "codes", False, codes.NEEDS, none_word=True),
        Column("risk_factors", "codes", False, codes.RISK_FACTORS, none_word=True),
        *(
            Column(f"wellbeing_{dimension}", "int", False, minimum=1, maximum=5)
            for dimension in codes.WELLBEING
        ),
        Column("placement", "code", False, codes.PLACEMENTS),
        Column("reintegration_stage", "code", False, codes.STAGES),
    ),
)

ACTIONS = FileSpec(
    "actions.csv",
    required=False,
    key=("child_id", "action_id"),
    columns=(
        Column("child_id", "id", True),
        Column("action_id", "id", True),
        Column("created_on", "date", True),
        Column("text", "text", True),
        Column("worker_role", "code", True, codes.WORKER_ROLES),
        Column("responsible", "text", False),
        Column("due_on", "date", False),
        Column("resource_id", "text", False),
        Column("status", "code", True, codes.ACTION_STATUSES),
        Column("status_on", "date", False),
        # Added by the product (the format allows added columns): the gap an action answers,
        # as ``kind:subject`` (a tie's ends joined by ``|``), e.g. ``unmet_need:legal``.
        Column("gap", "text", False),
    ),
)

FILES = (CHILDREN, MEMBERS, TIES, RESOURCES, ASSESSMENTS, ACTIONS)
