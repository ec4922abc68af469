"""The work history's phrases in the glossary: jobs, employers, kinds of employment and
the industry nouns of company names, with the English concept words each stands for.
"""

from __future__ import annotations

from collections.abc import Mapping

WORK_CONCEPTS: Mapping[str, str] = {
    "job": "work",
    "jobs": "work",
    "employer": "work company",
    "employers": "work company",
    "company": "work",
    "companies": "work",
    "position": "work role",
    "employment": "work",
    "career": "work experience",
    "how long": "year experience",
    "how many years": "year experience",
    "경력": "work experience",
    "경험": "experience",
    "근무": "work",
    "회사": "work company",
    "직장": "work company",
    "직무": "work role",
    "담당": "work role",
    "업무": "work",
    # The kind of employment is the job's: "정규직이에요?" asks of the current job.
    "정규직": "work",
    "계약직": "work",
    "풀타임": "work",
    "파트타임": "work",
    "프리랜서": "work freelance",
    "full-time": "work",
    "part-time": "work",
    "freelance": "work",
    "freelancer": "work freelance",
    # "실무에서 몇 년?": at work, in practice; no place of work.
    "실무": "work",
    "현업": "work",
    "재직": "work",
    "몇 년": "year experience",
    "몇년": "year experience",
    "연차": "year experience",
    "얼마나": "year",
    "기간": "year",
    # The industry nouns of Korean company names: 노스게이트 보험 is Northgate Insurance.
    "보험": "insurance",
    "손해보험": "insurance",
    "은행": "bank",
    "증권": "securities",
    "병원": "hospital health",
    "물류": "logistics",
    "건설": "construction",
    "전자": "electronics",
    "자동차": "automotive motors",
    "항공": "airlines aviation",
    "통신": "telecom",
    "제약": "pharmaceuticals pharma",
    "금융": "finance financial",
    "연구소": "research lab institute",
    "재단": "foundation",
    "직책": "work role position",
    "직함": "work role title position",
}
