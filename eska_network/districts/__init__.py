"""The planner's district aggregates: counts per district, disclosure control, figures."""
