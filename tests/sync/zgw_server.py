"""A small ZGW server for tests, on 127.0.0.1, that answers as Open Zaak 1.30 does: it checks
every request body against the official request schema, the JWT of every call and the
references between resources, and refuses what Open Zaak refuses, with Open Zaak's error
bodies (open_zaak_rules.py). Lists filter by the parameters the specification names, page
by page. It can drop a connection after storing a resource, the way a train's Wi-Fi does,
and a test can make it answer a POST its own way (`intercept`)."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt

from tests.sync.open_zaak_rules import (
    Answer,
    allowed_filters,
    check_post,
    closes,
    fault,
    stored_form,
)
from wijkteam.sync.zgw.resources import API_OF, COLLECTION, ResourceKind

KIND_OF = {(API_OF[k], COLLECTION[k]): k for k in ResourceKind}
CLAIMS = ("iss", "client_id", "iat", "user_id", "user_representation")
UNPAGED = frozenset({ResourceKind.ZAAKINFORMATIEOBJECT})  # a plain list in the spec


@dataclass
class Call:
    method: str
    kind: ResourceKind
    query: dict[str, str]
    claims: dict[str, Any]
    status: int = 0
    code: str = ""  # the error's code, or its first invalid parameter's


@dataclass
class ServerState:
    client_id: str
    secret: str
    final_statustype: str | None = None  # a status of this type closes the zaak
    initiator_roltype: str | None = None  # at most one rol of this type per zaak
    page_size: int = 100
    resources: dict[ResourceKind, list[dict[str, Any]]] = field(
        default_factory=lambda: {k: [] for k in ResourceKind}
    )
    closed: set[str] = field(default_factory=set)  # URLs of closed zaken
    calls: list[Call] = field(default_factory=list)
    refusals: list[tuple[ResourceKind, list[str]]] = field(default_factory=list)  # bad bodies
    drop_on_post: set[int] = field(default_factory=set)  # 1-based numbers of POSTs to drop
    # A test's own answer to a POST (None: the usual rules); e.g. a 500 for one resource.
    intercept: Callable[[ResourceKind, dict[str, Any]], Answer | None] | None = None
    posts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def urls(self) -> set[str]:
        return {r["url"] for items in self.resources.values() for r in items}

    def refused(self) -> list[Call]:
        return [c for c in self.calls if c.method == "POST" and c.status >= 400]


class FakeZgwServer:
    def __init__(self, client_id: str, secret: str) -> None:
        self.state = ServerState(client_id, secret)
        handler = type("Handler", (_Handler,), {"state": self.state})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        handler.base = self.base  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FakeZgwServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def seed(self, kind: ResourceKind, body: dict[str, Any]) -> str:
        """A resource the municipality already has."""
        return _store(self.state, self.base, kind, body)["url"]

    def close_zaak(self, url: str) -> None:
        """The municipality closed this zaak itself."""
        self.state.closed.add(url)


def _store(state: ServerState, base: str, kind: ResourceKind, body: dict[str, Any]) -> dict:  # type: ignore[type-arg]
    made = uuid.uuid4()
    item = {
        **stored_form(kind, body),
        "url": f"{base}/{API_OF[kind]}/api/v1/{COLLECTION[kind]}/{made}",
        "uuid": str(made),
    }
    state.resources[kind].append(item)
    if closes(state, kind, body):
        state.closed.add(body["zaak"])
    return item


class _Handler(BaseHTTPRequestHandler):
    state: ServerState
    base: str
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        kind, query = self._route()
        if kind is None:
            return
        call = self._authorised("GET", kind, query)
        if call is None:
            return
        unknown = set(query) - allowed_filters(kind)
        if unknown:
            self._answer(
                call,
                fault(
                    self.base,
                    400,
                    "invalid",
                    exception="ValidationError",
                    params=[("nonFieldErrors", "unknown-parameters", ", ".join(sorted(unknown)))],
                ),
            )
            return
        filters = {k: v for k, v in query.items() if k not in ("page", "pageSize")}
        with self.state.lock:
            found = [r for r in self.state.resources[kind] if _matches(r, filters)]
        if kind in UNPAGED:
            self._answer(call, Answer(200, found))
            return
        page = int(query.get("page", "1"))
        size = self.state.page_size
        start = (page - 1) * size
        url = f"{self.base}{urlsplit(self.path).path}"
        following = {**query, "page": str(page + 1)}
        self._answer(
            call,
            Answer(
                200,
                {
                    "count": len(found),
                    "next": f"{url}?{urlencode(following)}" if start + size < len(found) else None,
                    "previous": None,
                    "results": found[start : start + size],
                },
            ),
        )

    def do_POST(self) -> None:
        kind, query = self._route()
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"null")
        if kind is None:
            return
        call = self._authorised("POST", kind, query)
        if call is None:
            return
        if kind is ResourceKind.ZAAK and (
            self.headers.get("Accept-Crs") != "EPSG:4326"
            or self.headers.get("Content-Crs") != "EPSG:4326"
        ):
            self._answer(call, fault(self.base, 412, "precondition_failed", exception="Crs"))
            return
        with self.state.lock:
            answer = self.state.intercept(kind, body) if self.state.intercept else None
            if answer is None:
                answer = check_post(self.state, self.base, kind, body)
            if answer is not None:
                self._answer(call, answer)
                return
            item = _store(self.state, self.base, kind, body)
            self.state.posts += 1
            drop = self.state.posts in self.state.drop_on_post
        if drop:  # stored, but the answer never arrives
            call.status = 201
            self.close_connection = True
            return
        self._answer(call, Answer(201, item))

    def _route(self) -> tuple[ResourceKind | None, dict[str, str]]:
        parts = urlsplit(self.path)
        segments = parts.path.strip("/").split("/")  # {api}/api/v1/{collection}
        kind = KIND_OF.get((segments[0], segments[-1])) if len(segments) == 4 else None
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if kind is None:
            self._send(fault(self.base, 404, "not_found", exception="NotFound"))
        return kind, query

    def _authorised(self, method: str, kind: ResourceKind, query: dict[str, str]) -> Call | None:
        header = self.headers.get("Authorization", "")
        try:
            claims = jwt.decode(
                header.removeprefix("Bearer "),
                self.state.secret,
                algorithms=["HS256"],
                options={"require": list(CLAIMS)},
            )
        except jwt.InvalidTokenError:
            self._send(fault(self.base, 403, "permission_denied", exception="PermissionDenied"))
            return None
        if claims["iss"] != self.state.client_id or claims["client_id"] != self.state.client_id:
            self._send(fault(self.base, 403, "permission_denied", exception="PermissionDenied"))
            return None
        call = Call(method, kind, query, claims)
        self.state.calls.append(call)
        return call

    def _answer(self, call: Call, answer: Answer) -> None:
        call.status = answer.status
        if isinstance(answer.body, dict) and answer.status >= 400:
            params = answer.body.get("invalidParams") or []
            call.code = params[0]["code"] if params else answer.body.get("code", "")
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        payload = json.dumps(answer.body).encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _matches(resource: dict[str, Any], query: dict[str, str]) -> bool:
    return all(str(resource.get(key)) == value for key, value in query.items())
