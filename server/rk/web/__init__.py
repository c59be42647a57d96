"""The web application: the SPARQL endpoint, the ontology and the linked-data pages."""

from flask import Flask

from rk.web import (
    browse,
    cors,
    dataset,
    errors,
    frontcache,
    ontology,
    pages,
    queries,
    resultcache,
    settings,
    site,
    sparql,
    store,
    views,
)


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
    cors.init_app(app)
    store.init_app(app)
    resultcache.init_app(app)
    site.init_app(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(ontology.bp)
    app.register_blueprint(browse.bp)
    app.register_blueprint(dataset.bp)
    app.register_blueprint(queries.bp)
    app.register_blueprint(views.bp)
    app.wsgi_app = frontcache.FrontCache(app.wsgi_app, app.config["CACHE_BYTES"])
    return app
