"""HTTPS client of the team server that pins the server's public key.

The pin is the SHA-256 of the certificate's SubjectPublicKeyInfo (so a renewed certificate
with the same key keeps working, and a new key is announced in a coordinator-signed record
before use). It is checked right after the TLS handshake, before a byte of the request is
sent; no certificate authority is trusted instead. A pin from a code is a 128-bit prefix.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx
from httpcore._backends.sync import SyncBackend

from wijkteam.teamproto.keys import spki_pin
from wijkteam.teamsync.errors import (
    CodeRefused,
    DeviceRevoked,
    EpochStale,
    NotCoordinator,
    OutOfOrder,
    RateLimited,
    ServerKeyMismatch,
    ServerRefused,
    ServerUnreachable,
    TokenRefused,
)

Observer = Callable[[str, str, bytes], None]  # method, path, request body


class PinMismatch(Exception):
    pass


class _PinnedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, check: Callable[[bytes], None]) -> None:
        self._inner, self._check = inner, check

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        der = stream.get_extra_info("socket").getpeercert(binary_form=True)
        try:
            self._check(der)
        except PinMismatch:
            stream.close()
            raise
        return stream

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinningBackend(SyncBackend):
    def __init__(self, check: Callable[[bytes], None]) -> None:
        self._check = check

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        return _PinnedStream(super().connect_tcp(*args, **kwargs), self._check)


class _PinningTransport(httpx.HTTPTransport):
    def __init__(self, check: Callable[[bytes], None], context: ssl.SSLContext) -> None:
        super().__init__(verify=context)
        self._pool = httpcore.ConnectionPool(
            ssl_context=context, network_backend=_PinningBackend(check), retries=0
        )


def _context() -> ssl.SSLContext:
    # Not ssl.create_default_context(): it loads the system's CA certificates (about 90 ms
    # each round), which the pin makes pointless.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False  # trust comes from the pin, not from a CA
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


_REFUSALS: dict[str, type[ServerRefused]] = {
    "token_unknown": TokenRefused,
    "device_revoked": DeviceRevoked,
    "coordinator_only": NotCoordinator,
    "too_many_attempts": RateLimited,
    "epoch_stale": EpochStale,
    "out_of_order": OutOfOrder,
}


class TeamClient:
    def __init__(
        self,
        server: str,
        pins: Iterable[str],
        token: str | None = None,
        timeout: float = 15.0,
        observe: Observer | None = None,
    ) -> None:
        if not server.lower().startswith("https://"):
            raise ServerRefused("team_server_refused", server_code="https_only")
        self.pins = [p.lower() for p in pins]
        self.token = token
        self.seen_pin: str | None = None  # the full pin of the last connection
        self._observe = observe
        self._http = httpx.Client(
            base_url=server.rstrip("/"),
            transport=_PinningTransport(self._check_pin, _context()),
            timeout=timeout,
        )

    def _check_pin(self, der: bytes) -> None:
        pin = spki_pin(der).hex()
        if not any(pin.startswith(accepted) and len(accepted) >= 32 for accepted in self.pins):
            raise PinMismatch()
        self.seen_pin = pin

    def close(self) -> None:
        self._http.close()

    def call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        request = self._http.build_request(
            method, path, json=body, params=params or None, headers=headers
        )
        if self._observe is not None:
            self._observe(method, path, request.content)
        try:
            response = self._http.send(request)
        except PinMismatch as error:
            raise ServerKeyMismatch() from error
        except httpx.HTTPError as error:
            raise ServerUnreachable() from error
        if response.status_code >= 500:
            raise ServerUnreachable("team_server_unreachable", status=response.status_code)
        data = response.json() if response.content else {}
        if response.status_code == 409 and data.get("code") == "conflict":
            return data
        if response.status_code >= 400:
            code = str(data.get("code", "unknown"))
            kind = _REFUSALS.get(code)
            if kind is None:
                kind = CodeRefused if code.startswith("code_") else ServerRefused
            details = {k: v for k, v in data.items() if k != "code"}
            raise kind(kind.code, server_code=code, status=response.status_code, **details)
        return data
