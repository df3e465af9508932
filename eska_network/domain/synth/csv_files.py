"""Streaming generated tables into the CSV files of the interchange format."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from eska_network.domain import schema


class CsvAppender:
    """Appends model-convention tables to one CSV file of the interchange format.

    ``io.write_dataset`` writes a whole Dataset held in memory; a million children do not fit
    comfortably, so the generator streams chunks through pyarrow's CSV writer instead. Generated
    text never holds a comma, quote or line break (the writer refuses to write one unquoted),
    so no quoting is needed and every cell looks as a spreadsheet would save it.
    """

    def __init__(self, path: Path, spec: schema.FileSpec) -> None:
        self.path = path
        self.spec = spec
        self.temporary = path.with_name(path.name + ".part")
        self.handle = open(self.temporary, "wb")  # closed by finish or discard
        self.handle.write((",".join(spec.column_names) + "\n").encode())
        self.options = pa_csv.WriteOptions(include_header=False, quoting_style="none")

    def append(self, table: pd.DataFrame) -> None:
        arrow = pa.Table.from_pandas(table[list(self.spec.column_names)], preserve_index=False)
        for name in self.spec.column_names:
            if self.spec.column(name).kind == "date":
                index = arrow.schema.get_field_index(name)
                arrow = arrow.set_column(index, name, arrow.column(name).cast(pa.date32()))
        pa_csv.write_csv(arrow, self.handle, self.options)

    def finish(self) -> None:
        self.handle.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        self.handle.close()
        self.temporary.unlink(missing_ok=True)
