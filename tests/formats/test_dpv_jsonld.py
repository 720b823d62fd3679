"""DPV JSON-LD: the notice's rows in W3C DPV terms, also inside the editable SVG."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from notice_builder.export import Options, export
from notice_builder.formats import export_as
from notice_builder.formats.dpv import document, jsonld, svg_metadata

EXAMPLES = ("coffee-shop", "fitness-app", "b2b-saas")
SVG = "{http://www.w3.org/2000/svg}"


def nodes(doc) -> dict[str, dict]:
    return {n["@id"]: n for n in doc["@graph"]}


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_practice_is_a_handling_whose_references_resolve(name, example):
    notice = example(name)
    doc = json.loads(export_as(notice, "dpv"))
    assert doc["@context"]["dpv"] == "https://w3id.org/dpv#"
    graph = nodes(doc)
    assert len(graph) == len(doc["@graph"]), "ids are unique"
    handlings = [n for n in doc["@graph"] if "dpv:PersonalDataHandling" in n["@type"]]
    assert [h["dct:identifier"] for h in handlings] == [p.id for p in notice.practices]
    for node in handlings:
        for key in ("dpv:hasPersonalData", "dpv:hasPurpose", "dpv:hasRecipient"):
            for ref in node.get(key, []):
                assert ref["@id"] in graph, ref
        assert node["dpv:hasNotice"]["@id"] in graph


def test_coffee_shop_terms(example):
    notice = example("coffee-shop")
    graph = nodes(document(notice))
    base = "https://brewline.example/privacy#"
    loyalty = graph[base + "practice-loyalty"]
    assert loyalty["dpv:hasLegalBasis"] == [{"@id": "eu-gdpr:A6-1-b"}]
    assert {"@id": "dpv:Store"} in loyalty["dpv:hasProcessing"]
    finder = graph[base + "practice-finder"]
    assert {"@id": "dpv:Store"} not in finder["dpv:hasProcessing"]  # ephemeral
    assert finder["dpv:hasNecessity"] == {"@id": "dpv:Optional"}
    contact = graph[base + "data-contact"]
    assert "pd:EmailAddress" in contact["@type"]
    assert {"@value": "الاسم والبريد الإلكتروني", "@language": "ar"} in contact["rdfs:label"]
    assert graph[base + "recipient-payco"]["@type"] == "dpv:DataProcessor"
    assert {"@id": "eu-gdpr:A17"} in graph[base + "notice"]["dpv:hasRight"]
    duration = graph[base + "retention-account-life"]["dpv:hasDuration"]
    assert duration["@type"] == "dpv:UntilEventDuration"
    assert jsonld(notice) == jsonld(notice)


def test_editable_svg_carries_the_json_ld(example, tmp_path):
    from notice_builder.cli import main

    notice = example("coffee-shop")
    outlined = export(notice, layout="at-a-glance", format="svg")
    assert b"nb-dpv" not in outlined.data  # outlined SVGs stay lean
    editable = export(notice, layout="at-a-glance", format="svg", options=Options(outlined=False))
    root = ET.fromstring(editable.data)
    (meta,) = [m for m in root.iter(SVG + "metadata") if m.get("id") == "nb-dpv"]
    assert json.loads(meta.text) == document(notice)
    assert json.loads(svg_metadata(notice)["dpv"]) == document(notice)
    # The command line's editable SVG carries it too.
    target = tmp_path / "editable.svg"
    coffee = str(Path(__file__).resolve().parents[2] / "examples" / "coffee-shop.yaml")
    assert main(["render", coffee, "-o", str(target), "--editable"]) == 0
    assert 'id="nb-dpv"' in target.read_text(encoding="utf-8")
