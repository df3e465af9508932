"""The audit log, for auditors: filter it, read it in words and local time, download it."""

import datetime as dt

import streamlit as st

import ui
from eska_network.services import access, audit_reading, record_views

context = ui.page_context("audit_log")
lang = context.lang
st.title(ui.t("page.audit_log"))
zone = record_views.local_zone()
st.caption(ui.t("audit.zone", zone=zone.key))

today = dt.datetime.now(zone).date()
left, middle, right = st.columns(3)
start = left.date_input(
    ui.t("audit.from"),
    today - dt.timedelta(days=30),
    key="audit_from",
    format=ui.t("app.date_format"),
)
end = left.date_input(ui.t("audit.to"), today, key="audit_to", format=ui.t("app.date_format"))
user_names = middle.multiselect(
    ui.t("audit.user"),
    audit_reading.audit_user_names(context.store, context.principal),
    placeholder=ui.t("app.choose_many"),
)
actions = middle.multiselect(
    ui.t("audit.action"),
    access.AUDIT_ACTIONS,
    format_func=lambda action: record_views.action_name(action, lang),
    placeholder=ui.t("app.choose_many"),
)
child_id = right.text_input(ui.t("audit.child"), max_chars=32).strip()
outcomes = right.multiselect(
    ui.t("audit.outcome"),
    access.OUTCOMES,
    format_func=lambda outcome: record_views.outcome_name(outcome, lang),
    placeholder=ui.t("app.choose_many"),
)

limit = 5000
where = audit_reading.AuditFilter(
    start=start,
    end=end,
    user_names=tuple(user_names),
    actions=tuple(actions),
    child_id=child_id or None,
    outcomes=tuple(outcomes),
    zone=zone,
)
rows = audit_reading.read_audit(context.store, context.principal, where, limit=limit)
st.caption(ui.t("audit.rows", count=len(rows)))
if len(rows) == limit:
    st.warning(ui.t("audit.limited", limit=limit))
st.dataframe(record_views.audit_display(rows, lang, zone), hide_index=True, width="stretch")


def _audit_export() -> None:
    access.require(context.store, context.principal, access.EXPORT_AUDIT)


st.download_button(
    ui.t("audit.export"),
    record_views.audit_csv(rows, lang, zone),
    file_name=f"audit-{start}-{end}.csv",
    mime="text/csv",
    on_click=_audit_export,
    icon=":material/download:",
)
