"""Store labels: what Google Play's Data safety form and Apple's App Privacy label would say
follows from the practices, and what they cannot say (profile `stores`, run on request).

Contradictions are warnings: a label built from them would declare something the notice does
not back up (data "shared" with nobody named, "tracking" with anonymised data). Lossy mappings
are notes: the facts a label drops or merges, so the author knows what the store will show.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n.messages import Phrase
from ..model import PrivacyNotice
from .registry import msg, rule

GOOGLE = "Google Play Data safety (Play Console Help 10787469)"
APPLE = "App Store privacy labels (App privacy details)"
# Apple's tracking is for targeted ads, ad measurement or data brokers.
ADVERTISING_KINDS = frozenset({"ads.targeted", "ads.contextual", "sale", "marketing.direct"})
DELETION_RIGHTS = ("erasure", "ccpa_delete")


def _losses(notice: PrivacyNotice, name: str) -> Iterator[tuple]:
    from ..formats import get

    for loss in get(name).losses(notice):
        # A loss with a catalogue key reads in the app's language; one without stays English.
        key = getattr(loss, "key", None)
        yield loss.path, Phrase(key, dict(loss.params)) if key else loss.message


@rule(
    "store-google-mapping",
    profile="stores",
    severity="info",
    reference=GOOGLE,
)
def google_mapping(notice: PrivacyNotice) -> Iterator[tuple]:
    yield from _losses(notice, "google-play")


@rule(
    "store-apple-mapping",
    profile="stores",
    severity="info",
    reference=APPLE,
)
def apple_mapping(notice: PrivacyNotice) -> Iterator[tuple]:
    yield from _losses(notice, "apple-app-privacy")


@rule(
    "store-shared-without-recipient",
    profile="stores",
    severity="warning",
    reference=GOOGLE,
)
def shared_without_recipient(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in enumerate(notice.practices):
        if not (practice.sold or practice.shared_for_ads):
            continue
        independent = [
            r
            for r in practice.recipients
            if notice.recipient(r).effective_ccpa_relationship == "third_party"
        ]
        if not independent:
            what = "sold" if practice.sold else "shared_for_ads"
            yield (
                ("practices", index, "recipients"),
                msg(
                    "store-shared-without-recipient.none",
                    practice=practice.id,
                    what=msg(f"store-shared-without-recipient.{what}"),
                ),
            )


@rule(
    "store-tracking-anonymised",
    profile="stores",
    severity="warning",
    reference=APPLE,
)
def tracking_anonymised(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in enumerate(notice.practices):
        if practice.tracking and practice.identifiability == "anonymised":
            yield (
                ("practices", index, "identifiability"),
                msg("store-tracking-anonymised.contradiction", practice=practice.id),
            )


@rule(
    "store-tracking-purpose",
    profile="stores",
    severity="warning",
    reference=APPLE,
)
def tracking_purpose(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in enumerate(notice.practices):
        if not practice.tracking:
            continue
        kinds = {notice.purpose(p).kind for p in practice.purposes}
        brokers = [r for r in practice.recipients if notice.recipient(r).kind == "data_broker"]
        if not (kinds & ADVERTISING_KINDS or brokers):
            yield (
                ("practices", index, "tracking"),
                msg("store-tracking-purpose.no_reason", practice=practice.id),
            )


@rule(
    "store-deletion-link",
    profile="stores",
    severity="warning",
    reference=GOOGLE,
)
def deletion_link(notice: PrivacyNotice) -> Iterator[tuple]:
    accounts = [i for i, p in enumerate(notice.purposes) if p.kind == "service.account"]
    if not accounts:
        return
    links = [
        c.url
        for r in notice.rights
        if r.kind in DELETION_RIGHTS
        for c in r.channels
        if c.url and c.url.startswith("https://")
    ]
    if not links:
        yield (
            ("purposes", accounts[0], "kind"),
            msg("store-deletion-link.missing"),
        )
