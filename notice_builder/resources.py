"""Find the project's files (assets, layouts, examples, templates) in a checkout or a wheel.

In a checkout they sit at the top level beside the package; the wheel carries them inside the
package under `_bundled/` (see pyproject.toml). Everything looks them up here, so an installed
copy works outside the checkout.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_root(name: str) -> Path:
    """The folder `name` (assets, layouts, examples, themes or templates), bundled copy first."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the '{name}' folder is missing from this installation")


def resource_path(relative: str) -> Path:
    """Path of a file such as 'examples/coffee-shop.yaml'."""
    head, _, rest = relative.partition("/")
    return resource_root(head) / rest


SAMPLE_NAME = "coffee-shop"


def example_names() -> list[str]:
    return sorted(p.stem for p in resource_root("examples").glob("*.yaml"))


def example_path(name: str = SAMPLE_NAME) -> Path:
    """The example notice called `name`; an unknown name lists the known ones."""
    path = resource_root("examples") / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(f"unknown example '{name}' (known: {', '.join(example_names())})")
    return path


# Templates: starting points for a new notice. The files in templates/ (a legal team adds one by
# dropping in a YAML file), and the sample example, which doubles as a finished template.
BLANK_TEMPLATE = "blank"
_TEMPLATE_ORDER = (SAMPLE_NAME, "gdpr", "ccpa")  # then any others A-Z, and blank last


def template_names() -> list[str]:
    """Every template's name, in the order a menu shows them."""
    files = {p.stem for p in resource_root("templates").glob("*.yaml")}
    first = [name for name in _TEMPLATE_ORDER if name in files or name == SAMPLE_NAME]
    rest = sorted(files - set(first) - {BLANK_TEMPLATE})
    return first + rest + ([BLANK_TEMPLATE] if BLANK_TEMPLATE in files else [])


def template_path(name: str) -> Path:
    """The template called `name`; an unknown name lists the known ones."""
    known = template_names()
    if name not in known:
        raise KeyError(f"unknown template '{name}' (known: {', '.join(known)})")
    path = resource_root("templates") / f"{name}.yaml"
    return path if path.is_file() else example_path(name)


def template_text(name: str) -> str:
    """The YAML text a new notice made from template `name` starts with."""
    return template_path(name).read_text(encoding="utf-8")
