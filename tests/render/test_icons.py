"""The bundled icon set: safe parsing, a mapping for every canonical id, and a contact sheet.

Run this file as a script to write contact sheets to look at:
    .venv/bin/python tests/render/test_icons.py [output-folder]   (default /tmp)
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import get_args

import pytest
from PIL import Image

from notice_builder.model.practices import SourceKind
from notice_builder.model.rights import RightKind, SecurityKind
from notice_builder.model.vocab import CATEGORY_CODES, PURPOSE_CODES
from notice_builder.render import icons
from notice_builder.render.icons import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_ELEMENTS,
    ICON_FOR,
    IconDef,
    IconError,
    category_icon,
    get_icon,
    icon_dir,
    icon_names,
    parse_icon,
    purpose_icon,
    right_icon,
    security_icon,
    source_icon,
)
from notice_builder.render.scene import Circle, Group, Icon, Rect, Scene, Text
from notice_builder.render.svg import write_svg
from notice_builder.render.theme import Theme, get_theme, theme_names
from notice_builder.text import wrap_text

GOOD = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
    'fill="none" stroke="currentColor" stroke-width="2">{}</svg>'
)


# --- the files ------------------------------------------------------------------------------


def test_every_bundled_icon_parses_to_allowed_geometry_only() -> None:
    names = icon_names()
    assert 60 <= len(names) <= 130
    for name in names:
        icon = get_icon(name)
        assert isinstance(icon, IconDef) and icon.name == name and icon.size == 24
        assert icon.elements
        for tag, attributes in icon.elements:
            assert tag in ALLOWED_ELEMENTS
            for attr, value in attributes:
                assert attr in ALLOWED_ATTRIBUTES
                assert re.fullmatch(r"[0-9eE.,+\- MmLlHhVvCcSsQqTtAaZz]*", value), (name, value)


def test_get_icon_is_cached_and_keeps_file_order() -> None:
    assert get_icon("shield-check") is get_icon("shield-check")
    tags = [tag for tag, _ in get_icon("shield-check").elements]
    assert tags == ["path", "path"]
    first = dict(get_icon("shield-check").elements[0][1])
    assert first["d"].startswith("M20 13c0 5")


def test_folder_holds_licence_readme_and_only_listed_icons() -> None:
    folder = icon_dir()
    licence = (folder / "LICENSE").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "lucide-static" in readme
    for name in icon_names():
        assert f"`{name}`" in readme, f"{name} is not listed in assets/icons/README.md"
    assert sorted(p.stem for p in folder.glob("*.svg")) == icon_names()


def test_unknown_icon_lists_the_known_ones() -> None:
    with pytest.raises(KeyError) as info:
        get_icon("no-such-icon")
    message = str(info.value)
    assert "no-such-icon" in message and "shield-check" in message and "lock" in message


# --- refusing anything that is not plain geometry -------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<a href="https://example.com"><path d="M1 1h2"/></a>',
        '<path d="M1 1h2" onload="alert(1)"/>',
        '<use href="#x"/>',
        '<image href="data:image/png;base64,AAAA" width="2" height="2"/>',
        '<path d="M1 1h2" style="fill:url(https://example.com/x)"/>',
        '<path xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="#a" d="M1 1"/>',
        '<path d="M1 1h2" fill="url(#g)"/>',
        '<path d="javascript:alert(1)"/>',
        "<foreignObject><div/></foreignObject>",
        '<style>path{fill:red}</style><path d="M1 1h2"/>',
        '<g><path d="M1 1h2"/></g>',
        '<path d="M1 1h2">text</path>',
        "",
    ],
)
def test_crafted_icons_are_refused(body: str) -> None:
    with pytest.raises(IconError):
        parse_icon("crafted", GOOD.format(body))


def test_root_level_tricks_are_refused() -> None:
    bad_root = GOOD.replace("<svg ", '<svg onload="alert(1)" ').format('<path d="M1 1h2"/>')
    with pytest.raises(IconError, match="onload"):
        parse_icon("crafted", bad_root)
    entity = '<!DOCTYPE svg [<!ENTITY x "y">]>' + GOOD.format('<path d="M1 1h2"/>')
    with pytest.raises(IconError, match="DTD"):
        parse_icon("crafted", entity)
    with pytest.raises(IconError, match="namespace"):
        parse_icon(
            "crafted", GOOD.format('<h:path xmlns:h="http://www.w3.org/1999/xhtml" d="M1"/>')
        )
    with pytest.raises(IconError, match="viewBox"):
        parse_icon("crafted", GOOD.replace("0 0 24 24", "0 0 24 12").format('<path d="M1 1"/>'))


def test_a_plain_icon_is_accepted_and_currentcolor_dots_lose_their_fill() -> None:
    icon = parse_icon(
        "ok", GOOD.format('<path d="M1 1h2"/><circle cx="3" cy="3" r=".5" fill="currentColor"/>')
    )
    assert icon.elements == (
        ("path", (("d", "M1 1h2"),)),
        ("circle", (("cx", "3"), ("cy", "3"), ("r", ".5"))),
    )


# --- mappings -------------------------------------------------------------------------------


def test_every_canonical_category_and_purpose_has_its_own_existing_icon() -> None:
    known = set(icon_names())
    assert len(CATEGORY_CODES) == 53 and len(PURPOSE_CODES) == 21
    for kind in CATEGORY_CODES:
        assert kind in icons.CATEGORY_ICONS, f"no explicit icon for category {kind}"
        assert category_icon(kind) in known
    for kind in PURPOSE_CODES:
        assert kind in icons.PURPOSE_ICONS, f"no explicit icon for purpose {kind}"
        assert purpose_icon(kind) in known


def test_unknown_categories_and_purposes_fall_back_by_family_then_generic() -> None:
    assert category_icon("contact.fax") == "contact"
    assert category_icon("sensitive.something_new") == "shield"
    assert category_icon("brand_new") == "database"
    assert purpose_icon("ads.something") == "megaphone"
    assert purpose_icon("brand_new") == "circle-ellipsis"


@pytest.mark.parametrize(
    ("kinds", "lookup"),
    [
        (get_args(RightKind), right_icon),
        (get_args(SecurityKind), security_icon),
        (get_args(SourceKind), source_icon),
    ],
)
def test_every_right_security_measure_and_source_maps_to_an_existing_icon(kinds, lookup) -> None:
    known = set(icon_names())
    for kind in kinds:
        assert lookup(kind) in known, kind
    with pytest.raises(KeyError, match="known:"):
        lookup("not_a_kind")


def test_mapping_tables_hold_only_model_kinds() -> None:
    assert set(icons.RIGHT_ICONS) == set(get_args(RightKind))
    assert set(icons.SECURITY_ICONS) == set(get_args(SecurityKind))
    assert set(icons.SOURCE_ICONS) == set(get_args(SourceKind))
    assert set(icons.CATEGORY_ICONS) == set(CATEGORY_CODES)
    assert set(icons.PURPOSE_ICONS) == set(PURPOSE_CODES)


def test_generic_icons_exist() -> None:
    needed = {
        "never_sold", "share", "clock", "calendar", "shield", "lock", "mail", "phone", "globe",
        "link", "qr", "check", "x", "toggle", "eye", "download", "trash", "pencil", "hand",
        "scale", "user", "users", "building", "alert", "info", "arrow_right", "arrow_left",
    }  # fmt: skip
    assert needed <= set(ICON_FOR)
    assert set(ICON_FOR.values()) <= set(icon_names())


def test_every_bundled_icon_is_used_by_some_mapping() -> None:
    used = (
        set(ICON_FOR.values())
        | set(icons.CATEGORY_ICONS.values())
        | set(icons._CATEGORY_FAMILIES.values())
        | set(icons.PURPOSE_ICONS.values())
        | set(icons._PURPOSE_FAMILIES.values())
        | set(icons.RIGHT_ICONS.values())
        | set(icons.SECURITY_ICONS.values())
        | set(icons.SOURCE_ICONS.values())
    )
    assert used == set(icon_names())


def test_same_idea_same_picture() -> None:
    assert right_icon("erasure") == right_icon("ccpa_delete") == ICON_FOR["trash"]
    assert right_icon("access") == right_icon("ccpa_know") == ICON_FOR["eye"]
    assert right_icon("rectification") == right_icon("ccpa_correct") == ICON_FOR["pencil"]
    assert right_icon("ccpa_opt_out_sale_share") == ICON_FOR["never_sold"]
    assert purpose_icon("sale") == ICON_FOR["sold"]
    assert right_icon("complain_authority") == ICON_FOR["scale"]


# --- the icons drawn ------------------------------------------------------------------------


def _no_fetch(url: str, resource_type: str) -> bytes:
    raise ValueError(f"refusing to fetch {url}")


def rasterise(svg: str, width: int) -> bytes:
    # cairosvg 2.9's svg2png() no longer forwards url_fetcher; the surface's convert() does.
    from cairosvg.surface import PNGSurface

    return PNGSurface.convert(bytestring=svg.encode(), url_fetcher=_no_fetch, output_width=width)


COLUMNS = 10
CELL_W, CELL_H = 104, 108


def contact_sheet(theme: Theme, names: list[str] | None = None) -> Scene:
    """Every icon at 24 px in `text` on a card, and at 24 px on a primary chip, with its name."""
    names = icon_names() if names is None else names
    p, t = theme.palette, theme.typography
    pad = theme.spacing * 3
    rows = -(-len(names) // COLUMNS)
    width = pad * 2 + COLUMNS * CELL_W
    header = 96
    height = header + rows * CELL_H + pad * 2
    stack = theme.font_stack()
    title = wrap_text(f"Icons · {theme.label}", None, size=t.heading, stack=stack, bold=True)
    elements: list = [Text(title, pad, pad, p.text)]
    swatches = [p.primary, p.accent, p.positive, p.negative, p.caution, *p.categorical]
    for i, colour in enumerate(swatches):
        elements.append(
            Rect(width - pad - (len(swatches) - i) * 28, pad, 22, 22, fill=colour, radius=4)
        )
    elements.append(
        Rect(pad / 2, header - pad / 2, width - pad, rows * CELL_H + pad, fill=p.surface,
             stroke=p.border, stroke_width=1, radius=theme.radius)
    )  # fmt: skip
    for index, name in enumerate(names):
        col, row = index % COLUMNS, index // COLUMNS
        x, y = pad + col * CELL_W, header + row * CELL_H
        label = wrap_text(name, CELL_W - 8, size=t.caption, stack=stack, align="center")
        stroke = theme.icon_stroke_width(24)
        cell = [
            Icon(name, x + 14, y + 8, 24, p.text, stroke),
            Circle(x + 74, y + 20, 20, fill=p.primary),
            Icon(name, x + 62, y + 8, 24, p.on_primary, stroke),
            Icon(name, x + 14, y + 40, 16, p.text_muted, theme.icon_stroke_width(16)),
            Icon(name, x + 38, y + 36, 24, p.accent, stroke),
            Text(label, x - 4, y + 66, p.text_muted),
        ]
        elements.append(Group(tuple(cell), label=name))
    return Scene(
        width=width,
        height=height,
        title=f"Icon contact sheet, {theme.label} theme",
        description=f"{len(names)} icons drawn in the {theme.label} theme's colours.",
        lang="en",
        direction="ltr",
        background=p.background,
        elements=tuple(elements),
    )


def mapping_sheet(theme: Theme) -> Scene:
    """Each canonical kind beside its icon, to judge the metaphors in context."""
    p, t = theme.palette, theme.typography
    stack = theme.font_stack()
    sections = [
        ("Data categories", [(k, category_icon(k)) for k in CATEGORY_CODES]),
        ("Purposes", [(k, purpose_icon(k)) for k in PURPOSE_CODES]),
        ("Rights", [(k, right_icon(k)) for k in get_args(RightKind)]),
        ("Security", [(k, security_icon(k)) for k in get_args(SecurityKind)]),
        ("Sources", [(k, source_icon(k)) for k in get_args(SourceKind)]),
        ("Generic", sorted(ICON_FOR.items(), key=lambda kv: kv[0])),
    ]
    col_w, row_h, cols, pad = 250, 34, 4, 24
    elements: list = []
    y = pad
    for heading, items in sections:
        block = wrap_text(heading, None, size=t.subheading, stack=stack, bold=True)
        elements.append(Text(block, pad, y, p.text))
        y += block.height + 6
        for i, (kind, name) in enumerate(items):
            x, yy = pad + (i % cols) * col_w, y + (i // cols) * row_h
            label = wrap_text(kind, col_w - 40, size=t.small, stack=stack)
            elements.append(Icon(name, x, yy + 2, 24, p.primary, theme.icon_stroke_width(24)))
            elements.append(Text(label, x + 34, yy + 2, p.text))
        y += -(-len(items) // cols) * row_h + 14
    return Scene(
        width=pad * 2 + cols * col_w,
        height=y + pad,
        title="Icon mapping",
        description="Canonical ids and their icons.",
        lang="en",
        direction="ltr",
        background=p.background,
        elements=tuple(elements),
    )


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast", "print"])
def test_contact_sheet_renders_every_icon_in_theme_colours(name: str, tmp_path: Path) -> None:
    theme = get_theme(name)
    scene = contact_sheet(theme)
    svg = write_svg(scene, outlined=True)
    assert svg.count('aria-hidden="true"') == 4 * len(icon_names())
    assert "<script" not in svg and "href" not in svg
    png = rasterise(svg, int(scene.width))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (int(scene.width), int(scene.height))
    # Each icon leaves ink of the theme's text colour inside its cell.
    text_rgb = tuple(int(theme.palette.text[i : i + 2], 16) for i in (1, 3, 5))
    pad = theme.spacing * 3
    for index in range(0, len(icon_names()), 7):
        col, row = index % COLUMNS, index // COLUMNS
        x, y = int(pad + col * CELL_W + 14), int(96 + row * CELL_H + 8)
        cell = image.crop((x, y, x + 24, y + 24))
        raw = cell.tobytes()
        pixels = [raw[i : i + 3] for i in range(0, len(raw), 3)]
        close = [
            px for px in pixels if sum(abs(a - b) for a, b in zip(px, text_rgb, strict=True)) < 60
        ]
        assert len(close) > 8, f"icon {icon_names()[index]} left no ink in the {name} sheet"


def test_mapping_sheet_renders() -> None:
    scene = mapping_sheet(get_theme("light"))
    png = rasterise(write_svg(scene, outlined=True), int(scene.width))
    assert Image.open(io.BytesIO(png)).size[0] == int(scene.width)


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else Path("/tmp")
    for name in theme_names():
        theme = get_theme(name)
        for kind, scene in (("icons", contact_sheet(theme)), ("mapping", mapping_sheet(theme))):
            path = out / f"{kind}-{name}.png"
            path.write_bytes(rasterise(write_svg(scene, outlined=True), int(scene.width)))
            print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
