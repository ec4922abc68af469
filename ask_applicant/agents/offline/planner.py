"""The planner: what the offline model does next, decided from the call's arguments alone.

An agent with function tools is a specialist: it calls its best-fitting tool once, then
answers from the outputs (with one extra search when the first tool found nothing), or
hands a question that clearly belongs elsewhere back, at the start of a turn only. An
agent with handoffs and no tools is triage: it routes to the best area, or answers with a
help message when nothing matches. These rules bound every turn: at most one hand-back,
at most two tool calls per specialist.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from agents import FunctionTool, Handoff, Tool

from ask_applicant.agents.offline import career_change, composer
from ask_applicant.agents.offline.answering import answer
from ask_applicant.agents.offline.arguments import fill
from ask_applicant.agents.offline.choices import Choices
from ask_applicant.agents.offline.decision import Call, Decision, Question, Reply
from ask_applicant.agents.offline.decline import CONTACT_TOPIC, decline, lists_channels
from ask_applicant.agents.offline.fallback import fallback_area
from ask_applicant.agents.offline.follow_up import FollowUp, carried, resolve
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import Intent, classify
from ask_applicant.agents.offline.lexicon import (
    Lexicon,
    spelt,
    unknown_skill,
)
from ask_applicant.agents.offline.linking import name_words
from ask_applicant.agents.offline.practice import PRACTICE_TERMS, about_practice
from ask_applicant.agents.offline.private_topics import PrivateRequest, read_request
from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.router import Area, Router
from ask_applicant.agents.offline.same_entry import about_entry
from ask_applicant.agents.offline.small_talk import is_small_talk
from ask_applicant.agents.offline.spans import QuestionSpans, ignorable
from ask_applicant.agents.offline.terms import is_korean, terms
from ask_applicant.agents.offline.toolbox import Toolbox
from ask_applicant.agents.offline.transcript import Transcript
from ask_applicant.agents.offline.voice import Voice
from ask_applicant.tools import conditions

# Triage -> specialist -> triage -> specialist is the longest legitimate turn.
MAX_HANDOFFS_PER_TURN = 3
# A follow-up leaves the specialist it leans on only for a clear topic ("salary", not
# a stray "learn"): its best area must score this many routing thresholds.
FOLLOW_UP_BAR = 3.0
_WHERE_BASED = re.compile(
    r"\bwhere(?:'s| is| does| do)\b.*\b(based|live|located|living)\b|어디\s*(?:살|사세|사시|거주)",
    re.I,
)
# Words of a skill question besides the skill: "experience with X", "one of her tools".
_EXPERIENCE = frozenset(terms("experience skill"))
_CONDITIONS_TOPIC = "remote work relocation salary career goals faq"
# A move between fields is read off the work history's titles.
_WORK_TOPIC = "work history companies positions dates"
_SKILL_TOPIC = tuple(terms("skill technology"))


class Planner:
    """Decides one model step.

    Args:
        vocabulary: Handoff target agent name -> extra routing text for that area.
        choices: Known values of some tool parameters (project slugs), by parameter name.
        names: Handoff target agent name -> names of the things that area holds.
        references: Handoff target agent name -> names of things that area refers to.
        lexicon: The profile's public words, to tell what it never mentions (None: unknown).
    """

    def __init__(
        self,
        vocabulary: Mapping[str, str] | None = None,
        choices: Choices | None = None,
        names: Mapping[str, tuple[str, ...]] | None = None,
        references: Mapping[str, tuple[str, ...]] | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        self._vocabulary = dict(vocabulary or {})
        self._lexicon = lexicon
        self._choices = choices
        self._names = dict(names or {})
        self._references = dict(references or {})
        # Built once per planner (one per profile's graph): the areas and toolboxes of a
        # graph do not change between turns, their indexes need not be rebuilt.
        self._routers: dict[tuple[Area, ...], Router] = {}
        self._toolboxes: dict[tuple[tuple[str, str, str], ...], Toolbox] = {}

    def _router(self, areas: tuple[Area, ...]) -> Router:
        if areas not in self._routers:
            self._routers[areas] = Router(areas)
        return self._routers[areas]

    def _toolbox(self, tools: list[FunctionTool], ignore: frozenset[str]) -> Toolbox:
        # Keyed by what ranking reads: MCP tools are new objects on every run.
        described = [
            (tool.name, tool.description or "", json.dumps(tool.params_json_schema, sort_keys=True))
            for tool in tools
        ]
        key = (*described, (",".join(sorted(ignore)), "", ""))
        if key not in self._toolboxes:
            self._toolboxes[key] = Toolbox(tools, ignore, self._choices)
        return self._toolboxes[key]

    def decide(
        self,
        instructions: str | None,
        items: str | Sequence[Any],
        tools: Sequence[Tool],
        handoffs: Sequence[Handoff[Any, Any]],
    ) -> tuple[Decision, Transcript]:
        """Decide the next step of the current turn.

        Args:
            instructions: The agent's system instructions (voice markers).
            items: The model input.
            tools: The agent's tools; only function tools (MCP ones included) are used.
            handoffs: The agent's handoffs.

        Returns:
            The decision and the transcript it was read from.
        """
        transcript = Transcript.read(items, {handoff.tool_name for handoff in handoffs})
        voice = Voice.from_instructions(instructions)
        request = read_request(transcript.question)
        if request.kinds and not request.rest:
            # No tool returns a private detail, so whatever section a tool would return
            # is no answer: decline, with the public channels the basics give.
            return self._decline(request, voice, transcript, tools, handoffs), transcript
        # A public question asked with a private one: answer it, then decline the rest.
        asked = dataclasses.replace(transcript, question=request.rest) if request.kinds else None
        decision = self._decide(voice, asked or transcript, tools, handoffs)
        if request.kinds and isinstance(decision, Reply):
            korean = is_korean(transcript.question)
            declined = decline(request.kinds, voice, korean=korean)
            decision = Reply(f"{decision.text}\n\n{declined}")
        return decision, transcript

    def _decide(
        self,
        voice: Voice,
        transcript: Transcript,
        tools: Sequence[Tool],
        handoffs: Sequence[Handoff[Any, Any]],
    ) -> Decision:
        # The name as the question writes it in the other script ("Jiwoo" of 한지우) too.
        ignore = (
            ignorable([voice.name, *name_words(transcript.question, voice.name)])
            if voice.name
            else frozenset()
        )
        text = transcript.question
        function_tools = [tool for tool in tools if isinstance(tool, FunctionTool)]
        # A specialist that starts a turn answered the last one: a fragment continues it;
        # so does one it handed the fragment to ("몇 년 썼어요?" after "ROS 써봤어요?" goes
        # from the skills to the years of experience, still about ROS).
        handed_back = transcript.handoff_count > 0 and bool(transcript.history)
        sticky = bool(function_tools) and (transcript.handoff_count == 0 or handed_back)
        # Triage, handed a fragment back, routes what it asks ("몇 년 썼어요?" about ROS).
        follow_up = resolve(text, transcript.history) if sticky or handed_back else None
        if sticky and follow_up is None:
            # "Is the code public?" after a project: about that project, if it holds that.
            own = self._own_area(self._toolbox(function_tools, ignore))
            entries = self._names.get(own, ()) if own else ()
            follow_up = about_entry(text, transcript.history, entries)
        whole = follow_up.text if follow_up is not None else text
        if follow_up is not None and not function_tools:
            # Handed back, an anaphor is routed by its own words ("Is it open to remote
            # work?"), one without words of its own by the subject it leans on.
            whole = follow_up.routed_text
        query = Query.of(whole, ignore, spelt=self._in_latin(whole))
        yes_no = classify(whole) is Intent.YES_NO
        # Only skill-shaped words besides the name: "Does he write Rust?" (the skills),
        # "코틀린으로 개발해 본 경험도 있나요?" (experience); not "Does she live in Seoul?".
        plain = (
            not query.readings
            and set(query.topics) <= set(_SKILL_TOPIC)
            and set(concept_terms(whole)) <= _EXPERIENCE
        )
        unmentioned = plain and bool(unknown_skill(self._lexicon, whole, yes_no, ignore))
        if unmentioned:
            # "Does she do any Flutter?": a skill the profile never names is the skills'
            # area to answer no, not a question that routes nowhere. A question whose
            # words stand for a topic ("Does she live in Seoul?") keeps its topic.
            query = dataclasses.replace(query, topics=_SKILL_TOPIC)
        question = Question(
            text=whole,
            query=query,
            voice=voice,
            korean=is_korean(text),
            ignore=ignore,
            follow_up=follow_up,
            unmentioned_skill=unmentioned,
        )
        if function_tools and text.strip():
            toolbox = self._toolbox(function_tools, ignore)
            return self._specialist(question, transcript, toolbox, handoffs)
        if handoffs and not function_tools:
            return self._triage(question, transcript, handoffs)
        return Reply(composer.not_held(voice, korean=question.korean))

    def _in_latin(self, text: str) -> str:
        """The Hangul names of a question as the profile spells them in Latin."""
        return " ".join(self._lexicon.in_latin(text)) if self._lexicon is not None else ""

    def _decline(
        self,
        request: PrivateRequest,
        voice: Voice,
        transcript: Transcript,
        tools: Sequence[Tool],
        handoffs: Sequence[Handoff[Any, Any]],
    ) -> Decision:
        """Decline a private request, first fetching the public channels to point to."""
        korean = is_korean(transcript.question)
        done = [e for e in transcript.exchanges if e.output is not None and not e.is_handoff]
        contact = next((tool for tool in tools if lists_channels(tool)), None)
        if done or (contact is None and not handoffs):
            return Reply(decline(request.kinds, voice, korean=korean, exchanges=done))
        if contact is not None:
            return Call(contact.name, {})
        if transcript.handoff_count < MAX_HANDOFFS_PER_TURN:
            # The area whose tools give the email and links; failing that, triage.
            router = self._router(
                tuple(Area(key=key, vocabulary=text) for key, text in self._vocabulary.items())
            )
            home = router.route(Query.of(CONTACT_TOPIC))
            target = [h for h in handoffs if home is not None and h.agent_name == home.key]
            triage = [h for h in handoffs if h.agent_name not in self._vocabulary]
            for handoff in target or triage:
                if not (handoff.input_json_schema or {}).get("properties"):
                    return Call(handoff.tool_name, {})
        return Reply(decline(request.kinds, voice, korean=korean))

    def _triage(
        self, question: Question, transcript: Transcript, handoffs: Sequence[Handoff[Any, Any]]
    ) -> Decision:
        areas = [
            Area(
                key=handoff.agent_name,
                label=composer.area_line(handoff.tool_description, handoff.agent_name),
                vocabulary=self._vocabulary.get(handoff.agent_name, ""),
                names=self._names.get(handoff.agent_name, ()),
                references=self._references.get(handoff.agent_name, ()),
            )
            for handoff in handoffs
        ]
        routable = question.text.strip() and not is_small_talk(question.text)
        router = self._router(tuple(areas))
        winner = router.route(question.query) if routable else None
        if question.unmentioned_skill:
            # "Any Azure experience?": "experience" would pick the work history, which
            # cannot say more than that the skills never name it.
            winner = router.route(Query.of(" ".join(_SKILL_TOPIC))) or winner
        elif routable and _WHERE_BASED.search(question.text):
            # "Where's she based?": her location, whatever a job's text says ("London-based").
            winner = router.route(Query.of("location city basics")) or winner
        elif routable and conditions.asked(question.text) is not None:
            # "Would she move to Munich for the right role?": a working condition is the
            # career area's, whatever else its words match ("role" of a project).
            winner = router.route(Query.of(_CONDITIONS_TOPIC)) or winner
        elif routable and career_change.asked(question.text) is not None:
            # "Was she a designer before she became a developer?": the work history's
            # titles answer, whatever skill the fields' words also name.
            winner = router.route(Query.of(_WORK_TOPIC)) or winner
        if winner is None and routable:
            winner = fallback_area(router, question.query, question.text)
        if winner is not None and transcript.handoff_count < MAX_HANDOFFS_PER_TURN:
            chosen = next(handoff for handoff in handoffs if handoff.agent_name == winner.key)
            call = self._handoff_call(chosen, question)
            if call is not None:
                return call
        lines = [
            composer.area_line(h.tool_description, h.agent_name, korean=question.korean)
            for h in handoffs
        ]
        return Reply(composer.help_message(lines, question.voice, korean=question.korean))

    def _specialist(
        self,
        question: Question,
        transcript: Transcript,
        toolbox: Toolbox,
        handoffs: Sequence[Handoff[Any, Any]],
    ) -> Decision:
        done = transcript.outputs_of(toolbox.names)
        if done:
            return answer(question, transcript, toolbox, done, self._lexicon)
        if handoffs and transcript.handoff_count == 0:
            back = self._hand_back(question, toolbox, handoffs)
            if back is not None:
                return back
        # The phrasing's topics ("Does he know X?": skills) choose among the tools too: the
        # skills listing answers whether he knows a skill even when X is spelt in Hangul.
        query, stressed = [*question.query.all, *question.query.topics], question.query.readings
        if about_practice(question.text) and classify(question.text) is Intent.YES_NO:
            # "Used in production?": a search finds the jobs and projects that used it.
            query, stressed = [*query, *PRACTICE_TERMS], (*stressed, *PRACTICE_TERMS)
        pick = toolbox.pick(question.text, query, stressed=stressed)
        if pick is None:
            return Reply(composer.not_held(question.voice, korean=question.korean))
        return Call(pick.tool.name, spelt(self._lexicon, pick.tool, pick.arguments.values))

    def _hand_back(
        self, question: Question, toolbox: Toolbox, handoffs: Sequence[Handoff[Any, Any]]
    ) -> Call | None:
        own = self._own_area(toolbox)
        router = self._router(
            tuple(
                Area(
                    key=key,
                    vocabulary=text,
                    names=self._names.get(key, ()),
                    references=self._references.get(key, ()),
                )
                for key, text in self._vocabulary.items()
            )
        )
        # Small talk ("thanks!", "what else can I ask?") is triage's to answer.
        small_talk = is_small_talk(question.text)
        follow_up = question.follow_up
        own_words = follow_up.judged_text if follow_up is not None else question.text
        conditions_home = (
            router.route(Query.of(_CONDITIONS_TOPIC))
            if own and conditions.asked(own_words) is not None
            else None
        )
        if conditions_home is not None and conditions_home.key != own:
            # "Is he open to remote work?" after a project: a working condition is the
            # career area's, wherever the conversation was.
            target: Area | None = conditions_home
        elif follow_up is not None and self._about_own_entry(follow_up, own):
            # "그거 링크 있어요?" after a project: that project's link, whatever the word
            # "link" would route to on its own.
            return None
        elif follow_up is not None and not small_talk:
            # A follow-up stays unless what it asks clearly belongs elsewhere.
            judged = Query.of(follow_up.judged_text, question.ignore)
            # "몇 년 썼어요?" after "ROS 써봤어요?": years are counted by the work history's
            # dates, so a duration leaves the skills as readily as a new question would.
            during = classify(follow_up.judged_text) is Intent.DURATION
            bar = 1.0 if during else FOLLOW_UP_BAR
            target = router.elsewhere(judged, own, bar=bar) if own else None
            if target is None:
                return None
        else:
            target = router.elsewhere(question.query, own) if own and not small_talk else None
        if target is None and not small_talk:
            # Nothing in this toolbox matches ("hello", another area's jargon): unless the
            # profile words place the question here, triage knows better.
            if toolbox.matches(question.query.all):
                return None
            home = router.route(question.query)
            if home is not None and home.key == own:
                return None
        # Straight to the better area when this agent can; else back to triage, which is
        # the handoff target that is not itself an area.
        direct = [handoff for handoff in handoffs if target and handoff.agent_name == target.key]
        triage = [handoff for handoff in handoffs if handoff.agent_name not in self._vocabulary]
        for handoff in direct or triage:
            return self._handoff_call(handoff, question)
        return None

    def _about_own_entry(self, follow_up: FollowUp, own: str | None) -> bool:
        """True when the follow-up carries the name of an entry this agent's area holds."""
        subject = carried(follow_up.text)
        names = {name.casefold() for name in self._names.get(own, ())} if own else set()
        return subject is not None and subject.casefold() in names

    def _own_area(self, toolbox: Toolbox) -> str | None:
        """The vocabulary entry that lists most of this agent's tool names."""
        counts = {
            # The graph may spell tool names with spaces ("get project").
            key: sum(1 for name in toolbox.names if name in text or name.replace("_", " ") in text)
            for key, text in self._vocabulary.items()
        }
        best = max(counts, key=lambda key: counts[key], default=None)
        return best if best is not None and counts[best] > 0 else None

    def _handoff_call(self, handoff: Handoff[Any, Any], question: Question) -> Call | None:
        schema = handoff.input_json_schema or {}
        if not schema.get("properties"):
            return Call(handoff.tool_name, {})
        arguments = fill(schema, QuestionSpans(question.text, question.ignore))
        return Call(handoff.tool_name, arguments.values) if arguments is not None else None
