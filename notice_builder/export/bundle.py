"""A bundle: every chosen layout x locale x format of a notice in one ZIP, with a manifest.

For designers handing the pictures on: `<layout>/<notice>-<layout>-<locale>.<ext>` and a
`manifest.json` that lists each file's size in pixels, byte count, SHA-256 and alt text.

    bundle = make_bundle(notice, layouts=["at-a-glance"], formats=("svg", "png"))
    write_bundle(bundle, "out/brewline-bundle.zip")

The same inputs give a byte-identical ZIP: entries are sorted, dated 1980-01-01 and carry fixed
attributes; the manifest holds no clock. Each (layout, locale) is rendered once and all its formats
are exported from that one render. The rasterising is CPU-bound Python and cairo, so on a machine
with several cores the (layout, locale) pairs are shared out to forked worker processes; the
result does not depend on how many there were.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from .. import __version__
from ..i18n.messages import phrase
from ..layout import get_layout, layout_names, render
from ..model import PrivacyNotice
from ..render.logo import Logo
from ..render.theme import Theme, get_theme, theme_names
from .api import write_export
from .describe import alt_text
from .formats import Exported, ExportError, Options, export_rendered, format_names
from .presets import PT_PER_PX, Preset, get_preset, preset_names

DEFAULT_FORMATS = ("svg", "png", "pdf")
MANIFEST = "manifest.json"
# ZIP's earliest date: a fixed timestamp keeps the archive the same from run to run.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# PNG and PDF are compressed already; deflating them again costs time and saves nothing.
_STORED = {"png", "pdf"}


@dataclass(frozen=True)
class Bundle:
    """A finished bundle: the ZIP's bytes, its manifest (also inside the ZIP) and what went wrong
    on the way (overflowing blocks, characters no bundled font draws), each naming its file."""

    data: bytes
    manifest: dict
    files: int
    warnings: tuple[str, ...] = field(default=())

    @property
    def name(self) -> str:
        """A file name for the bundle: `<notice>-bundle.zip`."""
        return f"{self.manifest['notice']}-bundle.zip"


@dataclass(frozen=True)
class _Job:
    """What every (layout, locale) needs, the same for all of them."""

    notice: PrivacyNotice
    theme: Theme
    preset: Preset
    formats: tuple[str, ...]
    options: Options
    logo: Logo | None


@dataclass(frozen=True)
class _Piece:
    """One exported file and what the manifest says about it."""

    name: str
    layout: str
    locale: str
    exported: Exported
    alt: str
    warnings: tuple[str, ...]


def make_bundle(
    notice: PrivacyNotice,
    *,
    layouts: Sequence[str] | None = None,
    locales: Sequence[str] | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    theme: str | Theme = "light",
    preset: str = "original",
    logo: Logo | None = None,
    options: Options | None = None,
    workers: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Bundle:
    """Every chosen layout x locale x format of `notice` in one ZIP (default: every layout, every
    locale of the notice, SVG + PNG + PDF, at the `preset`'s size).

    Unknown names are refused before anything is drawn. `workers`: processes to share the work
    between (None: one per available core; 1: this process). Workers are forked, so only on
    Linux and only when no other thread is running; otherwise all the work is done here.
    `on_progress(done, total)` is called after each (layout, locale) is exported, in this
    process (for a progress bar).
    """
    layout_ids = _chosen("layout", layouts, layout_names())
    locale_ids = _chosen("locale", locales, notice.all_locales)
    format_ids = _chosen("format", formats, format_names())
    if isinstance(theme, str):
        _chosen("theme", [theme], theme_names())
        theme = get_theme(theme)
    _chosen("preset", [preset], preset_names())
    if workers is not None and workers < 1:
        raise ExportError(f"workers must be at least 1, not {workers}")
    job = _Job(notice, theme, get_preset(preset), format_ids, options or Options(), logo)
    pairs = [(layout, locale) for layout in layout_ids for locale in locale_ids]
    # Largest first, so no worker is left with a big picture at the end while the others idle.
    pairs.sort(key=lambda pair: -_weight(pair[0]))

    count = _worker_count(workers, len(pairs))
    if count == 1:
        results = []
        for layout, locale in pairs:
            results.append(_export_pair(job, layout, locale))
            if on_progress is not None:
                on_progress(len(results), len(pairs))
    else:
        results = _export_in_pool(job, pairs, count, on_progress)

    pieces = sorted((piece for pieces in results for piece in pieces), key=lambda p: p.name)
    manifest = {
        "notice": notice.id,
        "generator": f"notice-builder {__version__}",
        "theme": theme.id,
        "preset": job.preset.name,
        "files": [_entry(piece, theme.id) for piece in pieces],
    }
    contents = {piece.name: piece.exported.data for piece in pieces}
    contents[MANIFEST] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    warnings = tuple(f"{piece.name}: {w}" for piece in pieces for w in piece.warnings)
    return Bundle(_zip(contents), manifest, len(pieces), warnings)


def write_bundle(bundle: Bundle, path: str | Path) -> Path:
    """Write the ZIP atomically to `path` (a folder: `<notice>-bundle.zip` inside it). A missing
    or read-only folder is a clear error, and a failed write leaves nothing behind."""
    path = Path(path)
    if path.is_dir():
        path = path / bundle.name
    return write_export(bundle.data, path)


# --- choosing -------------------------------------------------------------------------------


def _chosen(kind: str, asked: Iterable[str] | None, known: Sequence[str]) -> tuple[str, ...]:
    """`asked` in order without repeats (None: all `known`); an unknown name lists the known."""
    if asked is None:
        return tuple(known)
    if isinstance(asked, str):
        asked = [asked]
    names = tuple(dict.fromkeys(asked))
    if not names:
        raise ExportError.said(
            "export.none_chosen", kind=phrase(f"export.kind.{kind}"), known=list(known)
        )
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ExportError.said(
            "export.unknown_names",
            count=len(unknown),
            kind=phrase(f"export.kind.{kind}" if len(unknown) == 1 else f"export.kinds.{kind}"),
            names=[f"'{name}'" for name in unknown],
            known=list(known),
        )
    return names


# --- exporting ------------------------------------------------------------------------------


def _export_pair(job: _Job, layout: str, locale: str) -> list[_Piece]:
    """Render one (layout, locale) once and export each format from that render."""
    rendered = render(job.notice, layout, job.theme, locale, logo=job.logo)
    problems = [*rendered.overflow]
    if rendered.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_characters)
        problems.append(f"no bundled font draws {shown}; drawn as a replacement mark")
    alt = alt_text(job.notice, rendered.layout, rendered.locale)
    pieces = []
    for format in job.formats:
        stem = f"{job.notice.id}-{rendered.layout}-{rendered.locale}"
        name = f"{rendered.layout}/{stem}.{format}"
        try:
            exported = export_rendered(rendered, job.preset, format, job.options)
        except ExportError as exc:
            raise ExportError.said("export.in_file", name=name, error=exc.phrase()) from None
        warnings = (*exported.warnings, *problems)
        pieces.append(_Piece(name, rendered.layout, rendered.locale, exported, alt, warnings))
    return pieces


# Set in each worker process before its first job (inherited through fork, not pickled).
_WORKER_JOB: _Job | None = None


def _start_worker(job: _Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _worker_pair(layout: str, locale: str) -> list[_Piece]:
    assert _WORKER_JOB is not None
    return _export_pair(_WORKER_JOB, layout, locale)


def _weight(layout: str) -> float:
    """A rough cost of drawing `layout`, to hand out the large ones first."""
    spec = get_layout(layout)
    return spec.page.width * len(spec.blocks)


def _worker_count(asked: int | None, jobs: int) -> int:
    """How many processes: `asked`, or one per core; 1 when forking is not safe here."""
    if jobs < 2 or asked == 1:
        return 1
    # Forked workers inherit the loaded fonts, caches and registries at no cost; fork is safe on
    # Linux only (macOS frameworks are not fork-safe), and only while this is the one thread: a
    # lock another thread holds (a threaded web server's) would stay locked in the child.
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    if asked is None:
        asked = len(os.sched_getaffinity(0))
    return max(1, min(asked, jobs))


def _export_in_pool(
    job: _Job,
    pairs: list[tuple[str, str]],
    count: int,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[list[_Piece]]:
    """Share the (layout, locale) pairs out to `count` forked processes; results in `pairs`
    order. The first failure stops the rest."""
    executor = ProcessPoolExecutor(
        max_workers=count,
        mp_context=get_context("fork"),
        initializer=_start_worker,
        initargs=(job,),
    )
    try:
        futures = [executor.submit(_worker_pair, layout, locale) for layout, locale in pairs]
        if on_progress is not None:
            for done, future in enumerate(as_completed(futures), 1):
                future.result()  # the first failure stops the rest
                on_progress(done, len(pairs))
        return [future.result() for future in futures]
    except BrokenProcessPool:
        raise ExportError.said("export.worker_stopped") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# --- writing --------------------------------------------------------------------------------


def _entry(piece: _Piece, theme: str) -> dict:
    """The manifest's line for one file. Sizes: PNG in pixels, SVG in CSS px; a PDF in CSS px
    too (to compare with the others) and in points, with its page count."""
    exported = piece.exported
    entry: dict = {
        "file": piece.name,
        "layout": piece.layout,
        "locale": piece.locale,
        "theme": theme,
        "format": exported.format,
        "width_px": exported.width,
        "height_px": exported.height,
        "display_width": exported.display_width,
    }
    if exported.format == "pdf":
        entry["width_px"] = round(exported.width / PT_PER_PX)
        entry["height_px"] = round(exported.height / PT_PER_PX)
        entry["width_pt"] = exported.width
        entry["height_pt"] = exported.height
        entry["pages"] = exported.pages
    entry["bytes"] = len(exported.data)
    entry["sha256"] = hashlib.sha256(exported.data).hexdigest()
    entry["alt"] = piece.alt
    entry["warnings"] = list(piece.warnings)
    return entry


def _zip(contents: dict[str, bytes]) -> bytes:
    """A ZIP of `contents`, the same bytes for the same contents: sorted names, fixed dates and
    attributes; PNG and PDF stored, the rest deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(contents):
            _check_name(name)
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 3  # Unix, whatever machine made it
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            stored = name.rsplit(".", 1)[-1] in _STORED
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, contents[name], compresslevel=None if stored else 6)
    return out.getvalue()


def _check_name(name: str) -> None:
    """Ids cannot hold '/' or start with '.', so this never fires; it guards the ZIP anyway."""
    parts = name.split("/")
    if name.startswith("/") or any(not part or part.startswith(".") for part in parts):
        raise ExportError(f"refusing the unsafe file name {name!r} in a bundle")


__all__ = ["DEFAULT_FORMATS", "Bundle", "make_bundle", "write_bundle"]
