"""The form's components, drawn from the notice's data and the field specs.

One input per field, labelled and described in the interface's language (`words`); every
input's id carries the field's JSON pointer (and the locale, for a translation), so a change
goes straight to that place of the YAML. Problems the loader found are shown on the input they
name. Text from the notice is always a component's value or children, never HTML. In a
right-to-left interface, links, numbers, dates and ids stay left to right; free text takes the
direction of what is typed, and each translation the direction of its locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import dash_mantine_components as dmc
from dash import html

from ...i18n import is_rtl, language
from ...model import PrivacyNotice
from ...model.paths import pointer
from .. import ids
from ..language import current, tr
from .edit import FormState, Path, covering
from .spec import SECTION_FIELDS, SECTIONS, FieldSpec, field_of, fields_of
from .words import field_words, option_label, options, shown_value

# Text inputs send their value after this pause in typing (ms), like the YAML editor; an id is
# sent when the input loses focus, because a new id re-draws the form (references follow it).
DEBOUNCE = 200
REDRAWS = frozenset({"id", "default_locale", "locales"})
# The longest list drawn in full; beyond it the YAML tab is the place (and the page stays fast).
MAX_ITEMS = 200


def value_id(path: Path, locale: str = "") -> dict[str, str]:
    return {"type": ids.FORM_VALUE, "path": pointer(path), "locale": locale}


def check_id(path: Path) -> dict[str, str]:
    return {"type": ids.FORM_CHECK, "path": pointer(path), "locale": ""}


@dataclass
class Context:
    """What every field needs besides its own value."""

    locales: list[str]
    errors: dict[str, list[str]]
    refs: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    locale_names: Mapping[str, str] = field(default_factory=dict)
    read_only: bool = False
    lang: str = "en"  # the interface's language
    # The notice's locale its own words are shown in (item titles, the grid, picks): the
    # interface's language when the notice has it, else the notice's default.
    shown: str = "en"

    def words(self, spec: FieldSpec, path: Path) -> tuple[str, str]:
        """The label and help of the field at `path`, in the interface's language."""
        return field_words(spec, path, self.lang)

    def error(self, path: Path, *, below: bool = False) -> str | None:
        """The problems at `path` (and, with `below`, inside it) as one message."""
        key = pointer(path)
        found = list(self.errors.get(key, []))
        if below:
            prefix = key + "/"
            found += [m for k, ms in self.errors.items() if k.startswith(prefix) for m in ms]
        return self.joined(found)

    def joined(self, messages: list[str | None]) -> str | None:
        """Several messages as one (Arabic lists them with its own semicolon)."""
        return ("؛ " if is_rtl(self.lang) else "; ").join(m for m in messages if m) or None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _in_default(value: Any, default_locale: str) -> str:
    if isinstance(value, dict):
        text = value.get(default_locale) or next(iter(value.values()), "")
        return str(text)
    return _text(value)


def ref_options(data: Mapping[str, Any], default_locale: str) -> dict[str, list[dict[str, str]]]:
    """For each list of the notice that others refer to: its ids, labelled for people."""
    targets = ("data_categories", "sources", "purposes", "recipients", "retention")
    out: dict[str, list[dict[str, str]]] = {}
    for target in (*targets, "automated_decisions"):
        options = []
        for item in data.get(target) or []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            name = item.get("label") or item.get("name") or item.get("duration")
            shown = _in_default(name, default_locale) if name else ""
            label = f"{shown} ({item['id']})" if shown else item["id"]
            options.append({"value": item["id"], "label": label})
        out[target] = options
    return out


def _common(spec: FieldSpec, ctx: Context, path: Path, *, below: bool = False) -> dict[str, Any]:
    label, help = ctx.words(spec, path)
    return {
        "label": label,
        "description": help or None,
        "error": ctx.error(path, below=below),
        "required": spec.required,
        "readOnly": ctx.read_only,
        "size": "sm",
    }


def _direction(spec: FieldSpec) -> dict[str, str]:
    """Links, numbers, dates and ids read left to right in any interface; free text follows
    what is typed in it (an Arabic name in an English page, an English one in an Arabic page)."""
    return {"dir": "ltr" if spec.ltr else "auto"}


def _placeholder(spec: FieldSpec, ctx: Context) -> str | None:
    if spec.default is None:
        return None
    return tr("form.default", value=shown_value(spec, spec.default, ctx.lang))


def _field(spec: FieldSpec, path: Path, value: Any, ctx: Context) -> Any:
    kind = spec.kind
    if kind in ("translatable", "translatable_long"):
        body = _translations(spec, path, value, ctx)
    elif kind == "model":
        body = _group(spec, path, value, ctx)
    elif kind == "model_list":
        body = _model_list(spec, path, value, ctx)
    elif kind == "text_list":
        body = _text_list(spec, path, value, ctx)
    else:
        # A plain input is found by its own id; only groups carry a data-path to be found by.
        return _input(spec, path, value, ctx)
    return html.Div(body, className=f"form-field form-{kind}", **{"data-path": pointer(path)})


def _input(spec: FieldSpec, path: Path, value: Any, ctx: Context) -> Any:
    kind = spec.kind
    if kind == "switch":
        checked = bool(spec.default if value is None else value)
        label, help = ctx.words(spec, path)
        return dmc.Switch(
            id=check_id(path),
            label=label,
            description=help or None,
            checked=checked,
            error=ctx.error(path),
            disabled=ctx.read_only,
            size="sm",
        )
    common = _common(spec, ctx, path, below=kind in ("tags", "multiselect", "ref_list"))
    vid = value_id(path)
    if kind == "select" or kind == "ref":
        choices = (
            options(spec, ctx.lang) if kind == "select" else ctx.refs.get(spec.target or "", [])
        )
        return dmc.Select(
            id=vid,
            data=choices,
            value=None if value is None else str(value),
            placeholder=_placeholder(spec, ctx) or tr("form.no_value"),
            clearable=not spec.required,
            searchable=len(choices) > 8,
            allowDeselect=not spec.required,
            **common,
        )
    if kind in ("multiselect", "ref_list"):
        choices = (
            options(spec, ctx.lang)
            if kind == "multiselect"
            else ctx.refs.get(spec.target or "", [])
        )
        chosen = [str(v) for v in value] if isinstance(value, list) else []
        return dmc.MultiSelect(id=vid, data=choices, value=chosen, searchable=True, **common)
    if kind == "tags":
        chosen = [str(v) for v in value] if isinstance(value, list) else []
        return dmc.TagsInput(id=vid, value=chosen, splitChars=[",", " "], **common)
    if kind == "number":
        return dmc.NumberInput(
            id=vid,
            value=value if isinstance(value, int | float) and not isinstance(value, bool) else "",
            placeholder=_placeholder(spec, ctx),
            debounce=DEBOUNCE,
            inputProps=_direction(spec),
            **common,
        )
    if kind == "paragraph":
        return dmc.Textarea(
            id=vid,
            value=_text(value),
            autosize=True,
            minRows=2,
            maxRows=8,
            debounce=DEBOUNCE,
            inputProps=_direction(spec),
            **common,
        )
    return dmc.TextInput(
        id=vid,
        value=_text(value),
        placeholder=tr("form.date_placeholder") if kind == "date" else None,
        debounce=True if spec.name in REDRAWS else DEBOUNCE,
        inputProps=_direction(spec),
        **common,
    )


def _translations(
    spec: FieldSpec, path: Path, value: Any, ctx: Context, *, item: bool = False
) -> Any:
    """One input per locale of the notice, side by side; right-to-left ones read right-to-left.
    An `item` of a list of texts is labelled by `spec` itself (its number in the list)."""
    default = ctx.locales[0]
    long = spec.kind == "translatable_long"
    label, help = (spec.label, spec.help) if item else ctx.words(spec, path)
    inputs = []
    for index, locale in enumerate(ctx.locales):
        if isinstance(value, dict):
            text = _text(value.get(locale))
        else:
            text = _text(value) if locale == default else ""
        errors = [ctx.error((*path, locale))]
        if index == 0:
            errors.insert(0, ctx.error(path))
        rtl = is_rtl(locale)
        props = {
            "id": value_id(path, locale),
            "label": ctx.locale_names.get(locale, locale),
            "value": text,
            "error": ctx.joined(errors),
            "placeholder": None
            if locale == default
            else tr("form.untranslated", language=ctx.locale_names.get(default, default)),
            "readOnly": ctx.read_only,
            "required": spec.required and index == 0,
            "debounce": DEBOUNCE,
            "size": "sm",
            "inputProps": {"dir": "rtl" if rtl else "ltr", "lang": locale},
            "className": "form-translation",
            "aria-label": tr("form.in_locale", label=label, code=locale),
        }
        if long:
            # Fixed rows: autosize measures right-to-left text one line short and scrolls.
            props["inputProps"] = {**props["inputProps"], "rows": 4}
            inputs.append(dmc.Textarea(resize="vertical", **props))
        else:
            inputs.append(dmc.TextInput(**props))
    return html.Fieldset(
        [
            html.Legend(label + (" *" if spec.required else ""), className="form-legend"),
            dmc.Text(help, size="xs", c="dimmed") if help else None,
            html.Div(
                inputs,
                className="form-locales",
                style={"gridTemplateColumns": f"repeat({len(inputs)}, minmax(0, 1fr))"},
            ),
        ],
        className="form-text-group",
    )


def _notes(ctx: Context, path: Path) -> Any:
    """Problems about a whole group ("give at least one way to reach this contact")."""
    message = ctx.error(path)
    return dmc.Text(message, c="red", size="sm", className="form-group-error") if message else None


def _fields(model: type, path: Path, value: Any, ctx: Context) -> list[Any]:
    data = value if isinstance(value, dict) else {}
    return [_field(s, (*path, s.name), data.get(s.name), ctx) for s in fields_of(model)]


def _group(spec: FieldSpec, path: Path, value: Any, ctx: Context) -> Any:
    assert spec.model is not None
    label, help = ctx.words(spec, path)
    return html.Fieldset(
        [
            html.Legend(label, className="form-legend"),
            dmc.Text(help, size="xs", c="dimmed") if help else None,
            _notes(ctx, path),
            *_fields(spec.model, path, value, ctx),
        ],
        className="form-group",
    )


def item_title(
    item: Any, index: int, default_locale: str, kinds: FieldSpec | None = None, lang: str = "en"
) -> str:
    """What a card of a list is called: its id or name, else its kind (named by `kinds` in the
    interface's language: a right is "See your data", not "access"), else its number."""
    if isinstance(item, dict):
        for key in ("id", "name", "period", "kind", "destination"):
            if isinstance(item.get(key), str):
                if key == "kind" and kinds is not None:
                    return option_label(kinds.vocabulary or "", item[key], lang)
                return item[key]
        if item.get("label"):
            return _in_default(item["label"], default_locale)
    return f"{index + 1}"


def _list_header(spec: FieldSpec, path: Path, ctx: Context) -> list[Any]:
    label, help = ctx.words(spec, path)
    return [
        dmc.Title(label + (" *" if spec.required else ""), order=4, size="h6"),
        dmc.Text(help, size="xs", c="dimmed") if help else None,
        _notes(ctx, path),
    ]


def _remove(path: Path, what: str, ctx: Context) -> Any:
    return dmc.Button(
        tr("form.remove"),
        id={"type": ids.FORM_REMOVE, "path": pointer(path)},
        variant="subtle",
        color="red",
        size="compact-xs",
        disabled=ctx.read_only,
        className="form-remove",
        **{"aria-label": tr("form.remove_label", what=what)},
    )


def _add(path: Path, spec: FieldSpec, ctx: Context) -> Any:
    label, _ = ctx.words(spec, path)
    return dmc.Button(
        tr("form.add", what=label.lower()),
        id={"type": ids.FORM_ADD, "path": pointer(path)},
        variant="light",
        size="compact-sm",
        disabled=ctx.read_only,
        className="form-add",
    )


def _model_list(spec: FieldSpec, path: Path, value: Any, ctx: Context) -> Any:
    assert spec.model is not None
    items = value if isinstance(value, list) else []
    kinds = next((s for s in fields_of(spec.model) if s.name == "kind" and s.vocabulary), None)
    cards = []
    for index, item in enumerate(items[:MAX_ITEMS]):
        where = (*path, index)
        title = item_title(item, index, ctx.shown, kinds, ctx.lang)
        cards.append(
            html.Fieldset(
                [
                    html.Legend(
                        [html.Span(title, className="form-item-title"), _remove(where, title, ctx)],
                        className="form-legend",
                    ),
                    _notes(ctx, where),
                    *_fields(spec.model, where, item, ctx),
                ],
                className="form-item",
                **{"data-path": pointer(where)},
            )
        )
    if len(items) > MAX_ITEMS:
        cards.append(dmc.Text(tr("form.more_items", count=len(items) - MAX_ITEMS)))
    return html.Div([*_list_header(spec, path, ctx), *cards, _add(path, spec, ctx)])


def _text_list(spec: FieldSpec, path: Path, value: Any, ctx: Context) -> Any:
    items = value if isinstance(value, list) else []
    label, _ = ctx.words(spec, path)
    rows = []
    for index, item in enumerate(items[:MAX_ITEMS]):
        where = (*path, index)
        one = FieldSpec(
            name=spec.name,
            label=tr("form.item_number", label=label, number=index + 1),
            help="",
            kind="translatable",
            required=True,
        )
        rows.append(
            html.Div(
                [
                    _translations(one, where, item, ctx, item=True),
                    _remove(where, one.label, ctx),
                ],
                className="form-text-item",
                **{"data-path": pointer(where)},
            )
        )
    return html.Div([*_list_header(spec, path, ctx), *rows, _add(path, spec, ctx)])


# --- the practices grid -----------------------------------------------------------------------


def mark_words() -> dict[str, str]:
    """The grid's marks in the interface's language (the class names stay these keys)."""
    return {
        "shared": tr("form.mark.shared"),
        "ads": tr("form.mark.ads"),
        "sold": tr("form.mark.sold"),
        "optional": tr("form.mark.optional"),
    }


def _marks(practices: list[Any], found: list[int]) -> list[str]:
    marks = []
    chosen = [practices[i] for i in found]
    if any(p.get("recipients") for p in chosen):
        marks.append("shared")
    if any(p.get("shared_for_ads") for p in chosen):
        marks.append("ads")
    if any(p.get("sold") for p in chosen):
        marks.append("sold")
    if any(p.get("necessity") == "optional" for p in chosen):
        marks.append("optional")
    return marks


def practices_grid(data: Mapping[str, Any], ctx: Context) -> Any:
    """Data categories down, purposes across; a tick says the data is used for that purpose,
    and the marks under it say how (shared, shared for ads, sold, optional)."""
    default = ctx.shown
    said = mark_words()
    categories = [c for c in data.get("data_categories") or [] if isinstance(c, dict)]
    purposes = [p for p in data.get("purposes") or [] if isinstance(p, dict)]
    practices = [p for p in data.get("practices") or [] if isinstance(p, dict)]
    head = html.Tr(
        [
            html.Th(tr("form.grid_corner"), scope="col"),
            *(
                html.Th(_in_default(p.get("label"), default) or p.get("id"), scope="col")
                for p in purposes
            ),
        ]
    )
    rows = []
    for c in categories:
        cat_label = _in_default(c.get("label"), default) or str(c.get("id"))
        cells = [html.Th(cat_label, scope="row")]
        for p in purposes:
            found = covering(practices, str(c.get("id")), str(p.get("id")))
            purpose_label = _in_default(p.get("label"), default) or str(p.get("id"))
            marks = _marks(practices, found)
            cells.append(
                html.Td(
                    [
                        dmc.Checkbox(
                            id={
                                "type": ids.FORM_CELL,
                                "category": str(c.get("id")),
                                "purpose": str(p.get("id")),
                            },
                            checked=bool(found),
                            disabled=ctx.read_only,
                            size="xs",
                            **{
                                "aria-label": tr(
                                    "form.grid_cell", category=cat_label, purpose=purpose_label
                                )
                            },
                        ),
                        html.Div(
                            [html.Span(said[m], className=f"grid-mark mark-{m}") for m in marks],
                            className="grid-marks",
                        )
                        if marks
                        else None,
                    ],
                    className="grid-cell",
                )
            )
        rows.append(html.Tr(cells))
    return html.Div(
        [
            dmc.Title(tr("form.grid"), order=4, size="h6"),
            dmc.Text(tr("form.grid_help"), size="xs", c="dimmed"),
            html.Div(
                html.Table([html.Thead(head), html.Tbody(rows)], className="practices-grid"),
                className="grid-scroll",
            ),
        ],
        className="form-grid",
        **{"data-path": "/practices"},
    )


# --- the whole form ---------------------------------------------------------------------------


def locale_names_shown(given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Names of the notice's locales over their inputs, in the interface's language where it
    has them ("الإنجليزية" in Arabic), else as given, else the code."""
    return {
        **(given or {}),
        "en": tr("form.locale.en"),
        "ar": tr("form.locale.ar"),
    }


def _context(state: FormState, locale_names: Mapping[str, str] | None) -> Context:
    data = state.data or {}
    lang = current()
    shown = next((x for x in state.locales if language(x) == language(lang)), state.locales[0])
    return Context(
        locales=state.locales,
        errors=state.errors(lang),
        refs=ref_options(data, shown),
        locale_names=locale_names_shown(locale_names),
        read_only=not state.valid,
        lang=lang,
        shown=shown,
    )


def section_body(key: str, state: FormState, locale_names: Mapping[str, str] | None = None) -> Any:
    """The fields of one section of the form."""
    if state.data is None:
        return None
    names = SECTION_FIELDS[key]
    ctx = _context(state, locale_names)
    body = [_field(field_of(PrivacyNotice, n), (n,), state.data.get(n), ctx) for n in names]
    if key == "practices":
        body.insert(0, practices_grid(state.data, ctx))
    return body


def panel_id(key: str) -> dict[str, str]:
    return {"type": ids.FORM_PANEL, "section": key}


SHOWN_CLASS = "form-panel shown"  # a panel whose fields are drawn
EMPTY_CLASS = "form-panel"


def build_form(
    state: FormState,
    open_sections: list[str] | None = None,
    locale_names: Mapping[str, str] | None = None,
) -> Any:
    """The form for the notice in `state`: one accordion section per part of the model.

    Only the open sections are drawn (the others when they are opened): the page stays light
    however long the notice. A text that is not valid still shows its values, each problem on
    its field, read-only: the YAML tab is where it gets fixed (an edit needs a valid notice to
    write back)."""
    if state.data is None:
        return dmc.Text(tr("form.unreadable"), c="dimmed")
    opened = list(open_sections) if open_sections is not None else [SECTIONS[0][0]]
    errors = state.errors()
    items = []
    for key, _title, names in SECTIONS:
        flagged = any(k == f"/{n}" or k.startswith(f"/{n}/") for k in errors for n in names)
        shown = key in opened
        items.append(
            dmc.AccordionItem(
                [
                    dmc.AccordionControl(
                        [
                            tr(f"form.section.{key}"),
                            dmc.Badge(tr("form.problems"), color="red", size="xs", ms=8)
                            if flagged
                            else None,
                        ]
                    ),
                    dmc.AccordionPanel(
                        html.Div(
                            section_body(key, state, locale_names) if shown else None,
                            id=panel_id(key),
                            className=SHOWN_CLASS if shown else EMPTY_CLASS,
                        )
                    ),
                ],
                value=key,
            )
        )
    return dmc.Accordion(
        items,
        id=ids.FORM_SECTIONS,
        multiple=True,
        value=opened,
        chevronPosition="left",
        variant="separated",
        className="form-sections",
    )
