"""Entry point of the packaged program: the same as the ``crm-desktop`` command."""

from crm_desktop.cli import main

raise SystemExit(main())
