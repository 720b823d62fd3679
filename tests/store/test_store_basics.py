"""Creating, reading, listing, archiving, copying and seeding notices."""

from __future__ import annotations

import uuid

import pytest
import store_testkit as kit
from store_testkit import SMALL, edit, sample_text, version_numbers

from notice_builder.io import NoticeError, loads_notice
from notice_builder.resources import example_path
from notice_builder.store import (
    MAX_TEXT_BYTES,
    ArchivedError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    Store,
)

store_url = kit.store_url
clock = kit.clock
store = kit.store


def test_create_then_get_gives_the_text_back(store: Store):
    created = store.create(SMALL, author="Ana Lawyer", message="First draft")
    assert created.version == 1
    assert created.text == SMALL
    assert created.info.slug == "acme"
    assert created.info.title == "Acme privacy notice"
    assert created.info.head_version == 1
    assert created.info.archived is False
    assert created.version_info.author == "Ana Lawyer"
    assert created.version_info.message == "First draft"
    assert created.info.created_at == kit.START + kit.FakeClock().step

    got = store.get(created.id)
    assert got == created
    assert got.notice == loads_notice(SMALL)
    assert uuid.UUID(got.id)


def test_create_from_a_model_writes_yaml(store: Store):
    notice = loads_notice(SMALL)
    created = store.create(notice, author="ana")
    assert loads_notice(created.text) == notice
    assert created.version_info.message == "Created"


def test_create_from_a_template_records_it(store: Store):
    created = store.create(author="ana", from_template="coffee-shop")
    assert created.text == example_path("coffee-shop").read_text(encoding="utf-8")
    assert created.info.template == "coffee-shop"
    with pytest.raises(InvalidInputError, match="Unknown template 'nope'; known: .*coffee-shop"):
        store.create(author="ana", from_template="nope")
    with pytest.raises(TypeError):
        store.create(author="ana")


def test_slugs_stay_unique(store: Store):
    first = store.create(SMALL, author="ana")
    second = store.create(SMALL, author="ana")
    third = store.create(SMALL, author="ana")
    assert [first.info.slug, second.info.slug, third.info.slug] == ["acme", "acme-2", "acme-3"]
    assert len({first.id, second.id, third.id}) == 3


def test_list_newest_first_and_archive(store: Store):
    acme = store.create(SMALL, author="ana")
    brew = store.create(sample_text(), author="ana")
    assert [n.slug for n in store.list()] == ["brewline-rewards", "acme"]

    # Saving acme makes it the most recently changed; the list shows the head's title.
    store.save(
        acme.id,
        edit(SMALL, "{en: Acme privacy notice,", "{en: Acme notice,"),
        expected_version=1,
        author="bo",
    )
    listed = store.list()
    assert [n.slug for n in listed] == ["acme", "brewline-rewards"]
    assert listed[0].title == "Acme notice"
    assert listed[0].updated_by == "bo"
    assert listed[0].head_version == 2

    archived = store.archive(brew.id)
    assert archived.archived is True
    assert [n.slug for n in store.list()] == ["acme"]
    assert [n.slug for n in store.list(include_archived=True)] == ["acme", "brewline-rewards"]
    assert store.get(brew.id).info.archived is True  # still readable

    assert store.unarchive(brew.id).archived is False
    assert {n.slug for n in store.list()} == {"acme", "brewline-rewards"}


def test_an_archived_notice_is_read_only(store: Store):
    draft = store.create(SMALL, author="ana")
    store.archive(draft.id)
    edited = edit(SMALL, "P2Y   # tax law", "P3Y")
    with pytest.raises(ArchivedError, match="archived: unarchive it"):
        store.save(draft.id, edited, expected_version=1, author="ana")
    with pytest.raises(ArchivedError):
        store.restore(draft.id, 1, expected_version=1, author="ana")
    assert version_numbers(store, draft.id) == [1]
    copy = store.duplicate(draft.id, author="ana")  # a way to keep working on it
    assert copy.version == 1 and not copy.info.archived


def test_unknown_ids_and_versions(store: Store):
    draft = store.create(SMALL, author="ana")
    missing = str(uuid.uuid4())
    for call in (
        lambda: store.get(missing),
        lambda: store.get("not-a-uuid"),
        lambda: store.get("'; DROP TABLE notices; --"),
        lambda: store.versions(missing),
        lambda: store.version(missing, 1),
        lambda: store.archive(missing),
        lambda: store.duplicate(missing, author="ana"),
        lambda: store.save(missing, SMALL, expected_version=1, author="ana"),
    ):
        with pytest.raises(NotFoundError, match="No notice has the id"):
            call()
    with pytest.raises(NotFoundError, match="no version 5"):
        store.version(draft.id, 5)
    with pytest.raises(NotFoundError, match="no version 5"):
        store.get(draft.id, 5)
    with pytest.raises(NotFoundError, match="numbered from 1"):
        store.version(draft.id, 0)
    with pytest.raises(TypeError):
        store.save(draft.id, SMALL, expected_version="1", author="ana")  # type: ignore[arg-type]
    assert store.get(draft.id.upper()).id == draft.id  # ids are case-insensitive UUIDs


def test_duplicate_makes_a_new_notice_at_version_1(store: Store):
    original = store.create(SMALL, author="ana", from_template="coffee-shop")
    v2 = edit(SMALL, "P2Y   # tax law", "P3Y   # tax law")
    store.save(original.id, v2, expected_version=1, author="ana")

    copy = store.duplicate(original.id, author="bo")
    assert copy.id != original.id
    assert copy.version == 1
    assert copy.text == v2  # the head, byte for byte
    assert copy.info.slug == "acme-2"
    assert (copy.info.copied_from, copy.info.copied_from_version) == (original.id, 2)
    assert copy.info.template == "coffee-shop"
    assert copy.version_info.message == "Duplicated from acme v2"

    older = store.duplicate(original.id, author="bo", version=1, message="From the first draft")
    assert older.text == SMALL
    assert older.version_info.message == "From the first draft"
    assert version_numbers(store, original.id) == [1, 2]  # the original is untouched


def test_save_as_copy_keeps_the_losing_edit(store: Store):
    draft = store.create(SMALL, author="ana")
    theirs = edit(SMALL, "P2Y   # tax law", "P3Y   # tax law")
    mine = edit(SMALL, "name: Hosty", "name: Hosty Cloud")
    store.save(draft.id, theirs, expected_version=1, author="bo")
    with pytest.raises(ConflictError):
        store.save(draft.id, mine, expected_version=1, author="ana")

    copy = store.save_as_copy(draft.id, mine, author="ana", based_on=1)
    assert copy.version == 1 and copy.id != draft.id
    assert copy.text == mine
    assert (copy.info.copied_from, copy.info.copied_from_version) == (draft.id, 1)
    assert copy.version_info.message == "Saved as a copy of acme v1"
    assert store.get(draft.id).text == theirs
    with pytest.raises(NoticeError):
        store.save_as_copy(draft.id, "id: [", author="ana")


def test_seed_examples_fills_only_an_empty_store(store: Store):
    seeded = store.seed_examples()
    assert [d.info.slug for d in seeded] == ["brewline-rewards"]
    assert seeded[0].text == sample_text()
    assert seeded[0].info.template == "coffee-shop"
    assert store.seed_examples() == []
    assert len(store.list()) == 1


def test_seed_examples_leaves_a_used_store_alone(store: Store):
    draft = store.create(SMALL, author="ana")
    store.archive(draft.id)  # archived notices count: the store is not empty
    assert store.seed_examples() == []
    assert store.list(include_archived=True)[0].slug == "acme"


def test_seed_examples_from_two_stores_at_once(store_url, clock):
    with Store(store_url, clock=clock) as one, Store(store_url, clock=clock) as two:
        assert len(one.seed_examples() + two.seed_examples()) == 1


def test_oversized_text_is_refused_before_anything_is_written(store: Store):
    draft = store.create(SMALL, author="ana")
    padding = "# " + "x" * 80 + "\n"
    huge = SMALL + padding * (MAX_TEXT_BYTES // len(padding) + 1)
    with pytest.raises(InvalidInputError, match=r"The notice is 2\.0 MB|2,0\d\d,\d\d\d bytes"):
        store.save(draft.id, huge, expected_version=1, author="ana")
    with pytest.raises(InvalidInputError, match="the limit is"):
        store.create(huge, author="ana")
    assert version_numbers(store, draft.id) == [1]
    assert len(store.list()) == 1
    # Arabic counts in UTF-8 bytes, as the loader counts it (2 bytes a letter).
    arabic = SMALL + ("# " + "ب" * 1000 + "\n") * (MAX_TEXT_BYTES // 1800)
    assert len(arabic) < MAX_TEXT_BYTES
    with pytest.raises(InvalidInputError, match=r"The notice is 2\.2 MB; the limit is 2\.0 MB"):
        store.create(arabic, author="ana")


@pytest.mark.parametrize(
    ("author", "message", "expected"),
    [
        ("", "ok", "the author is empty"),
        ("   ", "ok", "the author is empty"),
        ("a" * 201, "ok", "author is 201 characters long; the limit is 200"),
        ("Ana\nLawyer", "ok", r"U\+000A"),
        ("Ana\u202eLawyer", "ok", r"U\+202E \(RIGHT-TO-LEFT OVERRIDE\)"),
        ("Ana", "x" * 2001, "message is 2001 characters long; the limit is 2000"),
        ("Ana", "bell\x07", r"U\+0007"),
        ("Ana", "half \ud800", r"U\+D800"),
    ],
)
def test_author_and_message_are_checked(store: Store, author, message, expected):
    draft = store.create(SMALL, author="ana")
    with pytest.raises(InvalidInputError, match=expected):
        store.save(draft.id, SMALL, expected_version=1, author=author, message=message)
    with pytest.raises(InvalidInputError, match=expected):
        store.create(SMALL, author=author, message=message)
    assert version_numbers(store, draft.id) == [1]
    assert len(store.list()) == 1


def test_a_message_may_span_lines_and_be_empty(store: Store):
    draft = store.create(SMALL, author="  Ana  ", message="")
    assert draft.version_info.author == "Ana"
    saved = store.save(
        draft.id, SMALL, expected_version=1, author="Ana", message="Line one\r\nline two\t(tab)"
    )
    assert saved.version_info.message == "Line one\nline two\t(tab)"


def test_invalid_text_creates_nothing(store: Store):
    with pytest.raises(NoticeError):
        store.create("title: [unclosed", author="ana")
    with pytest.raises(NoticeError):
        store.create(edit(SMALL, "id: acme", "id: Acme Corp"), author="ana")
    assert store.list(include_archived=True) == []
