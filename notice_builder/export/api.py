"""Export a notice's picture to bytes or to a file: render, fit to the preset, encode, and write
atomically (a failed export never leaves a partial file)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..io.save import write_atomic
from ..layout import render
from ..model import PrivacyNotice
from ..render.logo import Logo
from ..render.theme import Theme
from .formats import EXPORTERS, Exported, ExportError, Options, export_rendered
from .presets import get_preset


def export(
    notice: PrivacyNotice,
    *,
    layout: str | None = None,
    theme: str | Theme = "light",
    locale: str | None = None,
    preset: str = "original",
    format: str | None = None,
    options: Options | None = None,
    logo: Logo | None = None,
) -> Exported:
    """One picture of `notice` as bytes, for `preset` (default: the layout at its own size)."""
    chosen = get_preset(preset)
    rendered = render(notice, layout or chosen.layout or "at-a-glance", theme, locale, logo=logo)
    exported = export_rendered(rendered, chosen, format, with_dpv(options or Options(), notice))
    if rendered.overflow or rendered.missing_characters:
        problems = [*rendered.overflow]
        if rendered.missing_characters:
            shown = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_characters)
            problems.append(f"no bundled font draws {shown}; drawn as a replacement mark")
        exported = Exported(**{**exported.__dict__, "warnings": (*exported.warnings, *problems)})
    return exported


def with_dpv(options: Options, notice: PrivacyNotice) -> Options:
    """An editable SVG carries the notice's practices as DPV JSON-LD in its <metadata>, so what
    the picture shows is machine-readable too (GDPR Art. 12(7)); outlined SVGs stay lean."""
    if options.outlined or options.metadata is not None:
        return options
    from ..formats.dpv import svg_metadata  # the formats package is only needed here

    return replace(options, metadata=svg_metadata(notice))


def output_path(
    target: str | Path, notice: PrivacyNotice, layout: str, locale: str, format: str
) -> Path:
    """`target` itself when it names a file; inside a folder, `<notice>-<layout>-<locale>.<format>`."""
    target = Path(target)
    if target.suffix.lower().lstrip(".") in EXPORTERS:
        return target
    return target / f"{notice.id}-{layout}-{locale}.{format}"


def write_export(exported: Exported | bytes, path: Path) -> Path:
    """Write an export (or any exported bytes) atomically; a folder that is missing or not
    writable is a clear error, and a failed write leaves nothing behind."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist")
    try:
        write_atomic(path, exported if isinstance(exported, bytes) else exported.data)
    except PermissionError:
        raise ExportError(f"cannot write to {folder}: permission denied") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
