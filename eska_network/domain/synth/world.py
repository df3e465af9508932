"""What every chunk of children shares: the districts, their services and caseworkers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eska_network.domain import codes
from eska_network.domain.synth.cast import ROLES, role_index
from eska_network.domain.synth.districts import (
    SERVICES,
    district_names,
    faiths,
    local_head,
    resource_id,
    resources_table,
    service_name,
)

_CHILDREN_PER_CASEWORKER = 32


@dataclass(frozen=True)
class World:
    """What every chunk shares: districts, their services, caseworkers, role tables."""

    seed: int
    children: int
    names: list[str]
    weights: np.ndarray
    resources: pd.DataFrame
    labels: np.ndarray  # [district, role]: the member label
    resource_ids: np.ndarray  # [district, role]: the resource the member stands for, or None
    scarce: np.ndarray  # [district, role]: the district lists no service of this role's kind
    caseworker_first: np.ndarray  # [district]: number of its first caseworker
    caseworker_count: np.ndarray  # [district]
    service_ids: np.ndarray  # [district, need]: the first listed service meeting it, or None
    service_names: np.ndarray  # [district, need]
    served_needs: np.ndarray  # [district]: bit mask of the needs some service meets

    def services_by_need(self) -> tuple[np.ndarray, np.ndarray]:
        """The service a referral for each need goes to, per district: ids and names."""
        return self.service_ids, self.service_names

    def faith_labels(self, district: np.ndarray, draws: np.ndarray) -> np.ndarray:
        """A religious leader's label for each child of ``district``, by the region's shares."""
        labels = np.empty(len(district), dtype=object)
        for d in np.unique(district):
            mix = faiths(self.names[d])
            at = district == d
            bounds = np.cumsum([share for _, share in mix])
            pick = np.minimum(np.searchsorted(bounds, draws[at], side="right"), len(mix) - 1)
            labels[at] = np.array([label for label, _ in mix], dtype=object)[pick]
        return labels

    @classmethod
    def build(
        cls, children: int, districts: int, seed: int, names: Sequence[str] | None = None
    ) -> World:
        if districts < 1:
            raise ValueError(f"districts must be 1 or more, not {districts}")
        if names is not None and len(names) != districts:
            raise ValueError(f"{districts} districts must have {districts} names, not {len(names)}")
        rng = np.random.default_rng([seed, 0])
        names = list(names) if names is not None else district_names(districts)
        weights = rng.lognormal(0.0, 0.6, districts)
        weights /= weights.sum()
        has_service = rng.random((districts, len(SERVICES))) < [s[-1] for s in SERVICES]
        resources = resources_table(names, has_service)
        labels = np.array([[role.label for role in ROLES]] * districts, dtype=object)
        labels[:, role_index("village_head")] = [local_head(name) for name in names]
        resource_ids = np.full((districts, len(ROLES)), None, dtype=object)
        scarce = np.zeros((districts, len(ROLES)), dtype=bool)
        kinds = [service[2] for service in SERVICES]
        for r, role in enumerate(ROLES):
            if role.role not in kinds:
                continue
            for d in range(districts):
                # The first listed service of the role's kind stands for the member.
                found = [
                    j for j, kind in enumerate(kinds) if kind == role.role and has_service[d, j]
                ]
                if found:
                    labels[d, r] = service_name(found[0], d, names)
                    resource_ids[d, r] = resource_id(d, found[0])
                else:
                    scarce[d, r] = True
        count = np.maximum(1, np.rint(children * weights / _CHILDREN_PER_CASEWORKER)).astype(int)
        first = np.concatenate(([1], 1 + np.cumsum(count)[:-1]))
        service_ids = np.full((districts, len(codes.NEEDS)), None, dtype=object)
        service_names = np.full((districts, len(codes.NEEDS)), None, dtype=object)
        for d, j in zip(*np.nonzero(has_service), strict=True):
            for need in SERVICES[j][3]:
                at = codes.NEEDS.position(need)
                if service_ids[d, at] is None:
                    service_ids[d, at] = resource_id(d, j)
                    service_names[d, at] = service_name(j, d, names)
        served = (service_ids != None) @ (1 << np.arange(len(codes.NEEDS)))  # noqa: E711
        return cls(
            seed,
            children,
            names,
            weights,
            resources,
            labels,
            resource_ids,
            scarce,
            first,
            count,
            service_ids,
            service_names,
            served.astype(np.int64),
        )
