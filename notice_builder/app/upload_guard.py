"""A browser-side note for files over an upload's limit.

dcc.Upload drops a file over `max_size` without a word, so this script (run once per upload by a
clientside callback) says which file and which limit. The server checks the size again: this only
explains, it never lets anything through.
"""

from __future__ import annotations


def upload_guard(status_id: str, limit: int, limit_text: str) -> str:
    """The clientside function, taking the dcc.Upload's id, for an upload whose refusals show in
    `status_id`."""
    return (
        """
function (uploadId) {
    window.__nbUploadGuards = window.__nbUploadGuards || {};
    if (window.__nbUploadGuards[uploadId]) { return window.dash_clientside.no_update; }
    window.__nbUploadGuards[uploadId] = true;
    const check = function (files) {
        for (const file of Array.from(files || [])) {
            if (file.size > __LIMIT__) {
                const mb = (file.size / 1048576).toFixed(1);
                window.dash_clientside.set_props("__STATUS__", {
                    children: file.name + " is " + mb + " MB; the limit is __TEXT__. Nothing was imported."
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
    )
