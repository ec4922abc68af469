"""Search terms: the profile tokenizer's tokens, lightly stemmed, for BM25 matching.

Tokenising itself (lower-case Latin words, Hangul character bigrams, stopwords) is the
profile package's `tokens`; this module only adds what ranking needs on top: English
suffix folding so "worked", "working" and "works" meet, the parts of hyphenated and
snake_case names, and a token count for usage reporting.
"""

from __future__ import annotations

import itertools
import re

from ask_applicant.profile.text import STOPWORDS, tokens

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN = re.compile(r"[A-Za-z]")
_IDENTIFIER_BREAK = re.compile(r"[_\W]+|(?<=[a-z0-9])(?=[A-Z])")
_COMPOUND = re.compile(r"[._/-]")
# A name with a version number glued on ("c++17", "python3", "html5").
_VERSIONED = re.compile(r"^(?P<name>[a-z][a-z+#]*[a-z+#])\d{1,2}$")
# What the tokenizer leaves of English contractions ("what's", "don't", "I'd").
_CONTRACTION_TAILS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})


def stem(token: str) -> str:
    """Fold common English suffixes so inflected forms share one term.

    Deliberately crude (no dictionary): both sides of every comparison go through the same
    function, so consistency matters more than producing real words.

    Args:
        token: A lower-case token; Hangul and short tokens are returned unchanged.

    Returns:
        The folded token.
    """
    if len(token) <= 3 or not token.isascii() or not token.isalpha():
        return token
    word = token
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement, min_stem in (
        ("ional", "ion", 4),
        ("ies", "y", 3),
        ("ied", "y", 3),
        ("sses", "ss", 2),
        ("ing", "", 4),
        ("ed", "", 3),
        ("es", "", 4),
        ("s", "", 3),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            break
    # "manage", "managed" and "managing" all end up as "manag".
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def terms(text: str, *, parts: bool = True) -> list[str]:
    """Return the stemmed search terms of free text, stopwords removed.

    Args:
        text: Any text, English, Korean or mixed.
        parts: Also yield the parts of hyphenated tokens ("chat-service" -> "chat",
            "servic"). Documents want them; a question naming "resume-bot" does not want
            to match every document that says "resume".

    Returns:
        Terms in order, duplicates kept.
    """
    raw = [token for token in tokens(text) if token not in _CONTRACTION_TAILS]
    out: list[str] = []
    index = 0
    while index < len(raw):
        token = raw[index]
        out.append(stem(token))
        index += 1
        versioned = _VERSIONED.match(token) if parts else None
        if versioned:
            # "C++17" and "Python3" name C++ and Python too.
            out.append(stem(versioned["name"]))
        if not _COMPOUND.search(token):
            continue
        pieces = [piece for piece in _COMPOUND.split(token) if piece]
        # The tokenizer may already emit the parts right after the compound; take them
        # over here so that `parts` decides alone.
        end = index
        while end < len(raw) and end - index < len(pieces) and raw[end] in pieces:
            end += 1
        index = end
        if parts:
            out.extend(stem(piece) for piece in pieces if len(piece) > 1 and piece not in STOPWORDS)
    return out


def with_phrases(found: list[str]) -> list[str]:
    """Add each pair of adjacent Latin terms as one more term ("chat servic").

    A name such as "chat service" is far more specific than either word; documents and
    queries both get the pairs, so a question naming a project meets the area that
    names it most.

    Args:
        found: Terms in text order, as `terms` returns them.

    Returns:
        The terms followed by the pairs.
    """
    latin = [term for term in found if term.isascii()]
    return found + [f"{left} {right}" for left, right in itertools.pairwise(latin)]


def identifier_terms(name: str) -> list[str]:
    """Return the terms of an identifier such as `years_of_experience` or `getProject`.

    Stopwords are kept: in a tool name every part was chosen on purpose ("list").

    Args:
        name: A function, tool or agent name.

    Returns:
        The stemmed parts of the name.
    """
    parts = [part for part in _IDENTIFIER_BREAK.split(name) if part]
    return [stem(token) for part in parts for token in tokens(part, keep_stopwords=True)]


def is_mostly_hangul(text: str) -> bool:
    """Tell whether a text is Korean: more Hangul syllables than Latin letters."""
    hangul = len(_HANGUL.findall(text))
    return hangul > 0 and hangul >= len(_LATIN.findall(text))


def is_korean(text: str) -> bool:
    """Tell whether a question is asked in Korean, names in Latin letters aside.

    A Hangul syllable carries about as much as three Latin letters, so "Studio Kettle에서는
    언제 일했어요?" is Korean while "What did he do at 네이버?" is English.
    """
    hangul = len(_HANGUL.findall(text))
    return hangul > 0 and 3 * hangul >= len(_LATIN.findall(text))


def count_tokens(text: str) -> int:
    """Count usage tokens: whitespace words, with Hangul words counted as their bigrams."""
    count = 0
    for word in text.split():
        syllables = len(_HANGUL.findall(word))
        count += max(1, syllables - 1) if syllables else 1
    return count
