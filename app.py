"""The ESKA support-network dashboard: ``streamlit run app.py`` (``make run`` in demo mode)."""

import ui.shell

ui.shell.run_app()
