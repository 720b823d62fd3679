"""The privacy report period after period, and data by sensitivity."""

from __future__ import annotations

import pytest
from chart_testkit import big_notice, coffee, coffee_with

from notice_builder.charts import (
    build_chart,
    categories_by_sensitivity,
    chart_names,
    incidents_chart,
    opt_outs_chart,
    requests_by_period,
)


def test_new_charts_are_registered():
    names = chart_names()
    for name in ("sensitivity", "requests-by-period", "response-change", "opt-outs", "incidents"):
        assert name in names
    with pytest.raises(KeyError, match="known: .*opt-outs"):
        build_chart("optouts", coffee(), "en")


def test_requests_received_and_completed_per_period():
    spec = requests_by_period(coffee(), "en")
    assert spec.categories == ("Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026")
    received, completed = spec.series
    assert received.values[-1] == 150 + 168 + 25 + 1604
    assert completed.values[-1] == 149 + 168 + 25 + 1604
    assert spec.callouts == ("1,946 of 1,947 requests completed (99.9%)",)
    assert "Q3 2026: Received 1,947, Completed 1,946" in spec.description


def test_a_period_listing_no_requests_has_no_data_not_zero():
    reports = [
        {"period": "2026-Q1"},
        {"period": "2026-Q2", "requests": [{"kind": "access", "received": 4, "completed": 4}]},
    ]
    spec = requests_by_period(coffee_with(reports=reports), "en")
    assert spec.series[0].values == (None, 4.0)
    assert spec.series[0].labels[0] == "No data"


def test_opt_outs_call_out_the_change():
    spec = opt_outs_chart(coffee(), "en")
    assert spec.series[0].values == (1290, 1412, 1530, 1604)
    assert spec.callouts == ("1,604 opt-outs honoured in Q3 2026, up from 1,530 in Q2 2026",)
    ar = opt_outs_chart(coffee(), "ar")
    assert ar.callouts[0].startswith("نفّذنا 1,604 من طلبات الانسحاب في الربع الثالث 2026")


def test_opt_outs_down_and_missing():
    reports = [
        {"period": "2026-Q1", "opt_outs": 30},
        {"period": "2026-Q2"},
        {"period": "2026-Q3", "opt_outs": 12},
    ]
    spec = opt_outs_chart(coffee_with(reports=reports), "en")
    assert spec.series[0].values == (30, None, 12)
    # Compared with the last period that has a figure, not the one without.
    assert spec.callouts == ("12 opt-outs honoured in Q3 2026, down from 30 in Q1 2026",)
    none = opt_outs_chart(coffee_with(reports=[{"period": "2026"}]), "en")
    assert none.is_empty and none.empty_message == "No opt-out figures were reported"


def test_incidents_per_period():
    spec = incidents_chart(coffee(), "en")
    incidents, notified = spec.series
    assert incidents.values == (0, 1, 0, 0)
    assert notified.values == (0, 0, 0, 0)  # no incident: none notified
    assert spec.callouts == (
        "No security incidents involving personal data in Q3 2026",
        "1 incident over 4 periods",
    )
    reports = [{"period": "2026", "incidents": 3, "incidents_notified": 2}]
    one = incidents_chart(coffee_with(reports=reports), "en")
    assert one.callouts == ("3 security incidents in 2026, 2 of them notified to an authority",)
    ar = incidents_chart(coffee_with(reports=reports), "ar")
    assert ar.callouts == ("3 حوادث أمنية في 2026، أُبلغت جهة رقابية بـ2 منها",)


def test_incidents_without_notification_figures_have_one_series():
    reports = [{"period": "2026-Q1", "incidents": 2}, {"period": "2026-Q2", "incidents": 1}]
    spec = incidents_chart(coffee_with(reports=reports), "en")
    assert [s.name for s in spec.series] == ["Incidents"]
    assert spec.callouts == ("1 security incident in Q2 2026", "3 incidents over 2 periods")


def test_sensitivity_levels_are_all_shown():
    spec = categories_by_sensitivity(coffee(), "en")
    assert spec.categories == ("Special category", "Sensitive", "Not sensitive")
    assert spec.series[0].values == (0, 1, 7)
    assert spec.callouts == ("Sensitive: Location for the store finder",)


def test_sensitivity_of_health_data_and_none():
    data = coffee().model_dump(mode="json", exclude_none=True)
    data["data_categories"][0]["kind"] = "health.medical"
    spec = build_chart("sensitivity", coffee_with(data_categories=data["data_categories"]), "en")
    assert spec.series[0].values[0] == 1
    assert spec.callouts[0] == "Special category: Name and email"
    plain = [dict(c, kind="other") for c in data["data_categories"]]
    for c in plain:
        c.pop("ccpa_spi", None)
        c.pop("gdpr_special", None)
    none = categories_by_sensitivity(coffee_with(data_categories=plain), "ar")
    assert none.callouts == ("لا نجمع أي بيانات حساسة",)


def test_two_hundred_kinds_of_data_by_sensitivity():
    spec = categories_by_sensitivity(big_notice(), "en")
    assert sum(spec.series[0].values) == 200
    assert len(spec.categories) == 3
