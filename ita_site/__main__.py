"""``python -m ita_site`` runs the ``ita-site`` command."""

from .cli import main

main()
