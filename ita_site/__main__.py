"""``python -m ita_site`` runs the ``ita-site`` command."""

from ita_site.cli.commands import main

main()
