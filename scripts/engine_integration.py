"""Integration test of the engine against real PostgreSQL and Redis (run by scripts/test.sh).

usage: engine_integration.py ENGINE_BINARY OUTPUT_DIR

Starts PostgreSQL and Redis on loopback (scripts/dependencies.py), runs the engine with
OUTPUT_DIR/development/config/config.yaml and the variables the manifests and the compose file set
(the database credentials and the cache's token as files, as the manifests mount them),
and checks: it becomes ready; stopping Redis makes it unready with Redis named, restarting makes it
ready again (the same for PostgreSQL); its metrics carry the fingerprint on the rendered pod
template; with every PostgreSQL backend it opens frozen, the pool grows to database.pool_size and no
further, and readiness fails on the hung database; SIGTERM fails readiness at once while a request
begun before it and new requests are still answered, then the process exits 0. Also: bad configs and a mismatched ENVIRONMENT exit 78
naming the file, line and field, or the variable. Prints one line per check; exits 1 on the first
failure.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dependencies import CertificateAuthority, Postgres, Redis, as_user, free_port  # noqa: E402

ENGINE, OUT = sys.argv[1], sys.argv[2]
CONFIG = os.path.join(OUT, "development", "config", "config.yaml")
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print(f"FAIL {what}", flush=True)
        raise SystemExit(1)
    passed += 1
    print(f"ok   {what}", flush=True)


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except OSError as error:
            last = error
        time.sleep(0.05)
    print(f"FAIL {what} (last: {last})", flush=True)
    raise SystemExit(1)


def ready_with(port, status, failing=None):
    code, body = get(port, "/health/ready")
    if code != status:
        return None
    document = json.loads(body)
    if failing is not None and document["failing"] != failing:
        return None
    return document


# The PostgreSQL backends serving the engine (the query's own psql session left out).
ENGINE_BACKENDS = ("SELECT pid FROM pg_stat_activity WHERE usename = 'devuser' AND backend_type = 'client backend' "
                   "AND pid <> pg_backend_pid()")


def connections_to(pid, port):
    """TCP connections process `pid` holds open (or is opening) to 127.0.0.1:`port`: its socket
    descriptors matched with the kernel's connection table."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                fields = line.split()
                # 01 established, 02 connecting
                if int(fields[2].rsplit(":", 1)[1], 16) == port and fields[3] in ("01", "02") and fields[9] in inodes:
                    count += 1
    return count


def config_error(config_path, extra_env=None):
    env = {"PATH": os.environ["PATH"], "DATABASE_USER": "devuser", **(extra_env or {})}
    result = subprocess.run([ENGINE, "--config", config_path, "--http-port", "0", "--metrics-port", "0"],
                            env=env, capture_output=True, text=True, timeout=30)
    return result.returncode, result.stderr.strip()


def run_engine(config_path, env, until, seconds, what):
    """Starts an engine, waits for `until(http_port)` to give a value, stops it; returns the value."""
    http_port, metrics_port = free_port(), free_port()
    argv = as_user("nobody", [ENGINE, "--config", config_path, "--http-port", str(http_port), "--metrics-port", str(metrics_port),
                              "--check-interval", "0.2", "--check-timeout", "2", "--drain-seconds", "0"])
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        return wait_until(lambda: until(http_port), seconds, what)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


NOT_CHECKED = "not checked yet"


def tls_checks(postgres, redis, ca, config_text):
    """PostgreSQL and Redis behind TLS, with a certificate for `localhost` signed by a test CA: the
    engine connects with verify-full and rediss:// when it trusts the CA and names the host the
    certificate names, and is refused (unready, the dependency's TLS error named) when it names
    another address or trusts only the system's authorities."""
    postgres.stop()
    postgres.start(tls=ca.server("postgres", ["localhost"], owner="postgres"))
    redis.stop()
    redis.start(tls=ca.server("redis", ["localhost"]))
    path = os.path.join(ca.dir, "verify-full.yaml")
    open(path, "w").write(config_text.replace("ssl_mode: disable", "ssl_mode: verify-full"))
    os.chmod(path, 0o644)

    def env(host, trust):
        variables = {
            "PATH": os.environ["PATH"], "DATABASE_HOST": host, "DATABASE_PORT": str(postgres.port),
            "DATABASE_USER": "devuser", "DATABASE_PASSWORD": postgres.password,
            "REDIS_URL": f"rediss://:{redis.password}@{host}:{redis.port}/0",
        }
        if trust:
            variables.update({"DATABASE_SSL_ROOT_CERT": ca.certificate, "REDIS_TLS_CA_FILE": ca.certificate})
        return variables

    encrypted = ("SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                 "WHERE a.usename = 'devuser' AND s.ssl AND a.pid <> pg_backend_pid()")

    def ready_over_tls(port):
        document = ready_with(port, 200)
        return document and int(postgres.sql(encrypted)) >= 1 and document

    document = run_engine(path, env("localhost", trust=True), ready_over_tls, 30, "ready over verify-full and rediss://")
    check(document["failing"] == [], "trusting the CA, verify-full to localhost and rediss:// are ready; the pool's connection is encrypted")

    def refused(port):
        document = ready_with(port, 503, ["postgres", "redis"])
        errors = [document["dependencies"][name].get("error", "") for name in ("postgres", "redis")] if document else []
        return document if errors and all(error and error != NOT_CHECKED for error in errors) else None

    def errors(document):
        return document["dependencies"]["postgres"]["error"], document["dependencies"]["redis"]["error"]

    postgres_error, redis_error = errors(run_engine(path, env("127.0.0.1", trust=True), refused, 30, "refused: the certificate does not name 127.0.0.1"))
    check("failedToValidateHostname" in postgres_error and "failedToValidateHostname" in redis_error,
          f"the certificate names localhost, the engine connects to 127.0.0.1: both refused, the host named as the cause "
          f"(postgres: {postgres_error}; redis: {redis_error})")
    postgres_error, redis_error = errors(run_engine(path, env("localhost", trust=False), refused, 30, "refused: the CA is not trusted"))
    check("CERTIFICATE_VERIFY_FAILED" in postgres_error and "CERTIFICATE_VERIFY_FAILED" in redis_error,
          f"without the CA file only the system's authorities are trusted: both refused as unverified "
          f"(postgres: {postgres_error}; redis: {redis_error})")


def performance_checks(postgres, redis, config_text):
    """The performance section applied at start-up, as an unprivileged user. In development the
    engine pins every thread to position 0 of its own cpuset (the first CPU it may use, not host CPU
    0) and is ready. In staging, a raised thread priority without CAP_SYS_NICE and huge pages the
    machine does not reserve are refused: unready with each reason named while every dependency
    answers, and counted in the metrics."""
    directory = tempfile.mkdtemp(prefix="engine-performance-")
    os.chmod(directory, 0o755)
    own = sorted(os.sched_getaffinity(0))

    def config_with(tier, performance):
        document = yaml.safe_load(config_text)
        document["environment"]["tier"] = tier
        document["resources"] = {"cpu": {"request": "1", "limit": "1"}, "memory": {"request": "4Gi", "limit": "4Gi"}}
        document["performance"] = performance
        path = os.path.join(directory, f"{tier}.yaml")
        open(path, "w").write(yaml.safe_dump(document, sort_keys=False))
        os.chmod(path, 0o644)
        return path

    env = {
        "PATH": os.environ["PATH"], "ENVIRONMENT": "development",
        "DATABASE_HOST": "127.0.0.1", "DATABASE_PORT": str(postgres.port),
        "DATABASE_USER": "devuser", "DATABASE_PASSWORD": postgres.password,
        "REDIS_URL": f"redis://:{redis.password}@127.0.0.1:{redis.port}/0",
    }

    def start(path):
        http_port, metrics_port = free_port(), free_port()
        argv = as_user("nobody", [ENGINE, "--config", path, "--http-port", str(http_port), "--metrics-port", str(metrics_port),
                                  "--check-interval", "0.2", "--check-timeout", "2", "--drain-seconds", "0"])
        return subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT), http_port, metrics_port

    def samples(metrics_port):
        text = get(metrics_port, "/metrics")[1]
        return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line and not line.startswith("#")}

    pinned = config_with("dev", {"cpu_affinity": "0", "thread_priority": "normal", "huge_pages": False, "numa_node": 0})
    process, http_port, metrics_port = start(pinned)
    try:
        wait_until(lambda: ready_with(http_port, 200), 30, "pinned engine becomes ready")
        status = open(f"/proc/{process.pid}/status").read()
        allowed = [line.split(":", 1)[1].strip() for line in status.splitlines() if line.startswith("Cpus_allowed_list:")][0]
        threads = os.listdir(f"/proc/{process.pid}/task")
        thread_lists = {open(f"/proc/{process.pid}/task/{tid}/status").read().split("Cpus_allowed_list:")[1].split()[0] for tid in threads}
        check(allowed == str(own[0]) and thread_lists == {str(own[0])},
              f"cpu_affinity 0 pins the engine's {len(threads)} threads to the first CPU of its own cpuset {own} ({allowed})")
        values = samples(metrics_port)
        check(values.get("engine_pinned_cpus") == 1 and values.get("engine_cpuset_cpus", 0) >= len(own)
              and values.get("engine_performance_refusals") == 0 and values.get('engine_thread_priority{policy="SCHED_OTHER"}') == 0,
              "metrics: one CPU pinned of the cpuset, normal priority, nothing refused")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)

    free_pages = int([line.split()[1] for line in open("/proc/meminfo") if line.startswith("HugePages_Free:")][0])
    staging = config_with("staging", {"cpu_affinity": "0", "thread_priority": "high", "huge_pages": True,
                                      "huge_pages_memory": "2Mi", "numa_node": 0})
    process, http_port, metrics_port = start(staging)
    try:
        document = wait_until(lambda: (lambda d: d if d and d["failing"] == [] else None)(ready_with(http_port, 503)), 30,
                              "staging engine unready with its dependencies up")
        refused = document["refused"]
        priority = [reason for reason in refused if reason.startswith("thread_priority high: nice -10 refused")]
        huge = [reason for reason in refused if reason.startswith("huge_pages: mapping 2Mi in 2 MiB pages failed")]
        check(len(priority) == 1 and "CAP_SYS_NICE" in priority[0], f"without CAP_SYS_NICE a high priority is refused: {priority}")
        check(len(huge) == (1 if free_pages < 1 else 0),
              f"huge pages refused exactly when the machine reserves none ({free_pages} free): {huge}")
        check(document["status"] == "unready" and samples(metrics_port).get("engine_performance_refusals") == len(refused),
              f"staging stays unready for {len(refused)} refused setting(s), counted in engine_performance_refusals")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)


def main():
    pod_template = yaml.safe_load(open(os.path.join(OUT, "development", "kubernetes", "statefulset-trading-engine.yaml")))
    fingerprint = pod_template["spec"]["template"]["metadata"]["annotations"]["infradsl.io/config-sha256"]
    config = yaml.safe_load(open(CONFIG))
    pool_size = config["database"]["pool_size"]

    # Configuration errors: exit 78 and one line naming what is wrong, before anything starts.
    scratch = tempfile.mkdtemp(prefix="engine-config-")
    good = open(CONFIG).read()
    cases = [
        ("missing file", os.path.join(scratch, "absent.yaml"), None, "absent.yaml: the config file does not exist"),
        ("wrong type", good.replace("pool_size: 10", "pool_size: lots"), None, ":21: database.pool_size: expected integer, found \"lots\""),
        ("out of range", good.replace("port: 9090", "port: 99999"), None, ":39: metrics.port:"),
        ("unknown field", good.replace("  tcp_nodelay: true", "  tcp_nodelay: true\n  tcp_fastopen: true"), None,
         ":43: network.tcp_fastopen: unknown field"),
        ("malformed YAML", good.replace("redis:\n", "redis: {\n"), None, "malformed YAML"),
        ("another environment", good, {"ENVIRONMENT": "production"}, "ENVIRONMENT is 'production' but the config file is for 'development'"),
        ("bad LOG_LEVEL", good, {"LOG_LEVEL": "loud"}, "LOG_LEVEL: 'loud' is not one of"),
    ]
    for index, (name, text, env, expected) in enumerate(cases):
        path = text if text.startswith("/") else os.path.join(scratch, f"case{index}.yaml")
        if not text.startswith("/"):
            open(path, "w").write(text)
        code, stderr = config_error(path, env)
        check(code == 78 and expected in stderr and stderr.count("\n") == 0,
              f"config error ({name}) exits 78: {stderr}")

    ca = CertificateAuthority()
    not_pem = os.path.join(scratch, "not-a-certificate.pem")
    open(not_pem, "w").write("hello\n")
    for name, env, expected in [
        ("missing CA file", {"DATABASE_SSL_ROOT_CERT": os.path.join(scratch, "absent.pem")}, "DATABASE_SSL_ROOT_CERT: " + os.path.join(scratch, "absent.pem") + " does not exist"),
        ("CA file without a certificate", {"REDIS_TLS_CA_FILE": not_pem}, f"REDIS_TLS_CA_FILE: {not_pem} holds no PEM certificate"),
    ]:
        code, stderr = config_error(CONFIG, env)
        check(code == 78 and expected in stderr and stderr.count("\n") == 0, f"config error ({name}) exits 78: {stderr}")

    postgres = Postgres(user="devuser", password="pg-integration-secret", database=config["database"]["database"])
    redis = Redis(password="redis-integration-secret")
    engine = None
    try:
        postgres.start()
        postgres.create_database()
        redis.start()
        http_port, metrics_port = free_port(), free_port()
        # The credentials as the manifests give them: files of a mounted Secret, named by *_FILE.
        secrets = tempfile.mkdtemp(prefix="engine-secrets-")
        os.chmod(secrets, 0o755)
        for key, value in (("username", "devuser"), ("password", postgres.password), ("auth-token", redis.password)):
            open(os.path.join(secrets, key), "w").write(value + "\n")
            os.chmod(os.path.join(secrets, key), 0o644)
        env = {
            "PATH": os.environ["PATH"],
            "ENVIRONMENT": "development", "LOG_LEVEL": "info",
            "DATABASE_HOST": "127.0.0.1", "DATABASE_PORT": str(postgres.port),
            "DATABASE_USER_FILE": os.path.join(secrets, "username"), "DATABASE_PASSWORD_FILE": os.path.join(secrets, "password"),
            # The cache's AUTH token as staging and production mount it (REDIS_PASSWORD_FILE).
            "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0", "REDIS_PASSWORD_FILE": os.path.join(secrets, "auth-token"),
        }
        # As an unprivileged user, writing nothing (logs go to stdout): what the restricted,
        # read-only-root pod allows.
        argv = as_user("nobody", [ENGINE, "--config", CONFIG, "--http-port", str(http_port),
                                  "--metrics-port", str(metrics_port), "--check-interval", "0.2", "--check-timeout", "0.5",
                                  "--drain-seconds", "2"])
        started = time.monotonic()
        engine = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log_lines = []
        reader = threading.Thread(target=lambda: log_lines.extend(iter(engine.stdout.readline, "")), daemon=True)
        reader.start()

        document = wait_until(lambda: ready_with(http_port, 200), 60, "engine becomes ready")
        check(document["status"] == "ready" and document["failing"] == [],
              f"ready after {time.monotonic() - started:.2f} s with PostgreSQL and Redis answering")
        environ = open(f"/proc/{engine.pid}/environ", "rb").read()
        check(postgres.password.encode() not in environ and redis.password.encode() not in environ,
              "the database credentials and the cache's token were read from files: neither is in the engine's environment")
        code, body = get(http_port, "/health/live")
        check(code == 200 and json.loads(body)["status"] == "alive", "/health/live answers 200")

        metrics = wait_until(lambda: (lambda m: m if "market_data_ticks_total" in m else None)(get(metrics_port, "/metrics")[1]),
                             10, "metrics carry market data")
        lines = metrics.splitlines()
        samples = {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1]) for line in lines if line and not line.startswith("#")}
        check(any(line.startswith("engine_info{") and f'config_sha256="{fingerprint}"' in line for line in lines),
              "engine_info carries the fingerprint on the rendered pod template")
        check(samples.get('engine_dependency_up{dependency="postgres"}') == 1 and samples.get('engine_dependency_up{dependency="redis"}') == 1,
              "dependency gauges are up")
        check(samples.get("engine_ready") == 1, "engine_ready is 1")
        check(samples.get("engine_database_pool_max_connections") == pool_size, f"pool sized by database.pool_size ({pool_size})")
        check(sum(v for k, v in samples.items() if k.startswith("market_data_ticks_total{")) > 0,
              "mock market data (features.mock_market_data) ticks are counted")
        check(any(line.startswith('http_requests_total{method="GET",path="/health/ready",status="200"}') for line in lines),
              "requests are counted by status")
        connections = int(postgres.sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'devuser' AND pid <> pg_backend_pid()"))
        check(1 <= connections <= pool_size, f"at rest the engine holds {connections} PostgreSQL connection(s), at most {pool_size}")

        # Redis goes away: unready, Redis named; comes back: ready again.
        redis.stop()
        document = wait_until(lambda: ready_with(http_port, 503, ["redis"]), 15, "unready with Redis named")
        check("error" in document["dependencies"]["redis"], f"Redis stopped: 503, failing {document['failing']}: "
              f"{document['dependencies']['redis']['error']}")
        check(get(http_port, "/health/live")[0] == 200, "liveness unaffected by a dependency outage")
        redis.start()
        document = wait_until(lambda: ready_with(http_port, 200), 15, "ready again after Redis restarts")
        check(document["dependencies"]["redis"]["up"] and document["failing"] == [], "Redis restarted: ready again, Redis up")

        postgres.stop()
        document = wait_until(lambda: ready_with(http_port, 503, ["postgres"]), 20, "unready with PostgreSQL named")
        check("error" in document["dependencies"]["postgres"] and document["dependencies"]["redis"]["up"],
              f"PostgreSQL stopped: 503, only postgres failing: {document['dependencies']['postgres']['error']}")
        postgres.start()
        document = wait_until(lambda: ready_with(http_port, 200), 30, "ready again after PostgreSQL restarts")
        check(document["dependencies"]["postgres"]["up"] and document["failing"] == [], "PostgreSQL restarted: ready again, postgres up")

        # PostgreSQL hangs (its postmaster and every backend serving the engine frozen): each check
        # times out, readiness fails naming the timeout, and however many checks give up, the engine
        # never holds more than database.pool_size connections; thawed, it is ready again.
        backends = [int(pid) for pid in postgres.sql(ENGINE_BACKENDS).split()]
        frozen = [postgres.postmaster_pid()] + backends
        most = 0
        try:
            for pid in frozen:
                os.kill(pid, signal.SIGSTOP)
            hung = time.monotonic()
            document = wait_until(lambda: ready_with(http_port, 503, ["postgres"]), 10, "unready while PostgreSQL hangs")
            while time.monotonic() - hung < 4:
                most = max(most, connections_to(engine.pid, postgres.port))
                time.sleep(0.05)
        finally:
            for pid in frozen:
                os.kill(pid, signal.SIGCONT)
        check("no answer within" in document["dependencies"]["postgres"]["error"],
              f"PostgreSQL hangs: 503, {document['dependencies']['postgres']['error']}")
        check(most <= pool_size, f"through 4 s of timed-out checks the engine held at most {most} connection(s) (pool_size {pool_size})")
        document = wait_until(lambda: ready_with(http_port, 200), 30, "ready again after PostgreSQL thaws")
        check(document["failing"] == [], "PostgreSQL answers again: ready")

        # A request begun before the signal: connection open, request line sent, headers unfinished.
        in_flight = socket.create_connection(("127.0.0.1", http_port), timeout=5)
        in_flight.sendall(b"GET /health/live HTTP/1.1\r\nHost: engine\r\n")
        engine.send_signal(signal.SIGTERM)
        term = time.monotonic()
        # The signal is handled asynchronously: poll until the drain shows (well inside its 2 s).
        document = wait_until(lambda: ready_with(http_port, 503), 1.5, "readiness fails after SIGTERM")
        check(document["status"] == "draining",
              f"{(time.monotonic() - term) * 1000:.0f} ms after SIGTERM readiness answers 503 draining")
        in_flight.sendall(b"Connection: close\r\n\r\n")
        answer = in_flight.recv(4096).decode(errors="replace")
        in_flight.close()
        check(answer.startswith("HTTP/1.1 200"), f"a request begun before SIGTERM is answered after it: {answer.splitlines()[:1]}")
        check(get(http_port, "/health/live")[0] == 200, "a new request is still served while draining")
        status = engine.wait(timeout=40)
        elapsed = time.monotonic() - term
        check(status == 0 and elapsed < 45, f"exit status {status} {elapsed:.2f} s after SIGTERM (grace period 45 s)")
        reader.join(timeout=5)
        records = [json.loads(line) for line in log_lines if line.startswith("{")]
        check(len(records) == len(log_lines) and records, f"{len(records)} log lines, all JSON")
        outages = [r for r in records if r["message"] == "dependency is down" and r.get("dependency") == "redis"]
        check(len(outages) == 1, f"the Redis outage (several failed checks) is logged once, as JSON: {len(outages)} line(s)")
        check(records[-1]["message"] == "stopped", "the last log line is 'stopped'")
        engine = None

        performance_checks(postgres, redis, good)
        tls_checks(postgres, redis, ca, good)
    finally:
        if engine is not None and engine.poll() is None:
            os.kill(engine.pid, signal.SIGKILL)
        redis.stop()
        postgres.remove()
        ca.remove()
    print(f"engine integration: {passed} passed", flush=True)


main()
