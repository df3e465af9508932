"""Import a data set (zip or CSV files): checked first, then all or nothing; and export one."""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st

import ui
from eska_network.domain import csvsafe, io
from eska_network.services import access, dataset_transfer, easynwk_upload
from eska_network.services.access import AccessDenied

CHECKED = "import.checked"
"""Session key: the digest of the files last checked and what the check found."""
UPLOADS = "import.uploads"
"""Session key: a counter in the uploader's key, raised to empty it after an import."""
DONE = "import.done"
EXPORT = "import.export"
EASYNWK = "import.easynwk.checked"
"""Session key: what the check of the last easyNWK file found."""

context = ui.page_context("import_data")
lang = context.lang
st.title(ui.t("page.import_data"))

limit_mb = int(st.get_option("server.maxUploadSize"))
st.markdown(ui.t("import.intro", limit=limit_mb))


def _problem_table(problems) -> None:
    table = dataset_transfer.problem_table(problems, lang)
    names = {name: ui.t(f"import.column.{name}") for name in dataset_transfer.PROBLEM_COLUMNS}
    # A problem with the whole file has no row: an empty cell, not "None".
    shown = table.assign(row=table["row"].astype("string").fillna(""))
    st.dataframe(shown.rename(columns=names), hide_index=True, width="stretch")
    st.download_button(
        ui.t("import.download_problems"),
        csvsafe.to_safe_csv(table),
        file_name="import-problems.csv",
        mime="text/csv",
        icon=":material/download:",
    )


def _report_table(report) -> None:
    table = dataset_transfer.report_table(report)
    table["what"] = [ui.t(f"import.kind.{kind}") for kind in table["what"]]
    names = {name: ui.t(f"import.column.{name}") for name in table.columns}
    st.dataframe(table.rename(columns=names), hide_index=True, width="content")


def _offer_import(problems, dataset, preview, checked: str, key: str | None = None) -> None:
    """What a check found and, when the data would change the store, the button importing it.

    ``checked`` is the session key of the check, forgotten once the import is done.
    """
    if problems:
        st.error(ui.t("import.problems", n=len(problems)))
        _problem_table(problems)
        return
    if not dataset_transfer.changes_anything(preview):
        st.info(ui.t("import.nothing_new"))
        return
    st.success(ui.t("import.valid", summary=io.summary(dataset)))
    _report_table(preview)
    if not st.button(ui.t("import.submit"), type="primary", icon=":material/upload:", key=key):
        return
    progress = st.progress(0, text=ui.t("import.progress.check"))
    try:
        progress.progress(30, text=ui.t("import.progress.write"))
        report = dataset_transfer.import_checked(context.store, context.principal, dataset)
    except AccessDenied:
        st.error(ui.t("app.refused"))
    except io.DatasetError as error:
        progress.empty()
        st.error(ui.t("import.problems", n=len(error.problems)))
        _problem_table(error.problems)
    else:
        progress.progress(100, text=ui.t("import.progress.done"))
        st.session_state[DONE] = report
        st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1
        st.session_state.pop(checked, None)
        st.rerun()


done = st.session_state.pop(DONE, None)
if done is not None:
    st.success(ui.t("import.done"))
    _report_table(done)

uploads = st.session_state.setdefault(UPLOADS, 0)
uploaded = st.file_uploader(
    ui.t("import.upload"),
    type=["zip", "csv"],
    accept_multiple_files=True,
    key=f"import.files.{uploads}",
)
if uploaded:
    files = {file.name: file.getvalue() for file in uploaded}
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    checked = st.session_state.get(CHECKED)
    if checked is None or checked[0] != digest.hexdigest():
        with st.spinner(ui.t("import.checking")):
            try:
                check = dataset_transfer.check_upload(
                    context.store, context.principal, files, limit_mb * 2**20, lang
                )
            except AccessDenied:
                st.error(ui.t("app.refused"))
                st.stop()
        checked = (digest.hexdigest(), check)
        st.session_state[CHECKED] = checked
    check = checked[1]
    _offer_import(check.problems, check.dataset, check.preview, CHECKED)

# -- a map drawn in easyNWK -------------------------------------------------------------------

st.subheader(ui.t("import.easynwk.title"))
st.caption(ui.t("import.easynwk.intro"))
caseworkers = easynwk_upload.assignable_caseworkers(context.store, context.principal)
with st.form("import.easynwk", border=True):
    nwk_file = st.file_uploader(
        ui.t("import.easynwk.file"), type=["json"], key=f"import.easynwk.file.{uploads}"
    )
    row = st.columns(4)
    nwk_child = row[0].text_input(ui.t("import.easynwk.child"), max_chars=32)
    nwk_district = row[1].text_input(ui.t("import.easynwk.district"), max_chars=80)
    nwk_age = row[2].number_input(
        ui.t("import.easynwk.age"), min_value=0, max_value=30, value=None, step=1
    )
    nwk_caseworker = row[3].selectbox(
        ui.t("import.easynwk.caseworker"), caseworkers, placeholder=ui.t("app.choose_one")
    )
    if st.form_submit_button(ui.t("import.easynwk.check"), icon=":material/fact_check:"):
        if nwk_file is None:
            st.session_state.pop(EASYNWK, None)
        else:
            try:
                st.session_state[EASYNWK] = easynwk_upload.check_easynwk(
                    context.store,
                    context.principal,
                    nwk_file.getvalue(),
                    nwk_file.name,
                    nwk_child,
                    nwk_district,
                    nwk_caseworker,
                    None if nwk_age is None else int(nwk_age),
                    lang,
                )
            except AccessDenied:
                st.error(ui.t("app.refused"))
                st.stop()
nwk_check = st.session_state.get(EASYNWK)
if nwk_check is not None:
    _offer_import(
        nwk_check.problems, nwk_check.dataset, nwk_check.preview, EASYNWK, "import.easynwk.submit"
    )

if access.may(context.store, context.principal, access.EXPORT_CHILD):
    st.subheader(ui.t("import.export_title"))
    st.caption(ui.t("import.export_intro"))
    if st.button(ui.t("import.export_prepare"), icon=":material/inventory_2:"):
        st.session_state[EXPORT] = dataset_transfer.export_visible(context.store, context.principal)
    prepared = st.session_state.get(EXPORT)
    if prepared is not None:
        data, count = prepared
        st.download_button(
            ui.t("import.export_download", n=count),
            data,
            file_name=dataset_transfer.export_file_name(dt.date.today()),
            mime="application/zip",
            icon=":material/download:",
        )
