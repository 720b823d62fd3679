"""Two people saving on top of the same version at the same moment: exactly one wins.

Each writer has its own Store (its own engine and connections), as two app workers would, and
starts from a barrier so the saves really overlap.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
import store_testkit as kit
from store_testkit import SMALL, edit, version_numbers

from notice_builder.store import ConflictError, Store

store_url = kit.store_url
clock = kit.clock


def _race(stores: list[Store], notice_id: str, expected: int, texts: list[str]) -> list:
    """Every store saves its text on top of `expected` at once; the outcomes, in order."""
    barrier = threading.Barrier(len(stores))

    def save(i: int):
        barrier.wait()
        try:
            return stores[i].save(
                notice_id, texts[i], expected_version=expected, author=f"writer {i}"
            )
        except ConflictError as exc:
            return exc

    with ThreadPoolExecutor(len(stores)) as pool:
        return list(pool.map(save, range(len(stores))))


def test_two_savers_on_the_same_version_one_wins(store_url, clock):
    with Store(store_url, clock=clock) as one, Store(store_url, clock=clock) as two:
        draft = one.create(SMALL, author="ana")
        texts = [
            edit(SMALL, "name: Hosty", "name: Hosty One"),
            edit(SMALL, "name: Hosty", "name: Hosty Two"),
        ]
        outcomes = _race([one, two], draft.id, 1, texts)

        winners = [o for o in outcomes if not isinstance(o, ConflictError)]
        losers = [o for o in outcomes if isinstance(o, ConflictError)]
        assert len(winners) == 1 and len(losers) == 1
        assert (losers[0].current_version, losers[0].expected_version) == (2, 1)
        assert version_numbers(one, draft.id) == [1, 2]
        winner = outcomes.index(winners[0])
        assert two.get(draft.id).text == texts[winner]
        assert one.version(draft.id, 1) == SMALL


@pytest.mark.parametrize("writers", [4])
def test_many_rounds_of_racing_writers(store_url, clock, writers):
    stores = [Store(store_url, clock=clock) for _ in range(writers)]
    try:
        draft = stores[0].create(SMALL, author="ana")
        head = 1
        for round_ in range(8):
            texts = [
                edit(SMALL, "name: Hosty", f"name: Hosty r{round_} w{i}") for i in range(writers)
            ]
            outcomes = _race(stores, draft.id, head, texts)
            winners = [i for i, o in enumerate(outcomes) if not isinstance(o, ConflictError)]
            assert len(winners) == 1, outcomes
            assert all(
                o.current_version == head + 1 for o in outcomes if isinstance(o, ConflictError)
            )
            head += 1
            assert stores[1].get(draft.id).text == texts[winners[0]]
        assert version_numbers(stores[0], draft.id) == list(range(1, head + 1))
    finally:
        for store in stores:
            store.close()


def test_concurrent_creates_get_distinct_slugs(store_url, clock):
    stores = [Store(store_url, clock=clock) for _ in range(4)]
    barrier = threading.Barrier(len(stores))

    def create(store: Store):
        barrier.wait()
        return store.create(SMALL, author="ana")

    try:
        with ThreadPoolExecutor(len(stores)) as pool:
            drafts = list(pool.map(create, stores))
        assert sorted(d.info.slug for d in drafts) == ["acme", "acme-2", "acme-3", "acme-4"]
        assert len(stores[0].list()) == 4
    finally:
        for store in stores:
            store.close()


def test_reads_go_on_while_a_save_is_being_written(store_url, clock):
    """WAL on SQLite, MVCC on PostgreSQL: readers see the last committed version, never wait."""
    with Store(store_url, clock=clock) as writer, Store(store_url, clock=clock) as reader:
        draft = writer.create(SMALL, author="ana")
        seen: list[int] = []
        stop = threading.Event()

        def read():
            while not stop.is_set():
                seen.append(reader.get(draft.id).version)

        thread = threading.Thread(target=read)
        thread.start()
        try:
            for n in range(1, 11):
                writer.save(draft.id, SMALL + f"# {n}\n", expected_version=n, author="ana")
        finally:
            stop.set()
            thread.join()
        assert seen == sorted(seen)  # never goes back
        assert set(seen) <= set(range(1, 12))


def test_a_writer_waiting_for_another_sees_its_commit_and_conflicts(store_url, clock):
    """The interleaving pinned down: the first saver has moved the head but not committed;
    the second must wait (SQLite's write lock, PostgreSQL's row lock), then conflict."""
    with Store(store_url, clock=clock) as one, Store(store_url, clock=clock) as two:
        draft = one.create(SMALL, author="ana")
        moved, release = threading.Event(), threading.Event()

        def pause_after_head_moved(conn, cursor, statement, *args):
            if statement.lstrip().upper().startswith("UPDATE NOTICES"):
                moved.set()
                release.wait(10)

        sa.event.listen(one._engine, "after_cursor_execute", pause_after_head_moved)
        try:
            with ThreadPoolExecutor(2) as pool:
                first = pool.submit(
                    one.save, draft.id, SMALL + "# one\n", expected_version=1, author="one"
                )
                assert moved.wait(10)
                second = pool.submit(
                    two.save, draft.id, SMALL + "# two\n", expected_version=1, author="two"
                )
                time.sleep(0.3)  # long enough to reach the lock
                assert not second.done(), "the second saver did not wait for the first"
                release.set()
                assert first.result(timeout=10).version == 2
                with pytest.raises(ConflictError, match=r"\(v1 → v2\)"):
                    second.result(timeout=10)
        finally:
            release.set()
            sa.event.remove(one._engine, "after_cursor_execute", pause_after_head_moved)
        assert two.get(draft.id).text == SMALL + "# one\n"
        assert version_numbers(two, draft.id) == [1, 2]
