"""The command line, run in-process: output people read and exit codes scripts trust."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from notice_builder.cli import main
from notice_builder.resources import example_names

from .conftest import ROOT

SAMPLE = str(ROOT / "examples" / "coffee-shop.yaml")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_valid_notice(capsys):
    code, out, _ = run(capsys, "validate", SAMPLE)
    assert code == 0
    assert "valid (8 data categories, 7 purposes, 7 practices, locales: en, ar)" in out


def test_validate_without_file_uses_embedded_sample(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0 and "embedded sample coffee-shop.yaml" in err and "valid" in out


def test_validate_invalid_notice_exits_1_with_located_problems(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(SAMPLE)
        .read_text(encoding="utf-8")
        .replace("legal_basis: contract", "legal_basis: contrakt", 1)
    )
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1
    assert (
        f"{bad}:130:18: purposes[0].legal_basis: 'contrakt' is not allowed (did you mean 'contract'?)"
        in err
    )


def test_validate_json_output(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: T\n")
    code, out, _ = run(capsys, "validate", str(bad), "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["valid"] is False
    assert {"path": "effective_date", "pointer": "/effective_date"}.items() <= report["problems"][
        0
    ].items()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id: [unclosed\n", "line"),
        ("- a list\n", "expected a mapping describing one notice"),
        ("id: a\nid: b\n", "duplicate key 'id' at lines 1 and 2"),
    ],
)
def test_unreadable_input_exits_2(capsys, tmp_path, content, message):
    path = tmp_path / "n.yaml"
    path.write_text(content)
    for command in ("validate", "check"):
        code, _, err = run(capsys, command, str(path))
        assert code == 2 and message in err


def test_missing_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nope.yaml"))
    assert code == 2 and "file not found" in err


def test_check_clean_sample_exits_0(capsys):
    code, out, _ = run(capsys, "check", SAMPLE)
    assert code == 0
    assert out.strip().endswith(
        "0 errors, 0 warnings, 1 note (profiles: gdpr, ccpa, plain-language, translations)"
    )


def test_check_errors_exit_1_with_line_rule_and_article(capsys):
    path = str(ROOT / "examples" / "fitness-app.yaml")
    code, out, _ = run(capsys, "check", path, "--profile", "gdpr")
    assert code == 1
    line = next(x for x in out.splitlines() if "[gdpr-legitimate-interest]" in x)
    assert line.startswith(f"{path}:") and ": error [gdpr-legitimate-interest] purposes[" in line
    assert line.endswith("(GDPR Art. 13(1)(d), 14(2)(b))")


def test_check_json_format(capsys):
    code, out, _ = run(
        capsys, "check", SAMPLE, "--format", "json", "--profile", "gdpr,translations"
    )
    report = json.loads(out)
    assert code == 0
    assert report["profiles"] == ["gdpr", "translations"]
    assert report["counts"] == {"error": 0, "warning": 0, "info": 1}
    [finding] = report["findings"]
    assert finding["rule"] == "gdpr-automated-decisions" and finding["line"] > 0


def test_check_unknown_profile_exits_2(capsys):
    code, _, err = run(capsys, "check", SAMPLE, "--profile", "hipaa")
    assert (
        code == 2
        and "unknown profile 'hipaa' (known: gdpr, ccpa, plain-language, translations, stores)"
        in err
    )


def test_check_lists_rules(capsys):
    code, out, _ = run(capsys, "check", "--list-rules")
    assert code == 0 and "gdpr-transfers" in out and "GDPR Art. 13(1)(f)" in out


def test_check_in_arabic_says_findings_and_summary_in_arabic(capsys):
    path = str(ROOT / "examples" / "fitness-app.yaml")
    english_code, english, _ = run(capsys, "check", path, "--profile", "gdpr")
    code, out, _ = run(capsys, "check", path, "--profile", "gdpr", "--lang", "ar")
    assert code == english_code == 1
    lines = out.splitlines()
    assert len(lines) == len(english.splitlines())
    line = next(x for x in lines if "gdpr-legitimate-interest" in x)
    # The file, rule, path and article stay as they are, each isolated; the words are Arabic.
    assert (
        line.startswith(f"\u2068{path}:") and ": خطأ [\u2068gdpr-legitimate-interest\u2069]" in line
    )
    assert "يستند إلى المصالح المشروعة" in line and "legitimate interests" not in line
    assert line.endswith("(\u2068GDPR Art. 13(1)(d), 14(2)(b)\u2069)")
    assert "خطأ واحد" in lines[-1] and "(مجموعات الفحص: \u2068gdpr\u2069)" in lines[-1]


def test_check_json_in_arabic_changes_only_the_messages(capsys):
    argv = ["check", SAMPLE, "--format", "json", "--profile", "gdpr,translations"]
    _, english, _ = run(capsys, *argv)
    _, arabic, _ = run(capsys, *argv, "--lang", "ar")
    english, arabic = json.loads(english), json.loads(arabic)
    [en], [ar] = english["findings"], arabic["findings"]
    assert {k: v for k, v in ar.items() if k != "message"} == {
        k: v for k, v in en.items() if k != "message"
    }
    assert en["message"].startswith("practice '") and "الممارسة «" in ar["message"]
    assert arabic["counts"] == english["counts"]


def test_check_lists_rules_in_arabic(capsys):
    code, out, _ = run(capsys, "check", "--list-rules", "--lang", "ar")
    line = next(x for x in out.splitlines() if x.startswith("gdpr-transfers "))
    assert code == 0 and "لكل نقل خارج المنطقة الاقتصادية الأوروبية ضمانة" in line
    assert " خطأ " in line and line.endswith("(GDPR Art. 13(1)(f), 14(1)(f))")
    with pytest.raises(SystemExit) as info:
        main(["check", "--list-rules", "--lang", "xx"])
    assert info.value.code == 2


def test_schema_written_to_file(capsys, tmp_path):
    target = tmp_path / "notice.schema.json"
    code, _, _ = run(capsys, "schema", "-o", str(target))
    schema = json.loads(target.read_text())
    assert code == 0 and schema["title"] == "PrivacyNotice"
    assert "practices" in schema["required"]


def test_sample_prints_and_lists_examples(capsys):
    code, out, _ = run(capsys, "sample")
    assert code == 0 and out.startswith("# Brewline Rewards")
    code, out, _ = run(capsys, "sample", "--list")
    assert out.split() == example_names()
    code, _, err = run(capsys, "sample", "nope")
    assert code == 2 and "unknown example 'nope' (known: b2b-saas, coffee-shop, fitness-app)" in err


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", "--format", "xml"])
    assert info.value.code == 2


def test_stdin_and_module_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "notice_builder", "validate", "-"],
        input=Path(SAMPLE).read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"<stdin>: valid" in result.stdout


def test_core_imports_without_dash():
    code = "import sys, notice_builder.cli, notice_builder; assert 'dash' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_render_writes_outlined_svg(capsys, tmp_path):
    target = tmp_path / "glance.svg"
    code, _, err = run(
        capsys,
        "render",
        SAMPLE,
        "--layout",
        "at-a-glance",
        "--theme",
        "dark",
        "--locale",
        "ar",
        "-o",
        str(target),
    )
    svg = target.read_text(encoding="utf-8")
    assert code == 0 and f"wrote {target}" in err
    assert 'lang="ar"' in svg and 'direction="rtl"' in svg and "<text" not in svg


def test_render_editable_to_stdout(capsys):
    code, out, _ = run(capsys, "render", SAMPLE, "--editable", "-o", "-")
    assert code == 0 and "<text" in out and "@font-face" in out


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--layout", "poster", "unknown layout 'poster' (known: at-a-glance"),
        ("--theme", "neon", "unknown theme 'neon'"),
        ("--locale", "fr", "unknown locale 'fr' for this notice (known: en, ar)"),
    ],
)
def test_render_unknown_options_exit_2(capsys, tmp_path, option, value, message):
    code, _, err = run(capsys, "render", SAMPLE, option, value, "-o", str(tmp_path / "x.svg"))
    assert code == 2 and message in err
    assert not (tmp_path / "x.svg").exists()


def test_render_refuses_other_suffixes(capsys, tmp_path):
    code, _, err = run(capsys, "render", SAMPLE, "-o", str(tmp_path / "x.gif"))
    assert code == 2 and "name the file .svg, .png or .pdf" in err


def test_render_reports_missing_glyphs_with_exit_1(capsys, tmp_path):
    notice = tmp_path / "emoji.yaml"
    notice.write_text(
        Path(SAMPLE)
        .read_text(encoding="utf-8")
        .replace("Brewline Rewards privacy notice", "Brewline 😀 privacy notice", 1),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "render", str(notice), "-o", str(tmp_path / "x.svg"))
    assert code == 1 and "U+1F600" in err
    assert (tmp_path / "x.svg").exists()


def test_layouts_and_themes_listed(capsys):
    code, out, _ = run(capsys, "layouts")
    assert code == 0 and out.split()[0] in ("at-a-glance", "data-flow", "email-banner")
    assert "nutrition-label" in out
    code, out, _ = run(capsys, "themes")
    assert code == 0 and "high-contrast" in out


def test_render_brand_colour_corrected_with_note_or_refused(capsys, tmp_path):
    target = tmp_path / "b.svg"
    code, _, err = run(capsys, "render", SAMPLE, "--brand-primary", "#ffcc00", "-o", str(target))
    assert code == 0 and "note: primary #ffcc00 has 1.3:1" in err and "darkened to #aa8700" in err
    assert 'fill="#aa8700"' in target.read_text()
    code, _, err = run(
        capsys,
        "render",
        SAMPLE,
        "--brand-primary",
        "#ffcc00",
        "--strict-brand",
        "-o",
        str(tmp_path / "c.svg"),
    )
    assert code == 2 and "needs at least 3:1" in err and not (tmp_path / "c.svg").exists()


def test_render_picks_png_and_pdf_from_the_suffix(capsys, tmp_path):
    for name, signature in (("x.png", b"\x89PNG"), ("x.pdf", b"%PDF")):
        code, _, _ = run(
            capsys, "render", SAMPLE, "--layout", "retention", "-o", str(tmp_path / name)
        )
        assert code == 0 and (tmp_path / name).read_bytes().startswith(signature)


def test_export_several_layouts_and_locales_into_a_folder(capsys, tmp_path):
    code, _, err = run(
        capsys,
        "export",
        SAMPLE,
        "--preset",
        "social",
        "--layout",
        "email-banner",
        "--locale",
        "en,ar",
        "-o",
        str(tmp_path),
    )
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["brewline-rewards-email-banner-ar.png", "brewline-rewards-email-banner-en.png"]
    assert "(1200x630," in err


def test_export_errors_exit_2_and_write_nothing(capsys, tmp_path):
    code, _, err = run(capsys, "export", SAMPLE, "--preset", "poster", "-o", str(tmp_path))
    assert code == 2 and "unknown preset 'poster' (known: original, email" in err
    code, _, err = run(capsys, "export", SAMPLE, "-o", str(tmp_path / "missing" / "x.png"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(
        capsys,
        "export",
        SAMPLE,
        "--preset",
        "email",
        "--layout",
        "at-a-glance",
        "--format",
        "png",
        "-o",
        str(tmp_path / "x.png"),
    )
    assert code == 2 and "below the 60% that keeps text legible" in err
    assert list(tmp_path.iterdir()) == []


def test_export_email_kit_into_a_folder(capsys, tmp_path):
    code, _, err = run(
        capsys,
        "export",
        SAMPLE,
        "--preset",
        "email",
        "--locale",
        "ar",
        "--image-url",
        "https://cdn.example/n.png",
        "-o",
        str(tmp_path),
    )
    assert code == 0 and "wrote the email kit" in err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["alt.txt", "description.txt", "email.html", "email.txt", "notice-email.png"]
    html = (tmp_path / "email.html").read_text(encoding="utf-8")
    assert 'src="https://cdn.example/n.png"' in html and 'dir="rtl"' in html and "<svg" not in html


def test_bundle_writes_a_zip_with_a_manifest(capsys, tmp_path):
    import json as _json
    import zipfile

    code, _, err = run(
        capsys,
        "bundle",
        SAMPLE,
        "--layout",
        "email-banner",
        "--locale",
        "ar",
        "--format",
        "svg,png",
        "--workers",
        "1",
        "-o",
        str(tmp_path / "kit.zip"),
    )
    assert code == 0 and "(2 files," in err
    with zipfile.ZipFile(tmp_path / "kit.zip") as archive:
        manifest = _json.loads(archive.read("manifest.json"))
        assert sorted(f["file"] for f in manifest["files"]) == [
            "email-banner/brewline-rewards-email-banner-ar.png",
            "email-banner/brewline-rewards-email-banner-ar.svg",
        ]
    code, _, err = run(capsys, "bundle", SAMPLE, "--format", "gif", "-o", str(tmp_path / "x.zip"))
    assert code == 2 and "gif" in err and not (tmp_path / "x.zip").exists()
