"""The career specialist's `request_contact` tool records a lead, through the real server."""

from __future__ import annotations

import anyio
from agents.testing import ScriptedModel, assistant_message, function_call

from ..conftest import StartApi
from ..console_helpers import owner_browser, owner_cookie
from ..share_link_helpers import browser, new_link, open_link

ASK = "Can we schedule a call? I'm 김민지 at Toss, minji@toss.example"


async def test_a_recruiter_asking_to_get_in_touch_is_recorded_as_a_lead(
    start_api: StartApi,
) -> None:
    contact = {
        "recruiter_email": "minji@toss.example",
        "recruiter_name": "김민지",
        "company": "Toss",
        "note": "A call next week 📞",
    }
    model = ScriptedModel(
        [
            [function_call("transfer_to_career_specialist", {}, call_id="c1")],
            [function_call("request_contact", contact, call_id="c2")],
            [assistant_message("I've passed your request on to the applicant.")],
            [function_call("transfer_to_career_specialist", {}, call_id="c3")],
            [function_call("request_contact", contact | {"recruiter_email": "no"}, call_id="c4")],
            [assistant_message("Which e-mail address should the applicant use?")],
        ]
    )
    api = await start_api(model=model)
    _link, token = await new_link(api)
    _reply, cookie = await open_link(api, token)
    async with browser(api, cookie, Origin=api.url) as http:
        with anyio.fail_after(60):
            first = (await http.post("/v1/chat", json={"message": ASK})).json()
            second = (await http.post("/v1/chat", json={"message": "call me"})).json()
    assert [call["name"] for call in first["tool_calls"]] == ["request_contact"]
    assert first["answer_kind"] == "answered"
    assert '"recorded": false' in second["tool_calls"][0]["output"]
    assert second["answer_kind"] == "not_in_profile"
    async with owner_browser(api, await owner_cookie(api)) as http:
        leads = (await http.get("/v1/owner/leads")).json()["leads"]
    assert [(lead["email"], lead["name"], lead["source"]) for lead in leads] == [
        ("minji@toss.example", "김민지", "tool")
    ]
    assert leads[0]["session_id"] == first["session_id"]
    assert leads[0]["message"] == "A call next week 📞"
