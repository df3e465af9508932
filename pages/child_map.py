"""Placeholder until the page is built: it only says so."""

import streamlit as st

import ui

context = ui.page_context("child_map")
st.title(ui.t("page.child_map"))
st.info(ui.t("app.coming_soon"))
