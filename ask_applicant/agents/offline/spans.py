"""The parts of a question that can become tool arguments.

A tool argument wants a span of the question, not search terms: the surface words as
the recruiter typed them ("Node.js", "채팅 서비스"), minus the words that only frame the
question ("How many years of ... experience", "...에 대해 알려줘") and minus the words that
merely repeat the tool's own name ("project" for `get_project`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ask_applicant.agents.offline.code_words import code_term
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.spellings import transliterate
from ask_applicant.agents.offline.terms import terms

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.'/_-]*|[\uac00-\ud7a3]+")
_QUOTED = re.compile(r"[\"“”「『]([^\"“”「」『』]{1,120})[\"“”」』]")
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")

# Longest first, so "에서는" is stripped before "는".
_PARTICLES = (
    "에서는 에서도 으로는 으로도 이라는 이라고 에게서 한테서 에서의 까지는 부터는 "
    "에서 에게 한테 으로 부터 까지 처럼 보다 이랑 라는 라고 과는 와는 이나 이란 에는 에도 "
    "님의 님은 님이 님 은 는 이 가 을 를 에 의 로 와 과 도 만 랑"
).split()

# "-하다" verbs glue onto a noun: "선호하나요", "이직하려고", "개발했던".
_VERB_ENDINGS = (
    "하려고 하려는 하나요 했나요 하셨나요 하셨던 했던 하는 했는 하고 해서 했어요 해요 합니다 "
    "했습니다 하세요 할까요 한 된 되나요 됐나요"
).split()

# A verb closing the question in a polite past or honorific form ("되셨어요",
# "옮기셨나요", "하셨습니까"): what is asked is said before it.
_PREDICATE = re.compile(r"(셨|었|았|였|했|됐|되|썼|봤|왔|갔|났|졌|줬)\w*(요|까|니다|죠)$")

# A counter closing a count question ("몇 개예요?"): the thing counted is named before.
_COUNTER = re.compile(r"^(개|곳|건|명|군데|번)(예요|이에요|인가요|입니까|이죠|요|야)?$")

_GENERIC_EN = frozenset(
    """
    what which who whom whose when where why how tell me about describe explain give show
    list share summarize summarise please can could would will should you your does do did
    done is are was were be been being has have had the a an of in on at for with to from by
    and or any some all his her hers their its he she they him them i my we our us it this
    that these those there much many long year years experience experienced know knows known
    use used uses using work worked works working built build building made make created
    create developed develop wrote write written involved candidate applicant person more
    detail details info information anything something thing things regarding kind sort
    level proficiency familiar good skilled skill skills also ever so far total overall get
    got want like hear learn thanks hi hello hey s one ones
    production prod professionally professional hands-on real-world commercially
    roughly approximately about around exactly actually really bring brings
    side pet personal recent latest newest oldest most first last tech stack
    current present company employer
    """.split()
)

# Korean words that frame a question; matched as prefixes because endings vary.
_GENERIC_KO = (
    "알려 말해 설명 있나 있어 있는 있습 했나 했어 했던 했습 하셨 어떻 어떤 무엇 무슨 뭐 "
    "얼마 몇 대해 대한 관련 해주 주세요 궁금 하나요 인가 입니까 입니다 되나 되어 됐 "
    "해봤 해본 사용 다뤄 다룬 다룰 써봤 써본 가능 지원자 후보 그녀 그는 그의 혹시 좀 "
    "경험 경력 하는 했 알아 아세 아시 아나 년이 년차 년간 "
    # Being and working somewhere, in the past too ("있었어요", "다녔나요", "계셨어요").
    "있었 있으 일했 일하 다녔 다니 계셨 계시 근무 재직 "
    # What was made, and whether one took part ("뭘 만들었어요?", "나간 적 있어요?").
    "무얼 만들 만드 나간 나가 나갔 참가 참여 돼 "
    # Where a skill was used ("실무에서 써 봤어요?"), not the skill (see `practice`).
    "실무 현업 프로덕션 상용 실서비스 "
    # Which one: the latest, the first ("가장 최근 프로젝트", "제일 처음").
    "가장 제일 최근 최신 처음"
).split()
_GENERIC_KO_PREFIXES = tuple(_GENERIC_KO)
# Framing words that start names too ("모두의여행" is a company, "해커톤" an event, "한빛"
# a school): whole words only.
_GENERIC_KO_WHOLE = frozenset(
    "정도 동안 왜 총 전체 모두 좀 혹시 년 한 할 해 요 줄 적 뭘 뭔".split()
)


def strip_particle(word: str) -> str:
    """Remove a trailing Korean particle or verb ending ("이직하려고" -> "이직").

    At least one syllable stays (two when the ending is a single syllable).
    """
    for ending in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    for particle in _PARTICLES:
        keep = 2 if len(particle) == 1 else 1
        if word.endswith(particle) and len(word) - len(particle) >= keep:
            return word[: -len(particle)]
    return word


@dataclass(frozen=True)
class QuestionSpans:
    """Spans of one question, with the words to treat as noise.

    Attributes:
        question: The question as asked.
        ignore: Stemmed terms that carry no argument value here (the tool's name, the
            applicant's name).
    """

    question: str
    ignore: frozenset[str] = frozenset()

    @cached_property
    def words(self) -> list[str]:
        """Surface words, punctuation trimmed, Korean particles removed."""
        out = []
        for match in _WORD.finditer(self.question):
            word = match.group().rstrip(".'/_-")
            if word.endswith("'s"):
                word = word[:-2]
            if re.match(r"[\uac00-\ud7a3]", word):
                word = strip_particle(word)
            if word:
                out.append(word)
        return out

    @cached_property
    def content(self) -> list[str]:
        """Words that say what is being asked about."""
        return [word for word in self.words if not self._is_noise(word)]

    @property
    def whole(self) -> str:
        """The whole question, whitespace collapsed."""
        return " ".join(self.question.split())

    @property
    def quoted(self) -> str:
        """Text in quotation marks, if the asker quoted a name."""
        match = _QUOTED.search(self.question)
        return match.group(1).strip() if match else ""

    def query(self, limit: int = 8) -> str:
        """Content words for a free-text search."""
        return " ".join(self.content[:limit])

    def name(self, limit: int = 4) -> str:
        """The likely name of a thing: a quoted span, else the leading content words."""
        return self.quoted or " ".join(self.content[:limit])

    def skill(self) -> str:
        """The likely skill or technology term, in its English spelling when known."""
        if self.quoted:
            return self.quoted
        content = [transliterate(word) for word in self.content]
        shaped = [word for word in content if _looks_technical(word)]
        if shaped:
            # A name of several capitalised words stays whole: "Hanul Shopping", "Apache
            # Kafka" (a brand alone names nothing the profile spells).
            run = [shaped[0]]
            for word in content[content.index(shaped[0]) + 1 :]:
                if not word[:1].isupper() or f"{' '.join(run)} {word}" not in self.question:
                    break
                run.append(word)
            return " ".join(run)
        return " ".join(content[:3])

    def term(self) -> str:
        """The one word a literal text search should look for (see `code_words`)."""
        return self.quoted or code_term(self.content)

    def path(self) -> str:
        """The likely file path: a word with a slash or an extension, else a content word."""
        for word in self.words:
            if "/" in word or re.search(r"\w\.\w+$", word):
                return word
        return self.content[0] if self.content else ""

    def numbers(self) -> list[float]:
        """Numbers written in the question, in order."""
        return [float(match.group()) for match in _NUMBER.finditer(self.question)]

    def _is_noise(self, word: str) -> bool:
        lowered = word.lower()
        if lowered in _GENERIC_EN:
            return True
        if re.match(r"[\uac00-\ud7a3]", word) and (
            _COUNTER.match(word)
            or word.startswith(_GENERIC_KO_PREFIXES)
            or strip_particle(word) in _GENERIC_KO_WHOLE
            or _PREDICATE.search(word)
        ):
            return True
        word_terms, concepts = _word_terms(word)
        if not word_terms:
            return True
        if word_terms <= self.ignore:
            return True
        # "프로젝트" stands for "project": noise when the tool is itself about projects.
        # A name shaped like a technology ("DevOps") is a kind of skill, never a word for
        # the skills tool itself.
        return bool(concepts) and concepts <= self.ignore and not _named_technology(word)


@lru_cache(maxsize=4096)
def _word_terms(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """A word's own terms and its glossary concepts (questions repeat words; cache them)."""
    return frozenset(terms(word)), frozenset(concept_terms(word))


def _named_technology(word: str) -> bool:
    """A word whose inner capitals, digits or symbols make it a name (DevOps, C++, k8s)."""
    return bool(re.search(r"[+#.]|\d", word)) or word[1:] != word[1:].lower()


def _looks_technical(word: str) -> bool:
    """Tell a technology-shaped word: inner capitals, digits or symbols (C++, Node.js, k8s)."""
    if re.search(r"[+#.]|\d", word):
        return True
    if word[1:] != word[1:].lower():
        return True
    return word.isascii() and word[:1].isupper()


def ignorable(names: Collection[str]) -> frozenset[str]:
    """Return the stemmed terms of names and identifiers, for `QuestionSpans.ignore`."""
    found: set[str] = set()
    for name in names:
        found.update(terms(name))
        found.update(terms(re.sub(r"[_\W]+", " ", name)))
        # "Do-yoon" is also written "Doyoon".
        found.update(terms(name.replace("-", "")))
    return frozenset(found)
