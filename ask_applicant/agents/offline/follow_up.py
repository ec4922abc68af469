"""Follow-ups: a short question that leans on the one before it.

The next turn of a conversation starts with the specialist that answered the last one,
and recruiters then ask in fragments. Three kinds are understood:

- An ellipsis names a new subject and leaves the question out: "And how about Kotlin?",
  "What about Kubernetes?", "코틀린은요?". It is the previous question with its subject
  (the argument its tool was called with) swapped for the new one.
- An anaphor asks a new question about the previous subject: "What was your role in
  it?", "When did you get the AWS one?", "거기서 어떤 역할을 맡으셨어요?". It is the
  question with that subject added, quoted, so that a name argument takes it.

- A zero anaphor names no subject at all, as Korean may: "어떤 기술 썼어요?" after a
  project asks about that project. It is the question with the subject added.

Anything else stands on its own. Whether a follow-up still belongs to the specialist is
the planner's call: an ellipsis and a zero anaphor are judged as the question they
stand for, an anaphor by its own words (its own words may well change the topic: "Is it
open to remote work?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ask_applicant.agents.offline.arguments import Role, role_of
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import Intent, classify
from ask_applicant.agents.offline.spans import QuestionSpans
from ask_applicant.agents.offline.spellings import TRANSLITERATIONS, transliterated_terms
from ask_applicant.agents.offline.terms import is_korean
from ask_applicant.agents.offline.transcript import PastTurn

_FLAGS = re.IGNORECASE

# "And how about", "What about", "그럼", or a trailing "은요?": the question is elided.
_ELLIPSIS_LEAD = re.compile(
    r"^\s*(?:(?:and|so|ok(?:ay)?|also|plus|then|great|thanks)[\s,.!]*)*"
    r"(?:(?:what|how)\s+about|and|also|same\s+(?:question\s+)?for)\b"
    r"|^\s*(?:그럼|그러면|그리고|그래서|그렇다면|또)\s*",
    _FLAGS,
)
_KOREAN_TAIL = re.compile(
    r"(?:은|는|도)\s*요?\s*[?？.]*\s*$"
    r"|\s*(?:은|는|도)?\s*(?:어때요?|어떤가요|어떠세요|어떻습니까)\s*[?？.]*\s*$"
)
# What may surround a bare subject ("At Nuri Soft?") that is not a question of its own.
_FILLERS = frozenset("at in on with for of about the a an to from using your his her their".split())
_QUESTION_WORDS = re.compile(
    r"\b(what|which|who|whom|whose|when|where|why|how)\b"
    r"|뭐|뭔|뭘|무엇|무슨|어떻|어떤|어때|언제|어디|왜|누구|몇",
    _FLAGS,
)
# A subject stays a few words long; more is a question of its own. Without a marker
# ("and", "what about", "은요") only a bare name of a word or two counts ("Kotlin?").
_MAX_ELLIPSIS_WORDS = 3
_MAX_BARE_WORDS = 2

# A short question about time names no subject of its own; it asks about the last one.
_ABOUT_TIME = re.compile(
    r"^\W*(when|since when|how long|until when|how many years)\b|언제|얼마나|몇\s*년", re.I
)
_SHORT_WORDS = 5
# A Korean verb closing a question ("썼어요", "했나요", "만들었습니까").
_PREDICATE = re.compile(r"(요|까|니|죠|냐|나|다)$")
# A capitalised Latin word, or any Latin word in a Korean question.
_LATIN_NAME = re.compile(r"\b(?!I\b)[A-Z][\w.+#-]*|(?<![A-Za-z])[a-z][\w.+#-]*(?=[\uac00-\ud7a3])")
# The index of ㅆ among the final consonants of a Hangul syllable.
_SSANG_SIOT = 20
_ANAPHOR = re.compile(
    r"\b(it|its|they|them|those|these)\b"
    r"|\bthere\b(?<!\bis\sthere)(?<!\bare\sthere)(?<!\bwas\sthere)(?<!\bwere\sthere)"
    r"(?!\s+(is|are|was|were)\b)"
    r"|\b(that|this|the\s+same)\s+(one|project|service|job|company|role|position|system"
    r"|tool|app|certificate|certification|school|university|place|team|talk|article"
    r"|award|degree|language|skill)s?\b"
    r"|\b(which|that|this|the|first|last|latest|newest|oldest|most\s+recent)\s+ones?\b"
    # "that" as a pronoun: "How many years is that in total?", "When was that?"
    r"|\b(is|was)\s+that\b(?=\s*(in\s+total|altogether|overall|all\s+together)?\s*[?？.!]*\s*$)"
    r"|\bthe\s+[\w.+#-]+\s+one\b"
    r"|(^|\s)(그|저)\s+[가-힣]"
    r"|(^|\s)(거기|그곳|그것|그거|그중|그때|해당|그게|그건|그걸|그분)",
    _FLAGS,
)
# "Is it possible to ...", "it's fine": "it" pointing at nothing.
_EMPTY_IT = re.compile(r"\b(is|was)\s+it\s+(possible|ok|okay|fine|true|hard|easy)\b", _FLAGS)
# A subject worth carrying over is a name or a term, not a whole question.
_MAX_SUBJECT_CHARS = 60
_SUBJECT_ROLES = (Role.NAME, Role.SKILL, Role.PATH, Role.TERM, Role.QUERY)
# The subject an anaphor carried over, in the question it made whole.
_QUOTED = re.compile(r'"([^"]{1,80})"\s*$')
# A citation of one entry of a dated section.
_HEADING = re.compile(r"^(?P<head>[^\n(]+?) \((?=[12]\d{3})")
_ENTRY_CITATION = re.compile(r"\((?:work|projects|volunteer|education)\[\d+\]\)")

Kind = Literal["ellipsis", "anaphor", "zero", "entry"]


@dataclass(frozen=True)
class FollowUp:
    """A question made whole with the conversation.

    Attributes:
        kind: "ellipsis", "anaphor", "zero" (a Korean question with no subject) or
            "entry" (a short question about the entry just discussed; see `same_entry`).
        text: The question as it would have been asked on its own.
        own: The question as asked.
    """

    kind: Kind
    text: str
    own: str

    @property
    def judged_text(self) -> str:
        """The text to decide whether the question still belongs to the specialist."""
        return self.own if self.kind == "anaphor" else self.text

    @property
    def routed_text(self) -> str:
        """The text to route by when it is handed back: its own words when it has some
        ("Is it open to remote work?"), else the whole ("몇 년 썼어요?" about ROS)."""
        return self.judged_text if QuestionSpans(self.own).content else self.text


def resolve(question: str, history: Sequence[PastTurn]) -> FollowUp | None:
    """Read a question in the light of the turns before it.

    Earlier follow-ups are resolved first, so a chain ("Python?" ... "And Kotlin?" ...
    "And Go?") keeps the frame of the question that started it.

    Args:
        question: The latest question.
        history: The earlier turns, oldest first.

    Returns:
        The follow-up, or None when the question stands alone (or nothing came before).
    """
    if not history:
        return None
    previous = history[-1]
    earlier = resolve(previous.question, history[:-1])
    base = earlier.text if earlier is not None else previous.question
    subject = _subject(previous, base)
    elided = _elided_subject(question)
    if elided is not None:
        return FollowUp("ellipsis", _swap(base, subject, elided), question)
    if _ANAPHOR.search(question) and not _EMPTY_IT.search(question):
        if subject:
            return FollowUp("anaphor", f'{question} "{subject}"', question)
        # No name to carry: the previous topic's words, as context only ("Which one did
        # you get most recently?" after certificates), never as a name.
        context = " ".join(QuestionSpans(base).content)
        return FollowUp("anaphor", f"{question} {context}", question) if context else None
    if len(question.split()) > _SHORT_WORDS or names_its_own(question):
        return None
    # "When did she leave?" after a question about a job asks for the time of that job;
    # "어떤 기술 썼어요?" after a project, with no subject at all (Korean drops it), for
    # that project's technologies: it is judged with the subject, having no other.
    kind: Kind | None = "anaphor" if _ABOUT_TIME.search(question) else None
    kind = "zero" if kind is None and _zero_anaphor(question) else kind
    if kind is None:
        return None
    if subject:
        return FollowUp(kind, f'{question} "{subject}"', question)
    context = " ".join(QuestionSpans(base).content)
    return FollowUp(kind, f"{question} {context}", question) if context else None


def _zero_anaphor(question: str) -> bool:
    """True for a Korean question in the past tense that names nothing of its own.

    Korean leaves out a subject the conversation already holds: "어떤 기술 썼어요?"
    ("which technologies did [it] use?"). Its words are all question words, topic words
    the glossary knows (기술) and the verb; a name of its own ("타입스크립트", "Go") or
    the present tense ("주로 쓰는 기술이 뭐예요?": in general) makes it a new question.
    """
    if not is_korean(question):
        return False
    spans = QuestionSpans(question)
    predicates = [word for word in spans.words if _PREDICATE.search(word)]
    topics = [word for word in spans.content if word not in predicates]
    if not predicates or not all(concept_terms(word) for word in topics):
        return False
    return any(_past(word) for word in predicates)


def names_its_own(question: str) -> bool:
    """True when a question names a subject of its own: a name in Latin letters past its
    first word ("When did you join Kakao?", "Kafka는 언제 썼어요?") or a known Hangul
    spelling of one ("타입스크립트")."""
    words = _LATIN_NAME.findall(question)
    latin = words if is_korean(question) else words[1:]
    return bool(latin) or bool(transliterated_terms(question))


def _past(word: str) -> bool:
    # The past tense puts ㅆ under a syllable (했, 썼, 었, 았); 있 has it as its own.
    return any(
        "\uac00" <= ch <= "\ud7a3" and (ord(ch) - 0xAC00) % 28 == _SSANG_SIOT and ch != "있"
        for ch in word
    )


def _elided_subject(question: str) -> str | None:
    """The new subject of an ellipsis ("Kotlin" of "And how about Kotlin?"), else None."""
    lead = _ELLIPSIS_LEAD.search(question)
    rest = question[lead.end() :] if lead else question
    tail = _KOREAN_TAIL.search(rest)
    rest = (rest[: tail.start()] if tail else rest).strip(" ?？.!")
    if not rest or _QUESTION_WORDS.search(rest):
        return None
    spans = QuestionSpans(rest)
    content = spans.content
    if not content or len(content) > _MAX_ELLIPSIS_WORDS:
        return None
    # "What about remote work?" after a years question opens a topic the glossary knows;
    # only a name or a technology swaps into the previous question.
    if concept_terms(rest):
        return None
    if lead is not None or tail is not None:
        return " ".join(content)
    # Unmarked, only a bare subject counts ("Kotlin?"): "Do you know Rust?" asks itself.
    bare = len(content) <= _MAX_BARE_WORDS and all(
        word in content or word.lower() in _FILLERS for word in spans.words
    )
    return " ".join(content) if bare and question.rstrip().endswith(("?", "？")) else None


def carried(question: str) -> str | None:
    """The subject a follow-up made whole carries over, quoted at its end, if any."""
    found = _QUOTED.search(question)
    return found.group(1) if found else None


def _subject(turn: PastTurn, question: str) -> str:
    """What the turn's tools were asked about: the name it carried over, else the name,
    skill or search its tools were called with (names before searches)."""
    quoted = _QUOTED.search(question)
    if quoted:
        return quoted.group(1)
    found: list[tuple[int, str]] = []
    for call in turn.calls:
        for name, value in call.parsed_arguments().items():
            role = role_of(name, {})
            if (
                isinstance(value, str)
                and value.strip()
                and len(value) <= _MAX_SUBJECT_CHARS
                and value.strip() != question.strip()
                and role in _SUBJECT_ROLES
            ):
                found.append((_SUBJECT_ROLES.index(role), value.strip()))
    told = _told_entry(turn.answer)
    if found and not (told and min(found)[0] == _SUBJECT_ROLES.index(Role.QUERY)):
        return min(found)[1]
    if told:
        # A search's words name less than the one entry its answer told.
        # "Where did she work before Lakeshore?" answered with one job: "How long was
        # she there?" asks about that job, not the one the question named.
        return told
    content = QuestionSpans(question).content
    if content and classify(question) is Intent.YES_NO:
        # A tool without arguments (all skills) names nothing: a yes/no question names
        # its subject last ("Does Jordan know React?"), so "How about Vue?" swaps that.
        return content[-1]
    return ""


def _told_entry(answer: str) -> str:
    """The name of the one entry an answer told ("Fenwick Analytics Group" of "Consultant
    at Fenwick Analytics Group (2018-09 – 2019-05) ... (work[2])"), else ""."""
    if len(_ENTRY_CITATION.findall(answer)) != 1:
        return ""
    # The heading ends where its period begins, in either language's dates.
    found = _HEADING.match(answer.removeprefix("Yes. ").removeprefix("예. "))
    head = found["head"] if found else ""
    if " at " in head:
        return head.rsplit(" at ", 1)[1].strip()
    # A Korean answer writes the employer first: "Fenwick · Consultant (2018-09 – ...)".
    return head.split(" · ", 1)[0].strip() if " · " in head else head


def _swap(question: str, subject: str, replacement: str) -> str:
    """The question with its subject replaced; the replacement appended when not found."""
    quoted = _QUOTED.search(question)
    if quoted:
        return f"{question[: quoted.start(1)]}{replacement}{question[quoted.end(1) :]}"
    for spelling in _spellings(subject):
        found = re.search(re.escape(spelling), question, _FLAGS)
        if found:
            return f"{question[: found.start()]}{replacement}{question[found.end() :]}"
    return f"{question} {replacement}"


def _spellings(subject: str) -> list[str]:
    if not subject:
        return []
    korean = [ko for ko, en in TRANSLITERATIONS.items() if en.casefold() == subject.casefold()]
    return [subject, *korean]
