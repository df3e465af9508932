"""Writing a data set: the CSV files of the interchange format, in a folder or a zip.

Part of :mod:`eska_network.domain.io`.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from eska_network.domain import csvsafe, schema
from eska_network.domain.model import Dataset
from eska_network.domain.schema import FileSpec


def write_dataset(dataset: Dataset, folder: str | os.PathLike) -> Path:
    """Write the six CSV files into ``folder`` (created if needed), all or none of them.

    Every text cell a spreadsheet would run as a formula is written with a leading ``'``, which
    :func:`read_dataset` removes again. The files are written to a temporary folder beside
    ``folder`` and moved in place only when all are complete, so a failure while writing leaves
    ``folder`` as it was. A new or empty ``folder`` is replaced by the temporary one in a single
    rename; in a folder holding other files, those are left alone and the files are renamed into
    it one by one.

    Returns
    -------
    Path
        ``folder``, so that ``read_dataset(write_dataset(dataset, folder))`` reads it back.
    """
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".partial", dir=folder.parent)
    )
    try:
        for spec in schema.FILES:
            text = _csv_text(dataset, spec)
            (staging / spec.name).write_text(text, encoding="utf-8", newline="")
        if folder.is_dir() and any(folder.iterdir()):
            for spec in schema.FILES:
                os.replace(staging / spec.name, folder / spec.name)
        else:
            # Renaming a folder onto a missing or empty one is atomic: all files or none.
            os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def write_dataset_zip(dataset: Dataset) -> bytes:
    """The CSV files of :func:`write_dataset` as a zip archive, for a download button.

    Examples
    --------
    >>> import zipfile
    >>> zipfile.ZipFile(io.BytesIO(write_dataset_zip(Dataset()))).namelist()
    ['children.csv', 'members.csv', 'ties.csv', 'resources.csv', 'assessments.csv', 'actions.csv']
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for spec in schema.FILES:
            # A fixed timestamp makes the same data set give the same bytes.
            entry = zipfile.ZipInfo(spec.name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, _csv_text(dataset, spec).encode("utf-8"))
    return buffer.getvalue()


def _csv_text(dataset: Dataset, spec: FileSpec) -> str:
    """One file's CSV text; a text cell a spreadsheet would run is escaped (see csvsafe)."""
    table = dataset.table(spec)
    extra = [name for name in table.columns if name not in spec.column_names]
    table = csvsafe.escape_table(table.reindex(columns=[*spec.column_names, *extra]))
    dates = {name: _iso_dates(table[name]) for name in table.columns if _is_date(table[name])}
    table = table.assign(**dates)
    return table.to_csv(index=False, na_rep="", lineterminator="\n")


def _is_date(column: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(column.dtype)


def _iso_dates(column: pd.Series) -> np.ndarray:
    """``YYYY-MM-DD`` for every date of the column at once (``""`` when missing).

    pandas formats dates for CSV one cell at a time; numpy turns whole days into text in C.

    >>> _iso_dates(pd.Series(pd.to_datetime(["2026-03-01", None]))).tolist()
    ['2026-03-01', '']
    """
    days = column.to_numpy(dtype="datetime64[D]")
    texts = days.astype(str).astype(object)
    texts[np.isnat(days)] = ""
    return texts
