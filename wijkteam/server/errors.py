"""Refusals the server answers with: an HTTP status and a code, never request content."""

from __future__ import annotations


class ApiError(Exception):
    def __init__(self, status: int, code: str, **details: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.details = details


def unauthorised() -> ApiError:
    return ApiError(401, "token_unknown")


def revoked() -> ApiError:
    return ApiError(403, "device_revoked")


def coordinator_only() -> ApiError:
    return ApiError(403, "coordinator_only")


def bad_request(what: str) -> ApiError:
    return ApiError(400, "bad_request", field=what)
