"""The supervisor's caseload: children ranked by the seriousness of their gaps, and its chart."""
