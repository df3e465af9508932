"""Placeholder until the page is built: it only says so."""

import streamlit as st

import ui

context = ui.page_context("districts")
st.title(ui.t("page.districts"))
st.info(ui.t("app.coming_soon"))
