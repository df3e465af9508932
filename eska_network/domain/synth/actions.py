"""What the conferences agreed: referrals to the district's services, and tasks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from eska_network.domain import codes
from eska_network.domain.synth.children import LAST_DAY, Children
from eska_network.domain.synth.columns import date_column, numbered, str_column
from eska_network.domain.synth.world import World

_REFERRAL_STATUSES = np.array([0.15, 0.12, 0.15, 0.25, 0.23, 0.1])
"""proposed, sent, accepted, active, closed, declined: for a referral agreed lately."""
_OLD_REFERRAL_STATUSES = np.array([0.02, 0.03, 0.1, 0.3, 0.4, 0.15])
"""The same for a referral agreed more than :data:`_LATELY` days before the data ends."""
_LATELY = 120
_TASK_DONE = 0.4
_OLD_TASK_DONE = 0.85
_TASKS = {
    "facilitator": (
        "Pertemuan keluarga untuk memperkuat dukungan",
        "Hubungkan keluarga dengan PATBM setempat",
        "Kunjungan rumah bersama tokoh masyarakat",
    ),
    "advocate": (
        "Dampingi anak dalam pemeriksaan di kepolisian",
        "Advokasi ke sekolah agar anak diterima kembali",
        "Advokasi ke Dinas Sosial untuk bantuan tempat tinggal",
    ),
}
"""What a conference agrees for a facilitator or an advocate (roles, never names)."""


def actions_table(
    world: World, kids: Children, ids: pa.Array, more: np.random.Generator
) -> pd.DataFrame:
    """Up to two referrals (to a service of the child's district for a need the child has) and
    up to two tasks per child, agreed at the child's latest assessment."""
    n = len(kids)
    draws = more.random((n, 12))
    agreed = kids.dates[np.arange(n), kids.assessments - 1]
    width = max(4, len(str(int(world.caseworker_count.sum()))))
    caseworker = numbered("cw_", kids.caseworker, width)
    service_id, service_name = world.services_by_need()
    served = kids.needs & world.served_needs[kids.district]
    parts = []
    # Referrals: the k-th need the district serves, for k below the child's number of referrals.
    wanted = (draws[:, 0] * 3).astype(int)
    for k in range(2):
        need = _nth_bit(served, k)
        child = np.flatnonzero((need >= 0) & (wanted > k))
        shares = np.where(
            (agreed[child] < LAST_DAY - _LATELY)[:, None],
            np.cumsum(_OLD_REFERRAL_STATUSES),
            np.cumsum(_REFERRAL_STATUSES),
        )
        status = (draws[child, 1 + k][:, None] > shares).sum(axis=1)
        status = np.minimum(status, len(codes.REFERRAL_STATUSES) - 1)
        changed = agreed[child] + (draws[child, 3 + k] * 40).astype(int)
        district, chosen = kids.district[child], need[child]
        parts.append(
            {
                "child": child,
                "action_id": np.full(len(child), f"R{k + 1}", dtype=object),
                "text": np.strings.add(
                    np.strings.add("Rujuk ke ", service_name[district, chosen].astype(str)),
                    np.strings.add(" untuk ", _NEED_WORDS[chosen]),
                ).astype(object),
                "worker_role": np.full(len(child), "broker", dtype=object),
                "due_on": agreed[child] + 14,
                "resource_id": service_id[district, chosen],
                "status": np.array(codes.REFERRAL_STATUSES.codes, dtype=object)[status],
                "status_on": np.where(status == 0, np.datetime64("NaT"), changed),
                "gap": np.array([f"unmet_need:{code}" for code in codes.NEEDS], dtype=object)[
                    chosen
                ],
            }
        )
    # Tasks of a facilitator or an advocate.
    tasks = (draws[:, 5] * 3).astype(int)
    for k in range(2):
        child = np.flatnonzero(tasks > k)
        advocate = draws[child, 6 + k] >= 0.6
        # A child's second task is never the same words as the first.
        which = ((draws[child, 8] * 3).astype(int) + k) % 3
        texts = np.where(
            advocate,
            np.array(_TASKS["advocate"], dtype=object)[which],
            np.array(_TASKS["facilitator"], dtype=object)[which],
        )
        done_share = np.where(agreed[child] < LAST_DAY - _LATELY, _OLD_TASK_DONE, _TASK_DONE)
        done = draws[child, 10 + k] < done_share
        parts.append(
            {
                "child": child,
                "action_id": np.full(len(child), f"T{k + 1}", dtype=object),
                "text": texts,
                "worker_role": np.where(advocate, "advocate", "facilitator").astype(object),
                "due_on": agreed[child] + 30,
                "resource_id": np.full(len(child), None, dtype=object),
                "status": np.where(done, "done", "open").astype(object),
                "status_on": np.where(done, agreed[child] + 20, np.datetime64("NaT")),
                "gap": np.full(len(child), None, dtype=object),
            }
        )
    joined = {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
    order = np.lexsort((joined["action_id"].astype(str), joined["child"]))
    child = joined["child"][order]
    return pd.DataFrame(
        {
            "child_id": str_column(ids, child),
            "action_id": str_column(joined["action_id"][order].tolist()),
            "created_on": date_column(agreed[child]),
            "text": str_column(joined["text"][order].tolist()),
            "worker_role": str_column(joined["worker_role"][order].tolist()),
            "responsible": str_column(caseworker[child].tolist()),
            "due_on": date_column(joined["due_on"][order]),
            "resource_id": str_column(joined["resource_id"][order].tolist()),
            "status": str_column(joined["status"][order].tolist()),
            "status_on": date_column(joined["status_on"][order].astype("datetime64[D]")),
            "gap": str_column(joined["gap"][order].tolist()),
        }
    )


_NEED_WORDS = np.array([codes.NEEDS.label(need, "id") for need in codes.NEEDS])
"""The needs as an Indonesian social worker writes them in an action."""


def _nth_bit(masks: np.ndarray, k: int) -> np.ndarray:
    """The position of the ``k``-th set bit (from 0) of each mask, -1 when it has fewer.

    >>> _nth_bit(np.array([0b1010, 0b1, 0]), 1).tolist()
    [3, -1, -1]
    """
    seen = np.zeros(len(masks), dtype=int)
    found = np.full(len(masks), -1)
    for bit in range(int(masks.max(initial=0)).bit_length()):
        on = (masks >> bit) & 1 == 1
        found[on & (seen == k) & (found < 0)] = bit
        seen += on
    return found
