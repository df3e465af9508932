"""Placeholder until the page is built: it only says so."""

import streamlit as st

import ui

context = ui.page_context("import_data")
st.title(ui.t("page.import_data"))
st.info(ui.t("app.coming_soon"))
