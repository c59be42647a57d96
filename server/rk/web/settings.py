"""The server's settings: one registry used by `rk serve`'s flags and by the app.

Each setting has a name, a default and a help text; its Flask config key is the name
in upper case, its environment variable that key prefixed with RK_ (RK_TIME_LIMIT),
and its command-line flag the name with dashes (--time-limit).
"""

from dataclasses import dataclass

import click

from rk import paths
from rk.namespaces import BASE
from rk.store import KINDS


@dataclass(frozen=True)
class Setting:
    """One operating setting of the server."""

    name: str
    default: object
    type: type
    help: str
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.name.upper()

    @property
    def env(self) -> str:
        return "RK_" + self.key

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS = (
    Setting("host", "127.0.0.1", str, "Interface to listen on."),
    Setting("port", 8000, int, "TCP port to listen on."),
    Setting(
        "base_iri", BASE, str, "Base IRI against which relative IRIs in queries are resolved."
    ),
    Setting(
        "build_dir", str(paths.BUILD_DIR), str, "Directory holding dataset.nq and manifest.json."
    ),
    Setting(
        "time_limit",
        10.0,
        float,
        "Seconds a query may run; then it is stopped and the client gets 503.",
    ),
    Setting(
        "row_limit",
        10_000,
        int,
        "Most result rows (or triples) returned; longer results are cut and marked "
        "with the header X-RK-Truncated: true.",
    ),
    Setting("body_limit", 1_000_000, int, "Largest request body in bytes; larger ones get 413."),
    Setting(
        "read_timeout",
        10.0,
        float,
        "Seconds a client has to send its request headers, and its body from the request's "
        "start (a chunked body: the longest pause in it); then 408 or the connection is "
        "closed. The front (nginx) reads every request whole before a server process takes it.",
    ),
    Setting(
        "client_queries",
        4,
        int,
        "Queries (/sparql, /api) one client may have in progress at once; more get 429 "
        "with Retry-After; 0: no limit.",
    ),
    Setting(
        "client_query_seconds",
        60.0,
        float,
        "Seconds of query time one client may use per minute (the sum over its /sparql "
        "and /api queries in a 60 s window from its first); then 429 with Retry-After until the "
        "window ends; 0: no limit.",
    ),
    Setting(
        "trusted_proxies",
        "",
        str,
        "Addresses or networks (comma-separated) of reverse proxies in front of rk serve: "
        "from them, X-Forwarded-For names the client; empty: the client is the "
        "connection's address.",
    ),
    Setting("workers", 2, int, "Server processes."),
    Setting(
        "threads",
        4,
        int,
        "Requests each server process handles at once; each has its own query process.",
    ),
    Setting("cache_max_age", 300, int, "max-age in seconds of Cache-Control on GET answers."),
    Setting(
        "cache_bytes",
        64 * 1024 * 1024,
        int,
        "Bytes of answers each server process keeps in memory, in each of its two caches: "
        "finished GET answers (pages, data, /sparql), replayed before Flask runs, and "
        "the other /sparql answers (POST) by query (header X-RK-Cache: hit|miss); "
        "each answer is kept in one of them; 0 disables both.",
    ),
    Setting(
        "access_log",
        False,
        bool,
        "Write one line per request to standard output (gunicorn's access log); "
        "off by default, as it costs a tenth of a fast answer's time.",
    ),
    Setting(
        "pid_file",
        "",
        str,
        "File where rk serve writes its process id, for rk reload; "
        "empty: rk-serve-PORT.pid in the build directory (or the temporary folder).",
    ),
    Setting(
        "store",
        "isolated",
        str,
        "Query engine: 'isolated' (query processes, time limit enforced) or "
        "'embedded' (in the server process, no time limit; for tests and tools).",
        choices=KINDS,
    ),
    Setting(
        "endpoint",
        "",
        str,
        "URL of a SPARQL endpoint holding the dataset (loaded with rk load); when set, "
        "every answer comes from it instead of the store setting, and time_limit bounds "
        "each request to it (502 when it fails, 504 when it is slower).",
    ),
    Setting(
        "store_dir",
        "",
        str,
        "Directory for an on-disk store: the dataset is loaded there once per version "
        "and opened without parsing at later starts; empty: parse dataset.nq into memory.",
    ),
    Setting(
        "map_tiles",
        "",
        str,
        "URL template of a tile server drawn under the map of /views/map "
        "(https://…/{z}/{x}/{y}.png); empty: only the vendored base map, and the map "
        "asks no other host for anything.",
    ),
    Setting(
        "map_tiles_attribution",
        "",
        str,
        "Attribution shown for the tiles of map_tiles (HTML is escaped), as their licence asks.",
    ),
    Setting(
        "operator",
        "",
        str,
        "Name of the body that runs this site, shown in the footer and the statements; "
        "empty: a placeholder asks the operator to set it.",
    ),
    Setting(
        "contact_email",
        "",
        str,
        "Address for feedback, accessibility barriers and data errors (footer, contact "
        "page, every entity page's 'report an error' link); empty: a placeholder.",
    ),
    Setting(
        "imprint_file",
        "",
        str,
        "File with the Impressum (.md, .html or .txt; '{lang}' in the name is replaced "
        "by de or en, German is the fallback); empty: a placeholder saying what it must hold.",
    ),
    Setting(
        "privacy_file",
        "",
        str,
        "File with the Datenschutzerklärung (privacy notice), as for imprint_file.",
    ),
    Setting(
        "accessibility_file",
        "",
        str,
        "File replacing the built-in Erklärung zur Barrierefreiheit (accessibility "
        "statement), as for imprint_file; empty: the built-in statement.",
    ),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def click_option(setting: Setting):
    """The command-line option of `setting`: its flag, default, environment variable and help.
    A yes/no setting is a pair of flags (--access-log / --no-access-log)."""
    if setting.type is bool:
        return click.option(
            f"{setting.flag}/--no-{setting.flag[2:]}",
            setting.name,
            default=setting.default,
            envvar=setting.env,
            show_default=True,
            show_envvar=True,
            help=setting.help,
        )
    return click.option(
        setting.flag,
        setting.name,
        type=click.Choice(setting.choices) if setting.choices else setting.type,
        default=setting.default,
        envvar=setting.env,
        show_default=True,
        show_envvar=True,
        help=setting.help,
    )


def defaults() -> dict:
    """The default of every setting, by config key."""
    return {setting.key: setting.default for setting in SETTINGS}


def coerce(config) -> None:
    """Convert every setting in `config` (a Flask config) to its type, in place."""
    for setting in SETTINGS:
        value = _coerced(setting, config[setting.key])
        if setting.choices and value not in setting.choices:
            raise ValueError(f"{setting.env} must be one of {setting.choices}, not {value!r}")
        config[setting.key] = value


_YES_NO = {"1": True, "true": True, "yes": True, "on": True,
           "0": False, "false": False, "no": False, "off": False, "": False}


def _coerced(setting: Setting, value):
    if setting.type is not bool or isinstance(value, bool):
        return setting.type(value)
    answer = _YES_NO.get(str(value).strip().lower())
    if answer is None:
        raise ValueError(f"{setting.env} must be true or false, not {value!r}")
    return answer
