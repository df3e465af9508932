"""The case-conference child map: geometry, labels, styles, the plotly figure, tables, export."""
