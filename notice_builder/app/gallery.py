"""The layout gallery: every layout of the open notice as a small picture, to pick one by clicking.

Plain functions (no Dash). A thumbnail is a PNG drawn with cairo straight from the scene, twice
as many pixels as it is shown wide so it is sharp on high-density screens. Thumbnails are kept
in a small per-process cache keyed by a digest of everything that changes the picture (the
text, layout, theme, locale and brand kit): choosing a layout, or closing and opening the
gallery, draws nothing again; an edit draws only the thumbnails it changed. The cache holds
pictures only: names, descriptions and messages are said in the interface language when asked.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..export.pngenc import encode_png
from ..i18n.errors import said_text
from ..io import NoticeError, loads_notice
from ..layout import RenderError, layout_names, render
from ..render.raster import scene_to_image
from . import language
from .callbacks import brand as brand_kit
from .callbacks.preview import DEFAULT_THEME, png_data_uri
from .language import tr
from .names import layout_about, layout_label

THUMB_WIDTH = 132  # CSS px on the page: three in a row of the preview column
THUMB_PIXELS = 2 * THUMB_WIDTH  # drawn at 2x: sharp on high-density screens
# Seven layouts x a handful of themes, locales and recent edits; about 20 kB each.
CACHE_SIZE = 128


@dataclass(frozen=True)
class Thumb:
    """One layout's thumbnail (a PNG data URI), or why it could not be drawn."""

    layout: str
    label: str
    description: str
    src: str | None
    message: str = ""


@dataclass(frozen=True)
class _Drawn:
    """What the cache keeps of one thumbnail: the picture, or the failure to say."""

    src: str | None
    error: Exception | None = None


_cache: OrderedDict[tuple[str, ...], _Drawn] = OrderedDict()
_lock = threading.Lock()


def picture_key(text: str, theme: str, locale: str, brand: Mapping[str, Any] | None) -> str:
    """A digest of what every thumbnail of this notice depends on besides its layout."""
    brand_part = (
        json.dumps({k: brand.get(k) for k in sorted(brand)}, sort_keys=True, default=str)
        if isinstance(brand, Mapping)
        else ""
    )
    digest = hashlib.sha256()
    for part in (text, theme, locale, brand_part):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _cached(key: tuple[str, ...]) -> _Drawn | None:
    with _lock:
        thumb = _cache.get(key)
        if thumb is not None:
            _cache.move_to_end(key)
        return thumb


def _remember(key: tuple[str, ...], thumb: _Drawn) -> None:
    with _lock:
        _cache[key] = thumb
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def thumbnails(
    text: str | None,
    theme: str | None,
    locale: str | None,
    brand: Mapping[str, Any] | None = None,
) -> list[Thumb] | None:
    """A thumbnail of every layout, in the registry's order; None when the text is not a valid
    notice (the gallery keeps showing the last valid pictures, like the preview)."""
    text = text or ""
    theme = theme or DEFAULT_THEME
    key = picture_key(text, theme, locale or "", brand)
    names = layout_names()
    found = {name: _cached((key, name)) for name in names}
    missing = [name for name, thumb in found.items() if thumb is None]
    if missing:
        try:
            notice = loads_notice(text, source="editor")
        except NoticeError:
            return None
        shown_locale = locale if locale in notice.all_locales else notice.default_locale
        try:
            drawn_theme, logo = brand_kit.branded(theme, brand)
        except (KeyError, ValueError):
            drawn_theme, logo = DEFAULT_THEME, None
        for name in missing:
            found[name] = _draw(notice, name, drawn_theme, shown_locale, logo)
            _remember((key, name), found[name])
    return [_thumb(name, found[name]) for name in names]


def _thumb(layout: str, drawn: _Drawn) -> Thumb:
    """The thumbnail as the gallery shows it, named in the interface language."""
    message = ""
    if drawn.error is not None:
        message = tr("gallery.failed", error=said_text(drawn.error, language.current()))
    return Thumb(layout, layout_label(layout), layout_about(layout), drawn.src, message)


def _draw(notice: Any, layout: str, theme: Any, locale: str, logo: Any) -> _Drawn:
    try:
        rendered = render(notice, layout, theme, locale, logo=logo)
        image = scene_to_image(rendered.scene, width=THUMB_PIXELS)
    except (RenderError, KeyError, ValueError) as exc:
        return _Drawn(None, exc)
    return _Drawn(png_data_uri(encode_png(image, level=1)))


__all__ = ["THUMB_WIDTH", "Thumb", "clear_cache", "picture_key", "thumbnails"]
