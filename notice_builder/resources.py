"""Find the project's files (assets, layouts, examples) in a checkout or an installed wheel.

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
    """The folder `name` (assets, layouts or examples), bundled copy first."""
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
