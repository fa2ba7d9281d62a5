"""Project to site pages, without MkDocs: page paths, rendering, charts, templates, theme assets, search words."""
