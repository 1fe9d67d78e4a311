"""A small ZGW client: POST and list, with a fresh HS256 JWT on every call.

The token is made with PyJWT (a small, pure-Python, widely reviewed library; the ZGW
reference tooling uses it too) rather than by hand, so that base64url, header and signature
details are not ours to get wrong. Claims as the ZGW APIs' audit trail expects: `iss` and
`client_id` the client id, `iat` now, `user_id` and `user_representation` the member.

The secret lives only in this object, for one push; it is never logged or stored.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import jwt

from wijkteam.errors import WijkteamError
from wijkteam.sync.export.errors import ClientRefused, ConnectionLost, ServerRefused
from wijkteam.sync.export.records import PushUser
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.resources import ResourceKind

TIMEOUT_SECONDS = 30.0
MAX_PAGES = 50


class ZgwClient:
    def __init__(
        self,
        config: ZgwConfig,
        client_id: str,
        secret: str,
        user: PushUser,
        transport: httpx.BaseTransport | None = None,
        clock: Any = time.time,
    ) -> None:
        self._config = config
        self._client_id = client_id
        self._secret = secret
        self._user = user
        self._clock = clock
        self._http = httpx.Client(transport=transport, timeout=TIMEOUT_SECONDS)

    def __repr__(self) -> str:  # never shows the secret
        return f"ZgwClient(client_id={self._client_id!r})"

    def close(self) -> None:
        self._http.close()

    def token(self) -> str:
        claims = {
            "iss": self._client_id,
            "client_id": self._client_id,
            "iat": int(self._clock()),
            "user_id": self._user.user_id,
            "user_representation": self._user.name,
        }
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def create(self, kind: ResourceKind, body: dict[str, Any]) -> dict[str, Any]:
        """POST to the kind's collection; the server's representation (with its URL)."""
        response = self._send("POST", self._config.urls.collection(kind), kind, json=body)
        if response.status_code == 201:
            return response.json()
        raise _refusal(kind, response)

    def check_access(self) -> None:
        """One harmless question before a push: may this client read zaken here? A server
        that does not know the client (or its secret) answers 401 or 403: ClientRefused,
        before anything is sent. (The push needs to read: it looks up before it creates.)"""
        params = {"identificatie": "WT-toegangscontrole", "bronorganisatie": self._config.rsin}
        try:
            self.find(ResourceKind.ZAAK, params)
        except ServerRefused as refused:
            if refused.status in (401, 403):
                raise ClientRefused() from refused
            raise

    def find(self, kind: ResourceKind, params: dict[str, str]) -> list[dict[str, Any]]:
        """GET the collection filtered by `params`, following pages."""
        url: str | None = self._config.urls.collection(kind)
        found: list[dict[str, Any]] = []
        for _ in range(MAX_PAGES):
            if url is None:
                break
            response = self._send("GET", url, kind, params=params)
            if response.status_code != 200:
                raise _refusal(kind, response)
            page = response.json()
            if isinstance(page, list):  # some lists (zaakinformatieobjecten) are not paged
                return found + page
            found.extend(page.get("results", []))
            url, params = page.get("next"), {}
        return found

    def _send(self, method: str, url: str, kind: ResourceKind, **options: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token()}", "Accept": "application/json"}
        if kind is ResourceKind.ZAAK:
            headers.update({"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"})
        try:
            return self._http.request(method, url, headers=headers, **options)
        except httpx.TransportError as error:
            raise ConnectionLost() from error


def _refusal(kind: ResourceKind, response: httpx.Response) -> WijkteamError:
    codes, fault = _error_codes(response)
    if response.status_code == 401 or "not_authenticated" in codes:
        return ClientRefused()
    return ServerRefused(kind, response.status_code, codes, fault)


def _error_codes(response: httpx.Response) -> tuple[tuple[str, ...], str]:
    """The codes of a ZGW error (its own and each invalid parameter's) and its type's name."""
    try:
        data = response.json()
    except ValueError:
        return (), ""
    if not isinstance(data, dict):
        return (), ""
    codes = [str(data.get("code", ""))]
    for param in data.get("invalidParams") or data.get("invalid_params") or []:
        if isinstance(param, dict):
            codes.append(str(param.get("code", "")))
    fault = str(data.get("type") or "").rstrip("/").rsplit("/", 1)[-1]
    return tuple(c[:60] for c in codes if c)[:10], fault[:60]
