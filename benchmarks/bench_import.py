"""Import of a large spreadsheet (CSV and .xlsx) into a file that already holds customers.

The sheet is made here (seeded): Chinese and English names, companies, phones in mixed
formats, e-mails, tiers, statuses, tags and notes, with about 2 % rows repeating an earlier
row (in-file duplicates), 1 % repeating a customer already in the file and 0.5 % bad rows
(bad e-mail or phone), under Chinese headers. Each run imports into a fresh copy of
``demo_file(20_000)`` with the default duplicate policy (skip), through the same code as
``crm-desktop import`` (``read_table`` + ``CustomerImport.run``), so reading the file,
validation, duplicate checks, customers, tags, journal rows and the search index are all in
the figure. The floor is the barest load of the same rows: ``executemany`` of the cleaned
rows into ``customers`` with the search-index triggers dropped, in one transaction.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import PASSPHRASE, demo_file
from benchmarks.report import Result, table

TARGET = "≤ 15 s (100,000 rows)"
HEADERS = ["客户名称", "公司", "手机号", "邮箱", "省份", "城市", "客户等级", "状态", "标签", "备注"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红志鹏飞宇浩然子轩欣怡"
_FIRST = ["James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David"]
_LAST = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans", "Walker", "Thornbury"]
_BRANDS = ["华强", "天宇", "宏达", "金桥", "远航", "海纳", "恒信", "鼎盛", "嘉禾", "瑞丰"]
_KINDS = ["科技有限公司", "贸易有限公司", "电子有限公司", "实业有限公司", "网络科技"]
_PLACES = [
    ("广东省", "深圳市"), ("广东省", "广州市"), ("浙江省", "杭州市"), ("上海市", "上海市"),
    ("北京市", "北京市"), ("江苏省", "南京市"), ("四川省", "成都市"), ("湖北省", "武汉市"),
]  # fmt: skip
_TIERS = ["VIP", "A", "B", "C", "A类", ""]
_STATUSES = ["线索", "意向", "成交", "休眠", "lead", "active", ""]
_TAGS = ["展会", "重点", "老客户", "转介绍", "VIP", "网站"]
_NOTES = ["老客户，年底回访", "对价格敏感", "需要发票", "Prefers e-mail", "", "", ""]


def _phone(rng: random.Random) -> str:
    digits = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
    style = rng.randrange(4)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if style == 2:
        return f"+86 {digits}"
    return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"


def sheet_rows(
    count: int, seed: int = 7, existing: list[list[str]] | None = None
) -> list[list[str]]:
    """``count`` data rows (no header): see the module docstring for the mix."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    for number in range(count):
        roll = rng.random()
        if rows and roll < 0.02:
            rows.append(list(rng.choice(rows)))
            continue
        if existing and roll < 0.03:
            rows.append(list(rng.choice(existing)))
            continue
        region, city = rng.choice(_PLACES)
        company = f"{city[:-1]}{rng.choice(_BRANDS)}{rng.choice(_KINDS)}"
        if rng.random() < 0.8:
            name = rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.choice((1, 2))))
            email = f"u{number}@example.cn" if rng.random() < 0.6 else ""
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            name = f"{first} {last}"
            email = f"{first}.{last}{number}@example.com".lower()
        phone = _phone(rng)
        if roll > 0.995:
            email, phone = ("not-an-email", phone) if roll > 0.9975 else (email, "12")
        tags = ",".join(rng.sample(_TAGS, rng.randrange(3)))
        rows.append([name, company, phone, email, region, city, rng.choice(_TIERS),
                     rng.choice(_STATUSES), tags, rng.choice(_NOTES)])  # fmt: skip
    return rows


def existing_rows(path: Path, count: int) -> list[list[str]]:
    """Some customers of the target file, as sheet rows (they must be found as duplicates)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
        found = conn.execute(
            "SELECT name, coalesce(company, ''), coalesce(phone, ''), coalesce(email, '')"
            " FROM customers WHERE deleted_at IS NULL ORDER BY rowid LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        conn.close()
    return [[n, c, p, e, "", "", "", "", "", ""] for n, c, p, e in found]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([HEADERS, *rows])
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _copy(source: Path, folder: Path) -> Path:
    target = folder / "target.db"
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def import_once(target: Path, sheet: Path) -> tuple[float, dict[str, int]]:
    """Seconds for ``crm-desktop import``'s work (file read to commit) and its report (with
    the CPU seconds it took, which a machine shared with other jobs inflates less)."""
    from crm_desktop.services.import_files import read_table
    from crm_desktop.services.imports import CustomerImport, suggest_mapping
    from crm_desktop.services.workspace import open_workspace

    workspace = open_workspace(target, PASSPHRASE)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        data = read_table(sheet)
        report = CustomerImport(workspace.ctx, data, suggest_mapping(data.headers)).run()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
    finally:
        workspace.close()
    return seconds, {
        "created": report.created,
        "skipped": report.skipped_duplicates,
        "rejected": report.rejected_rows,
        "cpu_ms": round(cpu * 1000),
    }


def floor_once(target: Path, rows: list[list[str]]) -> float:
    """The barest load of the same rows: plain inserts, no checks, no index, no journal."""
    import sqlcipher3

    from crm_desktop.db.keyed_file import _configure
    from crm_desktop.domain.ids import new_id

    conn = sqlcipher3.connect(str(target), isolation_level=None)
    try:
        conn.execute("PRAGMA key = '{}'".format(PASSPHRASE.replace("'", "''")))
        _configure(conn)  # the SQL functions the schema's indexes call, as the app has them
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # key derivation, untimed
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        now = "2026-01-01T00:00:00.000000Z"
        conn.executemany(
            "INSERT INTO customers (id, created_at, updated_at, kind, status, name, company,"
            " phone, email, region, city, notes) VALUES (?,?,?,'company','lead',?,?,?,?,?,?,?)",
            ((new_id(), now, now, r[0], r[1], r[2], r[3], r[4], r[5], r[9]) for r in rows),
        )
        conn.execute("COMMIT")
        return time.perf_counter() - started
    except sqlite3.Error:
        raise
    finally:
        conn.close()


def run(quick: bool, repeats: int | None = None) -> list[Result]:
    count = 10_000 if quick else 100_000
    repeats = repeats or (1 if quick else 2)
    base = demo_file(20_000)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="crm-import-bench-") as name:
        folder = Path(name)
        rows = sheet_rows(count, existing=existing_rows(base.path, 2_000))
        sheets = {
            "CSV": write_csv(folder / "sheet.csv", rows),
            ".xlsx": write_xlsx(folder / "sheet.xlsx", rows),
        }
        floors = [floor_once(_copy(base.path, folder), rows) for _ in range(repeats)]
        floor = statistics.median(floors)
        for kind, sheet in sheets.items():
            times = []
            cpus = []
            report: dict[str, int] = {}
            for _ in range(repeats):
                seconds, report = import_once(_copy(base.path, folder), sheet)
                times.append(seconds)
                cpus.append(report["cpu_ms"] / 1000)
            note = (
                f"CPU {statistics.median(cpus):.1f} s; {report['created']:,} created, "
                f"{report['skipped']:,} duplicates skipped, {report['rejected']:,} rejected; "
                f"median of {repeats}; load average {os.getloadavg()[0]:.1f}"
            )
            results.append(
                Result(
                    f"import {count:,} rows from {kind} into 20,000 customers",
                    statistics.median(times),
                    "s",
                    floor,
                    "bare executemany, no checks/index/journal",
                    TARGET,
                    note,
                )
            )
    print(table(results), file=sys.stderr, flush=True)
    return results


if __name__ == "__main__":
    print(table(run("--quick" in sys.argv)))
