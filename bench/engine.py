"""Engine benchmark (not a test): time from start to ready, and /health/live throughput and
latency under wrk, beside nginx answering the same route from its config (the peer, same run, same
machine), so the ratio survives a noisy machine. Started by bench/engine.sh.

usage: engine.py ENGINE_BINARY CONFIG RUNS SECONDS
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from dependencies import Postgres, Redis, free_port  # noqa: E402

ENGINE, CONFIG, RUNS, SECONDS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])


def status(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def start_engine(env, http_port):
    metrics_port = free_port()
    return subprocess.Popen(
        [ENGINE, "--config", CONFIG, "--http-port", str(http_port), "--metrics-port", str(metrics_port),
         "--check-interval", "0.05", "--drain-seconds", "0"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wrk(port, seconds):
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", f"http://127.0.0.1:{port}/health/live"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, percentile(50), percentile(99), int(errors.group(1)) if errors else 0


def nginx(port):
    directory = tempfile.mkdtemp(prefix="bench-nginx-")
    conf = os.path.join(directory, "nginx.conf")
    open(conf, "w").write(f"""
worker_processes 2; daemon off; pid {directory}/pid; error_log {directory}/error.log;
events {{ worker_connections 1024; }}
http {{ access_log off; client_body_temp_path {directory};
  server {{ listen 127.0.0.1:{port};
    location = /health/live {{ default_type application/json; return 200 '{{"status":"alive","environment":"development"}}'; }} }} }}
""")
    return subprocess.Popen(["nginx", "-c", conf, "-p", directory], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def summary(values):
    return statistics.median(values), min(values), max(values)


def main():
    config = json.loads(json.dumps(__import__("yaml").safe_load(open(CONFIG))))
    postgres = Postgres(user="devuser", password="bench-secret", database=config["database"]["database"])
    redis = Redis(password="bench-redis")
    postgres.start()
    postgres.create_database()
    redis.start()
    env = {"PATH": os.environ["PATH"], "ENVIRONMENT": config["environment"]["name"], "LOG_LEVEL": "warn",
           "DATABASE_HOST": "127.0.0.1", "DATABASE_PORT": str(postgres.port), "DATABASE_USER": "devuser",
           "DATABASE_PASSWORD": "bench-secret", "REDIS_URL": f"redis://:bench-redis@127.0.0.1:{redis.port}/0"}
    try:
        ready_times, stop_times = [], []
        for _ in range(RUNS):
            port = free_port()
            started = time.monotonic()
            engine = start_engine(env, port)
            while status(port, "/health/ready") != 200:
                time.sleep(0.005)
                if time.monotonic() - started > 30:
                    raise SystemExit("engine not ready in 30 s")
            ready_times.append((time.monotonic() - started) * 1000)
            stopping = time.monotonic()
            engine.send_signal(signal.SIGTERM)
            engine.wait(timeout=30)
            stop_times.append((time.monotonic() - stopping) * 1000)

        port = free_port()
        engine = start_engine(env, port)
        while status(port, "/health/ready") != 200:
            time.sleep(0.01)
        nginx_port = free_port()
        peer = nginx(nginx_port)
        while status(nginx_port, "/health/live") != 200:
            time.sleep(0.01)
        ours, theirs = [], []
        for _ in range(RUNS):  # interleaved, so drift in machine load hits both
            ours.append(wrk(port, SECONDS))
            theirs.append(wrk(nginx_port, SECONDS))
        engine.send_signal(signal.SIGTERM)
        engine.wait(timeout=30)
        peer.terminate()
        peer.wait()
    finally:
        redis.stop()
        postgres.remove()

    print(f"- machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end; wrk -t2 -c32 -d{SECONDS}s on loopback, client and servers sharing the cores")
    median, low, high = summary(ready_times)
    print(f"- start to ready: median {median:.0f} ms (min {low:.0f}, max {high:.0f}) over {RUNS} starts, PostgreSQL and Redis already up")
    median, low, high = summary(stop_times)
    print(f"- SIGTERM to exit: median {median:.0f} ms (min {low:.0f}, max {high:.0f}) with --drain-seconds 0")
    print()
    print("| /health/live | requests/s (median, range) | p50 latency | p99 latency | non-2xx |")
    print("|---|---|---|---|---|")
    for name, rows in (("engine", ours), ("nginx (peer)", theirs)):
        rps = summary([r[0] for r in rows])
        print(f"| {name} | {rps[0]:,.0f} ({rps[1]:,.0f}-{rps[2]:,.0f}) | {statistics.median(r[1] for r in rows):.3f} ms | "
              f"{statistics.median(r[2] for r in rows):.3f} ms | {sum(r[3] for r in rows)} |")
    ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in theirs)
    print()
    print(f"Throughput ratio engine/nginx: {ratio:.2f}")


main()
