"""Apple App Privacy details: `app_privacy_details.json` as App Store automation tools use it."""

from __future__ import annotations

import json

import pytest

from notice_builder.formats import export_as, get, import_from
from notice_builder.io import NoticeError

EXAMPLES = ("coffee-shop", "fitness-app", "b2b-saas")


def details(notice) -> list[dict]:
    return json.loads(export_as(notice, "apple-app-privacy"))


def test_coffee_shop_label(example):
    entries = details(example("coffee-shop"))
    assert [e["category"] for e in entries] == sorted(e["category"] for e in entries)
    by_type = {e["category"]: e for e in entries}
    assert by_type["EMAIL_ADDRESS"] == {
        "category": "EMAIL_ADDRESS",
        "purposes": ["APP_FUNCTIONALITY", "DEVELOPERS_ADVERTISING"],
        "data_protections": ["DATA_LINKED_TO_YOU"],
    }
    assert by_type["PRECISE_LOCATION"]["purposes"] == ["APP_FUNCTIONALITY"]
    # No practice tracks people: nothing is "Data Used to Track You".
    assert all("DATA_USED_TO_TRACK_YOU" not in e["data_protections"] for e in entries)


def test_tracking_and_not_linked_data(example):
    by_type = {e["category"]: e for e in details(example("fitness-app"))}
    device = by_type["DEVICE_ID"]
    assert "DATA_USED_TO_TRACK_YOU" in device["data_protections"]
    assert "THIRD_PARTY_ADVERTISING" in device["purposes"]
    assert by_type["CRASH_DATA"]["data_protections"] == ["DATA_NOT_LINKED_TO_YOU"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_keeps_everything_the_label_carries(name, example):
    notice = example(name)
    data = export_as(notice, "apple-app-privacy")
    imported = import_from(data, "apple-app-privacy")
    assert export_as(imported.notice, "apple-app-privacy") == data
    merged = import_from(data, "apple-app-privacy", base=notice).notice
    assert export_as(merged, "apple-app-privacy") == data
    assert merged.controller == notice.controller


def test_round_trip_lists_what_the_label_cannot_carry(example):
    notice = example("fitness-app")
    back = import_from(export_as(notice, "apple-app-privacy"), "apple-app-privacy").notice
    # Apple has no "shared": the advertising partner is gone, and so are retention and bases.
    assert back.recipients == [] and back.retention == []
    assert all(p.legal_basis is None for p in back.purposes)
    cannot = " ".join(get("apple-app-privacy").cannot_carry)
    assert "shared" in cannot and "retention" in cannot
    losses = get("apple-app-privacy").losses(notice)
    assert any("adverra" in loss.message for loss in losses)


def _problems(data) -> list:
    with pytest.raises(NoticeError) as caught:
        import_from(json.dumps(data) if not isinstance(data, str) else data, "apple-app-privacy")
    return caught.value.problems


def test_wrong_shapes_name_the_json_path():
    assert "JSON array" in _problems({"category": "NAME"})[0].message
    problems = _problems(
        [
            {
                "category": "SHOE_SIZE",
                "purposes": ["ANALYTICS"],
                "data_protections": ["DATA_LINKED_TO_YOU"],
            },
            {
                "category": "NAME",
                "purposes": ["WORLD_DOMINATION"],
                "data_protections": ["DATA_LINKED_TO_YOU"],
            },
            {
                "category": "EMAIL_ADDRESS",
                "purposes": [],
                "data_protections": ["DATA_LINKED_TO_YOU", "DATA_NOT_LINKED_TO_YOU"],
            },
            {
                "category": "NAME",
                "purposes": ["ANALYTICS"],
                "data_protections": ["DATA_LINKED_TO_YOU"],
                "colour": "red",
            },
            "NAME",
        ]
    )
    where = {p.dotted: p.message for p in problems}
    assert "unknown data type 'SHOE_SIZE'" in where["[0].category"]
    assert "unknown purpose 'WORLD_DOMINATION'" in where["[1].purposes[0]"]
    assert "non-empty list" in where["[2].purposes"]
    assert "exactly one of" in where["[2].data_protections"]
    assert "already given at [1]" in where["[3].category"]
    assert "unknown key 'colour'" in where["[3].colour"]
    assert "must be an object" in where["[4]"]


def test_not_collected_must_stand_alone_and_cannot_make_a_notice():
    problems = _problems(
        [
            {"data_protections": ["DATA_NOT_COLLECTED"]},
            {
                "category": "NAME",
                "purposes": ["ANALYTICS"],
                "data_protections": ["DATA_LINKED_TO_YOU"],
            },
        ]
    )
    assert problems[0].dotted == "[0].data_protections" and "alone" in problems[0].message
    assert (
        "no data is collected"
        in _problems([{"data_protections": ["DATA_NOT_COLLECTED"]}])[0].message
    )


def test_json_that_is_not_strict_is_refused():
    assert (
        "duplicate key"
        in _problems('[{"category": "NAME", "category": "EMAIL_ADDRESS"}]')[0].message
    )
    assert "NaN" in _problems('[{"category": NaN}]')[0].message
    problem = _problems('[{"category": ')[0]
    assert problem.line == 1 and "not JSON" in problem.message
