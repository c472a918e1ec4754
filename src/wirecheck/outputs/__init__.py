"""Outputs: story briefs (``brief.render`` md/html/json, ``brief.render_terminal``) and whole-database
exports (``export.write`` json/csv/acled).  They read the plain dicts the store returns."""
