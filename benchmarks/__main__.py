"""``python -m benchmarks [--quick]``: build the demo files, run each benchmark, print the table.

Figures are compared with a floor — the same job done the barest possible way on this
machine — so the ratio says how much our design costs, whatever the hardware. The table also
goes to ``benchmarks/out/latest.md`` (``latest-quick.md`` for ``--quick``) for the README.
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks import (
    bench_customers,
    bench_followups,
    bench_import,
    bench_opportunities,
    bench_reports,
    bench_search,
    cold_start,
    generation,
    open_unlock,
)
from benchmarks.data import OUT, big_file, demo_file
from benchmarks.report import Result, environment, markdown, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small files, under two minutes")
    parser.add_argument(
        "--only",
        metavar="NAMES",
        help="comma-separated subset: cold_start, open_unlock, generation, opportunities, "
        "followups, customers, search, import, reports, sync, million",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    customers = 20_000 if args.quick else 100_000
    generated = 5_000 if args.quick else 50_000

    only = set(args.only.split(",")) if args.only else None

    def wanted(name: str) -> bool:
        return only is None or name in only

    main_file = demo_file(customers)
    files = [main_file.path]
    results: list[Result] = []
    if wanted("cold_start"):
        results += cold_start.run(main_file.path, customers)
    if wanted("open_unlock"):
        results += open_unlock.run(main_file.path, customers)
    if wanted("generation"):
        results += generation.run(generated)
    for name, module in (
        ("opportunities", bench_opportunities),
        ("followups", bench_followups),
        ("customers", bench_customers),
        ("search", bench_search),
        ("import", bench_import),
        ("reports", bench_reports),
    ):
        if wanted(name):
            results += module.run(args.quick)
    if wanted("sync"):
        from benchmarks import bench_sync  # team sync against the local PostgreSQL

        results += bench_sync.run(args.quick)
    if not args.quick and wanted("million"):
        big = big_file()
        files.append(big.path)
        results += generation.million(big)

    mode = "quick" if args.quick else "full"
    env = environment(files)
    env.append(f"mode: {mode}, total benchmark time {time.perf_counter() - started:.0f} s")
    print("\n".join(env))
    print()
    print(table(results))
    name = "latest-quick.md" if args.quick else "latest.md"
    if only is not None:
        name = name.replace(".md", "-" + "-".join(sorted(only)) + ".md")
    (OUT / name).write_text(markdown(f"Benchmarks ({mode})", env, results), encoding="utf-8")
    print(f"\nwritten to {OUT / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
