"""`rk serve`: the SPARQL endpoint under gunicorn (never Flask's development server),
behind its own nginx (rk/front.py), which reads every request whole and limits each client."""

import click
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.errors import HaltServer

from rk.commands.reload import pid_path
from rk.front import CLIENT_HEADER, Front, FrontError, trusted_networks, worker_timeout
from rk.store import BuiltDataset, DatasetMissing, StoreError
from rk.store.remote import RemoteStore
from rk.web import create_app
from rk.web.settings import BY_NAME, SETTINGS, click_option


class Server(BaseApplication):
    """gunicorn running `create_app(config)` in threaded worker processes on the front's socket."""

    def __init__(self, config: dict, front: Front):
        self.front = front
        self.app_config = {**config, "CLIENT_HEADER": CLIENT_HEADER,
                           "BUDGET_FILE": str(front.run_dir / "budget.sqlite")}
        super().__init__()

    def load_config(self):
        config = self.app_config
        timeout = worker_timeout(config)
        options = {
            "bind": f"unix:{self.front.socket}",
            "workers": config["WORKERS"],
            "worker_class": "gthread",
            "threads": config["THREADS"],
            # a worker takes a connection only with a thread free; the others wait in the
            # socket's backlog, which all workers share (not behind a busy worker's queries)
            "worker_connections": config["THREADS"],
            # gthread workers stay responsive while a request waits; this only catches hangs
            "timeout": timeout,
            "graceful_timeout": timeout,  # on reload, old workers finish their requests
            "keepalive": 0,  # the front opens one connection per request
            "pidfile": str(pid_path(config["BUILD_DIR"], config["PORT"], config["PID_FILE"])),
            "limit_request_line": 8190,  # the most gunicorn allows; longer queries: POST
            "secure_scheme_headers": {"X-FORWARDED-PROTO": "https"},  # the front sets it
            "accesslog": "-" if config["ACCESS_LOG"] else None,
            "access_log_format": f'%({{{CLIENT_HEADER}}}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"',
            "proc_name": "rk-serve",
            "control_socket_disable": True,  # one shared path per user; not needed
        }
        for name, value in options.items():
            self.cfg.set(name, value)

    def load(self):
        return create_app(self.app_config)

    def run(self):
        try:
            FrontedArbiter(self).run()
        except RuntimeError as error:
            raise click.ClickException(str(error)) from None
        finally:
            self.front.close()


class FrontedArbiter(Arbiter):
    """gunicorn's master, which also starts the front once it listens, restarts it if it
    ends, and stops it first when the server stops."""

    def start(self):
        super().start()
        try:
            self.app.front.start()
        except FrontError as error:
            self.halt(reason=f"the front did not start: {error}", exit_status=1)

    def manage_workers(self):
        super().manage_workers()
        front = self.app.front
        if front.process is not None and not front.running():
            self.log.error("the front (nginx, pid %s) ended; starting it again", front.process.pid)
            try:
                front.start()
            except FrontError as error:
                raise HaltServer(f"the front could not be started again: {error}", 1) from None

    def halt(self, reason=None, exit_status=0):
        self.app.front.stop()
        super().halt(reason, exit_status)


def _setting_options(command):
    for setting in reversed(SETTINGS):
        command = click_option(setting)(command)
    return command


@click.command()
@_setting_options
def serve(**values):
    """Serve the built dataset: SPARQL at /sparql, linked-data pages at /id/… and /.

    nginx (started and stopped with rk serve) reads each request before gunicorn's
    workers take it. With --endpoint the answers come from that SPARQL store (see `rk load`)."""
    try:
        trusted_networks(values["trusted_proxies"])
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--trusted-proxies") from None
    try:
        if values["endpoint"]:
            RemoteStore(values["endpoint"], time_limit=values["time_limit"]).dataset_version
        else:
            BuiltDataset.locate(values["build_dir"])
        config = {BY_NAME[name].key: value for name, value in values.items()}
        front = Front(config)
    except (DatasetMissing, StoreError, FrontError) as error:
        raise click.ClickException(str(error)) from None
    Server(config, front).run()
