"""Specs about the data: flows, the data × purpose matrix, sources, retention, reading time."""

from __future__ import annotations

from collections import defaultdict

import pytest
from chart_testkit import big_notice, coffee, coffee_with

from notice_builder.charts import (
    categories_by_source,
    flow_chart,
    practice_matrix,
    reading_time,
    retention_timeline,
)
from notice_builder.io import validate_notice


def _flows(spec):
    inflow, outflow = defaultdict(float), defaultdict(float)
    for link in spec.links:
        outflow[link.source] += link.value
        inflow[link.target] += link.value
    return inflow, outflow


def test_flow_columns_and_conservation():
    spec = flow_chart(coffee(), "en")
    assert spec.column_titles == (
        "Where it comes from",
        "What we collect",
        "Why we use it",
        "Who gets it",
    )
    labels = [[n.label for n in col] for col in spec.columns]
    assert labels[0] == ["You give us", "We see as you use the service"]
    assert set(labels[1]) == {c.label.get("en", "en") for c in coffee().data_categories}
    assert "PayCo Payments" in labels[3] and "Only Brewline Coffee" in labels[3]
    inflow, outflow = _flows(spec)
    for index, column in enumerate(spec.columns):
        for node in column:
            if 0 < index < len(spec.columns) - 1:  # what comes in goes out
                assert inflow[node.id] == pytest.approx(outflow[node.id])
            assert node.value == pytest.approx(max(inflow[node.id], outflow[node.id]))
    assert sum(n.value for n in spec.columns[0]) == pytest.approx(
        sum(n.value for n in spec.columns[3])
    )
    # Purchases feed rewards, payments and offers: three uses.
    assert next(n for n in spec.columns[1] if n.id == "data:purchases").value == 3
    assert [n.highlight for n in spec.columns[3]].count(True) == 2
    assert spec.callouts == (
        "PayCo Payments gets Payment card, Purchases",
        "Mailwave gets Name and email, Email engagement",
    )


def test_flow_in_arabic():
    spec = flow_chart(coffee(), "ar")
    assert spec.title == "كيف تنتقل بياناتك"
    assert "Brewline Coffee فقط" in [n.label for n in spec.columns[3]]
    assert "الاسم والبريد الإلكتروني" in [n.label for n in spec.columns[1]]


def test_flow_folds_columns_beyond_the_limit():
    spec = flow_chart(big_notice(), "en", max_nodes=12)
    assert all(len(col) <= 12 for col in spec.columns)
    folded = spec.columns[1][-1]
    assert folded.id == "more:1" and folded.label == "189 more" and folded.folded == 189
    inflow, outflow = _flows(spec)
    total = sum(n.value for n in spec.columns[1])
    assert total == pytest.approx(sum(n.value for n in spec.columns[2]))
    assert inflow[folded.id] == pytest.approx(outflow[folded.id])


def test_matrix_marks_of_the_coffee_shop():
    spec = practice_matrix(coffee(), "en")
    rows, cols = spec.rows, spec.columns
    cell = {(rows[r], cols[c]): m for (r, c), m in spec.cells.items()}
    assert cell[("Name and email", "Run your rewards account")].kind == "collected"
    assert cell[("Name and email", "Run your rewards account")].choice is None
    # PayCo processes payments for the coffee shop: a service provider, not sharing.
    assert cell[("Payment card", "Take payments")].kind == "collected"
    assert cell[("Location for the store finder", "Find a store near you")].choice == "opt_in"
    assert cell[("Support calls and chats", "Help you")].choice == "optional"
    assert ("Payment card", "Personal offers") not in cell
    assert [e.key for e in spec.legend] == ["collected", "opt_in", "optional"]
    assert cell[("Payment card", "Take payments")].label == "Payment card, Take payments: Used."


def test_matrix_marks_sharing_and_selling():
    data = coffee().model_dump(mode="json", exclude_none=True)
    data["recipients"][1]["kind"] = "third_party"  # Mailwave now uses the data for itself
    data["commitments"] = []
    data["practices"][1]["sold"] = True  # card payments
    spec = practice_matrix(validate_notice(data), "en")
    cell = {(spec.rows[r], spec.columns[c]): m for (r, c), m in spec.cells.items()}
    shared = cell[("Email engagement", "Emails about news and offers")]
    assert (shared.kind, shared.choice) == ("shared", "opt_in")
    assert shared.label == (
        "Email engagement, Emails about news and offers: Shared with another company for its "
        "own use. Only if you agree."
    )
    assert cell[("Payment card", "Take payments")].kind == "sold"
    assert [e.key for e in spec.legend] == ["collected", "shared", "sold", "opt_in", "optional"]


def test_matrix_in_arabic_and_at_200_rows():
    spec = practice_matrix(coffee(), "ar")
    assert spec.rows[0] == "الاسم والبريد الإلكتروني"
    assert spec.legend[0].label == "نستخدمها"
    big = practice_matrix(big_notice(), "ar")
    assert len(big.rows) == 200 and big.cells


def test_sources_count_kinds_of_data():
    spec = categories_by_source(coffee(), "en")
    assert spec.categories == ("You give us", "We see as you use the service")
    assert spec.series[0].values == (4, 4)
    assert (
        spec.callouts[0]
        == "You give us: Name and email, Payment card, Survey answers, Support calls and chats"
    )
    big = categories_by_source(big_notice(), "ar")
    assert sum(big.series[0].values) == 200
    assert big.callouts[0].endswith("، 63 أخرى")  # 67 kinds: four named, the rest counted


def test_retention_timeline():
    spec = retention_timeline(coffee(), "en")
    days = [i.days for i in spec.items]
    assert days == sorted(days)
    longest = spec.items[-1]
    assert longest.label == "Payment card, Purchases"
    assert longest.value_label == "6 years" and longest.note == "Required by Irish tax law"
    member = next(i for i in spec.items if i.event)
    assert member.event == "you close your account" and member.days == pytest.approx(730.5)
    assert member.event_label == "Counted from: you close your account"
    assert [t.label for t in spec.ticks][:3] == ["0", "1 year", "2 years"]
    assert spec.ticks[-1].value >= spec.max_days
    ar = retention_timeline(coffee(), "ar")
    assert ar.items[-1].value_label == "6 سنوات" and ar.ticks[2].label == "سنتان"


def test_retention_without_rules_and_open_ended_rules():
    empty = retention_timeline(
        coffee_with(
            retention=[], practices=[{"id": "p", "data": ["contact"], "purposes": ["rewards"]}]
        ),
        "en",
    )
    assert empty.is_empty and empty.empty_message == "No retention periods are given"
    notice = coffee_with(
        retention=[
            {"id": "u", "after": {"en": "you unsubscribe", "ar": "إلغاء اشتراكك"}},
            {"id": "c", "criteria": "Case by case."},
        ],
        practices=[
            {"id": "p", "data": ["contact"], "purposes": ["newsletter"], "retention": "u"},
            {"id": "q", "data": ["support"], "purposes": ["support"], "retention": "c"},
        ],
    )
    spec = retention_timeline(notice, "en")
    assert [i.value_label for i in spec.items] == ["Until you unsubscribe", "Depends on the case"]
    assert spec.max_days == 0 and spec.ticks == ()


def test_reading_time():
    spec = reading_time(coffee(), "en")
    assert spec.before.value_label == "31 min"  # 7,400 words at 238 a minute
    assert spec.after.value is not None and spec.after.value < spec.before.value
    assert spec.callouts == (
        f"Reading this summary takes {spec.after.value_label} instead of 31 min",
    )
    assert spec.improved is True
    ar = reading_time(coffee(), "ar")
    assert ar.before.value_label == "31 دقيقة" and ar.before.caption == "سياسة الخصوصية الكاملة"
    unknown = reading_time(coffee_with(full_policy={"url": "https://brewline.example/p"}), "en")
    assert unknown.before.value is None and unknown.change is None
    assert unknown.empty_message == "The length of the full policy is not given"
