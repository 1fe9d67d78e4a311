"""A small ZGW server for tests, on 127.0.0.1: it checks every request body against the
official request schema, the JWT of every call, references between resources, and answers
as the specification says. It can drop a connection after storing a resource, the way a
train's Wi-Fi does."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

from tests.sync.official import request_errors
from wijkteam.sync.zgw.resources import API_OF, COLLECTION, ResourceKind

KIND_OF = {(API_OF[k], COLLECTION[k]): k for k in ResourceKind}
CLAIMS = ("iss", "client_id", "iat", "user_id", "user_representation")


@dataclass
class Call:
    method: str
    kind: ResourceKind
    query: dict[str, str]
    claims: dict[str, Any]


@dataclass
class ServerState:
    client_id: str
    secret: str
    final_statustype: str | None = None
    resources: dict[ResourceKind, list[dict[str, Any]]] = field(
        default_factory=lambda: {k: [] for k in ResourceKind}
    )
    calls: list[Call] = field(default_factory=list)
    refusals: list[tuple[ResourceKind, list[str]]] = field(default_factory=list)
    drop_on_post: set[int] = field(default_factory=set)  # 1-based numbers of POSTs to drop
    posts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def urls(self) -> set[str]:
        return {r["url"] for items in self.resources.values() for r in items}


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


def _store(state: ServerState, base: str, kind: ResourceKind, body: dict[str, Any]) -> dict:  # type: ignore[type-arg]
    made = uuid.uuid4()
    item = {
        **body,
        "url": f"{base}/{API_OF[kind]}/api/v1/{COLLECTION[kind]}/{made}",
        "uuid": str(made),
    }
    state.resources[kind].append(item)
    return item


class _Handler(BaseHTTPRequestHandler):
    state: ServerState
    base: str
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        kind, query = self._route()
        if kind is None or not self._authorised("GET", kind, query):
            return
        with self.state.lock:
            found = [r for r in self.state.resources[kind] if _matches(r, query)]
        if kind is ResourceKind.ZAAKINFORMATIEOBJECT:  # not paginated in the spec
            self._answer(200, found)
            return
        self._answer(200, {"count": len(found), "next": None, "previous": None, "results": found})

    def do_POST(self) -> None:
        kind, query = self._route()
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"null")
        if kind is None or not self._authorised("POST", kind, query):
            return
        if kind is ResourceKind.ZAAK and (
            self.headers.get("Accept-Crs") != "EPSG:4326"
            or self.headers.get("Content-Crs") != "EPSG:4326"
        ):
            self._answer(412, _fault(412, "precondition_failed"))
            return
        problems = request_errors(kind, body) + self._reference_problems(kind, body)
        if problems:
            self.state.refusals.append((kind, problems))
            self._answer(400, _fault(400, "invalid", [("body", "invalid", p) for p in problems]))
            return
        with self.state.lock:
            if kind is ResourceKind.ZAAK and any(
                z["identificatie"] == body.get("identificatie")
                and z["bronorganisatie"] == body["bronorganisatie"]
                for z in self.state.resources[kind]
            ):
                self._answer(
                    400,
                    _fault(400, "invalid", [("identificatie", "identificatie-niet-uniek", "")]),
                )
                return
            item = _store(self.state, self.base, kind, body)
            self.state.posts += 1
            drop = self.state.posts in self.state.drop_on_post
        if drop:  # stored, but the answer never arrives
            self.close_connection = True
            return
        self._answer(201, item)

    def _route(self) -> tuple[ResourceKind | None, dict[str, str]]:
        parts = urlsplit(self.path)
        segments = parts.path.strip("/").split("/")  # {api}/api/v1/{collection}
        kind = KIND_OF.get((segments[0], segments[-1])) if len(segments) == 4 else None
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if kind is None:
            self._answer(404, _fault(404, "not_found"))
        return kind, query

    def _authorised(self, method: str, kind: ResourceKind, query: dict[str, str]) -> bool:
        header = self.headers.get("Authorization", "")
        try:
            claims = jwt.decode(
                header.removeprefix("Bearer "),
                self.state.secret,
                algorithms=["HS256"],
                options={"require": list(CLAIMS)},
            )
        except jwt.InvalidTokenError:
            self._answer(403, _fault(403, "permission_denied"))
            return False
        if claims["iss"] != self.state.client_id or claims["client_id"] != self.state.client_id:
            self._answer(403, _fault(403, "permission_denied"))
            return False
        self.state.calls.append(Call(method, kind, query, claims))
        return True

    def _reference_problems(self, kind: ResourceKind, body: dict[str, Any]) -> list[str]:
        known = self.state.urls()
        wanted = [body.get("zaak"), body.get("informatieobject")]
        wanted += [r["url"] for r in body.get("relevanteAndereZaken", [])]
        problems = [f"bad-url {url}" for url in wanted if url and url not in known]
        final = self.state.final_statustype
        if (
            kind is ResourceKind.STATUS
            and body.get("statustype") == final
            and not any(
                r["zaak"] == body["zaak"] for r in self.state.resources[ResourceKind.RESULTAAT]
            )
        ):
            problems.append("resultaat-ontbreekt: a final status needs a resultaat first")
        return problems

    def _answer(self, status: int, data: Any) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _matches(resource: dict[str, Any], query: dict[str, str]) -> bool:
    return all(
        str(resource.get(key)) == value for key, value in query.items() if key not in ("page",)
    )


def _fault(status: int, code: str, params: list[tuple[str, str, str]] | None = None) -> dict:  # type: ignore[type-arg]
    return {
        "type": "",
        "code": code,
        "title": code,
        "status": status,
        "detail": "",
        "instance": f"urn:uuid:{uuid.uuid4()}",
        "invalidParams": [{"name": n, "code": c, "reason": r} for n, c, r in params or []],
    }
