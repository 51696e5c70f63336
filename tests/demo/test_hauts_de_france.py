"""Every figure of the SPTT mid-term review (seeds/003), asserted on the Hauts-de-France demo."""

import pytest

from observatoire.kpis.compute import compute_kpis


def q(con, sql, **params):
    return con.execute(sql, params).fetchall()


def test_2023_trainings_follow_the_detailed_list_not_the_announced_five(hdf):
    # The review announces "5 sessions" then lists 3 + 2 + 1 = 6 sessions and 9 days.
    k = compute_kpis(hdf, "2023")
    assert k["training_sessions"] == 6
    assert k["training_sessions"] != 5
    assert k["training_days"] == 9
    assert k["training_attendances"] == 85


def test_2023_three_strands(hdf):
    strands = dict(
        q(
            hdf,
            "SELECT CASE WHEN session_id LIKE 'SPTT-2023-FI%' THEN 'inclusion' "
            "WHEN session_id LIKE 'SPTT-2023-EP%' THEN 'educpop' ELSE 'evaluation' END, "
            "count(DISTINCT person_id) FROM attendances JOIN sessions USING (session_id) "
            "WHERE type = 'formation' AND year(start_date) = 2023 GROUP BY 1",
        )
    )
    assert strands == {"inclusion": 45, "educpop": 26, "evaluation": 14}
    days = q(
        hdf,
        "SELECT count(*), sum(days) FROM sessions WHERE type = 'formation' "
        "AND year(start_date) = 2023 GROUP BY session_id LIKE 'SPTT-2023-FI%' ORDER BY 1",
    )
    assert days == [(3, 3.0), (3, 6.0)]
    places = q(
        hdf,
        "SELECT month(start_date), c.name FROM sessions s JOIN ref.communes c "
        "ON c.code = s.commune_code WHERE session_id LIKE 'SPTT-2023-EP%' ORDER BY 1",
    )
    assert places == [(9, "Amiens"), (11, "Arras")]
    assert q(hdf, "SELECT start_date::VARCHAR FROM sessions WHERE session_id = 'SPTT-2023-EV'") == [
        ("2023-11-23",)
    ]


def test_2023_distinct_participants(hdf):
    k = compute_kpis(hdf, "2023")
    assert k["training_participants"] == 49
    assert (k["training_participants_women"], k["training_participants_men"]) == (32, 17)
    assert k["training_participants_volunteers"] == 7
    assert k["training_participants_employees"] == 42
    assert k["training_structures"] == 36
    deps, cats = q(
        hdf,
        "SELECT count(DISTINCT p.department_code), count(DISTINCT p.category) FROM people p "
        "WHERE person_id IN (SELECT person_id FROM attendances JOIN sessions USING (session_id) "
        "WHERE type = 'formation' AND year(start_date) = 2023)",
    )[0]
    assert (deps, cats) == (5, 5)


def sessions_of(con, sid):
    return q(con, "SELECT count(*) FROM attendances WHERE session_id = $s", s=sid)[0][0]


def test_2024_gathering_and_express(hdf):
    assert q(
        hdf,
        "SELECT start_date::VARCHAR, end_date::VARCHAR, type FROM sessions "
        "WHERE session_id = 'SPTT-2024-RR1'",
    ) == [("2024-02-15", "2024-02-16", "regroupement")]
    assert sessions_of(hdf, "SPTT-2024-RR1") == 29
    new = q(
        hdf,
        "SELECT count(*) FROM attendances a WHERE session_id = 'SPTT-2024-RR1' AND NOT EXISTS "
        "(SELECT 1 FROM attendances b JOIN sessions s USING (session_id) "
        "WHERE b.person_id = a.person_id AND s.start_date < DATE '2024-02-15')",
    )[0][0]
    assert new == 3
    assert q(
        hdf, "SELECT start_date::VARCHAR FROM sessions WHERE session_id = 'SPTT-2024-EXP'"
    ) == [("2024-04-15",)]
    assert sessions_of(hdf, "SPTT-2024-EXP") == 12


def test_2024_webinars_workshops_and_trainings(hdf):
    k = compute_kpis(hdf, "2024")
    assert k["webinar_sessions"] == 3
    assert k["webinar_attendances"] == 58
    months = q(hdf, "SELECT month(start_date) FROM sessions WHERE type = 'webinaire' ORDER BY 1")
    assert months == [(5,), (6,), (7,)]
    workshops = q(
        hdf,
        "SELECT count(*) FROM attendances JOIN sessions USING (session_id) "
        "WHERE type = 'atelier' GROUP BY session_id ORDER BY 1",
    )
    assert len(workshops) == 5 and sum(n for (n,) in workshops) == 19
    assert min(n for (n,) in workshops) == 2 and max(n for (n,) in workshops) == 7
    trainings = q(
        hdf,
        "SELECT s.title, month(start_date), c.name, count(*) FROM sessions s "
        "JOIN ref.communes c ON c.code = s.commune_code JOIN attendances USING (session_id) "
        "WHERE type = 'formation' AND year(start_date) = 2024 GROUP BY ALL ORDER BY 2",
    )
    assert trainings == [
        ("Formation Kadeiloscope", 5, "Amiens", 17),
        ("Formation Culture et inclusion", 7, "Oignies", 18),
    ]


def test_july_2024_collective(hdf):
    # The collective: distinct people at regroupement, atelier or formation sessions, Jan–Jul 2024.
    row = q(
        hdf,
        "SELECT count(*), count(*) FILTER (gender = 'F'), count(*) FILTER (gender = 'H'), "
        "count(*) FILTER (status = 'benevole'), count(*) FILTER (status = 'salarie'), "
        "count(DISTINCT structure) FROM people WHERE person_id IN (SELECT person_id FROM "
        "attendances JOIN sessions USING (session_id) WHERE type IN "
        "('regroupement', 'atelier', 'formation') AND start_date BETWEEN '2024-01-01' AND '2024-07-31')",
    )[0]
    assert row == (33, 20, 13, 3, 30, 24)


def test_24_experiments_with_the_five_workshop_themes(hdf):
    assert q(hdf, "SELECT count(*) FROM experiments") == [(24,)]
    themes = {t for (t,) in q(hdf, "SELECT DISTINCT theme FROM experiments")}
    assert themes == {
        "médiation",
        "formation-accompagnement",
        "communication",
        "scénographie",
        "publics",
    }


@pytest.mark.parametrize(
    ("name", "department"),
    [("Activ'Cités", "62"), ("Forum des Sciences", "59"), ("Les Scientivores", "80")],
)
def test_survey_hosts_are_actors(hdf, name, department):
    assert q(hdf, "SELECT department_code FROM actors WHERE name = $n", n=name) == [(department,)]


def test_collective_interviews(hdf):
    rows = q(
        hdf,
        "SELECT start_date::VARCHAR, participants, structure FROM actions "
        "WHERE type = 'entretien collectif' ORDER BY 1",
    )
    assert rows == [("2024-06-19", 7, "Activ'Cités"), ("2024-07-01", 3, "Forum des Sciences")]
    assert q(
        hdf, "SELECT sum(participants) FROM actions WHERE title LIKE 'Atelier de découverte%'"
    ) == [(70,)]


def test_workspace_is_labelled_demo(hdf):
    info = dict(q(hdf, "SELECT key, value FROM workspace_info"))
    assert info["demo"] == "1"
    assert "Démo" in info["name"]


def _breakdown(con, period, title):
    from observatoire.activities import trainings
    from observatoire.kpis import parse_period

    table = trainings.document_breakdowns(con, parse_period(period))[title]
    return dict(zip(table["label"], table["count"], strict=True))


def test_breakdown_trainings_by_strand_45_26_14(hdf):
    from observatoire.texts import activities as texts

    assert _breakdown(hdf, "2023", texts.BY_STRAND) == {
        "Formation initiale à l'inclusion": 45,
        "Éducation populaire": 26,
        "Évaluation": 14,
    }
    strands = q(hdf, "SELECT strand, count(*) FROM sessions WHERE strand IS NOT NULL GROUP BY 1")
    assert sorted(n for _, n in strands) == [1, 2, 3]  # 3 + 2 + 1 sessions


def test_breakdown_webinar_audience_by_origin_32_18_8(hdf):
    from observatoire.texts import activities as texts

    origins = _breakdown(hdf, "2024", texts.WEBINAR_BY_ORIGIN)
    assert origins == {
        "Impliqué·e·s dans le programme": 32,
        "Autres professionnel·le·s de la région": 18,
        "D'une autre région": 8,
    }
    assert sum(origins.values()) == compute_kpis(hdf, "2024")["webinar_participants"] == 58


def test_breakdown_participants_by_employer_type(hdf):
    from observatoire.texts import activities as texts

    # The review lists the employer types (local authorities and EPCI, associations,
    # universities, an entrepreneur) without counting them; every count adds up to the people.
    y2023 = _breakdown(hdf, "2023", texts.BY_EMPLOYER)
    assert set(y2023) <= set(texts.EMPLOYER_TYPES.values())
    assert {"Association", "Collectivité territoriale ou EPCI", "Université, recherche"} <= set(
        y2023
    )
    assert sum(y2023.values()) == 49
    y2024 = _breakdown(hdf, "2024", texts.BY_EMPLOYER)
    assert "Entreprise" in y2024
    assert sum(y2024.values()) == compute_kpis(hdf, "2024")["training_participants"]
    # The 7 volunteers of 2023 are "bénévoles d'associations locales".
    volunteers = q(
        hdf,
        "SELECT DISTINCT p.employer_type FROM people p JOIN attendances USING (person_id) "
        "JOIN sessions s USING (session_id) WHERE p.status = 'benevole' AND s.type = 'formation' "
        "AND year(s.start_date) = 2023",
    )
    assert volunteers == [("association",)]


def test_template_has_the_breakdown_columns(tmp_path):
    from openpyxl import load_workbook

    from observatoire.importing.template import write_template

    book = load_workbook(write_template(tmp_path / "modele.xlsx"))
    people = [c.value for c in book["personnes"][1]]
    sessions = [c.value for c in book["sessions"][1]]
    assert {"type_employeur", "origine"} <= set(people) and "volet" in sessions
