"""Map data and HTML in plain pytest (AppTest cannot render the map component)."""

from __future__ import annotations

from observatoire import config
from observatoire.maps.assets import LEAFLET_FILES, install_leaflet
from observatoire.maps.classify import classify
from observatoire.maps.sizes import COMMUNES_BUDGET, DEPARTMENTS_BUDGET, layer_sizes


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
