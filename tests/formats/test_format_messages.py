"""What a format cannot carry, and why an imported label is refused, in English (as the command
line and JSON outputs always said it) and in Arabic, from one catalogue entry each."""

from __future__ import annotations

import json
import re
import string
from functools import cache
from pathlib import Path

import pytest
import yaml

from notice_builder.formats import export_as, get, import_from, names
from notice_builder.formats.tilt import TiltError
from notice_builder.i18n import FSI, PDI, say
from notice_builder.io import NoticeError, load_notice
from tests.conftest import EXAMPLES

CATALOGUES = Path(__file__).resolve().parents[2] / "notice_builder" / "i18n"
ARABIC = re.compile("[\u0600-\u06ff]")


@cache
def _entries(lang: str) -> dict[str, str]:
    return yaml.safe_load((CATALOGUES / lang / "formats.yaml").read_text(encoding="utf-8"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_is_in_both_languages_with_the_values_english_fills_in():
    en, ar = _entries("en"), _entries("ar")
    assert en.keys() == ar.keys()
    assert {f"format.title.{name}" for name in names()} <= en.keys()
    for key, english in en.items():
        assert ARABIC.search(ar[key]), key
        # Arabic may leave a value out ("the imported label" for the format's English title),
        # never ask for one English does not give.
        assert _fields(ar[key]) <= _fields(english), key


def _all_losses():
    for path in EXAMPLES:
        notice = load_notice(path)
        for name in names():
            yield from get(name).losses(notice)
            if get(name).can_import:
                data = export_as(notice, name)
                yield from import_from(data, name, source="x").losses
                yield from import_from(data, name, source="x", base=notice).losses


def test_every_loss_is_said_from_the_catalogue_in_both_languages():
    losses = list(_all_losses())
    assert len({loss.key for loss in losses}) >= 10  # the examples meet many kinds of loss
    for loss in losses:
        assert loss.key and loss.key.startswith("format.loss.")
        assert loss.message == say(loss.key, "en", **loss.params) == loss.text("en")
        arabic = loss.text("ar")
        assert ARABIC.search(arabic) and arabic != loss.message
        assert loss.as_dict("ar") == {"path": loss.dotted, "message": arabic, "kind": loss.kind}
        # What the notice says (ids, Google's and Apple's own names) is isolated, in its order.
        for name in _fields(_entries("ar")[loss.key]):
            assert f"{FSI}{loss.params[name]}{PDI}" in arabic


def _refused(data: bytes, name: str) -> list:
    with pytest.raises(NoticeError) as info:
        import_from(data, name, source="label")
    return info.value.problems


GOOGLE_HEADER = (
    "Question ID (machine readable),Response ID (machine readable),Response value,"
    "Answer requirement,Human-friendly question label\n"
)


@pytest.mark.parametrize(
    ("name", "data", "english"),
    [
        ("google-play", b"", "is empty; expected the Data safety CSV header"),
        ("google-play", b"\xff", "is not UTF-8 text (byte 1)"),
        (
            "google-play",
            (GOOGLE_HEADER + "PSL_DATA_DELETION_URL,,http://x.example,,\n").encode(),
            "must be an https:// link (got 'http://x.example')",
        ),
        (
            "google-play",
            (GOOGLE_HEADER + "=1,,,,\n").encode(),
            "starts with '=', which a spreadsheet runs as a formula; refused",
        ),  # fmt: skip
        (
            "apple-app-privacy",
            b"{}",
            'must be a JSON array of entries like {"category": ..., '
            '"purposes": [...], "data_protections": [...]}',
        ),  # fmt: skip
        (
            "apple-app-privacy",
            b'[{"category": "NAME", "category": "NAME"}]',
            "duplicate key 'category'",
        ),  # fmt: skip
        ("apple-app-privacy", b"[NaN]", "NaN is not allowed in JSON"),
    ],
)
def test_a_refused_label_says_why_in_english_as_before_and_in_arabic(name, data, english):
    [problem] = _refused(data, name)
    assert problem.message == english
    assert problem.as_dict()["message"] == english
    arabic = problem.text("ar")
    assert ARABIC.search(arabic) and problem.as_dict("ar")["message"] == arabic


def test_an_apple_label_names_every_problem_by_json_path_in_arabic_too():
    entries = [{"category": "NAME", "purposes": ["NOPE"], "data_protections": ["X"], "z": 1}]
    problems = _refused(json.dumps(entries).encode(), "apple-app-privacy")
    assert [p.dotted for p in problems] == [
        "[0].z",
        "[0].data_protections[0]",
        "[0].purposes[0]",
        "[0].data_protections",
    ]
    assert all(ARABIC.search(p.text("ar")) for p in problems)
    assert problems[0].text("ar").startswith("مفتاح غير معروف")


def test_tilts_refusals_name_the_field_in_both_languages():
    notice = load_notice(next(p for p in EXAMPLES if p.stem == "coffee-shop"))
    controller = notice.controller.model_copy(update={"email": None})
    without = notice.model_copy(update={"controller": controller, "representative": None})
    with pytest.raises(TiltError) as info:
        export_as(without, "tilt")
    assert str(info.value) == (
        "TILT needs an e-mail address for the controller: set controller.email"
    )
    assert "controller.email" in info.value.text("ar") and ARABIC.search(info.value.text("ar"))
