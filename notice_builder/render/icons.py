"""The bundled icon set (a selection of Lucide, ISC licence) and which icon stands for what.

Icons are 24 x 24 stroke drawings kept in ``assets/icons/`` exactly as published. They are
parsed once with an allow-list: only plain geometry elements with geometry attributes, so a
bad file can never bring markup (scripts, links, styles, foreign content) into an SVG we
write. Colour, stroke width and caps are set by the writer (``svg.py``), never by the file.

The mappings below give every canonical data category, purpose, right, security measure and
data source an icon. The same idea always gets the same picture (erasure and "CCPA delete"
are both a bin), so a reader learns each metaphor once.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import resource_root

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_ELEMENTS",
    "CATEGORY_ICONS",
    "ICON_FOR",
    "PURPOSE_ICONS",
    "RIGHT_ICONS",
    "SECURITY_ICONS",
    "SOURCE_ICONS",
    "IconDef",
    "IconError",
    "category_icon",
    "get_icon",
    "icon_dir",
    "icon_names",
    "parse_icon",
    "purpose_icon",
    "right_icon",
    "security_icon",
    "source_icon",
]

SVG_NS = "http://www.w3.org/2000/svg"
ALLOWED_ELEMENTS = frozenset({"path", "circle", "rect", "line", "polyline", "polygon", "ellipse"})
ALLOWED_ATTRIBUTES = frozenset(
    {
        "d",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "x",
        "y",
        "width",
        "height",
        "x1",
        "y1",
        "x2",
        "y2",
        "points",
    }
)
# Presentation attributes the root may carry; they are dropped (the writer sets its own).
_ROOT_ATTRIBUTES = frozenset(
    {
        "class",
        "width",
        "height",
        "viewBox",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
    }
)
# Lucide fills its tiny dots (r=0.5) with the stroke colour; the writer's round stroke already
# draws them as dots, so this one paint attribute is dropped rather than refused.
_DROPPED = frozenset({("fill", "currentColor")})
# Geometry values: numbers, path commands, separators. Nothing that could be a URL or markup.
_SAFE_VALUE = re.compile(r"^[0-9eE.,+\- \tMmLlHhVvCcSsQqTtAaZz]*$")
_VIEWBOX = re.compile(r"^\s*0[\s,]+0[\s,]+(\d+)[\s,]+(\d+)\s*$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_BYTES = 20_000


class IconError(ValueError):
    """An icon file that is not plain stroke geometry."""


@dataclass(frozen=True)
class IconDef:
    """One parsed icon: its square size (user units) and its shapes in file order."""

    name: str
    size: int
    elements: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def icon_dir() -> Path:
    return resource_root("assets") / "icons"


def _local(tag: str) -> str:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        if namespace != SVG_NS:
            raise IconError(f"element from namespace {namespace!r} is not allowed")
        return local
    return tag


def parse_icon(name: str, content: bytes | str) -> IconDef:
    """Parse trusted, bundled icon SVG text, refusing anything but allowed geometry."""
    raw = content.encode() if isinstance(content, str) else content
    if len(raw) > _MAX_BYTES:
        raise IconError(f"icon '{name}' is larger than {_MAX_BYTES} bytes")
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise IconError(f"icon '{name}' declares a DTD or entities")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise IconError(f"icon '{name}' is not well-formed XML: {exc}") from None
    if _local(root.tag) != "svg":
        raise IconError(f"icon '{name}' does not start with <svg>")
    for attr in root.attrib:
        if attr not in _ROOT_ATTRIBUTES and attr != "xmlns":
            raise IconError(f"icon '{name}': attribute {attr!r} is not allowed on <svg>")
    match = _VIEWBOX.match(root.get("viewBox", ""))
    if not match or match.group(1) != match.group(2):
        raise IconError(f"icon '{name}' needs a square viewBox starting at 0 0")
    if (root.text or "").strip():
        raise IconError(f"icon '{name}' has text content")
    elements = []
    for child in root:
        tag = _local(child.tag)
        if tag not in ALLOWED_ELEMENTS:
            raise IconError(f"icon '{name}': element <{tag}> is not allowed")
        if len(child) or (child.text or "").strip() or (child.tail or "").strip():
            raise IconError(f"icon '{name}': <{tag}> must be empty")
        pairs = []
        for attr, value in child.attrib.items():
            if (attr, value) in _DROPPED:
                continue
            if attr not in ALLOWED_ATTRIBUTES:
                raise IconError(f"icon '{name}': attribute {attr!r} on <{tag}> is not allowed")
            if not _SAFE_VALUE.match(value):
                raise IconError(f"icon '{name}': {attr}={value!r} is not plain geometry")
            pairs.append((attr, value))
        elements.append((tag, tuple(pairs)))
    if not elements:
        raise IconError(f"icon '{name}' draws nothing")
    return IconDef(name=name, size=int(match.group(1)), elements=tuple(elements))


@cache
def _files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(icon_dir().glob("*.svg")) if _NAME.match(p.stem)}


def icon_names() -> list[str]:
    """Names of every bundled icon, sorted."""
    return sorted(_files())


@cache
def get_icon(name: str) -> IconDef:
    """The bundled icon called `name`; an unknown name lists the known ones."""
    path = _files().get(name)
    if path is None:
        raise KeyError(f"unknown icon '{name}' (known: {', '.join(icon_names())})")
    return parse_icon(name, path.read_bytes())


# --- what each icon stands for ---------------------------------------------------------------

# Generic ideas layouts draw, by meaning; the value is the icon file name.
ICON_FOR: dict[str, str] = {
    "never_sold": "tag-x",
    "sold": "tag",
    "share": "share-2",
    "transfer": "arrow-right-left",
    "clock": "clock",
    "retention": "hourglass",
    "calendar": "calendar",
    "shield": "shield",
    "security": "shield-check",
    "lock": "lock",
    "mail": "mail",
    "phone": "phone",
    "globe": "globe",
    "link": "link",
    "external_link": "external-link",
    "qr": "qr-code",
    "check": "check",
    "x": "x",
    "toggle": "toggle-right",
    "toggle_off": "toggle-left",
    "eye": "eye",
    "download": "download",
    "trash": "trash",
    "pencil": "pencil",
    "hand": "hand",
    "scale": "scale",
    "user": "user",
    "users": "users",
    "building": "building",
    "database": "database",
    "cookie": "cookie",
    "child": "baby",
    "location": "map-pin",
    "alert": "triangle-alert",
    "info": "info",
    "settings": "settings",
    "document": "file-text",
    "arrow_right": "arrow-right",
    "arrow_left": "arrow-left",
    # Channels to exercise a right (rights.Channel.kind).
    "web": "globe",
    "email": "mail",
    "in_app": "smartphone",
    "postal": "house",
    "form": "square-pen",
}

CATEGORY_ICONS: dict[str, str] = {
    "contact.name": "contact",
    "contact.email": "mail",
    "contact.phone": "phone",
    "contact.postal_address": "house",
    "contact.other": "at-sign",
    "id.account": "circle-user-round",
    "id.device": "smartphone",
    "id.online": "cookie",
    "id.government": "id-card",
    "credentials": "key-round",
    "financial.payment": "credit-card",
    "financial.credit": "gauge",
    "financial.other": "wallet",
    "commercial.purchases": "shopping-bag",
    "location.precise": "map-pin",
    "location.approximate": "map",
    "health.medical": "stethoscope",
    "health.fitness": "footprints",
    "sensitive.race_ethnicity": "earth",
    "sensitive.beliefs": "vote",
    "sensitive.sexual": "heart",
    "sensitive.trade_union": "handshake",
    "sensitive.genetic": "dna",
    "sensitive.biometric": "fingerprint-pattern",
    "sensitive.citizenship": "flag",
    "sensitive.neural": "brain",
    "sensitive.criminal": "gavel",
    "demographic.basic": "cake",
    "content.messages": "message-square-text",
    "content.photos_videos": "image",
    "content.audio": "mic",
    "content.files": "file-text",
    "content.calendar": "calendar",
    "content.contacts": "book-user",
    "content.gameplay": "gamepad-2",
    "content.support": "headset",
    "content.other_ugc": "square-pen",
    "activity.browsing": "app-window",
    "activity.search": "search",
    "activity.interactions": "mouse-pointer-click",
    "activity.installed_apps": "layout-grid",
    "activity.advertising": "megaphone",
    "activity.other": "activity",
    "diagnostics.crash": "bug",
    "diagnostics.performance": "zap",
    "diagnostics.other": "wrench",
    "sensor.environment": "radar",
    "sensor.body": "person-standing",
    "professional": "briefcase",
    "education": "graduation-cap",
    "inferences": "lightbulb",
    "preferences": "sliders-horizontal",
    "other": "database",
}
# For ids a future crosswalk may add: the family (the part before the dot) decides.
_CATEGORY_FAMILIES: dict[str, str] = {
    "contact": "contact",
    "id": "id-card",
    "financial": "wallet",
    "commercial": "shopping-bag",
    "location": "map-pin",
    "health": "stethoscope",
    "sensitive": "shield",
    "demographic": "cake",
    "content": "file-text",
    "activity": "activity",
    "diagnostics": "wrench",
    "sensor": "radar",
}

PURPOSE_ICONS: dict[str, str] = {
    "service.provide": "settings",
    "service.account": "circle-user-round",
    "service.payment": "credit-card",
    "service.delivery": "truck",
    "service.support": "headset",
    "security": "shield-check",
    "legal": "landmark",
    "vital": "heart-pulse",
    "analytics": "chart-column",
    "debugging": "bug",
    "improve": "flask-conical",
    "personalize.content": "sparkles",
    "marketing.direct": "send",
    "ads.contextual": "newspaper",
    "ads.targeted": "target",
    "sale": "tag",
    "research": "microscope",
    "hr": "briefcase",
    "ai_training": "brain-circuit",
    "merger": "merge",
    "other": "circle-ellipsis",
}
_PURPOSE_FAMILIES: dict[str, str] = {
    "service": "settings",
    "personalize": "sparkles",
    "marketing": "send",
    "ads": "megaphone",
}

RIGHT_ICONS: dict[str, str] = {
    "access": "eye",
    "rectification": "pencil",
    "erasure": "trash",
    "restriction": "circle-pause",
    "portability": "download",
    "object": "hand",
    "object_direct_marketing": "mail-x",
    "object_profiling": "user-round-x",
    "not_subject_to_adm": "user-round-check",
    "withdraw_consent": "toggle-left",
    "complain_authority": "scale",
    "ccpa_know": "eye",
    "ccpa_delete": "trash",
    "ccpa_correct": "pencil",
    "ccpa_opt_out_sale_share": "tag-x",
    "ccpa_limit_spi": "shield-minus",
    "ccpa_non_discrimination": "heart-handshake",
    "other": "info",
}

SECURITY_ICONS: dict[str, str] = {
    "encryption_in_transit": "globe-lock",
    "encryption_at_rest": "lock",
    "access_control": "user-lock",
    "multi_factor_auth": "smartphone-nfc",
    "pseudonymisation": "venetian-mask",
    "data_minimisation": "funnel",
    "audits": "clipboard-check",
    "penetration_testing": "scan-search",
    "staff_training": "presentation",
    "incident_response": "siren",
    "backups": "database-backup",
    "other": "shield",
}

SOURCE_ICONS: dict[str, str] = {
    "provided": "user-round-pen",
    "observed": "scan-eye",
    "inferred": "lightbulb",
    "third_party": "building",
    "public": "globe",
}


def category_icon(kind: str) -> str:
    """Icon for a canonical data category; unknown ids fall back by family, then 'database'."""
    return CATEGORY_ICONS.get(kind) or _CATEGORY_FAMILIES.get(kind.partition(".")[0], "database")


def purpose_icon(kind: str) -> str:
    """Icon for a canonical purpose; unknown ids fall back by family, then 'circle-ellipsis'."""
    return PURPOSE_ICONS.get(kind) or _PURPOSE_FAMILIES.get(
        kind.partition(".")[0], PURPOSE_ICONS["other"]
    )


def _lookup(table: dict[str, str], kind: str, what: str) -> str:
    try:
        return table[kind]
    except KeyError:
        raise KeyError(f"no icon for {what} '{kind}' (known: {', '.join(sorted(table))})") from None


def right_icon(kind: str) -> str:
    """Icon for a right (model.rights.RightKind)."""
    return _lookup(RIGHT_ICONS, kind, "right")


def security_icon(kind: str) -> str:
    """Icon for a security measure (model.rights.SecurityKind)."""
    return _lookup(SECURITY_ICONS, kind, "security measure")


def source_icon(kind: str) -> str:
    """Icon for where data comes from (model.practices.SourceKind)."""
    return _lookup(SOURCE_ICONS, kind, "data source")
