"""Map data and HTML in plain pytest (AppTest cannot render the map component)."""

from __future__ import annotations

import re

import pytest

from observatoire import config
from observatoire.maps.assets import LEAFLET_FILES, LEAFLET_URL, install_leaflet
from observatoire.maps.choropleth import department_choropleth, department_map, map_html
from observatoire.maps.classify import classify
from observatoire.maps.indicators import INDICATORS
from observatoire.maps.sizes import COMMUNES_BUDGET, DEPARTMENTS_BUDGET, layer_sizes
from observatoire.ui import theme

# DESIGN §9: map payload at the default view.
MAP_BUDGET = 1_500_000
URL = re.compile(r"https?://[^\s\"'<>)]+", re.I)
CDN_WORDS = ("cdn", "jsdelivr", "bootstrap", "fontawesome", "font-awesome", "jquery", "unpkg")


def build(ref, region, indicator="population", tiles=None):
    """The choropleth and its standalone HTML."""
    ch = department_choropleth(ref, region, indicator)
    m = department_map(
        ch,
        theme.SEQUENTIAL,
        no_data=theme.NO_DATA,
        background=theme.MAP_BACKGROUND,
        outline=theme.MAP_OUTLINE,
        highlight=theme.MAP_HIGHLIGHT,
        tiles=tiles,
    )
    return ch, map_html(m)


@pytest.mark.parametrize(("region", "departments"), [("76", 13), ("32", 5)])
def test_one_feature_per_department(ref, region, departments):
    ch, _ = build(ref, region)
    assert len(ch.features["features"]) == departments
    assert len(ch.table) == departments


@pytest.mark.parametrize(
    ("region", "communes", "rural", "qpv", "not_frr"),
    [("76", 4_446, 4_052, 108, 930), ("32", 3_782, 3_141, 204, None)],
)
def test_indicators_match_official_counts(ref, region, communes, rural, qpv, not_frr):
    t = department_choropleth(ref, region, "rural").table
    assert t["communes"].sum() == communes
    assert t["rural_communes"].sum() == rural
    assert t["qpv"].sum() == qpv
    if not_frr is not None:
        assert t["frr_communes"].sum() == communes - not_frr
    share = t.set_index("code")["rural"]
    assert (share.between(0, 1)).all()


def test_toulouse_counts_in_haute_garonne_population(ref):
    t = department_choropleth(ref, "76", "population").table.set_index("code")
    assert t.loc["31", "population"] > 514_819  # Toulouse alone


def test_map_html_has_no_external_url(ref):
    _, html = build(ref, "76")
    assert URL.findall(html) == []
    lowered = html.lower()
    for word in CDN_WORDS:
        assert word not in lowered, word
    assert f'src="{LEAFLET_URL}/leaflet.js"' in html
    assert f'href="{LEAFLET_URL}/leaflet.css"' in html


def test_configured_tiles_are_the_only_url(ref, monkeypatch):
    tile_url = "https://tiles.example.org/{z}/{x}/{y}.png"
    monkeypatch.setenv("OBSERVATOIRE_TILES", tile_url)
    monkeypatch.setenv("OBSERVATOIRE_TILES_ATTRIBUTION", "© Exemple")
    _, html = build(ref, "76", tiles=config.tiles())
    assert set(URL.findall(html)) == {tile_url}


def test_no_tiles_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("OBSERVATOIRE_TILES", raising=False)
    monkeypatch.setattr(config, "SECRETS", tmp_path / "absent.toml")
    assert config.settings() == {}
    assert config.tiles() is None


def test_tiles_from_secrets_file(monkeypatch, tmp_path):
    monkeypatch.delenv("OBSERVATOIRE_TILES", raising=False)
    monkeypatch.delenv("OBSERVATOIRE_TILES_ATTRIBUTION", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[observatoire]\ntiles = "https://t.example/{z}/{x}/{y}.png"\n')
    monkeypatch.setattr(config, "SECRETS", secrets)
    assert config.tiles().url == "https://t.example/{z}/{x}/{y}.png"
    assert config.tiles().attribution == ""


@pytest.mark.parametrize("indicator", list(INDICATORS))
def test_legend_and_tooltips_are_french(ref, indicator):
    ch, html = build(ref, "76", indicator)
    assert "Classement : seuils naturels de Jenks" in html
    assert INDICATORS[indicator].label in html
    labels = set(ch.table["label"])
    if INDICATORS[indicator].share:
        assert all(label.endswith("\u00a0%") and "." not in label for label in labels)
    else:
        assert all("," not in label for label in labels)  # thousands are spaces, not commas


def test_map_payload_within_budget(ref):
    sizes = {}
    regions = [r[0] for r in ref.execute("SELECT code FROM regions").fetchall()]
    for region in regions:
        sizes[region] = len(build(ref, region)[1].encode())
    assert max(sizes.values()) <= MAP_BUDGET, sizes
    france = len(build(ref, None)[1].encode())
    assert france <= MAP_BUDGET, france


def test_layer_sizes_within_budget(ref):
    sizes = layer_sizes(ref)
    assert sizes["departments"]["features"] == 101
    assert sizes["departments"]["bytes"] <= DEPARTMENTS_BUDGET
    assert sizes["communes"]["bytes"] <= COMMUNES_BUDGET


def test_jenks_finds_natural_groups():
    c = classify([1, 2, 3, 10, 11, 12, 50, 51, 100], k=3)
    assert c.method == "jenks"
    assert c.ranges == ((1, 12), (50, 51), (100, 100))
    assert [c.index(v) for v in (1, 12, 50, 100)] == [0, 0, 1, 2]
    assert c.index(float("nan")) is None


def test_classes_never_exceed_distinct_values():
    assert classify([0, 0, 1, 1, 1], k=5).k == 2
    assert classify([4, 4], k=5).method == "single"
    assert classify([], k=5).k == 1
    q = classify(list(range(1, 11)), k=5, method="quantiles")
    assert q.k == 5 and q.ranges[0] == (1, 2) and q.ranges[-1] == (9, 10)


def test_leaflet_is_copied_from_the_wheel(tmp_path):
    dest = install_leaflet(tmp_path / "leaflet")
    for name in LEAFLET_FILES:
        assert (dest / name).stat().st_size > 0
    assert "BSD" in (dest / "LICENSE").read_text()
    assert b"Leaflet 1.9.4" in (dest / "leaflet.js").read_bytes()[:200]
