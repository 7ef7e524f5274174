"""Chart specs: valid Vega-Lite that renders, scale order kept, sums never stacked with their parts."""

from __future__ import annotations

import vl_convert as vlc


def _bar_layer(spec):
    return next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")


def test_distribution_is_stacked_in_scale_order_and_renders(assistant):
    ans = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    spec = ans.chart
    colour = _bar_layer(spec)["encoding"]["color"]
    order = colour["sort"]
    assert order == ["Svært lite nyttig", "Lite nyttig", "Verken/eller", "Nyttig", "Svært nyttig", "Vet ikke"]
    values = spec["data"]["values"]
    # segments follow each other from 0 in scale order; «Vet ikke» stands apart after a gap
    assert values[0]["x"] == 0 and all(
        a["x2"] == b["x"] for a, b in zip(values[:4], values[1:5], strict=True)
    )
    assert values[5]["x"] > values[4]["x2"]
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


# ---------------------------------------------------------------- colours that carry meaning

WARM = ("#b2182b", "#e58368", "#d6604d")
COOL = ("#1f5f99", "#6aaed6", "#4393c3")


def _colours(spec) -> dict[str, str]:
    scale = _bar_layer(spec)["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def _is_grey(hex_colour: str) -> bool:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return max(r, g, b) - min(r, g, b) < 8


def test_tabell2_diverges_around_no_change(assistant):
    """Today's bug: «Positiv endring» was grey and «Ingen endring» orange."""
    spec = assistant.ask("Har hjemmekontor gjort bedriftene mer produktive?").chart
    colours = _colours(spec)
    assert colours["Negativ endring"] in WARM
    assert colours["Positiv endring"] in COOL
    neutral = colours["Ingen endring"]
    assert neutral not in WARM + COOL and not _is_grey(neutral)
    assert _is_grey(colours["Vet ikke"]) and _is_grey(colours["Ikke relevant"])
    order = _bar_layer(spec)["encoding"]["color"]["sort"]
    assert order[:3] == ["Negativ endring", "Ingen endring", "Positiv endring"]
    assert set(order[3:]) == {"Ikke relevant", "Vet ikke"}


def test_strong_ends_are_darker_than_weak_ones():
    from assistant.charts import option_colours

    options = ["Helt uenig", "Delvis uenig", "Nøytral", "Delvis enig", "Helt enig", "Vet ikke"]
    ordered, colours = option_colours(options)
    assert ordered == options
    assert colours[0] == "#b2182b" and colours[1] == "#e58368"
    assert colours[3] == "#6aaed6" and colours[4] == "#1f5f99"
    assert _is_grey(colours[5])
    scale = ["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]
    _, colours = option_colours(scale)
    assert colours[0] in WARM and colours[-1] in COOL and colours[2] not in WARM + COOL


def test_categories_without_a_scale_keep_their_order_and_grey_dont_know():
    from assistant.charts import option_colours

    options = [
        "Har ikke ansatte på hjemmekontor",
        "Vet ikke / ikke relevant",
        "Like mye på hjemmekontor som i virksomhetens lokaler",
    ]
    ordered, colours = option_colours(options)
    assert ordered == [options[0], options[2], options[1]]
    assert _is_grey(colours[-1]) and not any(_is_grey(c) for c in colours[:-1])


def test_title_is_the_question_and_subtitle_has_wave_and_n(assistant):
    spec = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?").chart
    assert " ".join(spec["title"]["text"]) == "Hvor nyttig var kontakten med Arbeidstilsynet i 2021?"
    assert spec["title"]["subtitle"] == "Tabell 3 · November 2021 · n = 257"


def test_exported_image_carries_the_source_line(assistant):
    from assistant import charts

    ans = assistant.ask("Hvor nyttig var tilsyn med veiledning fra Arbeidstilsynet?")
    source = "Kilde: NHOs Arbeidsmiljøbarometer 2021, Tabell 3, n = 257"
    svg = charts.svg(ans.chart, source)
    assert "Kilde: NHOs Arbeidsmiljøbarometer 2021" in svg and "Hvor nyttig var kontakten" in svg
    png = charts.png(ans.chart, source)
    assert png.startswith(b"\x89PNG")
