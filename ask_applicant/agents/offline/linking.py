"""Linking names across scripts: 네이버 is Naver, 크레딧스위스 is Credit Suisse.

No table of names: Hangul is romanised syllable by syllable (Revised Romanization), and
both sides are reduced to a consonant skeleton that absorbs how loanwords are spelt in
Hangul (v→b, f→p, l/r alike, th→s, an English r before a consonant or at the end is
silent, and so is one before a final silent e ("Store" is 스토어), doubled letters once,
vowels and the semi-vowels w/y/h dropped). Two spellings whose skeletons are equal name
the same thing: "Kubernetes" and "쿠버네티스" are both k-b-n-t-s, "Tidewater Logistics"
and "타이드워터 로지스틱스" both t-d-t r-j-s-t-k-s. An English s between voiced sounds
may be a z (observability is 옵저버빌리티, but database is 데이터베이스), and so may a
final s after a voiced sound (Games is 게임즈), so a Latin name also has a voiced
skeleton, which links as well; an n before a k is sounded ng (Bank is 뱅크), a gh
after i is silent (Brightwater is 브라이트워터), -tion is 션 and a final ts is 츠
(Automation Payments is 오토메이션 페이먼츠). A long
Hangul name may be a romanised brand and a Korean noun written as one word
(푸른손해보험 is Pureun Insurance): its leading part names it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ["", *"k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()]
_FINAL_BIEUP = 17
_INITIAL_JIEUT = 12
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Particles that follow a name in a Korean sentence ("네이버에서는", "크레딧스위스에").
_PARTICLES = (
    "에서는 에서도 에서의 으로는 에서 에는 에도 에게 으로 까지 부터 와는 과는 "
    "은 는 이 가 을 를 의 에 와 과 도 로 랑 만"
).split()
# Common Korean words of a question, never names ("얼마나" is not "Lumen").
_KOREAN_WORDS = frozenset(
    "얼마나 얼마 언제 어디 어디서 무슨 무엇 어떤 어떻게 누구 몇 왜 있었어요 있어요 있나요 "
    "했어요 했나요 하나요 알려 알려주세요 주세요 경험 회사 일을 일했어요 했었나요 지금 현재 "
    "그리고 그럼 거기 그곳 그때 요즘 정말 혹시 대해 관련 아나요 알아요 다룰 사용 "
    "이력서 인터뷰 면접 연락처 번호 주소".split()
)
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z0-9])")
_LEADING_LETTERS = re.compile(r"[A-Za-z]{3,}(?=\d)")
# Suffixes of Korean place names: city, district, county, province.
_DIVISIONS = frozenset("시구군도")
# A skeleton this short would link unrelated words.
MIN_SKELETON = 2
_MIN_LEADING = 3


def romanise(hangul: str, *, final_b: bool = False) -> str:
    """Hangul syllables in Revised Romanization (other characters kept as they are).

    Args:
        hangul: Any text.
        final_b: Write a final ㅂ as "b", the English b a loanword spells with it
            (옵저버 is "observ", 웹 "web"); Revised Romanization writes "p".
    """
    out = []
    for index, ch in enumerate(hangul):
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            vowel, final = divmod(rest, 28)
            lead = _INITIALS[initial].replace("-", "")
            voiced = final_b and final == _FINAL_BIEUP and _before_b(hangul[index + 1 :])
            out.append(lead + _VOWELS[vowel] + ("b" if voiced else _FINALS[final]))
        else:
            out.append(ch)
    return "".join(out)


def _before_b(rest: str) -> bool:
    """True when a final ㅂ before `rest` may stand for an English b: at the end of a word
    (랩 is "lab", 웹 "web") or before a ㅈ (옵저버 is "observ"); before other sounds it
    is a p (앱스토어 is "app store")."""
    following = rest[:1]
    if not ("\uac00" <= following <= "\ud7a3"):
        return True
    return (ord(following) - 0xAC00) // 588 == _INITIAL_JIEUT


def _english(word: str, *, rhotic: bool = False, hard_g: bool = False) -> str:
    """English spelling conventions mapped to the sounds Hangul writes (`rhotic`: an r
    before a consonant sounded, as in German names: Kiezkarte is 키즈카르테)."""
    w = word.lower()
    # "sch" is an sk ("schema" is 스키마, "school" 스쿨).
    w = w.replace("sch", "sk")
    # A gh after i is silent ("Brightwater" is 브라이트워터); "iron" is sounded 아이언;
    # a t before "ure" is the ch of 퓨처 ("Accenture" is 액센츄어).
    w = w.replace("igh", "i")
    w = re.sub(r"^iron", "ion", w)
    w = re.sub(r"t(?=ure)", "ch", w)
    # A Greek ch is a k ("Technologies" is 테크놀로지스, "Chrome" 크롬); "-tion" is 션
    # ("Automation" is 오토메이션); a final ts is the 츠 of 페이먼츠; a b before an
    # s at the end is the final ㅂ of 랩스 ("Labs").
    w = w.replace("tech", "tek").replace("chr", "kr").replace("mechan", "mekan")
    w = re.sub(r"(?<!s)tion", "sion", w)
    w = re.sub(r"t[sz]$", "ch", w)
    w = re.sub(r"b(?=s$)", "p", w)
    # A th before a consonant is a syllable of its own ("Northstar" is 노스스타).
    w = re.sub(r"th(?=[bcdfgjklmnpqrstvxz])", "se", w)
    w = w.replace("ph", "f").replace("ck", "k").replace("sh", "s").replace("th", "s")
    # A "dge" is one sound, the j of 레저 ("Ledgerline" is 레저라인).
    w = w.replace("dj", "j").replace("x", "ks").replace("q", "k")
    w = re.sub(r"dg(?=[eiy])", "j", w).replace("tch", "ch")
    w = re.sub(r"c(?=[eiy])", "s", w)
    # A g before e or i is soft ("Gemini" is 제미나이) or hard ("GitHub" is 깃허브).
    w = w if hard_g else re.sub(r"g(?=[ei])", "j", w)
    w = w.replace("ch", "C").replace("c", "k")
    # An n before a k is the ng Hangul writes with a final ㅇ ("Bank" is 뱅크).
    w = re.sub(r"n(?=k)", "ng", w)
    # A non-rhotic r: written in English, silent in the Hangul spelling ("store", 스토어).
    if rhotic:
        return w
    w = re.sub(r"r(?=es?$)", "", w)
    return re.sub(r"r(?![aeiouy])", "", w)


# An s after a vowel or a voiced stop and before a vowel may be sounded z ("observ"),
# and so may a word's final s after a voiced sound ("Games" is 게임즈).
_VOICED_S = re.compile(r"(?<=[aeioubdg])s(?=[aeiouy])|(?<=[aeioubdgmnlr])s\b")


def _reduce(sounds: str) -> str:
    s = sounds.replace("ch", "C").replace("v", "b").replace("f", "p").replace("z", "j")
    s = s.replace("l", "r")
    # Doubled letters are one sound ("Kettle", "ㅆ"); across a vowel they are two ("Kakao").
    s = re.sub(r"(.)\1+", r"\1", s)
    return re.sub(r"[aeiouwyh\-]", "", s)


@lru_cache(maxsize=4096)
def latin_skeleton(phrase: str) -> str:
    """The consonant skeleton of a Latin-script word or phrase ("Naver" → "nb")."""
    return _reduce("".join(_english(word) for word in _LATIN.findall(phrase)))


@lru_cache(maxsize=4096)
def latin_skeletons(phrase: str) -> frozenset[str]:
    """The skeleton of a Latin-script phrase and, when they differ, its voiced one (an s
    sounded z: "Observability" is both b-s-b-b-r-t and b-j-b-b-r-t) and the one with a
    th sounded t, as Hangul often writes it (Hackathon is 해커톤, Python 파이썬), and the
    German ones (an r before a consonant sounded, a w sounded v)."""
    words = _LATIN.findall(phrase)
    found: set[str] = set()
    # Only a th before a vowel is written ㅌ ("marathon", 마라톤); at the end it is ㅅ.
    for spelt in (words, [re.sub("th(?=[aeiou])", "t", word, flags=re.I) for word in words]):
        sounds = [_english(word) for word in spelt]
        voiced = "".join(_VOICED_S.sub("z", word) for word in sounds)
        found.update({_reduce("".join(sounds)), _reduce(_VOICED_S.sub("z", voiced))})
        found.add(_reduce("".join(_english(word, hard_g=True) for word in spelt)))
    rhotic = "".join(_english(word, rhotic=True) for word in words)
    found.add(_reduce(rhotic))
    # German names sound their w as a v ("Quellwerk" is 퀠베르크, Volkswagen 폭스바겐).
    found.add(_reduce(re.sub(r"(?<=[a-z])w(?=[aeiou])|^w(?=[aeiou])", "v", rhotic)))
    return frozenset(found)


@lru_cache(maxsize=4096)
def hangul_skeleton(word: str) -> str:
    """The consonant skeleton of a Hangul word ("네이버" → "nb")."""
    return _reduce(romanise(word).lower())


@lru_cache(maxsize=4096)
def hangul_skeletons(word: str) -> frozenset[str]:
    """The skeleton of a Hangul word and, when it differs, the one with a final ㅂ read
    as an English b ("옵저버빌리티" is p-j-b-b-r-t and b-j-b-b-r-t)."""
    return frozenset({hangul_skeleton(word), _reduce(romanise(word, final_b=True).lower())})


def hangul_stems(word: str) -> list[str]:
    """A Hangul word, the word without a trailing particle, and a place without its
    administrative suffix ("성남시" is Seongnam, "분당구" Bundang)."""
    found = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            found.append(word[: -len(particle)])
    found += [stem[:-1] for stem in list(found) if len(stem) >= 3 and stem[-1] in _DIVISIONS]
    # A common word with a particle is still no name ("이력서에").
    return [] if any(stem in _KOREAN_WORDS for stem in found) else found


def hangul_keys(text: str) -> set[str]:
    """Skeletons of the Hangul names a text may contain (runs of up to three words)."""
    words = [w for w in _HANGUL.findall(text) if w not in _KOREAN_WORDS]
    keys: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 1, min(start + 3, len(words)) + 1):
            last = words[end - 1]
            for stem in hangul_stems(last):
                joined = "".join([*words[start : end - 1], stem])
                # One syllable on its own is a particle or a verb's stem ("할 줄"), no name.
                if len(joined) < 2:
                    continue
                keys.update(key for key in hangul_skeletons(joined) if len(key) >= MIN_SKELETON)
    return keys


def leading_links(question: str, text: str) -> set[str]:
    """The skeletons a capitalised Latin word of `question` shares with the leading part
    of a long Hangul word of `text` ("Pureun" and 푸른손해보험); a lowercase word is no
    brand ("broker" is not 블랙프라이데이)."""
    brands = {
        key
        for word in _LATIN.findall(question)
        if word[:1].isupper()
        for key in latin_skeletons(word)
        if len(key) >= _MIN_LEADING
    }
    if not brands:
        return set()
    leading = {
        key
        for word in _HANGUL.findall(text)
        for stem in hangul_stems(word)
        for key in leading_keys(stem)
    }
    return brands & leading


@lru_cache(maxsize=8192)
def leading_keys(word: str) -> frozenset[str]:
    """Skeletons of a long Hangul word's leading parts: a brand romanised and a Korean
    noun written as one word ("푸른손해보험" is "Pureun" and 손해보험, insurance). Only a
    word of four syllables or more, a part of two or more that leaves two, and a
    skeleton of three consonants or more: a shorter one would link unrelated words."""
    found: set[str] = set()
    for cut in range(2, len(word) - 1):
        found.update(key for key in hangul_skeletons(word[:cut]) if len(key) >= _MIN_LEADING)
    return frozenset(found) if len(word) >= 4 else frozenset()


def latin_keys(text: str) -> set[str]:
    """Skeletons of the Latin-script names a text may contain (runs of up to three words)."""
    # A short acronym is spelt letter by letter in Hangul (SQL is 에스큐엘): it sounds like
    # no Hangul word ("SQL" is not 스칼라).
    words = _LATIN.findall(_ACRONYM.sub(" ", text))
    keys: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 1, min(start + 3, len(words)) + 1):
            for key in latin_skeletons(" ".join(words[start:end])):
                if len(key) >= MIN_SKELETON:
                    keys.add(key)
    # A name with a version or a digit in it ("Cocos2d-x") is spelt in Hangul by its
    # letters ("코코스2d-x"): its letters before the digit name it too.
    for word in words:
        letters = _LEADING_LETTERS.match(word)
        if letters and letters.group() != word:
            keys.update(key for key in latin_skeletons(letters.group()) if len(key) >= 3)
    return keys


def linked(question: str, text: str) -> bool:
    """True when a name in one script in `question` is spelt in the other in `text`."""
    return bool(
        (hangul_keys(question) & latin_keys(text))
        or (latin_keys(question) & hangul_keys(text))
        or leading_links(question, text)
    )


def link_length(question: str, text: str) -> int:
    """The longest skeleton a name in `question` shares with `text` across scripts (0:
    none); "메이플웨이브 모바일" links longer to "Maplewave Mobile" than to "Mobile"."""
    shared = (hangul_keys(question) & latin_keys(text)) | (latin_keys(question) & hangul_keys(text))
    return max(map(len, shared | leading_links(question, text)), default=0)


def names_in(question: str, name: str, *, shortest: int = MIN_SKELETON) -> bool:
    """True when `question` spells `name` (a whole name, or its leading part: a brand
    and a noun, "노스게이트" of Northgate Insurance) in the other script.

    Args:
        question: Any text.
        name: A name in one script.
        shortest: The shortest skeleton that may link (a longer one links fewer words).
    """
    if _HANGUL.search(name) and not _LATIN.search(name):
        found = latin_keys(question)
        hangul = "".join(_HANGUL.findall(name))
        skeletons = hangul_skeletons(hangul)
        if len(_HANGUL.findall(name)) == 1:
            # One long word may be a brand and a noun; words of a phrase are not.
            skeletons |= leading_keys(hangul)
        return any(len(key) >= shortest and key in found for key in skeletons)
    if _LATIN.search(name) and not _HANGUL.search(name):
        found = hangul_keys(question)
        words = _LATIN.findall(name)
        skeletons = latin_skeletons(name)
        if len(words) > 1:
            leading = {key for key in latin_skeletons(words[0]) if len(key) >= _MIN_LEADING}
            skeletons = skeletons | leading
        # A brand may begin a long Hangul name of the text ("Pureun" of 푸른손해보험).
        return any(len(key) >= shortest and key in found for key in skeletons) or bool(
            leading_links(name, question)
        )
    return False


def name_words(question: str, name: str) -> list[str]:
    """The words of `question` that write the applicant's `name`, or the given name, in
    the other script ("Jiwoo" of 한지우, "에단" of Ethan Park): they name the person
    asked about, not a thing. A word counts when its skeleton and first sound are the
    name's (a given name's skeleton may be one consonant)."""
    hangul = "".join(_HANGUL.findall(name))
    latin = _LATIN.findall(name)
    if hangul:
        # A Korean name is a one-syllable family name and a given name.
        parts = {hangul, hangul[1:]} if len(hangul) == 3 else {hangul}
        words = _LATIN.findall(question)
        wanted = {(hangul_skeleton(part), romanise(part)[:1]) for part in parts}
        return [w for w in words if (latin_skeleton(w), w[:1].lower()) in wanted]
    if latin:
        words = _HANGUL.findall(question)
        wanted = {(latin_skeleton(part), _english(part)[:1]) for part in latin if part}
        found = []
        for word in words:
            for stem in hangul_stems(word) or [word]:
                if (hangul_skeleton(stem), romanise(stem)[:1]) in wanted:
                    found.append(word)
                    break
        return found
    return []
