"""Cold-start floor: the least a Qt program must do to show a window and a row of the file.

Imports PySide6, shows an empty ``QMainWindow``, opens the SQLCipher file with ``sqlcipher3``
(``PRAGMA key`` and one ``SELECT``), then prints ``FIRST_PAGE_SHOWN <seconds since
CRM_BENCH_T0> <CPU seconds>`` like the real program's benchmark hook, and exits.
"""

from __future__ import annotations

import os
import sys
import time


def main(argv: list[str]) -> int:
    import sqlcipher3
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    path = argv[argv.index("--db") + 1]
    app = QApplication(argv[:1])
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(1000, 700)
    window.show()
    conn = sqlcipher3.connect(path)
    passphrase = os.environ["CRM_PASSPHRASE"].replace("'", "''")
    conn.execute(f"PRAGMA key = '{passphrase}'")
    rows = conn.execute("SELECT id, name FROM customers ORDER BY name LIMIT 100").fetchall()
    window.setWindowTitle(f"floor: {len(rows)} rows")

    def shown() -> None:
        elapsed = time.time() - float(os.environ["CRM_BENCH_T0"])
        print(f"FIRST_PAGE_SHOWN {elapsed:.4f} {time.process_time():.4f}", flush=True)
        conn.close()
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
