"""The web application: the SPARQL endpoint, the ontology and the linked-data pages."""

from flask import Flask

from rk.web import app_store, settings
from rk.web.api import routes as api
from rk.web.http import clients, cors, delivery, errors, frontcache, resultcache
from rk.web.pages import browse, i18n, legal, linked_data, site
from rk.web.publication import description, ontology
from rk.web.sparql import completion, endpoint, examples
from rk.web.views import routes


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app from the settings' defaults, RK_* environment variables and `test_config`."""
    app = Flask(__name__)
    app.config.from_mapping(settings.defaults())
    app.config.from_prefixed_env("RK")
    if test_config:
        app.config.update(test_config)
    settings.coerce(app.config)
    app.config["MAX_CONTENT_LENGTH"] = app.config["BODY_LIMIT"]
    errors.init_app(app)
    errors.html_not_found(app, linked_data.not_found)
    cors.init_app(app)
    delivery.init_app(app)
    i18n.init_app(app)
    app_store.init_app(app)
    resultcache.init_app(app)
    clients.init_app(app)
    site.init_app(app)
    completion.init_app(app)
    app.register_blueprint(endpoint.bp)
    app.register_blueprint(linked_data.bp)
    app.register_blueprint(ontology.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(description.bp)
    app.register_blueprint(examples.bp)
    app.register_blueprint(routes.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(completion.bp)
    app.register_blueprint(legal.bp)
    app.add_url_rule("/favicon.ico", "favicon", lambda: app.send_static_file("favicon.ico"))
    app.add_url_rule("/robots.txt", "robots", lambda: app.send_static_file("robots.txt"))
    app.wsgi_app = frontcache.FrontCache(app.wsgi_app, app.config["CACHE_BYTES"])
    return app
