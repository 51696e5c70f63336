"""Place resolution rules, on the real COG 2025 reference."""

import pytest

from observatoire.reference.resolver import Place, Resolver, Unresolved


@pytest.fixture(scope="module")
def resolver(reference_path):
    return Resolver(reference_path)


@pytest.mark.parametrize("name", ["St Gaudens", "SAINT GAUDENS", "saint-gaudens", "St-Gaudens"])
def test_saint_is_expanded(resolver, name):
    place = resolver.resolve(commune=name, department="31")
    assert isinstance(place, Place)
    assert place.commune_code == "31483"
    assert place.approximate is True


def test_saint_martin_alone_is_ambiguous(resolver):
    res = resolver.resolve(commune="Saint-Martin")
    assert isinstance(res, Unresolved)
    assert {c.department_code for c in res.candidates} == {"32", "54", "65", "67"}
    assert "ambiguë" in res.reason
    assert "Saint-Martin (32, 32389)" in res.reason


def test_postal_code_alone(resolver):
    assert resolver.resolve(postal_code="31000").commune_code == "31555"
    res = resolver.resolve(postal_code="81500")
    assert isinstance(res, Unresolved)
    assert "partagé par 22 communes" in res.reason
    assert len(res.candidates) == 5


def test_postal_code_with_commune_picks_one(resolver):
    assert resolver.resolve(commune="Belcastel", postal_code="81500").commune_code == "81025"


def test_former_code_resolves_to_current_commune(resolver):
    place = resolver.resolve(insee="59355")
    assert place.commune_code == "59350"
    assert place.commune_name == "Lille"
    assert "Ancien code 59355" in place.note


def test_delegated_commune_name_resolves(resolver):
    assert resolver.resolve(commune="Lomme", department="59").commune_code == "59350"


def test_unknown_commune_suggests(resolver):
    res = resolver.resolve(commune="Toulousse", department="31")
    assert isinstance(res, Unresolved)
    assert "introuvable" in res.reason
    assert "31555" in [c.code for c in res.candidates]
    assert "Vouliez-vous dire" in res.reason


def test_point_inside_a_qpv(resolver, ref):
    code, lon, lat = ref.execute(
        "SELECT code, lon, lat FROM qpv WHERE code = 'QN03101M'"
    ).fetchone()
    place = resolver.resolve(lon=lon, lat=lat)
    assert place.qpv_code == code
    assert place.commune_code == "31395"  # Muret
    assert place.approximate is False


def test_point_outside_france(resolver):
    res = resolver.resolve(lon=-30.0, lat=40.0)
    assert isinstance(res, Unresolved)
    assert "aucune commune" in res.reason


def test_department_by_name_and_code(resolver):
    assert resolver.department_code("Pas-de-Calais") == "62"
    assert resolver.department_code("2a") == "2A"
    assert resolver.department_code("7") == "07"
    assert resolver.department_code("Haute-Garonne (31)") == "31"
    assert resolver.department_code("Atlantide") is None
    res = resolver.resolve(commune="Toulouse", department="Atlantide")
    assert "Département « Atlantide » inconnu" in res.reason


def test_insee_code_from_excel_loses_leading_zero(resolver):
    assert resolver.resolve(insee=1001).commune_code == "01001"


def test_insee_code_against_wrong_department(resolver):
    res = resolver.resolve(insee="31555", department="34")
    assert isinstance(res, Unresolved)
    assert "ne correspond pas" in res.reason


def test_nothing_given(resolver):
    assert isinstance(resolver.resolve(), Unresolved)
