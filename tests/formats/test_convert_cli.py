"""`notice-builder convert`, in-process: both directions, and the exit codes scripts rely on."""

from __future__ import annotations

import json
from pathlib import Path

from notice_builder.cli import main
from notice_builder.formats import export_as
from notice_builder.io import load_notice

COFFEE = str(Path(__file__).resolve().parents[2] / "examples" / "coffee-shop.yaml")


def test_to_google_play_and_back(tmp_path, capsys):
    label = tmp_path / "data-safety.csv"
    assert main(["convert", COFFEE, "-o", str(label), "--to", "google-play"]) == 0
    assert label.read_text().startswith("Question ID (machine readable),")
    err = capsys.readouterr().err
    assert "note: google-play: practices[4].data:" in err
    back = tmp_path / "back.yaml"
    assert main(["convert", str(label), "-o", str(back), "--base", COFFEE]) == 0
    notice = load_notice(back)
    assert notice.controller.name == "Brewline Coffee"
    assert "PSL_EMAIL" in {c for cat in notice.data_categories for c in cat.code("google")}


def test_format_from_suffix_and_content(tmp_path):
    tilt = tmp_path / "notice.tilt.json"
    assert main(["convert", COFFEE, "-o", str(tilt), "--quiet"]) == 0
    assert "dataDisclosed" in json.loads(tilt.read_text())
    apple = tmp_path / "app_privacy_details.json"
    assert main(["convert", COFFEE, "-o", str(apple), "--to", "apple-app-privacy"]) == 0
    notice_json = tmp_path / "imported.json"
    # A .json that is an Apple label is recognised by its content and imported.
    assert main(["convert", str(apple), "-o", str(notice_json), "--quiet"]) == 0
    assert json.loads(notice_json.read_text())["schema_version"] == "1"
    # A .json that is a notice is exported, the target taken from the output's suffix.
    as_csv = tmp_path / "from-json.csv"
    assert main(["convert", str(notice_json), "-o", str(as_csv), "--quiet"]) == 0
    assert as_csv.read_bytes() == export_as(load_notice(notice_json), "google-play")
    dpv = tmp_path / "notice.jsonld"
    assert main(["convert", COFFEE, "-o", str(dpv)]) == 0
    assert "@graph" in json.loads(dpv.read_text())


def test_exit_codes(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("Question,Response\n")
    assert main(["convert", str(bad), "--from", "google-play"]) == 2
    assert "the header must be 'Question ID (machine readable)," in capsys.readouterr().err
    # No target named: a .json output could be a notice or a label.
    assert main(["convert", COFFEE, "-o", str(tmp_path / "x.json")]) == 2
    # A notice without what TILT requires: exit 1, the field named, nothing written.
    text = Path(COFFEE).read_text().replace("supervisory_authorities:", "old_authorities:")
    broken = tmp_path / "no-authority.yaml"
    broken.write_text(
        text.replace(
            "old_authorities:\n  - name: Data Protection Commission\n    country: IE\n    url: https://www.dataprotection.ie\n",
            "",
        )
    )
    out = tmp_path / "out.tilt.json"
    assert main(["convert", str(broken), "-o", str(out), "--to", "tilt"]) == 1
    assert "supervisory_authorities" in capsys.readouterr().err and not out.exists()
    assert main(["convert", COFFEE, "--to", "google-play", "--from", "google-play"]) == 2
    assert main(["convert", str(tmp_path / "missing.csv"), "--from", "google-play"]) == 2
