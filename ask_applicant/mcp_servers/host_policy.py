"""Which `Host` and `Origin` headers an MCP mount answers, parsed strictly.

The SDK compares headers as strings (`localhost:` as a prefix), so
`Host: localhost:8000@evil.example` passed as "localhost on some port". Here each
header is parsed by its grammar first (RFC 9110 `Host`, RFC 6454 `Origin`): anything
that is not exactly a host name or address with an optional numeric port is refused,
then the parts are compared with the allowed patterns.

Patterns: `name` (that name, no port), `name:PORT`, `name:*` (any port); origins the
same with a scheme, `https://name`, `http://localhost:*`. Names compare without case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ANY_PORT = "*"
MAX_PORT = 65_535
# A registered name (also IPv4) or a bracketed IPv6 literal, then an optional port.
_AUTHORITY = re.compile(
    r"(?P<name>[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}|\*))?"
)
_ORIGIN = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<authority>[^/?#]+)")


@dataclass(frozen=True)
class Authority:
    """A host name or address and its port (None: none given; `*`: any, in patterns)."""

    name: str
    port: str | None

    def allows(self, other: Authority) -> bool:
        """True when this pattern admits `other`."""
        if self.name != other.name:
            return False
        if self.port == ANY_PORT:
            return other.port is not None
        return self.port == other.port


def parse_authority(value: str, *, pattern: bool = False) -> Authority | None:
    """`name[:port]` as an `Authority`, or None when `value` is not exactly that.

    Args:
        value: A `Host` header or the authority of an origin.
        pattern: Accept `*` as the port (allowed-host patterns only).
    """
    match = _AUTHORITY.fullmatch(value)
    if match is None:
        return None
    port = match["port"]
    if port == ANY_PORT and not pattern:
        return None
    if port not in (None, ANY_PORT) and int(port) > MAX_PORT:
        return None
    return Authority(match["name"].lower(), port)


def parse_origin(value: str, *, pattern: bool = False) -> tuple[str, Authority] | None:
    """`scheme://name[:port]` as its scheme and authority, or None when it is not."""
    match = _ORIGIN.fullmatch(value)
    if match is None:
        return None
    authority = parse_authority(match["authority"], pattern=pattern)
    return None if authority is None else (match["scheme"].lower(), authority)


class HostPolicy:
    """The allowed `Host` and `Origin` values of one mount.

    Args:
        allowed_hosts: Host patterns; a request must name one.
        allowed_origins: Origin patterns; a request without an `Origin` (not from a
            browser) passes.

    Raises:
        ValueError: A pattern that is not a host (or origin) with an optional port.
    """

    def __init__(self, allowed_hosts: Sequence[str], allowed_origins: Sequence[str]) -> None:
        self._hosts: list[Authority] = []
        self._origins: list[tuple[str, Authority]] = []
        for value in allowed_hosts:
            host = parse_authority(value, pattern=True)
            if host is None:
                raise ValueError(f"not a host with an optional port: {value!r}")
            self._hosts.append(host)
        for value in allowed_origins:
            origin = parse_origin(value, pattern=True)
            if origin is None:
                raise ValueError(f"not an origin (scheme://host[:port]): {value!r}")
            self._origins.append(origin)

    def host_allowed(self, hosts: Sequence[str]) -> bool:
        """True for exactly one `Host` header that an allowed pattern admits."""
        if len(hosts) != 1:
            return False
        host = parse_authority(hosts[0])
        return host is not None and any(allowed.allows(host) for allowed in self._hosts)

    def origin_allowed(self, origins: Sequence[str]) -> bool:
        """True without an `Origin` header, or for one that an allowed pattern admits."""
        if not origins:
            return True
        origin = parse_origin(origins[0]) if len(origins) == 1 else None
        if origin is None:
            return False
        scheme, authority = origin
        return any(
            scheme == allowed_scheme and allowed.allows(authority)
            for allowed_scheme, allowed in self._origins
        )
