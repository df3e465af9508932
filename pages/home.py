"""The landing page: what this role may do here, and its pages."""

import streamlit as st

import ui
from eska_network.services import child_search
from ui.pages import pages_for

context = ui.page_context("home")
principal = context.principal
st.title(ui.t("app.title"))
ui.plain(ui.t("home.welcome", user=principal.display_name or principal.user_name))
count = child_search.visible_count(context.store, principal)
st.write(ui.t(f"home.intro.{principal.role}", count=count))
st.subheader(ui.t("home.pages"))
for page in pages_for(principal.role):
    if page.key != "home":
        st.page_link(page.path, label=ui.t(page.title_id), icon=page.icon)
