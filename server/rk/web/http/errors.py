"""Error responses as short plain text, never tracebacks; a path that names nothing gets the
site's HTML 404 page."""

from contextlib import contextmanager

from flask import Flask, current_app
from werkzeug.exceptions import (BadGateway, BadRequest, GatewayTimeout, HTTPException, InternalServerError,
                                 NotFound, RequestEntityTooLarge, ServiceUnavailable)

from rk.store import (QueryFailed, QueryRefused, QuerySyntaxError, QueryTimeout, StoreAnswerInvalid, StoreBusy,
                      StoreTimeout, StoreUnavailable)

# a remote store's faults, for /sparql and every page alike
UPSTREAM = {StoreUnavailable: BadGateway, StoreAnswerInvalid: BadGateway, StoreTimeout: GatewayTimeout}


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, plain_text)
    for store_error in UPSTREAM:
        app.register_error_handler(store_error, upstream)


@contextmanager
def client_query():
    """Run a client's query: the store's refusals become HTTP errors with its message —
    400 for a syntax error or a refused query, 503 at the time limit or with every query
    process busy, 500 when the engine failed."""
    try:
        yield
    except (QuerySyntaxError, QueryRefused) as error:
        raise BadRequest(str(error)) from None
    except (QueryTimeout, StoreBusy) as error:
        raise ServiceUnavailable(str(error)) from None
    except QueryFailed as error:
        raise InternalServerError(str(error)) from None


def html_not_found(app: Flask, page) -> None:
    """Answer every 404 with `page()`, the site's page that offers the search and the way home."""
    app.register_error_handler(NotFound, lambda error: page())


def upstream(error: Exception):
    """A remote store failed: 502 Bad Gateway, or 504 Gateway Timeout when it was too slow."""
    return plain_text(UPSTREAM[type(error)](str(error)))


def plain_text(error: HTTPException):
    """The error's status and headers (Allow, …) with its description as text/plain."""
    description = error.description
    if isinstance(error, RequestEntityTooLarge):
        limit = current_app.config["BODY_LIMIT"]
        description = f"The request body exceeds the limit of {limit} bytes."
    response = error.get_response()
    response.set_data(f"{description}\n")
    response.content_type = "text/plain; charset=utf-8"
    response.cache_control.no_store = True
    return response
