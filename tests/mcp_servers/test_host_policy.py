"""Host and Origin headers are parsed by their grammar before they are compared."""

from __future__ import annotations

import pytest

from ask_applicant.mcp_servers.host_policy import HostPolicy

POLICY = HostPolicy(
    ["localhost", "localhost:*", "[::1]:*", "applicant.example.com"],
    ["http://localhost:*", "https://applicant.example.com"],
)


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "applicant.example.com"],
)
def test_allowed_hosts_pass(host: str) -> None:
    assert POLICY.host_allowed([host])


@pytest.mark.parametrize(
    "host",
    [
        "localhost:8000@evil.example",
        "localhost:8000.evil.example",
        "localhost:8000/",
        "localhost:8000 evil",
        "localhost:",
        "localhost:*",
        "localhost:99999",
        "localhost:80:80",
        "user@localhost:8000",
        "applicant.example.com:443",
        "evil.example",
        "[::1]",
        "",
    ],
)
def test_hosts_that_only_resemble_an_allowed_one_are_refused(host: str) -> None:
    assert not POLICY.host_allowed([host])


def test_no_host_or_two_hosts_are_refused() -> None:
    assert not POLICY.host_allowed([])
    assert not POLICY.host_allowed(["localhost:8000", "localhost:8000"])


@pytest.mark.parametrize(
    "origin", ["http://localhost:3000", "HTTP://LocalHost:3000", "https://applicant.example.com"]
)
def test_allowed_origins_pass(origin: str) -> None:
    assert POLICY.origin_allowed([origin])


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost:3000@evil.example",
        "http://localhost:3000.evil.example",
        "http://localhost:3000/",
        "http://localhost",
        "https://localhost:3000",
        "http://applicant.example.com",
        "https://applicant.example.com:8443",
        "null",
        "localhost:3000",
    ],
)
def test_origins_that_only_resemble_an_allowed_one_are_refused(origin: str) -> None:
    assert not POLICY.origin_allowed([origin])


def test_a_request_without_an_origin_passes() -> None:
    assert POLICY.origin_allowed([])


@pytest.mark.parametrize(
    ("hosts", "origins"),
    [(["localhost:8000@evil"], []), (["*"], []), (["localhost"], ["localhost:3000"])],
)
def test_a_pattern_that_does_not_parse_is_refused_at_start_up(
    hosts: list[str], origins: list[str]
) -> None:
    with pytest.raises(ValueError):
        HostPolicy(hosts, origins)
