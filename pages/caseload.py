"""Placeholder until the page is built: it only says so."""

import streamlit as st

import ui

context = ui.page_context("caseload")
st.title(ui.t("page.caseload"))
st.info(ui.t("app.coming_soon"))
