"""Specs from privacy reports carry the notice's numbers, in the chosen language."""

from __future__ import annotations

import pytest
from chart_testkit import coffee, coffee_with

from notice_builder.charts import requests_chart, response_time_change, response_time_chart


def _values(spec, name):
    return dict(
        zip(spec.categories, next(s for s in spec.series if s.name == name).values, strict=True)
    )


def test_requests_of_the_latest_period_by_kind():
    spec = requests_chart(coffee(), "en")
    assert spec.title == "Privacy requests in Q3 2026"
    assert spec.categories == ("Access", "Deletion", "Correction", "Opt-out")
    assert [s.name for s in spec.series] == ["Received", "Completed"]
    assert _values(spec, "Received")["Access"] == 150
    assert _values(spec, "Completed")["Access"] == 149
    assert _values(spec, "Received")["Opt-out"] == 1604
    assert spec.series[0].labels[3] == "1,604"
    assert "Access: Received 150, Completed 149" in spec.description
    assert spec.callouts == ("1,946 of 1,947 requests completed (99.9%)",)
    assert spec.empty_message is None


def test_requests_in_arabic():
    spec = requests_chart(coffee(), "ar")
    assert spec.title == "طلبات الخصوصية في الربع الثالث 2026"
    assert spec.categories == ("الوصول", "الحذف", "التصحيح", "الانسحاب")
    assert [s.name for s in spec.series] == ["الواردة", "المنجزة"]
    assert spec.series[0].values[0] == 150 and spec.series[1].values[0] == 149
    # 1,947 ends in 47: the Arabic "many" form of the noun.
    assert spec.callouts == ("أنجزنا 1,946 من أصل 1,947 طلبًا (99.9%)",)


def test_requests_of_one_kind_by_period():
    spec = requests_chart(coffee(), "en", kind="deletion")
    assert spec.categories == ("Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026")
    assert spec.series[0].values == (204, 187, 176, 168)
    assert spec.series[1].values == (199, 186, 175, 168)
    assert spec.callouts == ("All 168 requests received were completed",)


def test_a_kind_missing_from_a_period_is_no_data_not_zero():
    reports = coffee().model_dump(mode="json", exclude_none=True)["reports"]
    reports[1]["requests"] = [r for r in reports[1]["requests"] if r["kind"] != "deletion"]
    spec = requests_chart(coffee_with(reports=reports), "en", kind="deletion")
    assert spec.series[0].values[1] is None
    assert spec.series[0].labels[1] == "No data"


def test_no_reports_gives_an_empty_chart():
    for locale in ("en", "ar"):
        spec = requests_chart(coffee_with(reports=[]), locale)
        assert spec.is_empty and spec.empty_message
        assert response_time_chart(coffee_with(reports=[]), locale).empty_message
        assert response_time_change(coffee_with(reports=[]), locale).empty_message
    assert requests_chart(coffee_with(reports=[]), "en").empty_message == "No privacy reports yet"


def test_a_period_without_requests():
    spec = requests_chart(coffee_with(reports=[{"period": "2026-03"}]), "en")
    assert spec.is_empty
    assert spec.empty_message == "No requests were reported for March 2026"


def test_zero_counts_are_valid():
    reports = [
        {
            "period": "2026",
            "requests": [
                {"kind": "access", "received": 0, "completed": 0},
                {"kind": "deletion", "received": 0, "completed": 0},
            ],
        }
    ]
    spec = requests_chart(coffee_with(reports=reports), "ar")
    assert not spec.is_empty
    assert spec.series[0].values == (0, 0)
    assert spec.callouts == ("لم تردنا أي طلبات في 2026",)


def test_more_completed_than_received_is_not_a_percentage_over_100():
    reports = [
        {"period": "2026-H1", "requests": [{"kind": "access", "received": 5, "completed": 7}]}
    ]
    spec = requests_chart(coffee_with(reports=reports), "en")
    assert spec.callouts == ("5 requests received, 7 completed",)


def test_response_times_call_out_the_change():
    spec = response_time_chart(coffee(), "en")
    assert spec.categories == ("Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026")
    assert _values(spec, "Deletion")["Q3 2026"] == 12
    assert "Deletion requests answered in 12 days, down from 18 days in Q4 2025" in spec.callouts
    assert "Opt-out requests answered the same day, as in Q4 2025" in spec.callouts
    previous = response_time_chart(coffee(), "en", compare="previous")
    assert "Deletion requests answered in 12 days, as in Q2 2026" in previous.callouts


def test_response_times_in_arabic():
    spec = response_time_chart(coffee(), "ar")
    assert spec.categories[0] == "الربع الرابع 2025"
    assert (
        "نُجيب عن طلبات الحذف خلال 12 يومًا، انخفاضًا من 18 يومًا في الربع الرابع 2025" in spec.callouts
    )


def test_a_single_period_has_no_comparison():
    reports = coffee().model_dump(mode="json", exclude_none=True)["reports"][-1:]
    notice = coffee_with(reports=reports)
    spec = response_time_chart(notice, "en")
    assert spec.categories == ("Q3 2026",)
    assert "Deletion requests answered in 12 days" in spec.callouts
    change = response_time_change(notice, "en")
    assert change.change is None and change.callouts == ("Requests answered in 10 days",)


def test_period_over_period_comparison():
    change = response_time_change(coffee(), "en", kind="deletion", compare="first")
    assert (change.before.value, change.after.value, change.change) == (18, 12, -6)
    assert change.change_label == "6 days fewer"
    assert change.improved is True
    assert response_time_change(coffee(), "ar").change_label == "أقل بيوم واحد"


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_two_hundred_periods_show_the_last_eight(locale):
    reports = [
        {
            "period": f"{year}-{month:02d}",
            "requests": [{"kind": "access", "received": i, "completed": i, "median_days": i % 30}],
        }
        for i, (year, month) in enumerate((y, m) for y in range(2009, 2026) for m in range(1, 13))
    ][:200]
    notice = coffee_with(reports=reports)
    spec = response_time_chart(notice, locale)
    assert len(spec.categories) == 8
    by_kind = requests_chart(notice, locale, kind="access")
    assert len(by_kind.categories) == 8
    assert by_kind.series[0].values[-1] == 199
    note = "Showing the last 8 of 200 periods." if locale == "en" else "نعرض آخر 8 من أصل 200 فترة."
    assert note in spec.callouts and note in spec.description
