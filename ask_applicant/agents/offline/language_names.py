"""Spoken languages by name, for the glossary: 독일어 is German, 日本語 is Japanese.

A closed set, so a table: the Korean names translate to the English ones, the English
names are language words, and a language written in its own script (as resumes often
write it) stands for its English name, so that 일본어, Japanese and 日本語 meet.
"""

from __future__ import annotations

from collections.abc import Mapping

# phrase -> English concept words it stands for (see `glossary`).
LANGUAGE_CONCEPTS: Mapping[str, str] = {
    "외국어": "language",
    "영어": "language english",
    "한국어": "language korean",
    "일본어": "language japanese",
    "중국어": "language chinese",
    "독일어": "language german",
    "프랑스어": "language french",
    "불어": "language french",
    "스페인어": "language spanish",
    "포르투갈어": "language portuguese",
    "이탈리아어": "language italian",
    "러시아어": "language russian",
    "아랍어": "language arabic",
    "베트남어": "language vietnamese",
    "태국어": "language thai",
    "인도네시아어": "language indonesian",
    "힌디어": "language hindi",
    "광둥어": "language cantonese",
    "네덜란드어": "language dutch",
    "터키어": "language turkish",
    "언어": "language",
    # In their own script, as resumes write them ("日本語 — 기초 회화").
    "日本語": "language japanese",
    "中文": "language chinese",
    "汉语": "language chinese",
    "漢語": "language chinese",
    "普通话": "language chinese mandarin",
    "廣東話": "language cantonese",
    "广东话": "language cantonese",
    "韓国語": "language korean",
    "韓國語": "language korean",
    "español": "language spanish",
    "français": "language french",
    "deutsch": "language german",
    "português": "language portuguese",
    "italiano": "language italian",
    "русский": "language russian",
    "tiếng việt": "language vietnamese",
    "speak": "language",
    "english": "language",
    "korean": "language",
    "japanese": "language",
    "chinese": "language",
    "german": "language",
    "french": "language",
    "spanish": "language",
    "portuguese": "language",
    "italian": "language",
    "russian": "language",
    "arabic": "language",
    "vietnamese": "language",
    "hindi": "language",
}
