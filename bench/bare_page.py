"""The browser yardstick: a bare Streamlit page holding one empty plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure())
