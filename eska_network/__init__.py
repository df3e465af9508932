"""ESKA support-network dashboard: the social support systems of children who were commercially
sexually exploited, drawn as a social ecological model, with every gap found and shown."""

__version__ = "0.1.0"
