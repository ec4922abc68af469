"""Small talk: greetings, thanks, and questions about the conversation itself.

"Hi there! What kind of questions can I ask you?" names no topic of the applicant's; its
words ("questions", "ask") would still match some area by accident (a project that
answers questions). Triage answers such a message with its help message instead of
routing it, and a specialist hands it back to triage. A greeting that goes on to ask
something ("Hi! Where did you study?") is not small talk.
"""

from __future__ import annotations

import re

from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import Intent, classify
from ask_applicant.agents.offline.readings import read
from ask_applicant.agents.offline.spans import QuestionSpans
from ask_applicant.agents.offline.terms import terms

_HANGUL = re.compile(r"[\uac00-\ud7a3]")

_FLAGS = re.IGNORECASE

# Phrases that only greet, thank, or ask what the conversation is for.
_PHRASES = re.compile(
    "|".join(
        [
            # English greetings and thanks.
            r"\b(hi|hello|hey|hiya|howdy|greetings|yo|there|thanks|thank\s+you|cheers"
            r"|good\s+(morning|afternoon|evening|day)|nice\s+to\s+meet\s+you|ok(ay)?)\b",
            # The conversation itself: what can be asked, how this works.
            r"\b(what|which)\s+(kinds?|sorts?|types?)\s+of\b",
            r"\b(questions?|things?|topics?|stuff|anything|something)\b",
            r"\b(ask|asking|help|assist|assistance|allowed|able|use)\b",
            r"\bhow\s+(does|do)\s+(this|it|you)\s+work\b",
            # Korean greetings and thanks.
            r"안녕\S*|반가\S*|반갑\S*|감사\S*|고마\S*|처음\s*뵙\S*",
            # Korean: questions, asking, help, how to use, "here".
            r"질문\S*|물어\S*|여쭤\S*|여쭈\S*|도움\S*|도와\S*|사용법\S*|이용법\S*|쓰는\s*법\S*"
            r"|여기\S*|이곳\S*|뭘|무엇을|뭐를|어떤\s*걸|어떤\s*것\S*|무슨\s*것\S*",
        ]
    ),
    _FLAGS,
)


def is_small_talk(question: str) -> bool:
    """Tell whether a message is only small talk, with no topic of the applicant's.

    Args:
        question: The latest message, as typed.

    Returns:
        True when nothing is left once greetings, thanks, words about the conversation
        and words that frame any question are set aside; False for an empty message.
    """
    if not question.strip():
        return False
    if read(question)[0]:
        # The phrasing asks for something ("Tell me about her." is her summary).
        return False
    if not _PHRASES.search(question) and classify(question) is Intent.CURRENT:
        # "What does he do?" has no topic word, but asks what the applicant does now:
        # the current job answers it, not the help message.
        return False
    spans = QuestionSpans(_PHRASES.sub(" ", question))
    framing = set(spans.words) - set(spans.content)
    return not any(_is_topical(word, framing) for word in spans.words)


def _is_topical(word: str, framing: set[str]) -> bool:
    if _HANGUL.match(word):
        # Korean words that frame a question ("있나요", "되나요"), and single syllables
        # (particles and bound nouns: "수", "걸"), say nothing about a topic; but some
        # framing words are topics too ("경력", "경험"), which the glossary knows.
        return (len(word) > 1 and word not in framing) or bool(concept_terms(word))
    # English frames ("skills", "work") are topics here; only stopwords are not.
    return bool(terms(word))
