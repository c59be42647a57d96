"""`rk serve`: the SPARQL endpoint under gunicorn (never Flask's development server)."""

import click
from gunicorn.app.base import BaseApplication

from rk.store import BuiltDataset, DatasetMissing, StoreError
from rk.store.remote import RemoteStore
from rk.web import create_app
from rk.commands.reload import pid_path
from rk.web.settings import BY_NAME, SETTINGS, click_option


class Server(BaseApplication):
    """gunicorn running `create_app(config)` in threaded worker processes."""

    def __init__(self, config: dict):
        self.app_config = config
        super().__init__()

    def load_config(self):
        config = self.app_config
        host = config["HOST"]
        timeout = max(30, int(config["TIME_LIMIT"] * 3))
        options = {
            "bind": f"[{host}]:{config['PORT']}" if ":" in host else f"{host}:{config['PORT']}",
            "workers": config["WORKERS"],
            "worker_class": "gthread",
            "threads": config["THREADS"],
            # gthread workers stay responsive while a request waits; this only catches hangs
            "timeout": timeout,
            "graceful_timeout": timeout,  # on reload, old workers finish their requests
            "pidfile": str(pid_path(config["BUILD_DIR"], config["PORT"], config["PID_FILE"])),
            "limit_request_line": 8190,  # the most gunicorn allows; longer queries: POST
            "accesslog": "-" if config["ACCESS_LOG"] else None,
            "proc_name": "rk-serve",
            "control_socket_disable": True,  # one shared path per user; not needed
        }
        for name, value in options.items():
            self.cfg.set(name, value)

    def load(self):
        return create_app(self.app_config)


def _setting_options(command):
    for setting in reversed(SETTINGS):
        command = click_option(setting)(command)
    return command


@click.command()
@_setting_options
def serve(**values):
    """Serve the built dataset: SPARQL at /sparql, linked-data pages at /id/… and /.

    With --endpoint the answers come from that SPARQL store (see `rk load`)."""
    try:
        if values["endpoint"]:
            RemoteStore(values["endpoint"], time_limit=values["time_limit"]).dataset_version
        else:
            BuiltDataset.locate(values["build_dir"])
    except (DatasetMissing, StoreError) as error:
        raise click.ClickException(str(error)) from None
    Server({BY_NAME[name].key: value for name, value in values.items()}).run()
