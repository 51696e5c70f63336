"""Sheet and header names match ignoring case, accents, separators, with synonyms."""

from __future__ import annotations

import pytest

from observatoire.importing.columns import KINDS, column_of_header, kind_of_sheet


@pytest.mark.parametrize(
    ("sheet", "kind"),
    [
        ("Acteurs", "acteurs"),
        ("ACTEURS", "acteurs"),
        ("Expérimentations", "experimentations"),
        ("experimentations", "experimentations"),
        ("Participants", "personnes"),
        ("Sessions", "sessions"),
        ("Émargements", "participations"),
        ("Objectifs", "objectifs"),
        ("Feuil1", None),
        ("Lisez-moi", None),
    ],
)
def test_sheet_names(sheet, kind):
    found = kind_of_sheet(sheet)
    assert (found.name if found else None) == kind


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Nom de la structure", "nom"),
        ("NOM", "nom"),
        ("Ville", "commune"),
        ("CP", "code_postal"),
        ("Code postal", "code_postal"),
        ("Code-Postal", "code_postal"),
        ("code_postal", "code_postal"),
        ("Courriel", "email"),
        ("Mail", "email"),
        ("E-mail", "email"),
        ("Dépt", "departement"),
        ("Département", "departement"),
        ("Tél.", "telephone"),
        ("Site internet", "site_web"),
        ("Cercle", "cercle"),
        ("Type de structure", "type_structure"),
        ("Code INSEE", "code_insee"),
        ("nom*", "nom"),
        ("Remarques", None),
    ],
)
def test_actor_headers(header, column):
    assert column_of_header(KINDS["acteurs"], header) == column


def test_a_template_name_wins_over_a_synonym():
    # "structure" is a synonym of "nom" for actors, but a column of its own for people.
    assert column_of_header(KINDS["personnes"], "Structure") == "structure"
    assert column_of_header(KINDS["experimentations"], "Structure") == "structure"
    assert column_of_header(KINDS["sessions"], "Date") == "date_debut"


def test_template_headers_are_unique_and_required_flags_match_design():
    required = {k: kind.required for k, kind in KINDS.items()}
    assert required == {
        "acteurs": ["nom"],
        "personnes": ["identifiant"],
        "sessions": ["identifiant", "type", "intitule", "date_debut"],
        "participations": ["session", "personne"],
        "experimentations": ["identifiant", "titre"],
        "actions": ["identifiant", "titre", "date_debut"],
        "objectifs": ["indicateur", "periode", "valeur"],
        # Programme content.
        "programmes": ["programme", "element", "intitule"],
        "rencontres": ["identifiant", "type", "date"],
        "ressources": ["identifiant", "type", "titre"],
        "groupes": ["identifiant", "nom"],
        "membres": ["groupe"],
        "tournees": ["tournee", "identifiant", "date_debut"],
        "evaluations": ["type", "personne"],
        "enquetes": ["identifiant", "titre", "date_debut"],
    }
    for kind in KINDS.values():
        names = [c.name for c in kind.columns]
        assert len(names) == len(set(names))
        assert all(column_of_header(kind, n) == n for n in names)


def test_required_marker_is_accepted_in_headers():
    """The template writes ``nom *``; the importer reads it as ``nom``, with or without spaces."""
    actors = KINDS["acteurs"]
    assert column_of_header(actors, "nom *") == "nom"
    assert column_of_header(actors, "Nom*") == "nom"
    assert column_of_header(KINDS["sessions"], "date_debut *") == "date_debut"


def test_example_rows_are_marked_by_their_keys():
    """Identifiers (and the objectives' key, programme included) mark the template's examples."""
    from observatoire.importing.columns import is_example_value

    assert KINDS["participations"].example_markers == ["session", "personne"]
    assert "programme" in KINDS["objectifs"].example_markers
    assert is_example_value(" exemple-ACT-1") and not is_example_value("Exemples de sciences")
