"""Every example loads, and survives YAML and JSON round trips without loss."""

from __future__ import annotations

import json

import jsonschema
import pytest

from notice_builder.io import dumps_json, dumps_yaml, load_notice, loads_notice, save_notice
from notice_builder.schema import notice_json_schema

from .conftest import EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_json_round_trip(path):
    notice = load_notice(path)
    again = loads_notice(dumps_json(notice), format="json")
    assert again == notice
    assert dumps_json(again) == dumps_json(notice)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_yaml_round_trip(path):
    notice = load_notice(path)
    assert loads_notice(dumps_yaml(notice)) == notice


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_unchanged_notice_rewrites_its_file_byte_for_byte(path):
    original = path.read_text(encoding="utf-8")
    assert dumps_yaml(load_notice(path), original=original) == original


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_validate_against_the_json_schema(path):
    data = json.loads(dumps_json(load_notice(path)))
    jsonschema.Draft202012Validator(notice_json_schema()).validate(data)


def test_edit_keeps_comments_and_order(tmp_path):
    source = tmp_path / "notice.yaml"
    original = (
        "# Our notice, reviewed by legal\n"
        "id: acme\n"
        "title: Acme notice  # short title\n"
        "effective_date: 2026-01-01\n"
        "controller: {name: Acme, email: privacy@acme.example}\n"
        "data_categories:\n"
        "  - id: email  # the only category\n"
        "    label: Email\n"
        "purposes:\n"
        "  - {id: account, label: Account, description: We run your account.}\n"
        "practices:\n"
        "  - {id: p1, data: [email], purposes: [account]}\n"
    )
    source.write_text(original)
    notice = load_notice(source)
    notice.purposes[0].legal_basis = "contract"
    save_notice(notice, source, original=original)
    text = source.read_text()
    assert "# Our notice, reviewed by legal" in text
    assert "title: Acme notice  # short title" in text
    assert "- id: email  # the only category" in text
    assert "legal_basis: contract" in text
    assert load_notice(source).purposes[0].legal_basis == "contract"


def test_save_picks_format_from_suffix_and_refuses_unknown(tmp_path):
    notice = load_notice(EXAMPLES[0])
    save_notice(notice, tmp_path / "n.json")
    assert json.loads((tmp_path / "n.json").read_text())["id"] == notice.id
    with pytest.raises(ValueError, match="use .yaml, .yml or .json"):
        save_notice(notice, tmp_path / "n.txt")
    assert not (tmp_path / "n.txt").exists()


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "n.yaml"
    target.write_text("old content\n")
    notice = load_notice(EXAMPLES[0])

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", boom)
    with pytest.raises(OSError):
        save_notice(notice, target)
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["n.yaml"]


def test_saved_file_has_ordinary_permissions(tmp_path):
    import os
    import stat

    target = tmp_path / "n.yaml"
    save_notice(load_notice(EXAMPLES[0]), target)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_unsafe_original_is_ignored_not_loaded(tmp_path):
    notice = load_notice(EXAMPLES[0])
    marker = tmp_path / "PWNED"
    hostile = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    text = dumps_yaml(notice, original=hostile)
    assert not marker.exists()
    assert loads_notice(text) == notice
