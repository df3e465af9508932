"""easyNWK's terms and ours: sectors and levels, distances and strengths, genders, errors."""

from __future__ import annotations

from collections.abc import Sequence

# easyNWK's four sectors, counter-clockwise from the x-axis, with its German names.
SECTORS = ("Familie", "Freund*innen / Bekannte", "Kolleg*innen", "prof. Helfer*innen")
SECTOR_ANGLES = {0: (0.0, 90.0), 1: (90.0, 180.0), 2: (-180.0, -90.0), 3: (-90.0, 0.0)}
SECTOR_OF_LEVEL = {"family": 0, "community": 1, "institution": 3}
LEVEL_OF_SECTOR = {0: "family", 1: "community", 2: "community", 3: "institution"}
COLLEAGUE_ROLES = frozenset({"employer", "colleague"})
"""Community members drawn in easyNWK's colleagues sector rather than among friends."""
DEFAULT_ROLES = {
    "Familienangehörige*r",
    "Freund*in",
    "Kolleg*in",
    "prof. Helfer*in",
    "Family member",
    "Friend",
    "Colleague",
    "prof. Help",
}

OUTER_HORIZON = 100.0
DISTANCE_OF_STRENGTH = {5: 15.0, 4: 32.0, 3: 50.0, 2: 68.0, 1: 86.0}
"""Where a child tie of each strength sits: stronger is closer to the ego."""
NO_TIE_DISTANCE = 95.0
"""Where a member without an active tie to the child sits (inside the horizon, edgeType 0)."""

GENDER_OF_SEX = {"F": "weiblich", "M": "männlich", "X": "divers"}
SEX_OF_GENDER = {gender: sex for sex, gender in GENDER_OF_SEX.items()}
UNSET_GENDER = "nicht festgelegt"
CONFLICTUAL = frozenset({"ambivalent", "stressful", "exploitative"})


def strength_of_distance(distance: float) -> int:
    """The strength a distance stands for: bands of 20 from the ego (5) to the horizon (1).

    >>> [strength_of_distance(d) for d in DISTANCE_OF_STRENGTH.values()]
    [5, 4, 3, 2, 1]
    """
    return min(5, max(1, 5 - int(distance // 20)))


class EasyNWKError(ValueError):
    """The file is not an easyNWK file we can read; ``problems`` says every reason, one each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
