"""The front: nginx between the clients and gunicorn, started and stopped by `rk serve`.

nginx is event-driven: it reads each request whole (the headers within the read
timeout, the body into a buffer or a temporary file) before it passes it to gunicorn
over a Unix socket in a private folder, so a slow client holds an nginx connection
(a few KB), never a gunicorn thread. It answers 413 to a body over the limit after
reading and discarding what the client goes on sending (its lingering close), so
clients that send before they read see the answer too; limits the queries (/sparql,
/api) each client has in progress (429, counted in nginx's shared memory, so across all
gunicorn workers); and takes the client's address from X-Forwarded-For only when the
connection comes from a proxy the operator trusts. It passes that address to the app
in X-Real-IP, which it always sets itself.
"""

import ctypes
import grp
import ipaddress
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

CLIENT_HEADER = "X-Real-IP"  # the client's address, as the front determined it
ERRORS = "/.rk-front/"  # the internal locations of the front's own error answers
NGINX_CANDIDATES = ("nginx", "/usr/sbin/nginx")
# Debian's lua-nginx-module (libnginx-mod-http-lua) and the development kit it needs
LUA_MODULES = ("ndk_http_module.so", "ngx_http_lua_module.so")
MODULE_DIRS = ("/usr/share/nginx/modules", "/usr/lib/nginx/modules")
STOP_GRACE = 5  # seconds a stopping nginx waits for requests in progress (and slow clients)
_PR_SET_PDEATHSIG = 1
_TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


class FrontError(Exception):
    """The front could not be started."""


def trusted_networks(text: str) -> list[str]:
    """The trusted proxies setting as networks; raises ValueError naming a bad entry."""
    networks = []
    for item in text.replace(",", " ").split():
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ValueError(f"not an IP address or network: {item!r}") from None
    return networks


def find_nginx() -> str:
    for candidate in NGINX_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise FrontError("nginx is missing: `make nginx` installs it (Debian package nginx)")


def find_modules() -> list[str]:
    """The paths of LUA_MODULES; raises FrontError when they are missing."""
    for folder in MODULE_DIRS:
        paths = [os.path.join(folder, name) for name in LUA_MODULES]
        if all(os.path.exists(path) for path in paths):
            return paths
    raise FrontError("nginx's Lua module is missing: `make nginx` installs it "
                     "(Debian package libnginx-mod-http-lua)")


# nginx's client_body_timeout bounds only the pause between two reads, so a body sent a
# byte at a time would hold its connection for ever: this reads the body (of a known
# length; a chunked one is left to nginx) within the read timeout counted from the
# request's start, answering 408 after it. Bodies over the limit got 413 before.
_BODY_WITHIN = """
                access_by_lua_block {{
                    local length = tonumber(ngx.var.http_content_length)
                    if not length or length == 0 then return end
                    local sock = ngx.req.socket()
                    if not sock then return end
                    local deadline = ngx.req.start_time() + {seconds}
                    ngx.req.init_body()
                    local left = length
                    while left > 0 do
                        local remaining = deadline - ngx.now()
                        if remaining <= 0 then return ngx.exit(408) end
                        sock:settimeout(math.ceil(remaining * 1000))
                        local data, err = sock:receiveany(math.min(left, 65536))
                        if not data then return ngx.exit(err == "timeout" and 408 or 444) end
                        ngx.req.append_body(data)
                        left = left - #data
                    end
                    ngx.req.finish_body()
                }}"""


def _listen(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _plain(status: int, text: str, extra: str = "") -> str:
    """An nginx location answering `status` with `text` as text/plain, like the app's errors.
    (A URI, not a named location: nginx can redirect to it before it has parsed the URI.)"""
    return f"""
            location = {ERRORS}{status} {{
                internal;
                access_log /dev/stderr front;
                default_type "text/plain; charset=utf-8";
                add_header Cache-Control no-store always;
                add_header Access-Control-Allow-Origin * always;
                add_header Access-Control-Expose-Headers "Content-Type, Retry-After" always;
                {extra}
                return {status} "{text}\\n";
            }}"""


def render(config: dict, run_dir: Path, upstream: str, modules: list[str]) -> str:
    """nginx.conf for the settings in `config` (config keys of rk.web.settings)."""
    read_timeout = f"{max(1, round(config['READ_TIMEOUT']))}s"
    proxy_timeout = f"{2 * worker_timeout(config)}s"
    body_limit = config["BODY_LIMIT"]
    queries = config["CLIENT_QUERIES"]
    trusted = trusted_networks(config["TRUSTED_PROXIES"])
    user = ""
    if os.geteuid() == 0:  # nginx's workers would otherwise run as nobody
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    real_ip = "".join(f"\n        set_real_ip_from {network};" for network in trusted)
    if trusted:
        real_ip += "\n        real_ip_header X-Forwarded-For;\n        real_ip_recursive on;"
    trusted_geo = "".join(f"\n            {network} 1;" for network in trusted)
    limit = f"limit_conn clients {queries};" if queries > 0 else ""
    temp = "".join(f"\n        {name}_temp_path {run_dir / name};" for name in _TEMP_DIRS)
    proxy = _BODY_WITHIN.format(seconds=config["READ_TIMEOUT"]) + f"\n                proxy_pass http://unix:{upstream}:;"
    load = "".join(f"load_module {path};\n" for path in modules)
    return f"""# written by rk serve (rk/front.py) for this run; not meant to be edited
{load}daemon off;
master_process on;
worker_processes 1;
pid {run_dir / "nginx.pid"};
worker_shutdown_timeout {STOP_GRACE}s;
error_log stderr warn;
{user}
events {{
    worker_connections 4096;
}}
http {{
        server_tokens off;
        log_format front '$remote_addr - - [$time_local] "$request" $status $body_bytes_sent "-" "$http_user_agent" (front)';
        access_log off;  # gunicorn logs what it answers; the answers of the front itself below
        client_header_timeout {read_timeout};
        client_body_timeout {read_timeout};
        keepalive_timeout {read_timeout};
        client_max_body_size {body_limit};
        client_body_buffer_size 64k;
        large_client_header_buffers 4 8k;{temp}{real_ip}
        geo $realip_remote_addr $from_trusted_proxy {{
            default 0;{trusted_geo}
        }}
        map $from_trusted_proxy $forwarded_proto {{ 1 $http_x_forwarded_proto; default $scheme; }}
        limit_conn_zone $binary_remote_addr zone=clients:4m;
        limit_conn_status 429;
        limit_conn_log_level info;
        proxy_set_header Host $http_host;
        proxy_set_header {CLIENT_HEADER} $remote_addr;
        proxy_set_header X-Forwarded-Proto $forwarded_proto;
        proxy_read_timeout {proxy_timeout};
        proxy_send_timeout {proxy_timeout};
        proxy_buffer_size 16k;
        proxy_buffers 16 32k;
        proxy_busy_buffers_size 64k;
        server {{
            listen {_listen(config["HOST"], config["PORT"])} backlog=4096;
            error_page 400 494 {ERRORS}400;
            error_page 404 {ERRORS}404;
            error_page 408 {ERRORS}408;
            error_page 413 {ERRORS}413;
            error_page 414 {ERRORS}414;
            error_page 429 {ERRORS}429;
            error_page 500 {ERRORS}500;
            error_page 502 {ERRORS}502;
            error_page 504 {ERRORS}504;
            location / {{
                {proxy}
            }}
            location /sparql {{
                {limit}
                {proxy}
            }}
            location /api {{
                {limit}
                {proxy}
            }}
{_plain(400, "Bad request: the request line or a header is malformed or too large.")}
{_plain(404, "Not found.")}
{_plain(408, "The request did not arrive within the read timeout.")}
{_plain(413, f"The request body exceeds the limit of {body_limit} bytes.")}
{_plain(414, "The request line is too long; send a long query by POST.")}
{_plain(429, f"This client has {queries} queries (/sparql, /api) in progress, the most it may have at once; "
             "send the next when one is answered.", "add_header Retry-After 1 always;")}
{_plain(500, "The front met an internal error.")}
{_plain(502, "The server is not available; try again shortly.")}
{_plain(504, "The server did not answer in time.")}
        }}
}}
"""


def worker_timeout(config: dict) -> int:
    """gunicorn's worker (and graceful) timeout: it only catches hung workers."""
    return max(30, int(config["TIME_LIMIT"] * 3))


def _die_with_parent(parent: int):
    def prepare():  # runs in the child before exec: end it when rk serve ends, even by kill -9
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:
            os._exit(1)
    return prepare


class Front:
    """nginx for one run of `rk serve`: its configuration, socket and files in a private
    temporary folder (removed by `close`), its process started, watched and stopped."""

    def __init__(self, config: dict):
        self.nginx = find_nginx()
        self.run_dir = Path(tempfile.mkdtemp(prefix="rk-serve-"))
        self.socket = self.run_dir / "gunicorn.sock"
        self.conf = self.run_dir / "nginx.conf"
        self._pid_file = self.run_dir / "nginx.pid"
        for name in _TEMP_DIRS:
            (self.run_dir / name).mkdir()
        self.conf.write_text(render(config, self.run_dir, str(self.socket), find_modules()), encoding="utf-8")
        self._owner = os.getpid()  # gunicorn's workers are forks: only this process manages nginx
        self.process: subprocess.Popen | None = None

    def start(self, within: float = 15.0) -> None:
        """Start nginx and wait until it listens; raises FrontError if it does not."""
        self._end_group()  # the workers of an nginx that ended would still hold the port
        self._pid_file.unlink(missing_ok=True)
        self.process = subprocess.Popen(
            [self.nginx, "-e", "stderr", "-p", str(self.run_dir), "-c", str(self.conf)],
            stdin=subprocess.DEVNULL, process_group=0, preexec_fn=_die_with_parent(os.getpid()))
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise FrontError(f"nginx exited with {self.process.returncode} (its message is above)")
            if self._pid_file.exists() and self._pid_file.read_text().strip() == str(self.process.pid):
                return
            time.sleep(0.05)
        self.stop()
        raise FrontError(f"nginx did not start within {within:g} s")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """Graceful stop: requests in progress are answered if they are within STOP_GRACE
        (nginx would otherwise wait for every slow client still sending its request)."""
        if os.getpid() != self._owner or not self.running():
            return
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(STOP_GRACE + 5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._end_group()

    def _end_group(self) -> None:
        """Kill what is left of the last nginx's process group (its own, see `start`)."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def close(self) -> None:
        if os.getpid() != self._owner:
            return
        self.stop()
        shutil.rmtree(self.run_dir, ignore_errors=True)
