"""Saving and loading the sample notice through the store: medians and p95.

    python benchmarks/bench_store.py [--runs 50] [--pg postgresql://user:pw@127.0.0.1/db]

Always measures SQLite (a fresh file in a temporary folder: WAL, synchronous=FULL, so every
save waits for an fsync). With --pg, or NB_TEST_DATABASE_URL set, also PostgreSQL, in a
temporary schema dropped afterwards. A save includes validating the text (the loader's parse
and model validation), which is measured alone too, so the database's share is the difference.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from timing import row, times

from notice_builder.io import loads_notice
from notice_builder.resources import example_path
from notice_builder.store import Store, resolve_url


@contextmanager
def _sqlite() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'notices.db'}"


@contextmanager
def _postgres(url: str) -> Iterator[str]:
    base = resolve_url(url)
    schema = f"nb_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        scoped = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def bench(name: str, url: str, runs: int) -> None:
    text = example_path().read_text(encoding="utf-8")
    print(f"\n{name} ({len(text.encode()) / 1000:.1f} kB sample notice)")
    with Store(url) as store:
        draft = store.create(text, author="bench")
        head = [draft.version]

        def save() -> None:
            # A different text each time, as real edits are (same length, new hash).
            edited = text + f"# edit {head[0]:06d}\n"
            head[0] = store.save(
                draft.id, edited, expected_version=head[0], author="bench", message="edit"
            ).version

        save()  # warm the pool and the statement cache
        print(row("save (validate + write a version)", times(save, runs)))
        print(row("get head (text)", times(lambda: store.get(draft.id), runs)))
        print(row("get head + validate (.notice)", times(lambda: store.get(draft.id).notice, runs)))
        print(row("version(n) text only", times(lambda: store.version(draft.id, 1), runs)))
        print(
            row(f"versions() of {head[0]} versions", times(lambda: store.versions(draft.id), runs))
        )
        print(
            row(
                "diff v1 -> head",
                times(lambda: store.diff(draft.id, 1, head[0]), max(5, runs // 5)),
            )
        )
        for _ in range(99):
            store.create(text, author="bench")
        print(row("list() of 100 notices", times(store.list, runs)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("NB_TEST_DATABASE_URL"))
    args = parser.parse_args()

    content = example_path().read_text(encoding="utf-8")
    print(
        row(
            "validate only (loads_notice), no database",
            times(lambda: loads_notice(content), args.runs),
        )
    )
    with _sqlite() as url:
        bench("SQLite", url, args.runs)
    if args.pg:
        with _postgres(args.pg) as url:
            bench("PostgreSQL", url, args.runs)
    else:
        print("\nPostgreSQL: skipped (give --pg URL or set NB_TEST_DATABASE_URL)")


if __name__ == "__main__":
    main()
