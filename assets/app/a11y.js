/* notice-builder app: keyboard tidy-ups that the components' own props cannot express.
   Each file drop zone is reached by its "choose one" button (named for what it chooses); the
   zone's invisible file input, named only "Choose File", would be a second, unlabelled stop. */
(function () {
    "use strict";
    let queued = false;
    function tidy() {
        queued = false;
        document.querySelectorAll(".drop-zone input[type=file]").forEach(function (input) {
            if (input.getAttribute("tabindex") !== "-1") {
                input.setAttribute("tabindex", "-1");
                input.setAttribute("aria-hidden", "true");
            }
        });
    }
    // Zones appear (and re-render) after load: look again once per frame when the page changes.
    new MutationObserver(function () {
        if (!queued) {
            queued = true;
            window.requestAnimationFrame(tidy);
        }
    }).observe(document.documentElement, {childList: true, subtree: true});
})();
