"""Every figure of the PTR Occitanie first-year review (seeds/000), asserted on the demo."""

import pytest

from observatoire.kpis.compute import compute_kpis

OCCITANIE = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]


def q(con, sql, **params):
    return con.execute(sql, params).fetchall()


@pytest.mark.parametrize(
    ("name", "commune_code"),
    [
        ("Science Animation", "31555"),
        ("Science Animation (bureau de Montpellier)", "34172"),
        ("À Ciel Ouvert", "32132"),
        ("Carrefour des Sciences et des Arts", "46042"),
        ("Centre de l'Imaginaire Scientifique et Technique (C.I.S.T.)", "34267"),
        ("Délires d'encre", "31254"),
        ("Fermat Science", "82013"),
        ("Kimiyo", "34108"),
        ("Planète Sciences Occitanie", "31446"),
    ],
)
def test_consortium_members_at_their_real_towns(occ, name, commune_code):
    assert q(occ, "SELECT commune_code FROM actors WHERE name = $n", n=name) == [(commune_code,)]


def test_eight_consortium_associations(occ):
    names = q(
        occ,
        "SELECT DISTINCT split_part(name, ' (bureau', 1) FROM actors "
        "WHERE category = 'membre du consortium'",
    )
    assert len(names) == 8


def test_more_than_1400_actors_in_three_circles_over_13_departments(occ):
    k = compute_kpis(occ, "2017")
    assert k["actors_total"] > 1400
    assert k["actors_circle_1"] + k["actors_circle_2"] + k["actors_circle_3"] == k["actors_total"]
    assert min(k["actors_circle_1"], k["actors_circle_2"], k["actors_circle_3"]) > 0
    assert k["departments_with_actor"] == 13
    kinds = {t for (t,) in q(occ, "SELECT DISTINCT structure_type FROM actors WHERE circle = 3")}
    assert {"Médiathèque", "Bibliothèque", "Centre de loisirs"} <= kinds


def test_propulseur_tour(occ):
    stops = q(
        occ,
        "SELECT count(*), count(DISTINCT commune_code) FROM actions "
        "WHERE type = 'étape de tournée'",
    )
    assert stops == [(40, 40)]
    weeks = q(
        occ,
        "SELECT DISTINCT date_diff('day', start_date, end_date) + 1 FROM actions "
        "WHERE type = 'étape de tournée'",
    )
    assert weeks == [(7,)]
    days, visitors = q(
        occ,
        "SELECT sum(date_diff('day', start_date, end_date) + 1), sum(participants) FROM actions "
        "WHERE type = 'étape de tournée' AND year(start_date) IN (2016, 2017)",
    )[0]
    assert days > 100  # "plus de 100 jours"
    assert 29_500 <= visitors < 30_000  # "près de 30 000 visiteurs"
    years = {
        y
        for (y,) in q(
            occ, "SELECT DISTINCT year(start_date) FROM actions WHERE type = 'étape de tournée'"
        )
    }
    assert years == {2016, 2017, 2018}


def test_working_groups_have_more_than_80_members(occ):
    n = q(
        occ, "SELECT count(DISTINCT person_id) FROM attendances WHERE session_id LIKE 'OCC-S-GT%'"
    )
    assert n[0][0] > 80
    assert q(occ, "SELECT count(*) FROM sessions WHERE session_id LIKE 'OCC-S-GT%'") == [(6,)]


def test_debate_training_september_2017(occ):
    k = compute_kpis(occ, "2017-09")
    assert k["training_sessions"] == 1
    assert k["training_participants"] == 24
    assert k["training_days"] == 1


def test_debate_with_37_pupils_after_two_preparations(occ):
    assert q(occ, "SELECT participants FROM actions WHERE action_id = 'OCC-DEB-2057'") == [(37,)]
    assert q(occ, "SELECT count(*) FROM actions WHERE action_id LIKE 'OCC-DEB-PREP%'") == [(2,)]
    # The preparations had the same 37 pupils: the audience counts them once, not three times.
    audience = q(occ, "SELECT sum(participants) FROM actions WHERE action_id LIKE 'OCC-DEB-%'")
    assert audience == [(37,)]


def test_territorial_forums(occ):
    rows = q(
        occ,
        "SELECT year(start_date), month(start_date), c.name, participants FROM actions a "
        "JOIN ref.communes c ON c.code = a.commune_code WHERE type = 'forum' ORDER BY 1",
    )
    assert rows[0][:3] == (2016, 6, "Toulouse") and 140 <= rows[0][3] < 150  # "près de 150"
    assert rows[1][:3] == (2017, 6, "Montpellier")


def test_ptr_launch_and_meeting(occ):
    # Steering meetings are meetings now, no longer sessions with nobody attending.
    dates = q(occ, "SELECT date::VARCHAR FROM meetings WHERE type = 'pilotage' ORDER BY 1")
    assert dates == [("2017-11-14",), ("2018-01-31",)]
    assert q(occ, "SELECT count(*) FROM sessions WHERE type = 'regroupement'") == [(0,)]


def test_rural_and_qpv_are_represented_and_some_departments_thin(occ):
    rural = q(
        occ,
        "SELECT count(*) FROM actors a JOIN ref.communes c ON c.code = a.commune_code WHERE c.rural",
    )
    assert rural[0][0] > 200
    assert q(occ, "SELECT count(*) FROM actors WHERE qpv_code IS NOT NULL")[0][0] > 10
    per_dep = dict(q(occ, "SELECT department_code, count(*) FROM actors GROUP BY 1"))
    assert set(per_dep) == set(OCCITANIE)
    assert per_dep["48"] < per_dep["12"] / 2


def test_opens_on_a_month_when_the_programme_was_active(occ):
    from observatoire.activities import common, trainings
    from observatoire.kpis import compute_kpis

    # One synthetic action used to fall on 1 January 2019 and opened the demo on an empty year.
    assert q_max(occ) == "2018-12-31"
    month = common.default_month(occ)
    assert month.key == "2018-12"
    assert compute_kpis(occ, month, only=["actions_total"])["actions_total"] > 1
    assert trainings.default_period(occ).key == "2017"  # the September 2017 debate training


def q_max(con) -> str:
    return str(con.execute("SELECT max(start_date) FROM actions").fetchone()[0])
