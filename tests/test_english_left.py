"""The checker every Arabic-interface test leans on finds English left behind and only that."""

from __future__ import annotations

from notice_builder.i18n import FSI, PDI

from .english_left import english_left, plain, texts


def test_interface_words_are_found_and_names_identifiers_and_values_are_not():
    assert english_left("حُفظ: Saved as version 2") == ["Saved", "version"]
    assert english_left("لم يُستورد Not-imported") == ["Not-imported"]
    kept = "ملف CSV لـ Google Play بصيغة JSON-LD و UTF-8 ورمز SPI-1A وتجزئة SHA-256"
    assert english_left(kept) == []
    ids = "الحقل practices[0].retention والعمود data_type والرمز dpv:Email والتخطيط email-banner"
    assert english_left(ids + " اللون #ffcc00 الملف acme.yaml") == []
    assert english_left(f"الإشعار {FSI}Brewline {FSI}Rewards{PDI} notice{PDI} محفوظ") == []


def test_a_part_allows_its_own_words_and_quoted_values_when_asked():
    assert english_left("المقاس Letter") == ["Letter"]
    assert english_left("المقاس Letter", {"Letter"}) == []
    assert english_left("حُذف «Email»") == ["Email"]
    assert english_left("حُذف «Email»", quoted=True) == []


def test_an_isolated_sentence_is_read_when_values_are_single_words():
    said = f"تعذّر: {FSI}the picture{PDI}؛ المتاح: {FSI}svg، png{PDI}"
    assert english_left(said) == []
    assert english_left(said, sentences=False) == ["picture", "the"]


def test_texts_read_what_a_person_sees_and_leave_out_code_and_skipped_parts():
    import dash_mantine_components as dmc
    from dash import dcc, html

    tree = html.Div(
        [
            html.Label("الاسم", title="Name"),
            dcc.Dropdown(id="pick", options=[], placeholder="اختر"),
            html.Img(alt="شعار"),
            html.Code("practices[0].data"),
            html.Div("Hidden part", id="skipped"),
            dmc.Select(id="kinds", data=[{"label": "حذف", "value": "deletion"}]),
        ]
    )
    # A component's readable props come before its children.
    assert texts(tree, {"skipped"}) == ["Name", "الاسم", "اختر", "شعار", "حذف"]
    assert plain(f"{FSI}v1{PDI}") == "v1"
