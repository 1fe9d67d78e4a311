"""Which of the summary's three languages a text the member wrote appears to be in.

The printed bezoekverslag puts its headings in the resident's language and the member's
own words under them as typed: a theme left in Dutch under a German heading should not go
out unnoticed. Three languages are told apart by their most common small words, counting
only words that belong to one of them ("de", "und", "the"; not "in" or "was", which all
three share). A library that detects 75 languages brings around 100 MB of models for this
one question; the words below are enough for a paragraph and are easy to check by hand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from wijkteam.domain.enums import Language

_WORDS: Mapping[Language, str] = {
    Language.DUTCH: """
        de het een en van dat niet zijn ook maar als bij naar wat hij zij ze we wij
        je jij u uw haar hem hun heeft hebben had waren wordt worden werd kan kunnen
        wil wilt willen moet moeten zou zouden graag nog meer weer veel heel erg
        met voor over door uit om tot dan toen nu hier daar er al geen iets niets
        iemand niemand omdat want dus wel maar alleen samen thuis dochter zoon
        buurvrouw buurman vindt gaat komt doet zegt weet zelf eigen vaak soms
        week dinsdag woensdag donderdag zaterdag zondag boodschappen is of ik me
        mij mijn die
    """,
    Language.GERMAN: """
        der die das den dem des ein eine einen einem einer und ist nicht sind
        auch aber wenn bei nach was er sie es wir ihr ihn ihm ihnen hat haben
        hatte waren wird werden wurde kann können will möchte möchten muss müssen
        würde gern gerne noch mehr wieder viel sehr mit für über durch aus um bis
        dann als jetzt hier dort schon kein keine etwas nichts jemand niemand weil
        denn also nur zusammen zu hause tochter sohn nachbarin nachbar findet geht
        kommt macht sagt weiß selbst eigene oft manchmal woche dienstag mittwoch
        donnerstag samstag sonntag einkäufe einkaufen ich mich mir sich so an du
        dich dir mein meine auf oder
    """,
    Language.ENGLISH: """
        the a an and of that not are also but if at to what he she they we you
        your her him them has have had were is was be been will would can could
        want wants should must likes like more again much very with for about
        through from out until then now here there already no nothing something
        someone nobody because so only together home daughter son neighbour
        neighbor finds goes comes does says knows self own often sometimes week
        tuesday wednesday thursday saturday sunday shopping i me my it its this
        over door on or
    """,
}


def _distinctive() -> dict[Language, frozenset[str]]:
    """Each language's words that neither other language also uses."""
    sets = {language: frozenset(words.split()) for language, words in _WORDS.items()}
    return {
        language: words.difference(*(other for key, other in sets.items() if key != language))
        for language, words in sets.items()
    }


DISTINCTIVE = _distinctive()
MIN_HITS = 2  # fewer telling words: too little to say
LEAD = 2.0  # the likeliest language needs at least twice the hits of the next one

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def words(text: str) -> list[str]:
    return [token.lower() for token in _TOKEN.findall(text)]


def guess_language(text: str) -> Language | None:
    """The language the text appears to be in, or None when it cannot be told (too short,
    names only, or mixed)."""
    hits = Counter(
        language for word in words(text) for language, known in DISTINCTIVE.items() if word in known
    )
    if not hits:
        return None
    ranked = hits.most_common()
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < MIN_HITS or count < LEAD * runner_up:
        return None
    return best


def in_another_language(
    texts: Iterable[tuple[str, str]], language: Language
) -> list[tuple[str, Language]]:
    """(label, guessed language) for each (label, text) that appears to be written in a
    language other than `language`."""
    found = []
    for label, text in texts:
        guessed = guess_language(text)
        if guessed is not None and guessed is not language:
            found.append((label, guessed))
    return found
