"""Page pieces of the preview column: the layout gallery, the download row (format, size
preset, Download) the picture and the chart share, the email kit and the bundle.

Every string from a notice (the HTML snippet, alt text, long description) goes into a component
as text (children), which React escapes: the snippet is shown as code, never rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from ..export import format_names
from ..layout import layout_names
from . import ids
from .gallery import THUMB_WIDTH, Thumb
from .language import tr
from .names import format_options, layout_options, preset_options

HIDDEN = {"display": "none"}


def download_row(
    format_id: str,
    preset_id: str,
    button_id: str,
    label: str,
    status_id: str,
    download_id: str,
    lead: Sequence[Any] = (),
    **group: Any,
) -> list[Any]:
    """Format, size preset and a Download button in a row (after `lead`, e.g. what to export),
    then the line that says how the download went and the download itself: one piece for the
    picture, the chart and the Report page."""
    pickers = {"allowDeselect": False, "checkIconPosition": "right"}
    return [
        dmc.Group(
            [
                *lead,
                dmc.Select(
                    id=format_id,
                    label=tr("export.format"),
                    data=format_options(),
                    value="png",
                    w=120,
                    **pickers,
                ),
                dmc.Select(
                    id=preset_id,
                    label=tr("export.preset"),
                    data=preset_options(),
                    value="original",
                    w=240,
                    **pickers,
                ),
                dmc.Button(label, id=button_id),
            ],
            align="flex-end",
            gap="sm",
            **group,
        ),
        html.Div(id=status_id, **{"aria-live": "polite"}),
        dcc.Download(id=download_id),
    ]


def gallery_section() -> Any:
    """An accordion item holding every layout's thumbnail; drawn only while it is open."""
    return dmc.Accordion(
        dmc.AccordionItem(
            [
                dmc.AccordionControl(tr("gallery.heading")),
                dmc.AccordionPanel(
                    html.Div(
                        dmc.Text(tr("gallery.closed"), size="sm", c="dimmed"),
                        id=ids.GALLERY_GRID,
                        className="gallery-grid",
                        role="group",
                        **{"aria-label": tr("gallery.label")},
                    )
                ),
            ],
            value="gallery",
        ),
        id=ids.GALLERY,
        value=None,
        variant="contained",
        mt="sm",
        className="gallery",
    )


def gallery_grid(thumbs: list[Thumb], selected: str | None) -> Any:
    """One button per layout: its picture (alt text naming the layout) and its name; the chosen
    one is pressed. Buttons: reachable with Tab, chosen with Enter or Space."""
    buttons = []
    for thumb in thumbs:
        chosen = thumb.layout == selected
        picture = (
            html.Img(
                src=thumb.src,
                alt=tr("gallery.alt", layout=thumb.label),
                width=THUMB_WIDTH,
                className="gallery-image",
            )
            if thumb.src
            else html.Span(thumb.message, className="gallery-missing")
        )
        buttons.append(
            html.Button(
                [picture, html.Span(thumb.label, className="gallery-label")],
                id={"type": ids.GALLERY_ITEM, "layout": thumb.layout},
                type="button",
                title=thumb.description,
                className="gallery-item" + (" gallery-chosen" if chosen else ""),
                **{"aria-pressed": "true" if chosen else "false", "data-layout": thumb.layout},
            )
        )
    return buttons


def email_panel() -> Any:
    """The email kit: choose the picture, make it, see the snippet (with a copy button), the alt
    text and the long description, and download the whole kit."""
    return html.Div(
        [
            dmc.Title(tr("email.heading"), order=4, size="h6", mt="md"),
            dmc.Text(
                tr("email.caption"),
                size="xs",
                c="dimmed",
            ),
            dmc.Group(
                [
                    dmc.Select(
                        id=ids.EMAIL_LAYOUT,
                        label=tr("email.picture"),
                        data=layout_options(),
                        value="email-banner",
                        allowDeselect=False,
                        w=200,
                    ),
                    dmc.TextInput(
                        id=ids.EMAIL_IMAGE_URL,
                        label=tr("email.image_url"),
                        description=tr("email.image_url_description"),
                        placeholder="https://example.com/notice-email.png",
                        inputProps={"dir": "ltr"},
                        w=280,
                    ),
                ],
                align="flex-end",
                gap="sm",
            ),
            dmc.Group(
                [
                    dmc.Button(tr("email.show"), id=ids.EMAIL_MAKE, variant="light"),
                    dmc.Button(tr("email.download"), id=ids.EMAIL_DOWNLOAD_BUTTON),
                ],
                gap="sm",
                my="xs",
            ),
            html.Div(id=ids.EMAIL_STATUS, **{"aria-live": "polite"}),
            email_result(),
            dcc.Download(id=ids.EMAIL_DOWNLOAD),
        ],
        className="email-kit",
        **{"aria-label": tr("email.heading")},
    )


def email_result() -> Any:
    """Where the made kit is shown (hidden until then): the snippet as read-only code with a
    copy button, the alt text and the long description."""
    return html.Div(
        [
            dmc.Group(
                [
                    dmc.Text(tr("email.snippet"), fw=600, size="sm"),
                    dcc.Clipboard(
                        id=ids.EMAIL_COPY,
                        target_id=ids.EMAIL_HTML,
                        title=tr("email.copy"),
                        className="email-copy",
                    ),
                ],
                gap="xs",
            ),
            html.Pre(
                id=ids.EMAIL_HTML,
                className="email-html",
                tabIndex="0",
                dir="ltr",
                **{"aria-label": tr("email.snippet_label")},
            ),
            dpv_offer(),
            dmc.Text(tr("email.alt"), fw=600, size="sm", mt="xs"),
            html.P(id=ids.EMAIL_ALT, className="email-alt", dir="auto"),
            dmc.Text(tr("email.description"), fw=600, size="sm", mt="xs"),
            html.Div(id=ids.EMAIL_DESCRIPTION, className="email-description", dir="auto"),
        ],
        id=ids.EMAIL_RESULT,
        className="email-result",
        style=HIDDEN,
    )


def dpv_offer() -> Any:
    """Beside the snippet: the notice as DPV JSON-LD, and in one line why to publish it."""
    return html.Div(
        [
            dmc.Button(
                tr("email.dpv"),
                id=ids.DPV_DOWNLOAD_BUTTON,
                variant="light",
                size="xs",
            ),
            dmc.Text(
                tr("email.dpv_caption"),
                size="xs",
                c="dimmed",
            ),
            html.Div(id=ids.DPV_STATUS, **{"aria-live": "polite"}),
            dcc.Download(id=ids.DPV_DOWNLOAD),
        ],
        className="dpv-offer",
    )


def bundle_panel(locales: list[dict[str, str]], chosen: list[str]) -> Any:
    """The bundle: layouts x languages x formats in one ZIP with a manifest, with a progress bar
    and a cancel button while it is being made."""
    return html.Div(
        [
            dmc.Title(tr("bundle.heading"), order=4, size="h6", mt="md"),
            dmc.Text(
                tr("bundle.caption"),
                size="xs",
                c="dimmed",
            ),
            dmc.MultiSelect(
                id=ids.BUNDLE_LAYOUTS,
                label=tr("bundle.layouts"),
                data=layout_options(),
                value=layout_names(),
                clearable=True,
            ),
            dmc.Group(
                [
                    dmc.MultiSelect(
                        id=ids.BUNDLE_LOCALES,
                        label=tr("bundle.languages"),
                        data=locales,
                        value=chosen,
                        w=300,
                    ),
                    dmc.CheckboxGroup(
                        dmc.Group(
                            [
                                dmc.Checkbox(label=o["label"], value=o["value"])
                                for o in format_options()
                            ],
                            gap="sm",
                            mt=6,
                        ),
                        id=ids.BUNDLE_FORMATS,
                        label=tr("bundle.formats"),
                        value=list(format_names()),
                    ),
                ],
                align="flex-start",
                gap="lg",
                mt="xs",
            ),
            dmc.Group(
                [
                    dmc.Button(tr("bundle.download"), id=ids.BUNDLE_BUTTON),
                    dmc.Button(
                        tr("bundle.cancel"),
                        id=ids.BUNDLE_CANCEL,
                        variant="outline",
                        color="gray",
                        style=HIDDEN,
                    ),
                ],
                gap="sm",
                my="xs",
            ),
            html.Div(
                [
                    dmc.Progress(id=ids.BUNDLE_PROGRESS, value=0, size="lg", animated=True),
                    dmc.Text(id=ids.BUNDLE_PROGRESS_TEXT, size="xs", c="dimmed"),
                ],
                id=ids.BUNDLE_PROGRESS_BOX,
                style=HIDDEN,
            ),
            html.Div(id=ids.BUNDLE_STATUS, **{"aria-live": "polite"}),
            dcc.Download(id=ids.BUNDLE_DOWNLOAD),
        ],
        className="bundle",
        **{"aria-label": tr("bundle.heading")},
    )


__all__ = [
    "bundle_panel",
    "download_row",
    "dpv_offer",
    "email_panel",
    "email_result",
    "gallery_grid",
    "gallery_section",
]
