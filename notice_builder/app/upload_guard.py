"""A browser-side note for files over an upload's limit.

dcc.Upload drops a file over `max_size` without a word, so this script (run once per upload by a
clientside callback) says which file and which limit. The server checks the size again: this only
explains, it never lets anything through.
"""

from __future__ import annotations

from typing import Any

from dash import dcc

from .language import tr

# The sentence's template for the page's language, written into the page by `sentence_store`;
# the script fills in the file's name and size.
NAME, SIZE = "__NB_NAME__", "__NB_SIZE__"


def sentence(limit_text: str) -> str:
    """ "<name> is <size> MB; the limit is 5 MB. Nothing was imported." in the interface
    language, with NAME and SIZE left for the browser to fill in."""
    return tr("editor.upload.too_big_named", name=NAME, size=SIZE, limit=limit_text)


def sentence_store(store_id: Any, limit_text: str) -> Any:
    """The page's copy of the refusal sentence (in the page's language) for `upload_guard`."""
    return dcc.Store(id=store_id, data=sentence(limit_text))


def upload_guard(status_id: str, limit: int, limit_text: str) -> str:
    """The clientside function, taking the dcc.Upload's id and the sentence from
    `sentence_store`, for an upload whose refusals show in `status_id`.

    `limit_text` is only the fallback sentence's limit, for a page without the sentence."""
    return (
        """
function (uploadId, template) {
    window.__nbUploadSentences = window.__nbUploadSentences || {};
    if (typeof template === "string" && template) { window.__nbUploadSentences[uploadId] = template; }
    window.__nbUploadGuards = window.__nbUploadGuards || {};
    if (window.__nbUploadGuards[uploadId]) { return window.dash_clientside.no_update; }
    window.__nbUploadGuards[uploadId] = true;
    const check = function (files) {
        for (const file of Array.from(files || [])) {
            if (file.size > __LIMIT__) {
                const mb = (file.size / 1048576).toFixed(1);
                const said = (window.__nbUploadSentences || {})[uploadId] ||
                    "__NAME__ is __SIZE__ MB; the limit is __TEXT__. Nothing was imported.";
                window.dash_clientside.set_props("__STATUS__", {
                    children: said.split("__NAME__").join(file.name).split("__SIZE__").join(mb)
                });
            }
        }
    };
    const inside = function (el) { return el && el.closest && el.closest("#" + uploadId); };
    document.addEventListener("change", function (e) {
        if (inside(e.target) && e.target.files) { check(e.target.files); }
    }, true);
    document.addEventListener("drop", function (e) {
        if (inside(e.target) && e.dataTransfer) { check(e.dataTransfer.files); }
    }, true);
    return window.dash_clientside.no_update;
}
""".replace("__LIMIT__", str(limit))
        .replace("__STATUS__", status_id)
        .replace("__TEXT__", limit_text)
        .replace("__NAME__", NAME)
        .replace("__SIZE__", SIZE)
    )
