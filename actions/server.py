"""The action server: rasa_sdk's, listening on loopback and refusing every call that does
not carry the shared token.

    python -m actions.server --port 5055

The Rasa server sends the token as the ``X-Assistant-Action-Token`` header
(``endpoints.yml``: ``action_endpoint.headers``, from ``ASSISTANT_ACTION_TOKEN``); a call
without it, or with another value, gets 401 and runs nothing.  ``GET /health`` stays open
(readiness checks).  It listens on ``ASSISTANT_ACTIONS_HOST`` (127.0.0.1 by default): with
the action server on another machine, set that to the internal address and keep the same
token on both (docs/deployment.md).  Without a token, or in production mode with a short
or placeholder secret, it refuses to start.
"""

from __future__ import annotations

import argparse
import logging
import sys

from bot.service.session_tokens import same_secret
from bot.settings import get_settings, secret_problems

TOKEN_HEADER = "x-assistant-action-token"
logger = logging.getLogger(__name__)


def create_app(token: str):  # noqa: ANN201 - a Sanic app
    from rasa_sdk.endpoint import create_app as sdk_app
    from sanic import response

    app = sdk_app("actions", cors_origins="")

    @app.middleware("request")
    async def _require_token(request):  # noqa: ANN001, ANN202
        if request.path == "/health":
            return None
        if not same_secret(request.headers.get(TOKEN_HEADER), token):
            logger.warning("actions.refused path=%s", request.path[:40])
            return response.json({"error": "unauthorized"}, status=401)
        return None

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("-v", "--verbose", dest="loglevel", action="store_const",
                        const="INFO", default="INFO")
    parser.add_argument("-vv", "--debug", dest="loglevel", action="store_const", const="DEBUG")
    args = parser.parse_args(argv)
    settings = get_settings()
    problems = secret_problems(settings)
    if not settings.action_token:
        problems.append("ASSISTANT_ACTION_TOKEN is not set")
    if problems:
        print("action server: refusing to start: " + "; ".join(problems), file=sys.stderr)
        return 2
    from rasa_sdk import utils

    utils.configure_colored_logging(args.loglevel)
    utils.update_sanic_log_level()
    app = create_app(settings.action_token)
    app.run(settings.actions_host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
