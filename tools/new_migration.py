"""Write the next Alembic revision by comparing the models with a database at the current head.

    .venv/bin/python tools/new_migration.py "what changed"

Revision ids are the next four-digit number. Check the generated file by hand: custom column
types are rendered as plain ``sa.String`` so that a migration never imports the models; then
set ``SCHEMA_HEAD`` in ``src/crm_desktop/db/schema.py`` to the new number.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from crm_desktop.db.engine import create_database
from crm_desktop.db.migrate import alembic_config


def main(message: str) -> None:
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head() or "0000"
    rev_id = f"{int(head) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(Path(folder) / "head.db", "migration-passphrase")
        try:
            with db.engine.begin() as conn:
                config.attributes["connection"] = conn
                script = command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        finally:
            db.close()
    path = Path(script.path)  # type: ignore[union-attr]
    text = path.read_text()
    text = re.sub(r"crm_desktop\.db\.types\.\w+\(length=(\d+)\)", r"sa.String(length=\1)", text)
    text = "\n".join(line for line in text.splitlines() if "# ###" not in line) + "\n"
    path.write_text(text)
    print(f"wrote {path}")


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]) or "schema change")
