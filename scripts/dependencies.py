"""Real PostgreSQL and Redis servers on loopback for the engine's integration test and benchmark.

PostgreSQL is Debian's server: `initdb` into a temporary directory (password authentication,
scram-sha-256), `pg_ctl` on a free port, listening on 127.0.0.1 only. Redis is Debian's
`redis-server` with a password, no persistence. Both run as the invoking user, or as `postgres` /
`nobody` when that is root (initdb refuses root).
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_user(user, argv):
    """argv run as `user` when we are root, else as ourselves. setpriv execs the command itself
    (runuser would stay as its parent and SIGKILL it two seconds after forwarding a SIGTERM)."""
    if os.geteuid() == 0:
        group = {"nobody": "nogroup"}.get(user, user)
        return ["setpriv", f"--reuid={user}", f"--regid={group}", "--init-groups", "--"] + argv
    return argv


def wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


class Postgres:
    def __init__(self, user, password, database):
        self.user, self.password, self.database = user, password, database
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins:
            raise RuntimeError("PostgreSQL's server is not installed (scripts/system-deps.sh installs it)")
        self.bin = bins[-1]
        self.dir = tempfile.mkdtemp(prefix="engine-pg-")
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        pwfile = os.path.join(self.dir, "pw")
        with open(pwfile, "w") as f:
            f.write(password + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        self.data = os.path.join(self.dir, "data")
        self._run([f"{self.bin}/initdb", "-D", self.data, "-U", user, "--pwfile", pwfile,
                   "-A", "scram-sha-256", "--no-sync", "-E", "UTF8"])
        os.remove(pwfile)

    def _run(self, argv):
        subprocess.run(as_user("postgres", argv), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self, tls=None):
        """Starts the server; with tls=(certificate, key) paths it also accepts TLS connections."""
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        if tls:
            options += f" -c ssl=on -c ssl_cert_file={tls[0]} -c ssl_key_file={tls[1]}"
        self._run([f"{self.bin}/pg_ctl", "-D", self.data, "-o", options, "-l", os.path.join(self.dir, "log"), "-w", "start"])
        wait_for_port(self.port)

    def create_database(self):
        env = dict(os.environ, PGPASSWORD=self.password)
        subprocess.run(as_user("postgres", ["env", f"PGPASSWORD={self.password}", f"{self.bin}/createdb",
                                            "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.database]),
                       check=True, env=env)

    def sql(self, statement):
        out = subprocess.run(as_user("postgres", ["env", f"PGPASSWORD={self.password}", f"{self.bin}/psql", "-At",
                                                  "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
                                                  "-d", self.database, "-c", statement]),
                             check=True, capture_output=True, text=True)
        return out.stdout.strip()

    def postmaster_pid(self):
        with open(os.path.join(self.data, "postmaster.pid")) as handle:
            return int(handle.readline())

    def stop(self):
        subprocess.run(as_user("postgres", [f"{self.bin}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class CertificateAuthority:
    """A throwaway CA (openssl) and server certificates it signs, in a directory readable by the
    servers' users: for the TLS checks of verify-full and rediss://."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="engine-ca-")
        os.chmod(self.dir, 0o755)
        self.certificate = os.path.join(self.dir, "ca.pem")
        self.key = os.path.join(self.dir, "ca.key")
        self._openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", self.key, "-out", self.certificate,
                       "-days", "1", "-subj", "/CN=engine integration CA"])

    def _openssl(self, argv):
        subprocess.run(["openssl"] + argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def server(self, name, dns_names, owner=None):
        """(certificate, key) for `dns_names`, signed by this CA; the key is private to `owner`."""
        key = os.path.join(self.dir, f"{name}.key")
        request = os.path.join(self.dir, f"{name}.csr")
        certificate = os.path.join(self.dir, f"{name}.pem")
        extensions = os.path.join(self.dir, f"{name}.ext")
        with open(extensions, "w") as handle:
            handle.write("subjectAltName=" + ",".join(f"DNS:{n}" for n in dns_names) + "\n")
        self._openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request, "-subj", f"/CN={dns_names[0]}"])
        self._openssl(["x509", "-req", "-in", request, "-CA", self.certificate, "-CAkey", self.key, "-CAcreateserial",
                       "-out", certificate, "-days", "1", "-extfile", extensions])
        os.chmod(certificate, 0o644)
        os.chmod(key, 0o600)
        if owner and os.geteuid() == 0:
            shutil.chown(key, owner, owner)
        return certificate, key

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self, password):
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server is not installed (scripts/system-deps.sh installs it)")
        self.password = password
        self.port = free_port()
        self.process = None

    def start(self, tls=None):
        """Starts the server; with tls=(certificate, key) paths it speaks TLS only, on the same port."""
        listen = ["--port", str(self.port)]
        if tls:
            listen = ["--port", "0", "--tls-port", str(self.port), "--tls-cert-file", tls[0], "--tls-key-file", tls[1],
                      "--tls-auth-clients", "no"]
        self.process = subprocess.Popen(
            ["redis-server"] + listen + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                         "--requirepass", self.password, "--dir", tempfile.gettempdir()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
