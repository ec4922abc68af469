"""A small tokenizer for English and Korean keyword search.

Latin words become lower-case tokens; runs of Hangul (and other CJK scripts, which
have no spaces to split on reliably) become overlapping character bigrams, so
"결제시스템" and "결제 시스템을" share the tokens 결제 and 시스.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(
    r"[a-z0-9][a-z0-9+#]*(?:[._/-][a-z0-9+#]+)*"
    r"|[\uac00-\ud7a3]+"
    r"|[\u3040-\u30ff\u4e00-\u9fff]+"
)
_HANGUL_OR_CJK = re.compile(r"^[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")

STOPWORDS = frozenset(
    """
    a an the and or but if of to in on at by for from with about as into over under
    is are was were be been being am do does did done have has had having can could
    will would shall should may might must i me my we our you your he him his she her
    they them their it its this that these those there here what which who whom whose
    when where why how all any some no not yes so than too very just also please tell
    show give list describe explain know let us much many more most other such only
    own same then once again
    나요 세요 주세 해주 알려 려주 있나 습니 니까 합니 니다 어떤 무엇 뭐야 인가 인지
    에서 으로 에게 까지 부터 있어 있는 했나 했어 어요 해요 이에 대해 대한
    """.split()
)


def normalize(text: str) -> str:
    """NFKC-normalise and lower-case, so full-width and compatibility forms match."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Split text into search tokens: lower-case words plus Hangul/CJK bigrams.

    Args:
        text: Any text; emoji and punctuation are dropped.
        keep_stopwords: Keep common function words (for phrase matching).

    Returns:
        The tokens in order of appearance, duplicates kept.
    """
    out: list[str] = []
    for match in _WORD.finditer(normalize(text)):
        word = match.group()
        if _HANGUL_OR_CJK.match(word):
            grams = [word] if len(word) == 1 else [word[i : i + 2] for i in range(len(word) - 1)]
        else:
            # "node.js", "ci/cd", "kubernetes-based": the whole word and its parts.
            parts = re.split(r"[._/-]", word)
            grams = [word, *parts] if len(parts) > 1 else [word]
        out.extend(g for g in grams if keep_stopwords or g not in STOPWORDS)
    return out
