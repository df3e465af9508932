"""Placeholder until the page is built: it only says so."""

import streamlit as st

import ui

context = ui.page_context("record_assessment")
st.title(ui.t("page.record_assessment"))
st.info(ui.t("app.coming_soon"))
