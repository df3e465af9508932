"""The browser yardstick: a bare Streamlit app whose second page holds one empty plotly chart.

Two pages, so that the bare chart can be opened the way the child map is: by a click in the menu of
an app already loaded (``start`` -> ``chart``), as well as by loading ``/chart`` directly.
"""

import plotly.graph_objects as go
import streamlit as st


def start() -> None:
    st.write("Start")


def chart() -> None:
    st.plotly_chart(go.Figure())


st.navigation(
    [
        st.Page(start, title="Start", url_path="start", default=True),
        st.Page(chart, title="Chart", url_path="chart"),
    ]
).run()
