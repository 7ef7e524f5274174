"""Chart specs: valid Vega-Lite that renders, scale order kept, sums never stacked with their parts."""

from __future__ import annotations

import vl_convert as vlc


def test_distribution_is_stacked_in_scale_order_and_renders(assistant):
    ans = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    spec = ans.chart
    assert spec and spec["encoding"]["x"]["stack"] == "zero"
    order = spec["encoding"]["color"]["sort"]
    assert order == ["Svært lite nyttig", "Lite nyttig", "Verken/eller", "Nyttig", "Svært nyttig", "Vet ikke"]
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 100]
    svg = vlc.vegalite_to_svg(spec)
    assert svg.startswith("<svg") and "Nyttig" in svg


def test_sum_rows_are_not_stacked(assistant):
    ans = assistant.ask("Hvor stor andel av bedriftene har ingen ansatte på hjemmekontor?")
    assert ans.chart is not None
    options = [v["option"] for v in ans.chart["data"]["values"]]
    assert options and not any("(sum)" in o for o in options)
    assert sum(v["value"] for v in ans.chart["data"]["values"]) <= 102


def test_breakdown_has_one_bar_per_group(assistant):
    ans = assistant.ask("Varierer nytten av generelle helsekontroller med bedriftsstørrelse?")
    series = {v["serie"] for v in ans.chart["data"]["values"]}
    assert len(series) == 4


def test_ranking_is_sorted(assistant):
    ans = assistant.ask("Hvilken BHT-tjeneste får høyest andel «svært nyttig»?")
    values = [v["value"] for v in ans.chart["data"]["values"]]
    assert values == sorted(values, reverse=True)
    assert vlc.vegalite_to_svg(ans.chart).startswith("<svg")


def test_no_chart_for_text_or_single_numbers(assistant):
    assert assistant.ask("Ble resultatene vektet?").chart is None
    assert assistant.ask("Hva var svarprosenten?").chart is None
