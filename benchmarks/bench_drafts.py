"""Autosaved drafts: what one autosave, the restore offer and a discard cost the server.

    python benchmarks/bench_drafts.py [--runs 50] [--pg postgresql://user:pw@127.0.0.1/db]

SQLite always (a fresh file: WAL, synchronous=FULL, so every draft write waits for an fsync);
PostgreSQL too with --pg or NB_TEST_DATABASE_URL. Each browser writes at most one draft every
AUTOSAVE_SECONDS, so the write's cost bounds the load autosave puts on the server.
"""

from __future__ import annotations

import argparse
import os
import uuid

from bench_store import _postgres, _sqlite
from timing import row, times

from notice_builder.app.callbacks import drafts
from notice_builder.resources import example_path
from notice_builder.store import Store


def bench(name: str, url: str, runs: int) -> None:
    text = example_path().read_text(encoding="utf-8")
    print(f"\n{name} ({len(text.encode()) / 1000:.1f} kB sample notice)")
    with Store(url) as store:
        notice = store.create(text, author="bench")
        client = uuid.uuid4().hex
        current = {"id": notice.id, "version": notice.version}
        count = [0]

        def autosave() -> None:
            count[0] += 1  # a different text each time, as typing makes
            sent = {**current, "text": text + f"# typed {count[0]:06d}\n", "edited": True}
            assert drafts.autosave(store, sent, client).kind == "kept"

        autosave()  # warm the pool and the statement cache
        print(row("autosave (hash check + upsert a draft)", times(autosave, runs)))
        print(row("get draft", times(lambda: store.drafts.get(notice.id, client), runs)))
        print(
            row(
                "restore offer on open (draft + head)",
                times(lambda: drafts.offer(store, current, client, text), runs),
            )
        )

        def discard() -> None:
            store.drafts.discard(notice.id, client)
            autosave()

        print(row("discard + autosave again", times(discard, runs)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("NB_TEST_DATABASE_URL"))
    args = parser.parse_args()
    print(f"one autosave per browser at most every {drafts.AUTOSAVE_SECONDS} s")
    with _sqlite() as url:
        bench("SQLite", url, args.runs)
    if args.pg:
        with _postgres(args.pg) as url:
            bench("PostgreSQL", url, args.runs)
    else:
        print("\nPostgreSQL: skipped (give --pg URL or set NB_TEST_DATABASE_URL)")


if __name__ == "__main__":
    main()
