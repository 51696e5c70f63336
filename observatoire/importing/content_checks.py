"""Row checks of the programme-content kinds: references, identities and scales."""

from __future__ import annotations

from observatoire.normalize import name_key
from observatoire.texts import content as texts
from observatoire.texts import importing as import_texts

SCORE_SCALE = (0.0, 10.0)


class ContentChecks:
    """Mixed into the validator: one ``_check_<kind>`` per content kind, run on a parsed row."""

    def _known_actor_ids(self) -> set[str]:
        # Every actor of the workspace and of the file (the acteurs sheet is validated first).
        ids = set(self.ctx.known.get("actors", set()))
        for found in self.ctx.actors_by_name.values():
            ids |= found
        return ids

    def _check_programmes(self, row) -> None:
        vals = row.values
        self._check_dates(row)
        vals["item_id"] = f"{vals['programme']}|{vals['element']}|{name_key(vals['title'])}"

    def _check_rencontres(self, row) -> None:
        self._link(row)

    def _check_ressources(self, row) -> None:
        self._link(row)

    def _check_enquetes(self, row) -> None:
        self._check_dates(row)

    def _check_groupes(self, row) -> None:
        self._check_dates(row)
        self.ctx.known.setdefault("groups", set()).add(row.values["group_id"])

    def _check_membres(self, row) -> None:
        vals = row.values
        group, person, actor = vals["group_id"], vals.get("person_id"), vals.get("actor_id")
        if group not in self.ctx.known.get("groups", set()):
            row.rejects.append(("groupe", group, texts.UNKNOWN_GROUP.format(value=group)))
        if person and actor:
            row.rejects.append(("acteur", actor, texts.MEMBER_BOTH))
        elif not person and not actor:
            row.rejects.append(("personne", "", texts.MEMBER_MISSING))
        elif person and person not in self.ctx.person_ids:
            row.rejects.append(("personne", person, texts.UNKNOWN_MEMBER.format(value=person)))
        elif actor and actor not in self._known_actor_ids():
            row.rejects.append(("acteur", actor, texts.UNKNOWN_MEMBER.format(value=actor)))
        vals["membership_id"] = f"{group}|{person or actor}"

    def _check_tournees(self, row) -> None:
        vals = row.values
        self._check_dates(row)
        self._link(row)
        vals["type"] = texts.TOUR_STOP_TYPE
        if not vals.get("title"):
            vals["title"] = vals.get("tour_name") or vals["tour_id"]

    def _check_evaluations(self, row) -> None:
        vals = row.values
        low, high = SCORE_SCALE
        columns = {"score_before": "score_avant", "score_after": "score_apres"}
        columns["satisfaction"] = "satisfaction"
        for target, column in columns.items():
            score = vals.get(target)
            if score is not None and not low <= score <= high:
                shown = f"{score:g}".replace(".", ",")
                row.rejects.append((column, shown, texts.SCORE_RANGE.format(value=shown)))
        person, session = vals["person_id"], vals.get("session_id")
        if person not in self.ctx.person_ids:
            reason = import_texts.UNKNOWN_PERSON.format(value=person)
            row.rejects.append(("personne", person, reason))
        if session and session not in self.ctx.session_ids:
            reason = import_texts.UNKNOWN_SESSION.format(value=session)
            row.rejects.append(("session", session, reason))
        if not session and not vals.get("date"):
            row.rejects.append(("date", "", texts.EVALUATION_UNDATED))
        parts = (vals["type"], person, session or "", name_key(vals.get("dimension") or ""))
        vals["evaluation_id"] = "|".join(parts)
