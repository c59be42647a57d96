"""A throwaway Virtuoso 7 on 127.0.0.1, for tests and benchmarks.

    from support.virtuoso import Virtuoso

    with Virtuoso(workdir) as v:        # starts virtuoso-t, waits (bounded) until it answers
        v.sparql_url                    # http://127.0.0.1:PORT/sparql: queries, no login
        v.update_url                    # …/sparql-auth: SPARQL Update (digest auth)
        v.graph_store_url               # …/sparql-graph-crud-auth: Graph Store Protocol (digest)
        v.user, v.password              # "dba", "dba": the fresh database's administrator
        v.load_nquads(path)             # bulk load an N-Quads file (isql-vt ld_dir, rdf_loader_run)
        v.isql("SQL;")                  # run SQL statements through isql-vt; returns its output
    # leaving the block stops the server (SIGTERM, SIGKILL after `stop_timeout`)

The database, its log (virtuoso.log) and a generated virtuoso.ini live in `workdir`, which
must be empty or hold an earlier Virtuoso of this class. The HTTP and ISQL servers
listen only on 127.0.0.1, on free ports picked at start. Buffers are small (about 100 MB
of memory). Virtuoso's binaries come from the Debian package virtuoso-opensource-7-bin
(`make virtuoso`).
"""

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

BINARY = "virtuoso-t"
ISQL = "isql-vt"
INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}, {load_dir}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
MaxQueryMem = 200M
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
MaxClientConnections = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8

[Client]
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
"""


class VirtuosoError(RuntimeError):
    """Virtuoso is missing, did not start, or refused a load."""


def installed() -> bool:
    """Whether virtuoso-t and isql-vt are on PATH."""
    return bool(shutil.which(BINARY) and shutil.which(ISQL))


class Virtuoso:
    """A Virtuoso server process in `workdir`; see the module docstring."""

    user = "dba"
    password = "dba"

    def __init__(self, workdir, *, buffers: int = 10_000, start_timeout: float = 60.0,
                 stop_timeout: float = 20.0):
        self.workdir = Path(workdir).resolve()
        self.load_dir = self.workdir / "load"
        self.buffers = buffers
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.http_port = self.isql_port = 0
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        return self.base_url + "/sparql"

    @property
    def update_url(self) -> str:
        return self.base_url + "/sparql-auth"

    @property
    def graph_store_url(self) -> str:
        return self.base_url + "/sparql-graph-crud-auth"

    def start(self) -> "Virtuoso":
        """Write virtuoso.ini, start the server, wait until its SPARQL endpoint answers."""
        if not installed():
            raise VirtuosoError(f"{BINARY} or {ISQL} is missing: `make virtuoso` installs them")
        self.load_dir.mkdir(parents=True, exist_ok=True)
        self.http_port, self.isql_port = _free_ports(2)
        ini = self.workdir / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.workdir, load_dir=self.load_dir,
                                  isql_port=self.isql_port, http_port=self.http_port,
                                  buffers=self.buffers, dirty_buffers=self.buffers * 3 // 4))
        (self.workdir / "virtuoso.lck").unlink(missing_ok=True)  # left by a killed server
        with (self.workdir / "stdout.log").open("ab") as log:
            self.process = subprocess.Popen(
                [BINARY, "+configfile", str(ini), "+foreground"], cwd=self.workdir,
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise VirtuosoError(f"{BINARY} exited with {self.process.returncode}: "
                                    f"{self._log_tail()}")
            if self._answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise VirtuosoError(f"Virtuoso did not answer within {self.start_timeout:g} s: "
                            f"{self._log_tail()}")

    def stop(self) -> None:
        """Stop the server: SIGTERM, then SIGKILL after `stop_timeout` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def isql(self, sql: str, timeout: float = 600.0) -> str:
        """Run SQL statements through isql-vt as dba; their output, or VirtuosoError."""
        command = [ISQL, f"127.0.0.1:{self.isql_port}", self.user, self.password,
                   "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF",
                   "ERRORS=STDOUT", f"EXEC={sql}"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        output = done.stdout + done.stderr
        if done.returncode != 0 or "*** Error" in output:
            raise VirtuosoError(f"isql failed: {output.strip()}")
        return output

    def load_nquads(self, path, timeout: float = 600.0) -> None:
        """Add the quads of an N-Quads file (bulk loader; graphs as the file names them)."""
        source = Path(path)
        target = self.load_dir / source.name
        shutil.copyfile(source, target)
        quoted = str(self.load_dir).replace("'", "''")
        name = source.name.replace("'", "''")
        self.isql(f"DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '%/{name}'; "
                  f"ld_dir('{quoted}', '{name}', 'urn:rk:unused'); "
                  "rdf_loader_run(); checkpoint;", timeout=timeout)
        failed = self.isql("SELECT ll_file, ll_error FROM DB.DBA.load_list "
                           "WHERE ll_error IS NOT NULL;")
        if name in failed:
            raise VirtuosoError(f"Virtuoso could not load {source}: {failed.strip()}")

    def _answers(self) -> bool:
        query = urllib.parse.urlencode({"query": "ASK {}"})
        try:
            with urllib.request.urlopen(f"{self.sparql_url}?{query}", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def _log_tail(self) -> str:
        log = self.workdir / "virtuoso.log"
        return log.read_text(errors="replace")[-2000:] if log.is_file() else "(no log)"

    def __enter__(self) -> "Virtuoso":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for probe in sockets:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in sockets]
    finally:
        for probe in sockets:
            probe.close()
