"""The URL of the page: the only reader and writer of ``st.query_params``.

Every filter a page keeps in the URL is a widget made here. The URL is the source of truth: the
widget starts from it, a change goes back to it, and a bad value gives the parameter's French
warning (``observatoire.urlparams``), the default, and a corrected URL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import streamlit as st

from observatoire import urlparams
from observatoire.activities import common
from observatoire.kpis import COMPARISONS, SHORTCUTS, Period
from observatoire.kpis import programme_start as first_activity
from observatoire.periods import Comparison
from observatoire.texts import activities as activity_texts
from observatoire.texts import urls as texts
from observatoire.ui.plain import md
from observatoire.urlparams import SHARED, department_label

ALL = ""


def raw(name: str) -> str | None:
    """The raw value of ``?name=`` (``None`` when absent); parse it before use."""
    return st.query_params.get(name)


def set_param(name: str, value: str) -> None:
    """Write ``?name=value``."""
    st.query_params[name] = value


def drop(*names: str) -> None:
    """Remove parameters from the URL."""
    for name in names:
        st.query_params.pop(name, None)


def shared() -> dict[str, str]:
    """The shared filters present in the URL, for the menu links."""
    return {k: st.query_params[k] for k in SHARED if k in st.query_params}


def _warn(parsed: urlparams.Parsed, where=None):
    """Show a parsed value's warning, if any, and return its value."""
    if parsed.warning:
        (where or st).warning(parsed.warning)
    return parsed.value


def _to_url(name: str, key: str, default: str | None = None) -> None:
    """Widget callback: the new value goes to the URL (dropped when empty or the default)."""
    value = st.session_state[key]
    if isinstance(value, list):
        text = ",".join(value)
    elif isinstance(value, bool):
        text = texts.YES[0] if value else ""
    elif isinstance(value, int | float):
        text = f"{value:g}"
    else:
        text = str(value).strip()
    if text and text != default:
        st.query_params[name] = text
    else:
        st.query_params.pop(name, None)


def url_pick(
    name: str, options: Sequence[str], default: str, label_of=str, template: str | None = None
) -> str:
    """A choice read from the URL without a widget (bare pages); unknown: warning, default."""
    # The default's label may be imported text (a workspace or programme name): escaped.
    parsed = urlparams.parse_choice(
        name, raw(name), options, default, lambda v: md(label_of(v)), template
    )
    if parsed.warning:
        drop(name)
    return _warn(parsed)


def url_choice(
    name: str,
    options: Sequence[str],
    default: str,
    *,
    label: str,
    format_func: Callable[[str], str] = str,
    container=None,
    template: str | None = None,
    **widget,
) -> str:
    """A selectbox kept as ``?name=``; an unknown value gives a warning and ``default``."""
    where = container or st
    value = url_pick(name, options, default, format_func, template)
    key = f"url_{name}"
    # Set before the widget exists, so the URL wins without a default clash.
    st.session_state[key] = value
    choice = where.selectbox(
        label,
        list(options),
        key=key,
        format_func=format_func,
        on_change=_to_url,
        args=(name, key),
        **widget,
    )
    st.query_params[name] = choice
    return choice


def url_option(
    name: str,
    choices: dict[str, str],
    *,
    label: str,
    container=None,
    template: str | None = None,
    **widget,
) -> str:
    """An optional filter kept as ``?name=``: ``""`` (the first choice) means no filter."""
    choice = url_choice(
        name,
        list(choices),
        ALL,
        label=label,
        format_func=lambda v: choices.get(v, v),
        container=container,
        template=template,
        **widget,
    )
    if choice == ALL:
        drop(name)
    return choice


def url_filter(name: str, label: str, choices: dict[str, str], container=None) -> str:
    """An optional directory filter; the warning names the filter."""
    template = texts.UNKNOWN["filtre"].format(label=label, value="{value}", default="{default}")
    return url_option(name, choices, label=label, container=container, template=template)


def url_number(name: str, *, label: str, high: float | None = None, container=None, **widget):
    """A number box kept as ``?name=``, bounds from ``urlparams.NUMBERS`` (``high``: tighter)."""
    spec = urlparams.NUMBERS[name]
    top = spec.high if high is None else high
    value = _warn(urlparams.parse_number(name, raw(name), top))
    if value == spec.default:
        drop(name)
    cast = int if spec.integer else float
    key = f"url_{name}"
    st.session_state[key] = value
    (container or st).number_input(
        label,
        min_value=cast(spec.low),
        max_value=cast(top),
        step=cast(1),
        # "15" rather than "15.00": plain numbers read better than fixed decimals.
        format="%d" if spec.integer else "%g",
        key=key,
        on_change=_to_url,
        args=(name, key, spec.text(spec.default)),
        **widget,
    )
    return value


def url_radius(*, label: str, container=None, **widget) -> float:
    """The radius in km, ``?rayon=``, the same bounds on every page (kept in the URL)."""
    value = url_number("rayon", label=label, container=container, **widget)
    set_param("rayon", urlparams.NUMBERS["rayon"].text(value))
    return value


def url_text(name: str, *, label: str, container=None, max_chars: int = 80, **widget) -> str:
    """A free text box kept as ``?name=`` (absent when empty)."""
    key = f"url_{name}"
    st.session_state[key] = urlparams.parse_text(raw(name), max_chars)
    value = (container or st).text_input(
        label, key=key, max_chars=max_chars, on_change=_to_url, args=(name, key), **widget
    )
    return value.strip()


def url_flag(name: str, *, label: str, container=None, **widget) -> bool:
    """A checkbox kept as ``?name=oui`` (``non`` or absent: unticked)."""
    value = _warn(urlparams.parse_flag(name, raw(name), label))
    if not value:
        drop(name)
    key = f"url_{name}"
    st.session_state[key] = value
    (container or st).checkbox(label, key=key, on_change=_to_url, args=(name, key), **widget)
    return value


def url_multi(
    name: str,
    options: Sequence[str],
    default: Sequence[str],
    *,
    label: str,
    format_func: Callable[[str], str] = str,
    container=None,
    **widget,
) -> list[str]:
    """A multiselect kept as ``?name=a,b``; unknown items are dropped with a warning."""
    chosen = _warn(urlparams.parse_multi(name, raw(name), options, default))
    key = f"url_{name}"
    st.session_state[key] = chosen
    value = (container or st).multiselect(
        label,
        list(options),
        key=key,
        format_func=format_func,
        on_change=_to_url,
        args=(name, key),
        **widget,
    )
    st.query_params[name] = ",".join(chosen)
    return list(value)


def url_interval() -> int:
    """The forum's seconds per slide, ``?intervalle=``, written back to the URL."""
    seconds = _warn(urlparams.parse_number("intervalle", raw("intervalle")))
    set_param("intervalle", str(seconds))
    return seconds


def url_period(
    con,
    container=None,
    default: Period | None = None,
    *,
    kinds: Iterable[str] | None = None,
    label: str = activity_texts.PERIOD,
    hint: str = activity_texts.PERIOD_HELP,
    bad: str = texts.PERIOD_BAD,
    shortcuts: bool = False,
    name: str = "periode",
) -> Period:
    """A period typed in a text box, kept as ``?periode=``; a refused value falls back.

    ``kinds``: the accepted shapes (``None``: months, years, ranges and shortcuts). With
    ``shortcuts``, a picker of the named periods (``SHORTCUTS``) sits under the box.
    """
    where = container or st
    default = default or common.default_period(con)
    parsed = urlparams.parse_period_value(
        raw(name), default, kinds, bad, programme_start=first_activity(con)
    )
    period = _warn(parsed)
    key = f"url_{name}"
    st.session_state[key] = period.key
    where.text_input(label, key=key, help=hint, on_change=_to_url, args=(name, key))
    if shortcuts:
        pick = "url_periode_raccourci"
        st.session_state[pick] = period.shortcut or ""
        where.selectbox(
            activity_texts.SHORTCUT,
            ["", *SHORTCUTS],
            key=pick,
            format_func=lambda k: SHORTCUTS.get(k, activity_texts.SHORTCUT_NONE),
            on_change=_shortcut_to_url,
            args=(pick,),
        )
    set_param(name, period.key)
    return period


def _shortcut_to_url(key: str) -> None:
    """Shortcut picker callback: the shortcut's key goes to the URL (it keeps what was chosen)."""
    if st.session_state[key]:
        set_param("periode", st.session_state[key])


def url_comparison(container=None) -> Comparison:
    """The comparison period's kind, ``?comparaison=`` (default: the period before)."""
    choice = url_choice(
        "comparaison",
        list(COMPARISONS),
        Comparison.PREVIOUS.value,
        label=activity_texts.COMPARISON,
        help=activity_texts.COMPARISON_HELP,
        format_func=lambda k: COMPARISONS[k],
        container=container,
    )
    if choice == Comparison.PREVIOUS.value:
        drop("comparaison")
    return Comparison(choice)


def url_programme(con, container=None) -> str | None:
    """The optional programme, ``?programme=``; ``None`` means every programme."""
    choice = url_option(
        "programme",
        {ALL: activity_texts.PROGRAMME_ALL} | {p: p for p in common.programmes(con)},
        label=activity_texts.PROGRAMME,
        container=container,
    )
    return choice or None


def url_department(
    names: dict[str, str],
    container=None,
    *,
    label: str = activity_texts.DEPARTMENT_FILTER,
    everything: str = activity_texts.DEPARTMENT_ALL,
) -> str | None:
    """One of ``names`` (code -> name), ``?departement=``, labelled ``Somme (80)``."""
    choices = {ALL: everything} | {c: department_label(c, n) for c, n in names.items()}
    return url_option("departement", choices, label=label, container=container) or None


def url_commune(names: dict[str, str], *, label: str, none: str, container=None) -> str | None:
    """One of ``names`` (code -> name), ``?commune=``, labelled ``Amiens (80021)``."""
    choices = {ALL: none} | {c: f"{n} ({c})" for c, n in names.items()}
    return url_option("commune", choices, label=label, container=container) or None


def commune_without_department(departments: Mapping[str, str]) -> str | None:
    """``?commune=`` without ``?departement=``: its department goes to the URL, or a warning.

    ``departments``: commune code -> department code; a Series indexed by code does too (a
    national dict of 35,000 communes costs more than the rest of the map page's run).
    """
    code = raw("commune")
    if not code or raw("departement"):
        return None
    department = _warn(urlparams.commune_department(code, departments))
    if department is None:
        drop("commune")
    else:
        set_param("departement", department)
    return department
