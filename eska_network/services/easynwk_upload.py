"""A map drawn in easyNWK brought into the store for one child, from the import page.

The file is read by :func:`eska_network.domain.easynwk.from_easynwk` (every problem named, file
and place), given the child's code, kabupaten/kota, age and caseworker, and then goes the way of
any upload (:func:`eska_network.services.dataset_transfer.check_upload`): the format's checks, a
dry run, and an import of all or nothing by
:func:`~eska_network.services.dataset_transfer.import_checked`, checked (``import_data``, the
children the importer may see, a caseworker they may assign) and audited.
"""

from __future__ import annotations

import dataclasses

from eska_network import i18n
from eska_network.domain import easynwk, io
from eska_network.services import access, accounts, dataset_transfer
from eska_network.services.dataset_transfer import UploadCheck
from eska_network.store import Store

MAX_BYTES = 5 * 2**20
"""The largest easyNWK file taken: a map of one person is a few kilobytes."""


def assignable_caseworkers(store: Store, principal: access.Principal) -> list[str]:
    """The active caseworkers an import by ``principal`` may name (their team's; all for the
    operator)."""
    return [
        user.user_name
        for user in accounts.list_users(store)
        if user.role == "caseworker"
        and user.active
        and (principal.role == access.OPERATOR_ROLE or user.team == principal.team)
    ]


def check_easynwk(
    store: Store,
    principal: access.Principal,
    data: bytes,
    file_name: str,
    child_id: str,
    district: str,
    caseworker: str | None,
    age: int | None = None,
    lang: str = "en",
) -> UploadCheck:
    """Read an easyNWK file as the data set of one child and try its import (a dry run).

    Raises
    ------
    AccessDenied
        When ``principal`` may not import.
    """
    access.require(store, principal, access.IMPORT_DATA, audit_use=False)
    if len(data) > MAX_BYTES:
        too_large = i18n.say("import.easynwk.too_large", mb=MAX_BYTES // 2**20)
        return UploadCheck(None, None, (io.Problem.of(file_name, None, None, too_large),))
    try:
        dataset = easynwk.from_easynwk(
            data, child_id.strip(), district.strip(), age=age, name=file_name
        )
    except easynwk.EasyNWKError as error:
        # The reader's words name the file and the place in it (in English).
        found = tuple(io.Problem(file_name, None, None, line) for line in error.problems)
        return UploadCheck(None, None, found)
    children = dataset.children.assign(caseworker=caseworker or "")
    dataset = dataclasses.replace(dataset, children=children)
    files = {"easynwk.zip": io.write_dataset_zip(dataset)}
    return dataset_transfer.check_upload(store, principal, files, MAX_BYTES * 4, lang)
