"""Store labels: what Google Play's Data safety form and Apple's App Privacy label would say
follows from the practices, and what they cannot say (profile `stores`, run on request).

Contradictions are warnings: a label built from them would declare something the notice does
not back up (data "shared" with nobody named, "tracking" with anonymised data). Lossy mappings
are notes: the facts a label drops or merges, so the author knows what the store will show.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from .registry import rule

GOOGLE = "Google Play Data safety (Play Console Help 10787469)"
APPLE = "App Store privacy labels (App privacy details)"
# Apple's tracking is for targeted ads, ad measurement or data brokers.
ADVERTISING_KINDS = frozenset({"ads.targeted", "ads.contextual", "sale", "marketing.direct"})
DELETION_RIGHTS = ("erasure", "ccpa_delete")


def _losses(notice: PrivacyNotice, name: str) -> Iterator[tuple]:
    from ..formats import get

    for loss in get(name).losses(notice):
        yield loss.path, loss.message


@rule(
    "store-google-mapping",
    profile="stores",
    severity="info",
    reference=GOOGLE,
    title="What the Google Play Data safety form drops or merges",
)
def google_mapping(notice: PrivacyNotice) -> Iterator[tuple]:
    yield from _losses(notice, "google-play")


@rule(
    "store-apple-mapping",
    profile="stores",
    severity="info",
    reference=APPLE,
    title="What Apple's App Privacy label drops or merges",
)
def apple_mapping(notice: PrivacyNotice) -> Iterator[tuple]:
    yield from _losses(notice, "apple-app-privacy")


@rule(
    "store-shared-without-recipient",
    profile="stores",
    severity="warning",
    reference=GOOGLE,
    title="Data sold or shared for ads names who receives it",
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
            what = "sold" if practice.sold else "shared for ads"
            yield (
                ("practices", index, "recipients"),
                f"practice '{practice.id}' is {what}, so Google Play declares its data shared, "
                "but it names no third party that receives it",
            )


@rule(
    "store-tracking-anonymised",
    profile="stores",
    severity="warning",
    reference=APPLE,
    title="Data used to track people is not anonymised",
)
def tracking_anonymised(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in enumerate(notice.practices):
        if practice.tracking and practice.identifiability == "anonymised":
            yield (
                ("practices", index, "identifiability"),
                f"practice '{practice.id}' tracks people across other companies' apps and "
                "websites, which anonymised data cannot do: one of the two is wrong",
            )


@rule(
    "store-tracking-purpose",
    profile="stores",
    severity="warning",
    reference=APPLE,
    title="Tracking serves advertising, ad measurement or a data broker",
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
                f"practice '{practice.id}' is marked tracking, but none of its purposes is "
                "advertising and no recipient is a data broker: Apple's label would say "
                "'Data Used to Track You' without a reason the notice gives",
            )


@rule(
    "store-deletion-link",
    profile="stores",
    severity="warning",
    reference=GOOGLE,
    title="Apps with accounts give a link to delete the account and its data",
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
            "people create accounts here, and Google Play asks for a web link where they can "
            "ask to delete the account and its data: give the erasure right a web channel",
        )
