"""The email kit: what a marketer needs to put a notice's picture in an email.

A 1200 px PNG shown at 600 CSS px (the `email` preset: solid background, 256 colours), an HTML
snippet made for email clients (tables, inline styles, no SVG, CSS files or scripts; the picture
linked to the full notice and a line of plain links under it), a plain-text alternative, the
alternative text and the long description of the picture, as files ready to write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ..i18n import is_rtl, t
from ..layout import render, resolve_locale
from ..model import PrivacyNotice
from ..render.logo import Logo
from ..render.theme import Theme
from .api import export
from .describe import alt_text, long_description
from .formats import Exported, ExportError, Options

PNG_NAME = "notice-email.png"
HTML_NAME = "email.html"
TEXT_NAME = "email.txt"
ALT_NAME = "alt.txt"
DESCRIPTION_NAME = "description.txt"

# Fonts most email clients have, with Arabic glyphs on Windows, macOS, iOS and Android.
_FONT = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px"


@dataclass(frozen=True)
class EmailKit:
    """The files of one email kit and what they say."""

    png: Exported
    html: str
    text: str  # the plain-text alternative of the email part
    alt: str
    long_description: str
    files: dict[str, bytes] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def email_kit(
    notice: PrivacyNotice,
    *,
    layout: str = "email-banner",
    theme: str | Theme = "light",
    locale: str | None = None,
    image_url: str | None = None,
    logo: Logo | None = None,
) -> EmailKit:
    """The email kit of `notice`'s `layout` picture in `locale` (default: the notice's).

    `image_url` is where the PNG will be hosted (https); without it the HTML refers to the PNG
    by its file name, to upload with the email. Raises `ExportError` (a ValueError) when the
    layout does not fit the email preset or the `image_url` is not https.
    """
    locale = resolve_locale(notice, locale)
    src = _image_src(image_url)
    # Never transparent: dark mode would invert or hide a picture without its own background.
    png = export(
        notice,
        layout=layout,
        theme=theme,
        locale=locale,
        preset="email",
        format="png",
        options=Options(transparent=False),
        logo=logo,
    )
    alt = alt_text(notice, layout, locale)
    description = long_description(render(notice, layout, theme, locale, logo=logo))
    title = notice.title.get(locale, notice.default_locale)
    links = _links(notice, locale)
    html = email_html(
        src=src,
        alt=alt,
        width=png.display_width,
        href=notice.url,
        links=links,
        locale=locale,
    )
    text = email_text(title, alt, description, links, locale)
    warnings = list(png.warnings)
    if not notice.url:
        warnings.append(
            "the notice has no url: the picture in the email links nowhere and the email has no "
            "link to the full notice"
        )
    files = {
        PNG_NAME: png.data,
        HTML_NAME: html.encode("utf-8"),
        TEXT_NAME: text.encode("utf-8"),
        ALT_NAME: (alt + "\n").encode("utf-8"),
        DESCRIPTION_NAME: (description + "\n").encode("utf-8"),
    }
    return EmailKit(png, html, text, alt, description, files, tuple(warnings))


def _image_src(image_url: str | None) -> str:
    """Where the HTML finds the picture: the hosted https address, or the PNG beside it."""
    if image_url is None:
        return PNG_NAME
    url = image_url.strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
    relative_to_scheme = url.startswith("//")
    if (
        not url
        or relative_to_scheme
        or (scheme and scheme != "https")
        or any(c.isspace() for c in url)
    ):
        raise ExportError.said("export.image_url", url=repr(image_url[:80]))
    return url


def _links(notice: PrivacyNotice, locale: str) -> list[tuple[str, str]]:
    """The plain links under the picture: the full notice and the choices page, when given."""
    links = []
    if notice.url:
        links.append((t("link.notice", locale), notice.url))
    if notice.choices and notice.choices.page:
        links.append((t("link.choices", locale), notice.choices.page))
    return links


def email_html(
    *,
    src: str,
    alt: str,
    width: int,
    href: str | None,
    links: list[tuple[str, str]],
    locale: str,
) -> str:
    """The HTML snippet: a presentation table holding the picture (linked to `href`) and a line
    of plain links, every style inline; every string escaped."""
    direction = "rtl" if is_rtl(locale) else "ltr"
    start = "right" if direction == "rtl" else "left"
    img = (
        f'<img src="{escape(src)}" width="{width}" alt="{escape(alt)}" '
        f'style="display:block;width:100%;max-width:{width}px;height:auto;border:0">'
    )
    if href:
        img = f'<a href="{escape(href)}" style="display:block;text-decoration:none;border:0">{img}</a>'
    rows = [f'    <tr>\n      <td style="padding:0">{img}</td>\n    </tr>']
    if links:
        anchors = "&nbsp;&nbsp;·&nbsp;&nbsp;".join(
            f'<a href="{escape(url)}" style="text-decoration:underline">{escape(label)}</a>'
            for label, url in links
        )
        rows.append(
            f'    <tr>\n      <td dir="{direction}" style="padding:12px 0 0 0;{_FONT};'
            f'text-align:{start}">{anchors}</td>\n    </tr>'
        )
    comment = (
        "<!-- Privacy notice for email, made by notice-builder.\n"
        "     Paste this table into the HTML body of the email where the notice should appear.\n"
        f"     The picture is {PNG_NAME} ({width} px wide in the email, 2x pixels for sharp "
        "screens):\n"
        "     upload it where the email's images are hosted and put its address in src, or make\n"
        "     the kit again with the image URL. Inline styles only: no CSS file is needed. -->"
    )
    return (
        f"{comment}\n"
        f'<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="{width}" '
        f'align="center" dir="{direction}" lang="{escape(locale)}" '
        f'style="width:100%;max-width:{width}px;margin:0 auto;border-collapse:collapse">\n'
        f"  <tbody>\n" + "\n".join(rows) + "\n  </tbody>\n</table>\n"
    )


def email_text(
    title: str, alt: str, description: str, links: list[tuple[str, str]], locale: str
) -> str:
    """The plain-text alternative: the title, the alt text, what the picture says (shortened:
    without the title and the link lines, which come next) and the links, each address on its
    own line (no bidi mixing in RTL)."""
    said_elsewhere = {_plain(title)}
    for label, url in links:
        said_elsewhere |= {_plain(label), _plain(_display(url)), _plain(url)}
    lines = [line for line in description.split("\n") if _plain(line) not in said_elsewhere]
    body = "\n".join(lines).strip("\n")
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    parts = [title, alt]
    if body:
        parts.append(f"{t('email.at_a_glance', locale)}\n\n{body}")
    parts += [f"{label}:\n{url}" for label, url in links]
    return "\n\n".join(parts) + "\n"


def _plain(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "").strip()


def _display(url: str) -> str:
    """A link as the pictures print it: no scheme, no trailing slash."""
    return url.removeprefix("https://").removeprefix("mailto:").removeprefix("tel:").rstrip("/")


__all__ = ["EmailKit", "email_html", "email_kit", "email_text"]
