"""The audit log, for auditors: filter it, read it, download it as a safe CSV."""

import datetime as dt

import streamlit as st

import ui
from eska_network.domain import csvsafe
from eska_network.services import access

context = ui.page_context("audit_log")
st.title(ui.t("page.audit_log"))

today = dt.datetime.now(dt.UTC).date()
left, middle, right = st.columns(3)
start = left.date_input(ui.t("audit.from"), today - dt.timedelta(days=30), key="audit_from")
end = left.date_input(ui.t("audit.to"), today, key="audit_to")
user_names = middle.multiselect(
    ui.t("audit.user"), access.audit_user_names(context.store, context.principal)
)
actions = middle.multiselect(ui.t("audit.action"), access.AUDIT_ACTIONS)
child_id = right.text_input(ui.t("audit.child"), max_chars=32).strip()
outcomes = right.multiselect(ui.t("audit.outcome"), access.OUTCOMES)

limit = 5000
where = access.AuditFilter(
    start=start,
    end=end,
    user_names=tuple(user_names),
    actions=tuple(actions),
    child_id=child_id or None,
    outcomes=tuple(outcomes),
)
rows = access.read_audit(context.store, context.principal, where, limit=limit)
st.caption(ui.t("audit.rows", count=len(rows)))
if len(rows) == limit:
    st.warning(ui.t("audit.limited", limit=limit))
st.dataframe(rows, hide_index=True, width="stretch")


def _audit_export() -> None:
    access.require(context.store, context.principal, access.EXPORT_AUDIT)


st.download_button(
    ui.t("audit.export"),
    csvsafe.to_safe_csv(rows),
    file_name=f"audit-{start}-{end}.csv",
    mime="text/csv",
    on_click=_audit_export,
    icon=":material/download:",
)
