"""The FastAPI application. `create_app` for one settings object; `app_from_environment`
is what each uvicorn worker process calls."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from wijkteam.server.db import make_engine, make_sessions
from wijkteam.server.errors import ApiError
from wijkteam.server.routes import enrolment, records, sync, team
from wijkteam.server.settings import Settings


def configure_logging() -> None:
    log = logging.getLogger("wijkteam.server")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def create_app(settings: Settings) -> FastAPI:
    configure_logging()
    app = FastAPI(title="Wijkteam teamserver", docs_url=None, redoc_url=None, openapi_url=None)
    engine = make_engine(settings.database, settings.pool_size)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = make_sessions(engine)
    for module in (enrolment, sync, team, records):
        app.include_router(module.router)

    @app.exception_handler(ApiError)
    def _refused(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse({"code": error.code, **error.details}, status_code=error.status)

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        # Never echo the request back: it may hold codes or ciphertext.
        fields = sorted({str(e.get("loc", ("?",))[-1]) for e in error.errors()})
        return JSONResponse({"code": "bad_request", "fields": fields}, status_code=400)

    @app.on_event("shutdown")
    def _close() -> None:
        engine.dispose()

    return app


def app_from_environment() -> FastAPI:
    return create_app(Settings.from_environment())
