"""Loading notices: problems are reported with file, line, column and field; nothing half-loaded."""

from __future__ import annotations

import json

import pytest

from notice_builder.io import NoticeError, load_notice, loads_notice

GOOD = """\
id: acme
title: Acme notice
effective_date: 2026-01-01
controller:
  name: Acme
  email: privacy@acme.example
data_categories:
  - id: email
    label: Email
purposes:
  - id: account
    label: Account
    description: We run your account.
practices:
  - id: p1
    data: [email]
    purposes: [account]
"""


def _problems(text: str, **kwargs) -> list:
    with pytest.raises(NoticeError) as info:
        loads_notice(text, source="notice.yaml", **kwargs)
    return info.value.problems


def test_valid_yaml_loads():
    notice = loads_notice(GOOD)
    assert notice.purposes[0].description.get("en", "en") == "We run your account."


def test_unknown_field_located_at_its_key_with_suggestion():
    text = GOOD.replace("    purposes: [account]\n", "    purposes: [account]\n    retension: x\n")
    [problem] = _problems(text)
    assert (problem.line, problem.column) == (18, 5)
    assert problem.dotted == "practices[0].retension"
    assert problem.message == "unknown field 'retension' (did you mean 'retention'?)"
    assert problem.format("notice.yaml").startswith("notice.yaml:18:5: practices[0].retension:")


def test_wrong_value_located_at_the_value():
    text = GOOD.replace(
        "  - id: email\n    label: Email\n",
        "  - id: email\n    label: Email\n    kind: contact.mail\n",
    )
    [problem] = _problems(text)
    assert (problem.line, problem.column) == (10, 11)
    assert "'contact.mail' is not allowed (did you mean 'contact.email'?)" in problem.message


def test_missing_field_named():
    text = GOOD.replace("effective_date: 2026-01-01\n", "")
    [problem] = _problems(text)
    assert problem.message == "missing required field 'effective_date'"
    assert problem.pointer == "/effective_date"


def test_every_problem_listed_in_document_order():
    text = GOOD.replace("id: acme", "id: Acme Notice").replace(
        "label: Account", "label: Account\n    legal_basis: contrakt"
    )
    problems = _problems(text)
    assert [p.dotted for p in problems] == ["id", "purposes[0].legal_basis"]
    assert "an id is lower-case letters" in problems[0].message
    assert "did you mean 'contract'?" in problems[1].message


def test_cross_reference_errors_are_located():
    text = GOOD.replace("    purposes: [account]\n", "    purposes: [account, rewards]\n")
    [problem] = _problems(text)
    assert problem.dotted == "practices[0].purposes[1]"
    assert problem.line == 17
    assert problem.message == "unknown purpose 'rewards' (known: account)"


def test_json_notice_problems_located():
    data = json.loads(json.dumps(loads_notice(GOOD).model_dump(mode="json", exclude_unset=True)))
    data["practices"][0]["sold"] = "maybe"
    text = json.dumps(data, indent=2)
    [problem] = _problems(text, format="json")
    assert problem.dotted == "practices[0].sold"
    assert problem.line == text.splitlines().index('      "sold": "maybe"') + 1


def test_syntax_error_reports_line_and_column():
    [problem] = _problems("id: acme\ntitle: 'unclosed\n")
    assert problem.line is not None and problem.path == ()


def test_yaml_python_tag_refused_and_not_executed(tmp_path):
    marker = tmp_path / "PWNED_MARKER"
    [problem] = _problems(f'!!python/object/apply:os.system ["touch {marker}"]\n')
    assert "unsupported YAML tag" in problem.message
    assert not marker.exists()


def test_duplicate_keys_refused_with_both_lines():
    [problem] = _problems(GOOD + "title: Again\n")
    assert problem.message == "duplicate key 'title' at lines 2 and 18"


def test_norway_stays_a_string():
    text = GOOD.replace("  name: Acme\n", "  name: Acme\n  address: {country: NO}\n")
    assert loads_notice(text).controller.address.country == "NO"


def test_file_errors(tmp_path):
    with pytest.raises(NoticeError, match="file not found"):
        load_notice(tmp_path / "missing.yaml")
    with pytest.raises(NoticeError, match="is a folder"):
        load_notice(tmp_path)
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    with pytest.raises(NoticeError, match="expected a mapping describing one notice"):
        load_notice(empty)


def test_number_where_text_expected_suggests_quotes():
    text = GOOD.replace(
        "  name: Acme\n", "  name: Acme\n  address: {postal_code: 01234, country: IE}\n"
    )
    [problem] = _problems(text)
    assert problem.dotted == "controller.address.postal_code"
    assert problem.message.startswith("expected text but found the number 1234; put it in quotes")
