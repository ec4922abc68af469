"""What a question asks for: a yes or no, a date, a duration, a place, the current job, a
list, an amount, or a description.

Read from the question's grammar (its question word, its auxiliary verb, Korean endings),
not from its topic, so the same reading holds on any resume. The composer shapes the
answer by it: a yes/no question is answered yes or no first, "how long" with a duration,
"current" with the job that has no end date.
"""

from __future__ import annotations

import re
from enum import Enum

from ask_applicant.agents.offline.terms import terms


class Intent(Enum):
    """The kind of answer a question wants."""

    YES_NO = "yes_no"
    WHEN = "when"
    DURATION = "duration"
    WHERE = "where"
    CURRENT = "current"
    LIST = "list"
    AMOUNT = "amount"
    DESCRIBE = "describe"


_EN_DURATION = re.compile(
    r"\bhow long\b|\bhow many (years|months)\b|\byears of experience\b"
    r"|\bhow much (\w+ ){0,2}experience\b|\bhow experienced\b",
    re.I,
)
_KO_DURATION = re.compile(
    r"얼마(나|동안)\s*(있|일|근무|다니|다녔|재직|됐|되었|했|하셨|계셨)|몇\s*(년|개월)(?!\s*(도|에))"
    r"|기간|연차|경력이?\s*얼마|얼마\s*동안"
)
_EN_WHEN = re.compile(
    r"^\W*(when|what year|since when|until when)\b|\bsince when\b"
    r"|^\W*what\s+(was|is|were)\s+\w+\s+(start|end|leaving|joining)\s+date\b",
    re.I,
)
_KO_WHEN = re.compile(r"언제|몇\s*년(도|에)")
_EN_WHERE = re.compile(r"^\W*where\b|\bwhat city\b|\bwhich city\b|\bbased\b", re.I)
_KO_WHERE = re.compile(r"어디|어느\s*(도시|지역|나라)")
_EN_CURRENT = re.compile(
    r"\b(current|currently|now|present|presently|these days|at the moment)\b"
    r"|\bwhat (does|do) (he|she|they|you) do\b",
    re.I,
)
_KO_CURRENT = re.compile(r"현재|지금|요즘|최근\s*(회사|직장|직책)")
# "What's her job title?": a title asked in the present tense is today's.
_TITLE_NOW = re.compile(
    r"^\W*what(?:'s|\s+is)\s+(?:his|her|their|your|the\s+candidate's)\s+(?:job\s+)?"
    r"(?:title|position|role)\s*\??\s*$"
    r"|(?:직함|직책|직급|포지션)\s*(?:이|은|는)?\s*(?:뭐|무엇|어떻게)(?!.*(?:였|었))",
    re.I,
)
_EN_YES_NO = re.compile(
    r"^\W*(do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b", re.I
)
# "Can you tell me about ...?" asks for something, not whether it can be done.
_EN_REQUEST = re.compile(
    r"^\W*(can|could|would|will)\s+you\s+(please\s+)?(tell|give|show|describe|explain|list"
    r"|share|walk|summari[sz]e|talk|send|introduce|outline|name)\b",
    re.I,
)
# A Korean question without a question word asks whether something is so.
_SENTENCES = re.compile(r"(?<=[.!?？。])\s+")
_KO_QUESTION_WORD = re.compile(
    r"뭐|뭘|뭔|무엇|무얼|무슨|어떤|어떻|어때|어디|언제|누구|누가|얼마|몇|왜|어느"
)
_KO_ENDING = re.compile(r"(나요|까요|니까|가요|어요|아요|죠|지요|니|냐|요)\s*[?？]?\s*$|[?？]\s*$")
_EN_LIST = re.compile(
    r"^\W*(which|what)\s+(\w+\s+){0,2}?(\w+s)\b|\blist\b|\ball (the|of)\b|\bany\s+\w+s\b", re.I
)
_KO_LIST = re.compile(r"목록|모두|전부|어떤\s*\S+들|무슨\s*\S+들|다\s*알려")
# "any open-source packages", "some awards": a quantifier, up to two words, a plural.
_SEVERAL = re.compile(
    r"\b(?:any|some|all|which|ha(?:ve|s|d)|publish(?:ed)?|wr(?:ite|ote)|w[io]n|buil[dt]"
    r"|g[ia]ve|ma[dk]e)\s+(?:[\w'-]+\s+){0,2}?([\w'-]+s)\b",
    re.I,
)
# "프로젝트가 있나요?": Korean marks no plural; whether there are any asks for each one.
_KO_ANY = re.compile(
    r"(이|가)\s*(있나요|있어요|있습니까|있으신가요|있었나요|있을까요)|적\s*(이\s*)?있.*어디"
    # "오픈소스 프로젝트 있어요?": a kind of entry, the particle dropped as speech does.
    r"|(프로젝트|자격증|논문|발표|수상\s*경력|저서|앱)\s*(도\s*)?(있나요|있어요|있습니까|있으세요)"
)
# How big, how many: the answer is the line with the number.
# ("How many years of X?" is the years tool's own answer, not a count in a line.)
_EN_AMOUNT = re.compile(
    r"\bhow (big|large)\b|\bhow many (?!years?\b|months?\b)|\bwhat size\b|\bsize of\b", re.I
)
_KO_AMOUNT = re.compile(r"몇\s*(명|개|건|곳)|규모|얼마나\s*(큰|많)")
# "Any Flutter?": whether there is any of one thing (a plural one is a list, above).
_EN_ANY_ONE = re.compile(r"^\W*any\s+[\w .+#-]{1,40}\?\s*$", re.I)
_POSTING_CHARS = 200
# A second question this short asks a detail of the first ("Which ones?", "In what field?").
_FRAGMENT_WORDS = 4
# Words that end in -s without being plural.
_YEAR = re.compile(r"(?<![\d.-])((?:19|20)\d\d)(?![\d.-])")
_NOT_PLURAL = frozenset({"is", "was", "has", "does", "this", "his", "its", "us", "as"})


def classify(question: str) -> Intent:
    """The kind of answer `question` wants (DESCRIBE when nothing more precise fits)."""
    text = question.strip()
    if len(text) > _POSTING_CHARS:
        # A pasted job posting: the answer lists what matches and what is missing.
        return Intent.LIST
    # "We're in London. Would he relocate?": the sentence that asks is the question.
    asking = [part for part in _SENTENCES.split(text) if part.rstrip().endswith(("?", "？"))]
    if len(asking) > 1 and len(asking[-1].split()) <= _FRAGMENT_WORDS:
        # "Does she have a master's degree? In what field?": whether, then which one;
        # "How many years?" after it asks a time of its own.
        first, last = asking[0].strip(), asking[-1].strip()
        detail = classify(last) in (Intent.DESCRIBE, Intent.LIST, Intent.WHERE)
        if detail and (_EN_YES_NO.search(first) or _korean_yes_no(first)):
            return Intent.YES_NO
    text = asking[-1].strip() if asking else text
    if _EN_DURATION.search(text) or _KO_DURATION.search(text):
        return Intent.DURATION
    if _EN_WHEN.search(text) or _KO_WHEN.search(text):
        return Intent.WHEN
    if (
        _EN_YES_NO.search(text)
        and not _EN_REQUEST.search(text)
        and not re.search(r"\bhow about\b|\bwhat about\b", text, re.I)
    ):
        return Intent.YES_NO
    if _EN_AMOUNT.search(text) or _KO_AMOUNT.search(text):
        # "How many people at her current company?" counts, whatever the time.
        return Intent.AMOUNT
    if _EN_CURRENT.search(text) or _KO_CURRENT.search(text) or _TITLE_NOW.search(text):
        return Intent.CURRENT
    if _korean_yes_no(text):
        return Intent.YES_NO
    if _EN_WHERE.search(text) or _KO_WHERE.search(text):
        return Intent.WHERE
    if _is_list(text):
        return Intent.LIST
    if _EN_ANY_ONE.search(text):
        return Intent.YES_NO
    return Intent.DESCRIBE


def named_years(question: str) -> tuple[int, int] | None:
    """The span of years a question names ("around 2014 to 2015", "2015년에"), or None."""
    found = [int(year) for year in _YEAR.findall(question)]
    return (min(found), max(found)) if found else None


def about_now(question: str) -> bool:
    """True when the question is about the present ("currently", "at the moment", "지금")."""
    return bool(_EN_CURRENT.search(question) or _KO_CURRENT.search(question))


def _korean_yes_no(text: str) -> bool:
    hangul = sum("\uac00" <= ch <= "\ud7a3" for ch in text)
    if hangul < 2 or _KO_QUESTION_WORD.search(text):
        return False
    # "알려주세요" and "설명해 주세요" ask for something, not whether.
    if re.search(r"(주세요|줘요|줘|주실|해\s*봐)", text):
        return False
    return bool(_KO_ENDING.search(text))


def _is_list(text: str) -> bool:
    if _KO_LIST.search(text):
        return True
    match = _EN_LIST.search(text)
    if match is None:
        return False
    plural = match.group(3) or ""
    return (bool(plural) and plural.lower() not in _NOT_PLURAL) or "list" in text.lower()


def asks_for_several(question: str) -> bool:
    """True when the question wants every match, not one ("Any open-source packages?").

    A yes/no question about "any awards" is answered yes, with each award.
    """
    for match in _SEVERAL.finditer(question):
        if match.group(1).lower() not in _NOT_PLURAL:
            return True
    if (
        re.search(r"\banywhere\b", question, re.I)
        or re.search(r"\w\s+or\s+an?\s+\w", question)
        or re.search(r"\bany\b[^?]*\bor\b", question, re.I)
    ):
        # "a personal website or a GitHub?": each of the things asked after.
        return True
    return bool(_KO_LIST.search(question) or _KO_ANY.search(question))


def listed_terms(question: str) -> list[str]:
    """The terms of what a list question lists ("compani" of "Which companies ...")."""
    match = _EN_LIST.search(question)
    plural = match.group(3) if match else None
    return terms(plural) if plural and plural.lower() not in _NOT_PLURAL else []


def subject_terms(question: str) -> list[str]:
    """The question's own content terms, without its grammar and generic verbs.

    What a yes/no answer must find in a fact to say yes ("react" of "Does he know React?").
    """
    return [term for term in terms(question) if term not in _GENERIC and len(term) > 1]


_GENERIC = frozenset(
    terms(
        "do does did is are was were has have had can could will would he she they you your "
        "his her their him them know knows known use used using uses experience experienced "
        "work worked working works comfortable familiar good any ever some much many "
        "speak speaks spoken speaking "
        "how long when where what which who whom current currently now present "
        "company companies tell me about please the a an at in on with of for to from "
        "경험 경험이 있나요 있어요 있었어요 있었나요 했나요 했었나요 했어요 하나요 알아요 아나요 "
        "쓸 줄 다룰 사용 사용해 해봤 써봤 해본 써본 얼마나 언제 어디 무슨 어떤 일을 일한 "
        "지금 현재 하고 있어요 계신가요 인가요 있습니까 합니까 가능한가요 가능해요 "
        "있으신가요 있으세요 있으신 있으신지 있는지 갖고 가지고 보유 "
        "대표님 지원자 그는 그녀는 이분 이 분"
    )
)
