"""How a place in a notice is written: `practices[2].purposes[0]` for people, a JSON pointer
(`/practices/2/purposes/0`) for tools."""

from __future__ import annotations

Loc = tuple[str | int, ...]


def dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def pointer(loc: Loc) -> str:
    """RFC 6901: '~' and '/' inside a key are escaped."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in loc)
