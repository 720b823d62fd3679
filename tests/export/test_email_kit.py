"""The email kit: a small palette PNG at 2x, an HTML snippet email clients render (tables, inline
styles, no SVG, CSS or scripts; escaped; right-to-left for Arabic), a plain-text alternative
with the links, and no empty links when the notice has none."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from notice_builder.export import ExportError
from notice_builder.export.describe import alt_text
from notice_builder.export.email import EmailKit, email_kit
from notice_builder.i18n import t
from notice_builder.io import load_notice
from notice_builder.model import PrivacyNotice
from notice_builder.render.theme import get_theme

ROOT = Path(__file__).resolve().parents[2]
NOTICE_URL = "https://brewline.example/privacy"
CHOICES_URL = "https://brewline.example/privacy/choices"
FILES = {"notice-email.png", "email.html", "email.txt", "alt.txt", "description.txt"}


@pytest.fixture(scope="module")
def coffee():
    return load_notice(ROOT / "examples" / "coffee-shop.yaml")


@pytest.fixture(scope="module")
def kits(coffee) -> dict[str, EmailKit]:
    return {locale: email_kit(coffee, locale=locale) for locale in ("en", "ar")}


class Snippet(HTMLParser):
    """The snippet's elements, with their attributes, parents and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.comments: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "parents": list(self.stack), "text": ""}
        self.elements.append(element)
        if tag not in ("img", "br", "meta", "link"):
            self.stack.append(element)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1]["tag"] == tag, f"</{tag}> closes nothing open"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

    def handle_comment(self, data):
        self.comments.append(data)

    def all(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_html_snippet_is_made_for_email_clients(kits, coffee, locale):
    kit = kits[locale]
    doc = Snippet(kit.html)
    assert not doc.stack  # every element closed
    wrapper = doc.elements[0]
    assert wrapper["tag"] == "table"
    assert {
        "role": "presentation",
        "cellpadding": "0",
        "cellspacing": "0",
        "border": "0",
    }.items() <= wrapper["attrs"].items()
    assert wrapper["attrs"]["dir"] == ("rtl" if locale == "ar" else "ltr")
    assert wrapper["attrs"]["lang"] == locale
    # One picture, 600 CSS px wide (not its 1200 pixels), described, fluid, linked to the notice.
    (img,) = doc.all("img")
    attrs = img["attrs"]
    assert attrs["width"] == "600" and "height" not in attrs
    assert attrs["alt"] == kit.alt == alt_text(coffee, "email-banner", locale)
    style = attrs["style"].replace(" ", "").split(";")
    assert {"display:block", "width:100%", "max-width:600px", "height:auto", "border:0"} <= set(
        style
    )
    assert attrs["src"] == "notice-email.png"
    assert [p["attrs"]["href"] for p in img["parents"] if p["tag"] == "a"] == [NOTICE_URL]
    # Under it, plain links to the full notice and the choices page, in the notice's language.
    links = [a for a in doc.all("a") if not any(e is a for e in img["parents"])]
    assert [a["attrs"]["href"] for a in links] == [NOTICE_URL, CHOICES_URL]
    assert [a["text"] for a in links] == [t("link.notice", locale), t("link.choices", locale)]
    assert all(a["attrs"]["href"].startswith("https://") for a in doc.all("a"))
    # Inline styles only, nothing an email client strips or blocks.
    lowered = kit.html.lower()
    for banned in ("<svg", "<style", "<link", "<script", "class=", "javascript:", "cid:"):
        assert banned not in lowered
    assert {e["tag"] for e in doc.elements} <= {"table", "tbody", "tr", "td", "a", "img"}
    assert kit.html.lstrip().startswith("<!--") and len(doc.comments) == 1


def test_user_strings_are_escaped(notice_data):
    title = '<script>alert(1)</script> & "quotes"'
    notice_data |= {
        "title": {"en": title, "ar": title},
        "url": "https://acme.example/privacy?a=1&b=2",
        "choices": {"page": "https://acme.example/choices"},
    }
    kit = email_kit(PrivacyNotice.model_validate(notice_data))
    assert "<script" not in kit.html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in kit.html
    assert 'href="https://acme.example/privacy?a=1&amp;b=2"' in kit.html
    doc = Snippet(kit.html)
    (img,) = doc.all("img")
    assert img["attrs"]["alt"] == kit.alt and kit.alt.startswith(title)
    assert [a["attrs"]["href"] for a in doc.all("a")][0] == "https://acme.example/privacy?a=1&b=2"
    # The plain-text alternative is text: the title as written.
    assert kit.text.startswith(title + "\n")


def test_the_png_is_small_sharp_and_solid(kits):
    for kit in kits.values():
        png = kit.png
        image = Image.open(io.BytesIO(png.data))
        assert png.format == "png" and png.width == image.width == 1200
        assert png.display_width == 600
        assert image.mode == "P"  # 256-colour palette
        assert "transparency" not in image.info  # a solid background, never transparent
        assert len(png.data) < 100_000
        assert kit.files["notice-email.png"] == png.data
        assert set(kit.files) == FILES
        assert not kit.warnings


def test_the_text_alternative_has_the_words_and_both_links(kits, coffee):
    for locale, kit in kits.items():
        text = kit.text
        lines = text.splitlines()
        assert lines[0] == coffee.title.get(locale, "en")
        assert kit.alt in lines
        assert t("email.at_a_glance", locale) in lines
        assert t("fact.never_sold", locale) in lines  # from the picture's description
        assert NOTICE_URL in lines and CHOICES_URL in lines
        assert lines.index(NOTICE_URL) < lines.index(CHOICES_URL)
        assert "<" not in text
        assert kit.files["email.txt"].decode("utf-8") == text
        assert kit.files["alt.txt"].decode("utf-8").strip() == kit.alt
        assert kit.files["description.txt"].decode("utf-8").strip() == kit.long_description
        assert kit.files["email.html"].decode("utf-8") == kit.html


def test_missing_links_leave_no_empty_href(notice_data):
    # The small notice has no url and no choices page.
    kit = email_kit(PrivacyNotice.model_validate(notice_data), locale="ar")
    assert "href" not in kit.html and "<a" not in kit.html
    doc = Snippet(kit.html)
    assert len(doc.all("img")) == 1 and len(doc.all("tr")) == 1
    assert "https://" not in kit.text
    assert t("link.choices", "ar") not in kit.text
    assert any("no url" in w for w in kit.warnings)

    notice_data["url"] = "https://acme.example/privacy"
    kit = email_kit(PrivacyNotice.model_validate(notice_data))
    doc = Snippet(kit.html)
    assert [a["attrs"]["href"] for a in doc.all("a")] == ["https://acme.example/privacy"] * 2
    assert [a["text"] for a in doc.all("a")][1] == "Read the full notice"
    assert "Manage your choices" not in kit.html and "Manage your choices" not in kit.text
    assert 'href=""' not in kit.html and not kit.warnings


def test_the_image_url_is_where_the_picture_is_hosted(coffee):
    url = "https://cdn.brewline.example/mail/notice.png?v=2&x=1"
    kit = email_kit(coffee, image_url=url, theme=get_theme("dark"))
    (img,) = Snippet(kit.html).all("img")
    assert img["attrs"]["src"] == url
    for bad in ("javascript:alert(1)", "http://cdn.example/a.png", "//cdn.example/a.png", ""):
        with pytest.raises(ValueError, match="https"):
            email_kit(coffee, image_url=bad)


def test_a_layout_too_wide_for_email_is_refused(coffee):
    with pytest.raises(ExportError, match="email-banner"):
        email_kit(coffee, layout="at-a-glance")
