"""The lexicon: the words of the applicant's public profile, to tell what it mentions.

A lookup that returns nothing may have been the wrong tool (the projects searched for a
skill the skills list); a retry with another tool fixes that. A thing the profile never
mentions, in any section and in either script, no tool can find: the plain answer is
that the profile does not mention it ("How many years of COBOL?"), not a section dump.
The lexicon also knows how the profile spells a name a question writes in the other
script: 데브옵스 is "DevOps" when the skills say so, and "Pureun Insurance" is 푸른손해보험
when the work history says so.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from agents import FunctionTool

from ask_applicant.agents.offline.arguments import Role, role_of
from ask_applicant.agents.offline.concept_groups import group_terms
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.linking import (
    hangul_keys,
    hangul_skeleton,
    hangul_skeletons,
    hangul_stems,
    latin_keys,
    latin_skeletons,
    leading_keys,
)
from ask_applicant.agents.offline.spellings import transliterate
from ask_applicant.agents.offline.terms import terms
from ask_applicant.agents.offline.transcript import Exchange

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.+#-]*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
# A capitalised word or a run of them ("Google", "Credit Suisse"); "I" is no name.
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.+#-]*")
_AT_PLACE = re.compile(r"([\uac00-\ud7a3]{2,})에서(?:는|도)?(?![\uac00-\ud7a3])")
_NAME = re.compile(r"\b(?!I\b)[A-Z][\w.+#-]*(?:\s+[A-Z][\w.+#-]*)*")
# Shorter skeletons name too many words to link a name by ("Go", "AI").
# A word this long may be clipped from a longer one the profile writes.
_CLIPPED = 5
_MIN_LINK = 3
_MIN_NAME_SYLLABLES = 2
# A word in a verb's form is no name ("입사했어요" shares a skeleton with "App Store").
_PREDICATE = re.compile(r"(요|까|죠|냐|습니다|[했었았였겠한할된던])$")


class Lexicon:
    """What one profile's public text holds.

    Args:
        texts: Every public string of the profile (resume values, write-ups, FAQ).
    """

    def __init__(self, texts: Iterable[str]) -> None:
        lines = [line for text in texts for line in text.splitlines() if line.strip()]
        # Its words, and the English words of its Korean ones (영어 is "english").
        self._terms = frozenset(
            term
            for line in lines
            for term in (*terms(line), *concept_terms(line), *group_terms(line))
        )
        self._hangul_keys = frozenset(key for line in lines for key in hangul_keys(line))
        self._latin_keys = frozenset(key for line in lines for key in latin_keys(line))
        # A short skeleton meets many plain words ("part" is 플러터's p-r-t): only a name
        # ("Flutter", "App Store") may be met by one.
        self._name_keys = frozenset(
            key
            for line in lines
            for match in _NAME.finditer(line)
            for key in latin_keys(match.group())
        )
        # Skeleton → the profile's Latin spelling of one to three words ("dbps" → DevOps).
        self._latin: dict[str, str] = {}
        for line in lines:
            words = _LATIN_WORD.findall(line)
            for start in range(len(words)):
                for end in range(start + 1, min(start + 3, len(words)) + 1):
                    spelling = " ".join(words[start:end])
                    for key in sorted(latin_skeletons(spelling)):
                        held = self._latin.get(key)
                        # A name ("App Store") before a run of plain words ("a first").
                        if held is None or (
                            _looks_like_a_name(spelling) and not _looks_like_a_name(held)
                        ):
                            self._latin[key] = spelling
        # Skeleton → the profile's Hangul spelling of one to three words, or of a long
        # word its leading part names ("prn" → 푸른손해보험).
        self._hangul: dict[str, str] = {}
        self._leading: dict[str, str] = {}
        for line in lines:
            words = _HANGUL_WORD.findall(line)
            for word in words:
                for key in leading_keys(word):
                    self._leading.setdefault(key, word)
            for start in range(len(words)):
                for end in range(start + 1, min(start + 3, len(words)) + 1):
                    spelling = " ".join(words[start:end])
                    for key in hangul_skeletons(spelling.replace(" ", "")):
                        if len(key) >= _MIN_LINK:
                            self._hangul[key] = spelling

    def mentions(self, phrase: str) -> bool:
        """True when the profile holds any word of the phrase, in either script.

        Generous on purpose: only a thing it surely never mentions is answered as such.
        """
        found = [
            *terms(phrase),
            *terms(transliterate(phrase)),
            *concept_terms(phrase, korean=True),
            *group_terms(phrase),
        ]
        if any(term in self._terms for term in found):
            return True
        # A clipped word: "postdoc" of "Postdoctoral", "admin" of "administrator".
        long = [term for term in found if len(term) >= _CLIPPED and term.isascii()]
        if any(held.startswith(term) for term in long for held in self._terms):
            return True
        spelt = hangul_keys(phrase) & self._latin_keys
        return any(len(key) > _MIN_LINK or key in self._name_keys for key in spelt) or bool(
            latin_keys(phrase) & self._hangul_keys
        )

    def spelling(self, phrase: str) -> str | None:
        """The profile's Latin spelling of a name written in Hangul, if it has one."""
        if not _HANGUL.search(phrase) or _LATIN_WORD.search(phrase):
            return None
        hangul = "".join(_HANGUL.findall(phrase))
        # The plain reading first; the one with a final ㅂ as b only when it finds nothing.
        plain = hangul_skeleton(hangul)
        for key in (plain, *sorted(hangul_skeletons(hangul) - {plain})):
            if len(key) >= _MIN_LINK and key in self._latin:
                return self._latin[key]
        return None

    def in_latin(self, text: str) -> list[str]:
        """The profile's Latin spellings of the names among the Hangul words of a text
        ("앱스토어에" is "App Store" when a project says so).

        Stricter than `spelling`, which is given a name: in running text a short native
        word can share a skeleton with any word of the profile (박사 with "Box"), so only
        words of three syllables or more count, not in a verb's form, and only spellings
        that look like names (each word capitalised: "App Store", not "apps in").
        """
        return list(dict.fromkeys(self._names_in(text).values()))

    def in_hangul(self, text: str) -> list[str]:
        """The profile's Hangul spellings of the Latin-script names of a text ("device farm
        scheduler" is 디바이스 팜 스케줄러 when a project says so), longest first."""
        words = _LATIN_WORD.findall(text)
        found: list[str] = []
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                run = " ".join(words[start : start + size])
                # A capitalised word may be a brand a long name begins with ("Pureun").
                brand = size == 1 and run[:1].isupper()
                for key in sorted(latin_skeletons(run)):
                    spelling = self._hangul.get(key) if len(key) >= _MIN_LINK else None
                    spelling = spelling or (self._leading.get(key) if brand else None)
                    if spelling and not any(spelling in held for held in found):
                        found.append(spelling)
        return found

    def respelt(self, text: str) -> str:
        """The text with its Hangul names in the profile's Latin spelling (see `in_latin`)
        and its Latin names followed by the profile's Hangul spelling (`in_hangul`): a
        search argument then finds what the profile writes in the other script."""
        for word, spelling in self._names_in(text).items():
            text = text.replace(word, f" {spelling} ")
        return " ".join([*text.split(), *self.in_hangul(text)])

    def _names_in(self, text: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for word in _HANGUL_WORD.findall(text):
            if _PREDICATE.search(word):
                continue
            stems = [stem for stem in hangul_stems(word) if len(stem) >= _MIN_NAME_SYLLABLES]
            spelt = (self.spelling(stem) for stem in stems)
            spelling = next((latin for latin in spelt if latin is not None), None)
            if spelling is not None and _looks_like_a_name(spelling):
                found[word] = spelling
        return found


def _looks_like_a_name(spelling: str) -> bool:
    return all(any(ch.isupper() for ch in word) for word in spelling.split())


def unmentioned(
    lexicon: Lexicon | None, call: Exchange, tools: Sequence[FunctionTool]
) -> str | None:
    """What a call that found nothing asked about, when the profile never mentions it.

    Args:
        lexicon: The profile's words (None: unknown, so nothing counts as unmentioned).
        call: The finished call.
        tools: The agent's function tools, for the call's schema.

    Returns:
        The name, skill or search words the call was made with, or None when there
        were none or the profile mentions one of them.
    """
    if lexicon is None:
        return None
    named = _subjects(call, tools)
    if not named or any(lexicon.mentions(value) for value in named):
        return None
    # "Rust 로 개발할 수": the name, without the Korean it was asked in.
    latin = _LATIN_RUN.findall(named[0]) if _HANGUL.search(named[0]) else []
    return " ".join(latin) or named[0]


def spelt(lexicon: Lexicon | None, tool: FunctionTool, values: dict[str, Any]) -> dict[str, Any]:
    """The arguments with a Hangul-spelt skill in the profile's Latin spelling (DevOps),
    and the Hangul names in search words too ("앱스토어" is "App Store")."""
    if lexicon is None:
        return values
    result = dict(values)
    for name, schema in _parameters(tool).items():
        value = result.get(name)
        if not isinstance(value, str):
            continue
        role = role_of(name, schema)
        if role is Role.SKILL:
            result[name] = lexicon.spelling(value) or value
        elif role in (Role.QUERY, Role.TERM):
            result[name] = lexicon.respelt(value)
    return result


def unknown_names(
    lexicon: Lexicon | None, question: str, ignore: Collection[str] = ()
) -> str | None:
    """The names a question writes that the profile never mentions, joined; None when
    there are none or no lexicon. A name is a capitalised word past the first, or a
    Korean word the place particle 에서 follows that the glossary does not know.

    Args:
        lexicon: The profile's words.
        question: The question as asked.
        ignore: Terms that name no thing here (the applicant's name).
    """
    if lexicon is None:
        return None
    # An English question's first word is capitalised anyway; a Korean one's is a name.
    first = -1 if _HANGUL.search(question) else _first_word(question)
    names = [match.group() for match in _NAME.finditer(question) if match.start() != first]
    # Korean marks the place of work with 에서 ("구글에서 얼마나 일했어요?").
    names += [
        match.group(1)
        for match in _AT_PLACE.finditer(question)
        if not concept_terms(match.group(1))
    ]
    unknown = [
        name for name in names if not set(terms(name)) <= set(ignore) and not lexicon.mentions(name)
    ]
    return " ".join(unknown) or None


# "플러터 해봤어요?", "플러터는 할 줄 알아요?": a word, then a verb of doing or using.
_KO_SKILL_ASK = re.compile(
    r"^\W*([\uac00-\ud7a3]{2,}?)(?:은|는|이|가|을|를|도|으로|로)?\s*"
    r"(?:해\s*보|해\s*봤|해\s*본|써\s*보|써\s*봤|할\s*줄|쓸\s*줄|다룰\s*줄|다뤄|경험|사용"
    r"|개발해\s*(?:보|봤|본))"
)
# "Any Flutter?", "Does she do any Flutter?": whether, of one named thing.
_ANY = re.compile(r"^\W*any\s+[A-Z]", re.I)


def unknown_skill(
    lexicon: Lexicon | None, question: str, yes_no: bool, ignore: Collection[str] = ()
) -> str | None:
    """What a skill-shaped question names that the profile never mentions, if anything.

    "Does she do any Flutter?" and "플러터 해봤어요?" ask whether the applicant has a skill;
    when the profile never names it, the skills' area answers no (not the help message).

    Args:
        lexicon: The profile's words (None: unknown, so nothing is unmentioned).
        question: The question as asked.
        yes_no: Whether it asks whether (see `intent.classify`).
        ignore: Terms that name no thing here (the applicant's name).
    """
    if lexicon is None:
        return None
    hangul = _KO_SKILL_ASK.search(question)
    if hangul is not None:
        word = hangul.group(1)
        known = concept_terms(word) or not hangul_stems(word) or lexicon.mentions(word)
        return None if known else word
    if _ANY.search(question):
        # "Any" opens the question, so the name after it is not its first word.
        return unknown_names(lexicon, re.sub(r"^\W*any", "any", question, flags=re.I), ignore)
    if yes_no:
        return unknown_names(lexicon, question, ignore)
    return None


def _first_word(question: str) -> int:
    found = _LATIN_WORD.search(question)
    return found.start() if found else -1


_SUBJECT_ROLES = (Role.NAME, Role.SKILL, Role.TERM, Role.QUERY)


def _parameters(tool: FunctionTool) -> dict[str, Mapping[str, Any]]:
    properties = (tool.params_json_schema or {}).get("properties")
    if not isinstance(properties, Mapping):
        return {}
    return {name: schema for name, schema in properties.items() if isinstance(schema, Mapping)}


def _subjects(call: Exchange, tools: Sequence[FunctionTool]) -> list[str]:
    """The names, skills and search words a call was made with."""
    tool = next((tool for tool in tools if tool.name == call.name), None)
    arguments = call.parsed_arguments()
    if tool is None:
        return []
    found = []
    for name, schema in _parameters(tool).items():
        value = arguments.get(name)
        if role_of(name, schema) in _SUBJECT_ROLES and isinstance(value, str) and value.strip():
            found.append(value.strip())
    return found
