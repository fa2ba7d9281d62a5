"""The MkDocs layer: the ``ita`` plugin MkDocs calls, and the runner that calls MkDocs.

The only part of ita-site that imports MkDocs.
"""
