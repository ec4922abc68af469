"""A yes cites a fact that names the thing asked about."""

from __future__ import annotations

from ask_applicant.agents.offline.asked_names import asked_names, names_all


def test_a_shared_acronym_names_the_thing_only_as_its_head() -> None:
    fi_job = "컨설턴트 (SAP FI) at 미르컨설팅. SAP ECC 재무(FI) 모듈 구축."
    assert not names_all(fi_job, asked_names("Does she have any SAP MM experience?"))
    assert names_all(fi_job, asked_names("Does she know SAP FI?"))
    docs = "Rebuilt the API reference from OpenAPI specs."
    assert names_all(docs, asked_names("Can she document a REST API?"))
    rtos = "Firmware on STM32 with FreeRTOS."
    assert names_all(rtos, asked_names("Has he used a real-time operating system?"))
