"""Text keys that compare names and headers the way a French user reads them."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-_'’`.,/()·]+")
_SAINT = re.compile(r"\b(st|ste|sts|stes)\b")
_SAINT_FULL = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def strip_accents(text: str) -> str:
    """``Élodie`` -> ``Elodie`` (also folds ligatures such as œ)."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: object) -> str:
    """Lower case, no accents, no separators: ``Code_Postal`` == ``code postal`` == ``CodePostal``."""
    if text is None:
        return ""
    return _SEPARATORS.sub("", strip_accents(str(text)).lower())


def place_key(text: object) -> str:
    """Commune-name key: ``St Gaudens`` == ``SAINT-GAUDENS`` == ``saint gaudens``."""
    if text is None:
        return ""
    words = _SEPARATORS.sub(" ", strip_accents(str(text)).lower()).strip()
    words = _SAINT.sub(lambda m: _SAINT_FULL[m.group(1)], words)
    return words.replace(" ", "")


def name_key(text: object) -> str:
    """Record-identity key for a name: case and accents folded, runs of spaces collapsed."""
    if text is None:
        return ""
    return " ".join(strip_accents(str(text)).lower().split())
