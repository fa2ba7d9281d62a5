"""Files besides the site: open data, the content schema, the hand-over zip, the evidence link report."""
