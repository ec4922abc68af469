"""The consent step: the person signs in and allows (or denies) a client's request.

`/authorize` (the SDK's handler) checks the client, redirect URI and PKCE challenge,
then sends the browser here with the request in the query. This page checks it again
(the query is in the browser's hands), shows who asks for what, and on "Allow" with a
valid sign-in sends the browser back to the client with a one-time code bound to the
person and the mount. Failed sign-ins count against the address's limit like any bad
key. The form needs the key typed in, so another site cannot submit it for the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from mcp.server.auth.provider import construct_redirect_uri
from mcp.shared.auth import InvalidRedirectUriError, OAuthClientInformationFull
from pydantic import AnyUrl, ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.datastructures import FormData, QueryParams
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ask_applicant.persistence import User, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.oauth_grants import CODE_PREFIX, new_secret, save_code
from ask_applicant.persistence.oauth_models import SCOPE_LENGTH, OAuthCode
from ask_applicant.persistence.users import get_user_by_api_key
from ask_applicant.server.oauth.consent_page import TEXT, consent_page, error_page, language_of
from ask_applicant.server.oauth.provider import DatabaseProvider
from ask_applicant.server.oauth.resources import MOUNT_TITLES, issuer_of, mount_of_resource
from ask_applicant.server.problems import Problem

FIELDS = (
    "client_id",
    "redirect_uri",
    "redirect_uri_provided_explicitly",
    "code_challenge",
    "resource",
    "scope",
    "state",
)
MAX_FIELD_CHARS = 2000
MAX_STATE_CHARS = 500
CODE_LIFETIME = timedelta(minutes=5)


@dataclass(frozen=True)
class ConsentRequest:
    """A checked authorization request waiting for the person's answer."""

    client: OAuthClientInformationFull
    fields: dict[str, str]
    mount: str
    issuer: str


async def signed_in_user(request: Request, db: AsyncSession, form: FormData | None) -> User | None:
    """The person answering, from the API key typed into the form.

    The one place that decides who is signed in: a share-link session cookie can be
    accepted here too, without touching the rest of the flow.
    """
    key = form.get("api_key") if form is not None else None
    if not isinstance(key, str) or not key.strip():
        return None
    return await get_user_by_api_key(db, api_key=key.strip())


async def consent_endpoint(request: Request) -> Response:
    """GET shows the consent form; POST takes the answer."""
    language = language_of(request.headers.get("accept-language"))
    services = getattr(request.app.state, "services", None)
    if services is None:
        return error_page(language, "The service is starting or stopping.", status_code=503)
    try:
        issuer = issuer_of(request, services.settings)
    except Problem as problem:
        return problem.response()
    provider = DatabaseProvider(services.engine, services.settings, issuer)
    form = await request.form() if request.method == "POST" else None
    checked = await _checked(provider, form if form is not None else request.query_params)
    if isinstance(checked, str):
        return error_page(language, checked)
    if form is None:
        return _form(language, checked)
    if form.get("decision") != "allow":
        return _back(checked, error="access_denied")
    try:
        async with services.auth_failures.watch(request):
            async with open_db(services.engine, read_only=True) as db:
                user = await signed_in_user(request, db, form)
            if user is None:
                raise Problem(401, TEXT[language]["bad_key"])
    except Problem as problem:
        if problem.status != 401:
            return problem.response()
        return _form(language, checked, error=TEXT[language]["bad_key"], status_code=401)
    code = new_secret(CODE_PREFIX)
    fields = checked.fields
    row = OAuthCode(
        code_hash="",
        grant_id="",
        client_id=checked.client.client_id or "",
        user_id=user.id,
        mount=checked.mount,
        scopes=fields["scope"],
        code_challenge=fields["code_challenge"],
        redirect_uri=fields["redirect_uri"],
        redirect_uri_explicit=fields["redirect_uri_provided_explicitly"] == "1",
        expires_at=utcnow() + CODE_LIFETIME,
    )
    async with open_db(services.engine) as db:
        await save_code(db, code, row)
    return _back(checked, code=code)


async def _checked(
    provider: DatabaseProvider, params: FormData | QueryParams
) -> ConsentRequest | str:
    """The request, checked like `/authorize` did; or why it cannot go on."""
    fields = {name: params.get(name) for name in FIELDS}
    values = {name: value if isinstance(value, str) else "" for name, value in fields.items()}
    if any(len(value) > MAX_FIELD_CHARS for value in values.values()):
        return "The request is too long."
    client = await provider.get_client(values["client_id"]) if values["client_id"] else None
    if client is None:
        return "This client is not registered."
    try:
        client.validate_redirect_uri(AnyUrl(values["redirect_uri"]))
    except (ValidationError, InvalidRedirectUriError):
        return "The redirect URI is not one this client registered."
    mount = mount_of_resource(provider.issuer, values["resource"])
    if mount is None:
        return "The resource is not one of this service's MCP servers."
    if len(values["scope"]) > SCOPE_LENGTH or len(values["state"]) > MAX_STATE_CHARS:
        return "The requested scope or state is too long."
    if not 43 <= len(values["code_challenge"]) <= 128:
        return "The request has no valid PKCE code challenge."
    return ConsentRequest(client=client, fields=values, mount=mount, issuer=provider.issuer)


def _form(
    language: str, checked: ConsentRequest, *, error: str | None = None, status_code: int = 200
) -> Response:
    name = checked.client.client_name or checked.client.client_id or "?"
    return consent_page(
        language,
        client=name[:100],
        what=MOUNT_TITLES[checked.mount][language],
        fields=checked.fields,
        error=error,
        status_code=status_code,
    )


def _back(checked: ConsentRequest, **params: str) -> Response:
    """Back to the client with a code or an error, its state, and who answered (RFC 9207)."""
    state = checked.fields["state"] or None
    url = construct_redirect_uri(
        checked.fields["redirect_uri"], **params, state=state, iss=checked.issuer
    )
    return RedirectResponse(url, status_code=302, headers={"Cache-Control": "no-store"})
