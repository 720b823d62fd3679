"""The export panel's email kit and bundle as plain functions (no Dash).

Both take the editor's text and the preview's choices, and give either a whole file for
dcc.Download or a message in the interface language: a failed export never hands over part of a
file. An expected failure (invalid text, a layout too long for a preset, an unknown name) says
what to change; anything else is logged under a reference that the message quotes.
"""

from __future__ import annotations

import io
import logging
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...export import ExportError, email_kit
from ...export.bundle import DEFAULT_FORMATS, make_bundle
from ...formats import dpv
from ...io import NoticeError, loads_notice
from ...layout import RenderError, layout_names
from ...model import PrivacyNotice
from ..language import tr
from . import brand as brand_kit
from .downloads import file_of, said
from .preview import DEFAULT_THEME

log = logging.getLogger("notice_builder.app")

EMAIL_LAYOUT = "email-banner"
# A ZIP's earliest date: the same kit gives the same bytes.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# Bundles are made in a job process; beyond this many pictures (7 layouts x 2 locales x 3
# formats is 42) the ZIP would be too big to hand to a browser comfortably.
MAX_BUNDLE_FILES = 120

ProgressFn = Callable[[int, int], None]


@dataclass
class EmailResult:
    """The email kit as the panel shows it, or why there is none."""

    kind: str  # "saved" (made) or "error"
    message: str
    html: str = ""
    text: str = ""
    alt: str = ""
    description: str = ""
    file: dict[str, Any] | None = None  # the kit as a ZIP, for dcc.Download
    warnings: list[str] = field(default_factory=list)


@dataclass
class BundleResult:
    """A bundle ZIP for dcc.Download, or why there is none."""

    kind: str
    message: str
    file: dict[str, Any] | None = None
    files: int = 0


def reference() -> str:
    return uuid.uuid4().hex[:8].upper()


def _logged(what: str, exc: BaseException) -> str:
    """An unexpected failure: the details to the log; the reference to quote to the person."""
    ref = reference()
    log.error("%s failed (ref %s)", what, ref, exc_info=exc)
    return ref


def _notice(text: str | None) -> PrivacyNotice:
    return loads_notice(text or "", source="editor")


def zip_files(files: Mapping[str, bytes]) -> bytes:
    """A ZIP of `files` in name order with fixed dates: the same files give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.external_attr = 0o100644 << 16
            info.compress_type = (
                zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            )
            archive.writestr(info, files[name])
    return out.getvalue()


def make_email_kit(
    text: str | None,
    layout: str | None,
    theme: str | None,
    locale: str | None,
    brand: Mapping[str, Any] | None = None,
    image_url: str | None = None,
) -> EmailResult:
    """The email kit of the editor's notice: the snippet, plain text, alt text, long description
    and the whole kit as a ZIP (`<notice>-email-kit.zip`)."""
    try:
        notice = _notice(text)
    except NoticeError:
        return EmailResult("error", tr("email.fix_first"))
    if locale not in notice.all_locales:
        locale = notice.default_locale
    layout = layout or EMAIL_LAYOUT
    url = (image_url or "").strip() or None
    try:
        drawn_theme, logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        kit = email_kit(
            notice, layout=layout, theme=drawn_theme, locale=locale, image_url=url, logo=logo
        )
    except (ExportError, RenderError, KeyError, ValueError) as exc:
        return EmailResult("error", tr("email.failed", error=said(exc)))
    except Exception as exc:  # noqa: BLE001 - shown with a reference, details logged
        return EmailResult("error", tr("email.broken", ref=_logged("email kit", exc)))
    name = f"{notice.id}-{layout}-{locale}-email-kit.zip"
    file = file_of(zip_files(kit.files), name, "application/zip")
    message = tr("email.ready", len(kit.files), name=name)
    return EmailResult(
        "saved",
        message,
        html=kit.html,
        text=kit.text,
        alt=kit.alt,
        description=kit.long_description,
        file=file,
        warnings=list(kit.warnings),
    )


def make_dpv_file(text: str | None) -> EmailResult:
    """The editor's notice in the W3C Data Privacy Vocabulary as JSON-LD (`<notice>.jsonld`),
    to publish beside the snippet: GDPR Art. 12(7) asks for icons a machine can read."""
    try:
        notice = _notice(text)
    except NoticeError:
        return EmailResult("error", tr("email.dpv_fix_first"))
    name = f"{notice.id}{dpv.FORMAT.suffix}"
    return EmailResult(
        "saved",
        tr("email.dpv_done", name=name),
        file=file_of(dpv.export(notice), name, dpv.FORMAT.media_type),
    )


def _as_list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ExportError(tr("bundle.not_names", kind=type(value).__name__))


def make_bundle_file(
    text: str | None,
    layouts: Any,
    locales: Any,
    formats: Any,
    theme: str | None,
    preset: str | None,
    brand: Mapping[str, Any] | None = None,
    on_progress: ProgressFn | None = None,
) -> BundleResult:
    """Every chosen layout x locale x format of the editor's notice in one ZIP with its
    manifest (`<notice>-bundle.zip`). Empty choices are refused by name."""
    try:
        notice = _notice(text)
    except NoticeError:
        return BundleResult("error", tr("bundle.fix_first"))
    try:
        chosen = {
            "layout": _as_list(layouts),
            "language": _as_list(locales),
            "format": _as_list(formats),
        }
        empty = {
            "layout": tr("bundle.choose_layout"),
            "language": tr("bundle.choose_language"),
            "format": tr("bundle.choose_format"),
        }
        for kind, names in chosen.items():
            if names is not None and not names:
                return BundleResult("error", empty[kind])
        pictures = len(chosen["layout"] or layout_names()) * len(
            chosen["language"] or notice.all_locales
        )
        count = pictures * len(chosen["format"] or DEFAULT_FORMATS)
        if count > MAX_BUNDLE_FILES:
            return BundleResult("error", tr("bundle.too_many", count, limit=MAX_BUNDLE_FILES))
        drawn_theme, logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        if on_progress is not None:
            on_progress(0, pictures)
        bundle = make_bundle(
            notice,
            layouts=chosen["layout"],
            locales=chosen["language"],
            formats=chosen["format"] or DEFAULT_FORMATS,
            theme=drawn_theme,
            preset=preset or "original",
            logo=logo,
            on_progress=on_progress,
        )
    except (ExportError, RenderError, KeyError, ValueError) as exc:
        return BundleResult("error", tr("bundle.failed", error=said(exc)))
    except Exception as exc:  # noqa: BLE001 - shown with a reference, details logged
        return BundleResult("error", tr("bundle.broken", ref=_logged("bundle", exc)))
    message = tr("bundle.ready", bundle.files, name=bundle.name)
    if bundle.warnings:
        message += " " + tr("bundle.warnings", len(bundle.warnings))
    return BundleResult(
        "saved", message, file_of(bundle.data, bundle.name, "application/zip"), bundle.files
    )


def progress_text(done: int, total: int) -> str:
    """What the progress bar's caption says after `done` of `total` pictures."""
    if not total:
        return ""
    if not done:
        return tr("bundle.drawing", total)
    return tr("bundle.drawn", total, done=done)


def progress_value(done: int, total: int) -> int:
    """The bar's percentage; a sliver from the start, so it is seen to have begun."""
    return max(3, round(100 * done / total)) if total else 0


__all__ = [
    "EMAIL_LAYOUT",
    "BundleResult",
    "EmailResult",
    "make_bundle_file",
    "make_dpv_file",
    "make_email_kit",
    "progress_text",
    "zip_files",
]
