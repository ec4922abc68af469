"""The service's SVG charts: well-formed, escaped, one bar per value."""

from __future__ import annotations

from xml.etree import ElementTree

from ask_applicant.server.charts import bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_a_column_chart_draws_one_bar_per_day_and_parses_as_xml() -> None:
    svg = column_chart("Questions per day", [("11-26", 0), ("11-27", 4)])
    root = ElementTree.fromstring(svg)
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2
    assert float(bars[0].get("height", "1")) == 0 and float(bars[1].get("height", "0")) > 0


def test_labels_are_escaped_so_a_hostile_name_is_only_text() -> None:
    hostile = '<script>alert(1)</script> & "채용" 🎯'
    svg = bar_chart(hostile, [(hostile, 3)])
    root = ElementTree.fromstring(svg)
    assert root.find(f"{SVG}script") is None and "<script>" not in svg
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert hostile in texts and root.get("aria-label") == hostile
