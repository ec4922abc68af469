"""The reply: the tool's evidence shaped into an answer to the question that was asked.

What the question asks for (`intent`) decides the shape: yes or no first, then the fact
that says so; a duration computed from the entry's dates; the period for "when"; the
job with no end date for "current"; a short list only when a list is asked; otherwise
the one or two facts that fit best. Each shape has a length budget, so an answer is never
a section dump. Korean questions get Korean frames (`korean`); resume text is quoted as
it is, and every fact keeps its source.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date

from ask_applicant.agents.offline import counts, entry, entry_links, particulars, periods, selection
from ask_applicant.agents.offline.asked_names import asked_names, names_all
from ask_applicant.agents.offline.concept_groups import groups_named
from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import (
    Intent,
    about_now,
    asks_for_several,
    listed_terms,
    named_years,
    subject_terms,
)
from ask_applicant.agents.offline.korean import render
from ask_applicant.agents.offline.link_kinds import asks_for_code, link_kinds
from ask_applicant.agents.offline.practice import about_practice, practice_first, practice_only
from ask_applicant.agents.offline.readings import topics
from ask_applicant.agents.offline.support import field, is_place, subject_of, supports, touched
from ask_applicant.agents.offline.tenure import since
from ask_applicant.agents.offline.terms import terms
from ask_applicant.agents.offline.wording import clip, join, no_mention, no_number

# Characters of resume text per fact, and facts per answer, for each shape.
# (characters of one fact, characters of all): lists take short lines, up to the total.
_BUDGET: dict[Intent, tuple[int, int]] = {
    Intent.YES_NO: (300, 300),
    Intent.WHEN: (240, 240),
    Intent.DURATION: (240, 240),
    Intent.WHERE: (260, 600),
    Intent.CURRENT: (300, 600),
    Intent.LIST: (160, 950),
    Intent.AMOUNT: (260, 260),
    Intent.DESCRIBE: (320, 700),
}
_PERIOD = periods.PERIOD
_SENTENCE = re.compile(r"(?<=[.!?。])\s+")
_CLAUSE = re.compile(r"(?<=;)\s+")
# The entry's name a follow-up was made whole with (`same_entry`).
_ENTRY_ADDED = re.compile(r'\s"[^"]+"\s*$')
_ENDS = re.compile(
    r"\b(end|ends|ended|run out|runs out|expire|expires|finish|finishes|finished|leave|left"
    r"|quit|graduate|graduated|graduating)\b|끝나|만료|그만|퇴사|졸업",
    re.I,
)
_BESIDES = re.compile(
    r"\b(?i:besides|other than|apart from|aside from|except)\s+(?P<en>[A-Z][\w+#.-]*)"
    r"|(?P<ko>[\w+#.-]+?)\s*(?:말고|외에|빼고|제외하고)",
)
_EITHER = re.compile(r"\w\s+or\s+(an?\s+)?\w|(이나|거나|또는)\s")
_LINKS = re.compile(r"\blinks?\b|\burls?\b|링크|주소", re.I)
_PRESENT = re.compile(r"^\W*(is|are|am)\b(?!.*\b(ever|before|previously)\b)", re.I)


def compose(
    evidence: Evidence,
    question: str,
    intent: Intent,
    *,
    korean: bool,
    today: date | None = None,
    ignore: Collection[str] = (),
) -> str | None:
    """The answer to `question` from `evidence`, or None when it holds no facts.

    Args:
        evidence: Ranked facts of this turn's tools.
        question: The question (a follow-up already made whole).
        intent: What the question asks for.
        korean: Write the frames in Korean.
        today: The date an open-ended period runs to (default: today).
        ignore: Terms that say nothing about the topic (the applicant's name).

    Returns:
        The answer text.
    """
    if evidence.empty:
        return None
    counted = counts.asked(question) if intent is Intent.AMOUNT else None
    number = counts.answer(evidence.facts, counted, korean=korean) if counted else None
    if number is not None:
        # "How many projects does she have?": the number, then which.
        return number
    linked_entry = (
        entry_links.answer(evidence.facts, question, korean=korean, yes_no=intent is Intent.YES_NO)
        if entry_links.asked(question)
        else None
    )
    if linked_entry is not None:
        # "Is there somewhere I can try it?" of a project: its link, or that it has none.
        return linked_entry
    subject = subject_of(question, ignore)
    backing = [fact for fact in evidence.facts if supports(fact, question, subject)]
    chosen = backing + [fact for fact in evidence.facts if fact not in backing]
    named_entry = one = entry.named(evidence.facts, question, subject)
    # "How long has he been at his current company?": the job going on now is named.
    now_job = selection.current_job(question, evidence.facts)
    if intent in (Intent.WHEN, Intent.DURATION) and now_job:
        # A name that merely sounds like a word of "current company" is not asked about.
        named_entry = one = now_job
    # "What did she build at X?": the entry named, not every entry the verb matches;
    # "Where was her first job?": the earliest one.
    relative = selection.relative(question)
    alone = one if intent in (Intent.DESCRIBE, Intent.CURRENT) and not relative else []
    # "Her first role at Maplewave?": the earliest of the entries named, if several are.
    one = one or selection.first(question, periods.named_entries(evidence.facts, question, subject))
    one = one or selection.first(question, evidence.facts)
    one = one or selection.most_recent(question, evidence.facts)
    if intent in (Intent.DESCRIBE, Intent.CURRENT, Intent.WHERE) and not alone:
        alone = one if not relative else []
    if alone:
        return "\n".join(entry.told(fact, korean=korean) for fact in alone)
    reach = particulars.channels(evidence.facts, question, subject, korean=korean)
    if reach and intent not in (Intent.AMOUNT, Intent.YES_NO):
        # "How can I get in touch with her?": the email and links, not every basic.
        return reach
    educated = any(field(fact.source) == "education" for fact in evidence.facts)
    if particulars.GRADES.search(question) and educated:
        # "What was his GPA?": the score each degree gives, or that none gives one.
        return particulars.grades(evidence.facts, korean=korean)
    # "What did she achieve at her current company?": that job's highlights.
    scope = named_entry or now_job or evidence.facts
    won = selection.highlights(scope) if selection.ACHIEVED.search(question) else []
    if won and intent in (Intent.DESCRIBE, Intent.LIST, Intent.CURRENT):
        # "Her biggest achievement?": the highlights the profile gives, numbers first.
        return join("", [f"{item} ({source})" for item, source in won])
    top = selection.strongest(evidence.facts) if selection.BEST.search(question) else []
    if top and intent in (Intent.DESCRIBE, Intent.LIST):
        # "What's her strongest skill?": the skills at the highest level the profile gives.
        return join("", [_line(fact, 300, question, subject, korean=korean) for fact in top])
    besides = _BESIDES.search(question)
    if besides and intent in (Intent.LIST, Intent.DESCRIBE, Intent.YES_NO):
        # "Besides English, what other languages?": every one but the one named.
        left_out = besides["en"] or besides["ko"]
        named_out = subject_of(left_out, ignore)
        others = [f for f in evidence.facts if not touched(f.text, left_out, named_out)]
        if others and len(others) < len(evidence.facts):
            lead = ("예." if korean else "Yes.") if intent is Intent.YES_NO else ""
            return join(
                lead, [_line(fact, 250, question, subject, korean=korean) for fact in others]
            )
    neighbour = selection.neighbour(question, backing, evidence.facts)
    if neighbour is not None and intent in (
        Intent.DESCRIBE,
        Intent.LIST,
        Intent.WHERE,
        Intent.CURRENT,
    ):
        # "Who did she work for before Fernleaf?": that one entry, not the history.
        return entry.told(neighbour, korean=korean)
    years = named_years(question)
    if years and intent not in (Intent.WHEN, Intent.DURATION, Intent.YES_NO):
        # "What was he doing around 2014 to 2015?": the entries of those years; when none
        # covers them, the entries just before and after (a gap is an answer too).
        width = _BUDGET[Intent.LIST][0] + 90
        during, around = periods.during(evidence.facts, years, today or date.today())
        if during or around:
            lead = "" if during else periods.nothing_in(years, korean=korean)
            shown = during or around
            return join(
                lead, [_line(fact, width, question, subject, korean=korean) for fact in shown]
            )
    places = [fact for fact in evidence.facts if is_place(fact)]
    if intent is Intent.WHERE and not backing and places:
        # "Where is she based?": the location, not every basic.
        backing = chosen = places
    if intent in (Intent.LIST, Intent.DESCRIBE) or (not backing and intent is Intent.WHERE):
        # Without a sharper question, the tool's ranked facts are the answer (`composer`).
        return None
    width, total = _BUDGET[intent]
    focus = [*subject, *concept_terms(question)]
    lead = ""
    ongoing = selection.ongoing(question, evidence.facts)
    if intent is Intent.YES_NO and ongoing and not backing:
        if about_now(question) or particulars.asks_kind(question):
            # "Is she currently employed?", "정규직이에요?": the job going on now says.
            backing = ongoing
    if intent is Intent.YES_NO and places and "location" in concept_terms(question):
        # "Is she based in Seoul?": yes or no by whether her location names it (in
        # either script), and where she is either way.
        # The place's own words count, not its label ("location") or the question's
        # concepts ("거주" stands for location).
        own = [term for term in subject if term not in concept_terms(question)]
        named = any(touched(fact.text.split(": ", 1)[-1], question, own) for fact in places)
        lead = ("예." if named else "아니요.") if korean else ("Yes." if named else "No.")
        return join(lead, [_line(places[0], width, question, focus, korean=korean)])
    fit = [fact for fact in evidence.facts if fact.text.startswith(("Matched:", "Missing:"))]
    if fit and intent in (Intent.YES_NO, Intent.DESCRIBE, Intent.LIST):
        # "Is she a fit for ...?": what matches and what is missing, led by how much fits.
        return particulars.fit(fit, korean=korean)
    if intent is Intent.YES_NO:
        names = asked_names(question, ignore)
        if names:
            # A yes cites a fact that names the thing asked about, not one that shares a
            # generic word with the question ("services" of Amazon Web Services).
            naming = [fact for fact in evidence.facts if names_all(fact.text, names)]
            if _EITHER.search(question):
                # "A personal website or a GitHub?": what names either, not only both.
                naming += [f for f in evidence.facts if f in backing and f not in naming]
                naming += [f for f in evidence.facts if any(names_all(f.text, [n]) for n in names)]
            backing = list(dict.fromkeys(naming))
        if named_entry:
            # "Were there results?" of one job: that job's, not every job's.
            backing = [fact for fact in backing if fact in named_entry]
        unnamed = _ENTRY_ADDED.sub("", question)
        if unnamed != question:
            # A follow-up made whole with the entry's name ("깃허브 주소도 있어요?
            # "도서관 좌석 알리미""): the name says which entry, not that it has a GitHub.
            asked_own = subject_of(unnamed, ignore)
            backing = [fact for fact in backing if touched(fact.text, unnamed, asked_own)]
        asked = groups_named(question)
        if asked:
            # "Has he managed people?": only a fact naming that very thing says yes, not
            # one that shares a word with it ("configuration management").
            # A question that names nothing but the group ("학사 학위 있어요?") asks it of
            # every fact, and so does a Korean one no fact shares a word with ("봉사활동
            # 하세요?" of an English resume: the group is the translation).
            pool = backing if subject and (backing or not korean) else evidence.facts
            backing = [f for f in pool if groups_named(f"{field(f.source)} {f.text}") & asked]
        if not backing:
            return particulars.held_instead(
                no_mention(question, korean=korean, ignore=ignore), evidence, question, korean
            )
        # "Does he know Kafka?" is answered by the skills entry before a project's mention;
        # "Has she used it in production?" by the job or project that used it.
        placed = set(topics(question))
        backing = sorted(backing, key=lambda fact: not set(terms(field(fact.source))) & placed)
        if _PRESENT.search(question):
            # "Is she senior?" is about now: the entry still going on says so first.
            backing = sorted(backing, key=lambda fact: not periods.ongoing(fact))
        if about_practice(question):
            backing = practice_first(backing)
        if asks_for_code(question):
            # "Is any of his code public?": the entries whose link is a code host first.
            backing = sorted(backing, key=lambda fact: "repository" not in link_kinds(fact.text))
        chosen, lead = backing, ("예." if korean else "Yes.")
        # "Is her current job full-time?" of a part-time job: no, and the job says so.
        lead = particulars.kind_lead(question, backing[0].text, korean=korean) or lead
    elif (
        intent is Intent.DURATION
        # "아이언바크 마이닝에는 다 합쳐서 몇 년?" totals the employer named, not the career;
        # "회계팀 시절까지 다 포함하면 전체 경력이?" names a job only to include it.
        and (
            not periods.named_entries(evidence.facts, question, subject)
            or particulars.WHOLE_CAREER.search(question)
        )
        and not now_job
        and (career := particulars.career_total(evidence, question, subject))
    ):
        # "How many years of experience in total?": every job, overlaps counted once.
        return particulars.career_answer(evidence, career, korean=korean)
    elif intent in (Intent.WHEN, Intent.DURATION):
        # The entry the question names by its heading comes before one that merely
        # shares a word ("게임즈" of Northwind Games is not the 게임 of another job).
        dated = [fact for fact in [*one, *chosen] if _PERIOD.search(fact.text)]
        whole = periods.spanning(dated) if intent is Intent.DURATION else None
        parts = [fact for fact in dated if "," not in fact.source]
        # The current job, when asked about, is the entry: no heading picks another.
        roles = [] if now_job else periods.named_entries(parts, question, subject)
        if len(roles) == 1:
            dated = [*roles, *(fact for fact in dated if fact is not roles[0])]
            roles = []
        if whole is not None or roles:
            # "How long at Fernleaf?" / "When did she start there?" with two roles there:
            # the time across both, then each role on its own line.
            day = today or date.today()
            lead = periods.span_lead(whole, roles, intent, korean=korean, today=day)
            shown = roles or parts
            return join(lead, [_line(f, width, question, focus, korean=korean) for f in shown])
        if dated:
            chosen = dated
            lead = periods.time_lead(dated[0], intent, korean=korean, today=today or date.today())
            if intent is Intent.WHEN and _ENDS.search(question):
                # "When does her contract run out?": an entry going on gives no end;
                # "When did he graduate?", one that ended gives its end first.
                if periods.ongoing(dated[0]):
                    lead = particulars.no_end(dated[0], korean=korean)
                else:
                    lead = particulars.ended(dated[0], korean=korean) or lead
    elif intent is Intent.CURRENT:
        told = [since(fact.text, korean=korean, source=fact.source) for fact in ongoing]
        if ongoing and all(told):
            # What is going on now and since when: the entry's description is not asked.
            return join(
                "", [f"{line} ({fact.source})" for line, fact in zip(told, ongoing, strict=True)]
            )
        chosen = ongoing or chosen
    elif intent is Intent.WHERE:
        # "Where did he use gRPC?": the entries that name it, a location first.
        chosen = sorted(backing or chosen, key=lambda fact: field(fact.source) != "location")
    elif intent is Intent.AMOUNT:
        if about_now(question) and ongoing:
            # "How many people at her current company?": the job going on now.
            backing = [fact for fact in backing if fact in ongoing] or ongoing
        if not any(selection.NUMBER.search(fact.text) for fact in backing):
            # "How many people does she manage?" with no number given: say so, not the
            # whole work history.
            return no_number(korean=korean)
        # "How big is the team?": the fact that names it with a number.
        chosen = sorted(backing, key=lambda fact: not selection.NUMBER.search(fact.text))
    neighbour = selection.neighbour(question, backing, evidence.facts)
    if neighbour is not None:
        chosen = [neighbour]
    if selection.RECENT.search(question):
        chosen = sorted(chosen, key=selection.latest, reverse=True)
    if intent is Intent.YES_NO and asks_for_several(question) and len(backing) > 1:
        # "Any open-source packages?": yes, and each one, in short lines; "Has he run
        # services on it?", each job and project that did.
        chosen = practice_only(backing) if about_practice(question) else backing
        width, total = _BUDGET[Intent.LIST]
    elif intent in (Intent.YES_NO, Intent.WHEN, Intent.DURATION, Intent.AMOUNT):
        chosen = chosen[:1]
    lines: list[str] = []
    for fact in chosen:
        line = _line(fact, width, question, focus, korean=korean, counted=intent is Intent.AMOUNT)
        if lines and sum(map(len, lines)) + len(line) > total:
            break
        lines.append(line)
    return join(lead, lines)


def list_width(evidence: Evidence, question: str) -> int | None:
    """How long each listed fact may be when a list is asked for and the facts name its
    subject (None: no fact does, so none can be cut short safely)."""
    # The list's own noun ("companies") counts here: it names what is listed.
    subject = [*subject_terms(question), *listed_terms(question)]
    if any(supports(fact, question, subject) for fact in evidence.facts):
        return _BUDGET[Intent.LIST][0] + 90
    return None


def _excerpt(
    text: str, width: int, question: str, subject: Sequence[str], *, counted: bool = False
) -> str:
    """The fact's opening (which entry it is) and the sentences that touch the question most.

    With `counted`, highlights count one by one and a part with a number comes first:
    "How many users?" is answered by the highlight that gives the number.
    """
    if len(text) <= width:
        return text
    sentences = _SENTENCE.split(text)
    if _LINKS.search(question):
        # "Links please": the entry's name and its link, before anything it says.
        linked = [part for part in sentences[1:] if part.startswith("URL:")]
        if linked:
            return f"{clip(sentences[0], max(width - len(linked[0]) - 1, 40))} {linked[0]}"
    if counted:
        sentences = [part.rstrip(";") for sentence in sentences for part in _CLAUSE.split(sentence)]
    scores = [touched(part, question, subject) for part in sentences]
    if counted:
        scores = [
            2 * score + bool(score and selection.NUMBER.search(part))
            for score, part in zip(scores, sentences, strict=True)
        ]
    order = sorted(range(1, len(sentences)), key=lambda i: (-scores[i], i))
    kept, used = {0}, len(sentences[0])
    for index in order:
        if scores[index] == 0 or used + len(sentences[index]) > width:
            continue
        kept.add(index)
        used += len(sentences[index]) + 1
    if len(kept) == 1:
        return clip(text, width)
    return clip(" ".join(sentences[i] for i in sorted(kept)), width)


def _line(
    fact: Fact,
    width: int,
    question: str,
    subject: Sequence[str],
    *,
    korean: bool,
    counted: bool = False,
) -> str:
    text = _excerpt(fact.text, width, question, subject, counted=counted)
    shown = render(text, fact.source) if korean else text
    # A fact that names its sources in its text (a job-fit match) needs no citation.
    return shown if fact.source in fact.text else f"{shown} ({fact.source})"
