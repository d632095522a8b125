"""`make loadtest`: BoardReady under load, served as in production, with a pass or fail.

    .venv/bin/python -m bench.loadtest.run [--load-seconds 75] [--members 50] [--chairs 25] ...

1. Starts PostgreSQL (`scripts/start-postgres`, as root) and makes the database
   `boardready_loadtest` afresh; migrates it and fills it (`manage.py loadtest_prepare`): the
   benchmark's dataset grown to 25 trusts, 50 members with a knowledge check under way and the
   chairs of 25 boards, signed in server-side.
2. Starts gunicorn (two workers) on a free port of 127.0.0.1 under `learning.settings.loadtest`
   (production's settings, throwaway secrets made here).
3. Runs locust headless (`bench/loadtest/locustfile.py`): a short warm-up; one member alone, then
   one chair alone (the single-user medians); then every member and every chair at once, spawned
   together, for a bounded time.
4. Compares (`bench/loadtest/compare.py`): fails if any request failed or if any request's 95th
   percentile under load is more than three times its single-user median. Prints the table and
   writes it to var/loadtest/latest.md and latest.json.

`--multi` runs it as a publisher would in production: Redis as the shared cache
(`scripts/start-redis`), four gunicorn workers, the task worker (`manage.py db_worker`), 100
members and 25 chairs. Two cores cannot show four workers' latency, so this mode is judged on
failed requests and on three steps of its own after the load (`bench/loadtest/steps.py`): a
module change published while every worker serves pages (each must serve the new navigation
within a second, none a stale one), the worker stopped and started again while reminders are
queued (each email goes out once), and PostgreSQL restarted while people read (a clean 503 page
in that window, no failure outside it). Its p95 figures are reported beside the single-process
ones.

gunicorn is always stopped at the end, however the run ends. Every step's output goes to a log
file in var/loadtest/; the database is left for inspection and dropped by the next run.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench import mail

from . import compare, steps

ROOT = Path(__file__).resolve().parent.parent.parent
DATABASE = "boardready_loadtest"  # also bench.loadtest.prepare.DATABASE, which refuses others
POSTGRES = "postgresql://boardready:boardready@127.0.0.1:5432"  # scripts/start-postgres's role
LOCUSTFILE = Path("bench") / "loadtest" / "locustfile.py"
WARM_UP_SECONDS = 8
WORKERS = 2  # the single-process mode's gunicorn: two worker processes
MULTI_WORKERS = 4  # the multi-process mode's
PG_CTLCLUSTER = "/usr/bin/pg_ctlcluster"  # Debian's, as scripts/start-postgres uses
MULTI_CACHE_URL = "redis://127.0.0.1:6379/8"  # a Redis database of the load test's own


class Failed(Exception):
    """A step of the run itself failed (not the verdict): the message says which."""


def _say(text: str = "", stream=None) -> None:
    stream = stream or sys.stdout
    stream.write(text + "\n")
    stream.flush()


def _log(message: str, began: float) -> None:
    _say(f"[{time.monotonic() - began:5.0f} s] {message}")


def _run(command: list[str], *, env: dict, log: Path, timeout: float, what: str) -> None:
    with log.open("w", encoding="utf-8") as out:
        try:
            result = subprocess.run(  # noqa: S603 (our own interpreter and scripts)
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=timeout
            )
        except subprocess.TimeoutExpired as error:
            raise Failed(f"{what} took longer than {timeout:.0f} s; see {_rel(log)}") from error
    if result.returncode != 0:
        raise Failed(f"{what} failed (exit {result.returncode}); see {_rel(log)}")


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def start_postgres(began: float) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("pg_ctlcluster") is None:
            raise Failed("PostgreSQL is not installed: apt-get install postgresql")
        _log("Starting PostgreSQL (scripts/start-postgres)…", began)
        started = subprocess.run([str(ROOT / "scripts" / "start-postgres")])  # noqa: S603
        if started.returncode != 0:
            raise Failed(f"scripts/start-postgres failed (exit {started.returncode}).")
    else:
        _log("Not root: expecting PostgreSQL already running (scripts/start-postgres).", began)


def fresh_database(began: float) -> None:
    import psycopg

    _log(f"Making the database {DATABASE} afresh…", began)
    try:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True, connect_timeout=10) as db:
            db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {DATABASE}")
    except psycopg.OperationalError as error:
        raise Failed(
            f"Cannot reach PostgreSQL at 127.0.0.1:5432 as `boardready` ({error}). "
            "Run scripts/start-postgres as root first."
        ) from error


def server_env() -> dict:
    """The environment for manage.py and gunicorn: production's variables, made for this run."""
    from cryptography.fernet import Fernet

    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="learning.settings.loadtest",
        DATABASE_URL=f"{POSTGRES}/{DATABASE}",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        BOARDREADY_JOURNAL_KEY=Fernet.generate_key().decode(),
        PYTHONUNBUFFERED="1",
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(began: float) -> None:
    import redis

    _log("Starting Redis (scripts/start-redis)…", began)
    started = subprocess.run([str(ROOT / "scripts" / "start-redis")])  # noqa: S603
    if started.returncode != 0:
        raise Failed("scripts/start-redis failed: apt-get install redis-server")
    redis.Redis.from_url(MULTI_CACHE_URL).flushdb()


def start_process(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    with log.open("a", encoding="utf-8") as out:
        return subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def start_gunicorn(
    env: dict, port: int, log: Path, *, threads: int, workers: int = WORKERS
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "learning.wsgi",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--bind",
        f"127.0.0.1:{port}",
        "--no-control-socket",  # nothing here uses it, and it would clash with another gunicorn
    ]
    return start_process(command, env, log)


def stop_process(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)
    except ProcessLookupError:
        pass


def wait_until_up(server: subprocess.Popen, url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failed(f"gunicorn stopped (exit {server.returncode}) before answering.")
        try:
            with urllib.request.urlopen(request, timeout=5):  # noqa: S310 (127.0.0.1 only)
                return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise Failed(f"gunicorn did not answer within {timeout:.0f} s.")


def locust(
    *,
    host: str,
    plan: Path,
    out: Path,
    label: str,
    members: int,
    chairs: int,
    seconds: int,
    think: str,
    chair_think: str,
) -> Path:
    """One headless locust run; returns its `_stats.csv`. Spawns every user at once."""
    users = members + chairs
    classes = [name for name, count in (("Member", members), ("Chair", chairs)) if count]
    prefix = out / label
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        host,
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--exit-code-on-error",
        "0",  # failures are judged by compare, from the statistics
        *classes,
    ]
    env = dict(os.environ)
    env.update(
        BOARDREADY_LOADTEST_PLAN=str(plan),
        BOARDREADY_LOADTEST_MEMBERS=str(max(members, 1)),
        BOARDREADY_LOADTEST_CHAIRS=str(max(chairs, 1)),
        BOARDREADY_LOADTEST_THINK=think,
        BOARDREADY_LOADTEST_CHAIR_THINK=chair_think,
    )
    _run(command, env=env, log=out / f"{label}.log", timeout=seconds + 60, what=f"locust {label}")
    return Path(f"{prefix}_stats.csv")


def failure_messages(stats_csv: Path) -> list[dict]:
    path = stats_csv.with_name(stats_csv.name.replace("_stats.csv", "_failures.csv"))
    if not path.exists():
        return []
    import csv

    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {
                "request": row["Name"],
                "error": row["Error"],
                "occurrences": int(row["Occurrences"]),
            }
            for row in csv.DictReader(handle)
        ]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--multi",
        action="store_true",
        help="the multi-process mode: Redis, 4 workers, the task worker and its own steps",
    )
    parser.add_argument("--members", type=int, help="members under load (50; 100 with --multi)")
    parser.add_argument("--chairs", type=int, default=25, help="chairs under load (25)")
    parser.add_argument("--load-seconds", type=int, default=75, help="length of the load run (75)")
    parser.add_argument(
        "--single-seconds", type=int, default=20, help="length of each single-user run (20)"
    )
    parser.add_argument(
        "--think", default="1,3", help="seconds a member spends on a page under load (1,3)"
    )
    # A chair reads the dashboard before opening it again. At 1 to 3 s, 25 chairs would ask for
    # about twelve dashboards a second, more than two workers on two cores can build on their
    # own, and the run would measure that overload instead of BoardReady.
    parser.add_argument(
        "--chair-think",
        default="20,40",
        help="seconds a chair spends on the dashboard before opening it again (20,40)",
    )
    parser.add_argument(
        "--single-think",
        default="0.1,0.2",
        help="seconds between requests of a person alone (0.1,0.2): more samples, same pages",
    )
    parser.add_argument("--limit", type=float, default=compare.LIMIT, help="p95 / median (3)")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads in each gunicorn worker (1)"
    )
    parser.add_argument(
        "--output", help="output folder (var/loadtest, or var/loadtest/multi with --multi)"
    )
    args = parser.parse_args(argv)
    if args.members is None:
        args.members = 100 if args.multi else 50
    if args.output is None:
        args.output = str(ROOT / "var" / "loadtest" / ("multi" if args.multi else ""))
    if min(args.members, args.chairs, args.load_seconds, args.single_seconds) < 1:
        parser.error("--members, --chairs and the run lengths must be at least 1.")
    for value in (args.think, args.chair_think, args.single_think):
        low, _, high = value.partition(",")
        try:
            if not 0 <= float(low) <= float(high):
                raise ValueError
        except ValueError:
            parser.error(f"a think time is 'low,high' in seconds, not {value!r}.")
    return args


def _postgres_version() -> str:
    return sorted((path.name for path in Path("/usr/lib/postgresql").iterdir()), key=float)[-1]


def _task_counts() -> dict[str, int]:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/{DATABASE}", connect_timeout=10) as db:
        rows = db.execute(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
        ).fetchall()
    return dict(rows)


class Multi:
    """The multi-process mode's extra processes and steps."""

    def __init__(self, env: dict, out: Path, began: float):
        self.out = out
        self.began = began
        self.mail = out / "mail.jsonl"
        self.mail.unlink(missing_ok=True)
        self.env = env | {"CACHE_URL": MULTI_CACHE_URL, "BOARDREADY_LOADTEST_MAIL": str(self.mail)}
        self.worker: subprocess.Popen[bytes] | None = None

    def start_worker(self) -> None:
        command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.5"]
        self.worker = start_process(command, self.env, self.out / "worker.log")

    def stop_worker(self) -> None:
        stop_process(self.worker)

    def manage(self, *arguments: str, log: str) -> str:
        _run(
            [sys.executable, "manage.py", *arguments],
            env=self.env,
            log=self.out / log,
            timeout=120,
            what=f"manage.py {arguments[0]}",
        )
        return (self.out / log).read_text(encoding="utf-8").strip().splitlines()[-1]

    def steps(self, host: str, plan: dict) -> list[steps.StepResult]:
        member = plan["members"][0]
        headers = steps.person_headers(member)
        results = []
        old = plan["glossary"]

        def publish_change() -> str:
            slug = "terms-" + secrets.token_hex(2)
            return self.manage("publish_revision", old, "--slug", slug, log="publish.log")

        _log("Step: publishing a module change while every worker serves pages…", self.began)
        results.append(
            steps.publish(
                url=host + member["home"],
                headers=headers,
                old=old,
                publish_change=publish_change,
                workers=MULTI_WORKERS,
            )
        )
        _log("Step: the task worker stopped and started again while reminders queue…", self.began)
        results.append(
            steps.worker_queue(
                stop_worker=self.stop_worker,
                start_worker=self.start_worker,
                send_reminders=lambda: self.manage("send_reminders", log="send_reminders.log"),
                tasks=_task_counts,
                emails=lambda: mail.recorded(self.mail),
            )
        )
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            _log("Step: PostgreSQL restarted while people read…", self.began)
            version = _postgres_version()
            targets = [
                (host + person[page], steps.person_headers(person))
                for person in plan["members"][:4]
                for page in ("home", "module")
            ]
            results.append(
                steps.database_restart(
                    targets=targets,
                    restart=lambda: subprocess.run(  # noqa: S603
                        [PG_CTLCLUSTER, version, "main", "restart"], check=True
                    ),
                    seconds=20,
                    at=5,
                )
            )
        else:
            results.append(
                steps.StepResult(
                    "database restart", False, "not run: restarting PostgreSQL needs root"
                )
            )
        return results


def main(argv=None) -> int:  # noqa: C901, PLR0915 (one run, step by step)
    args = parse_args(argv)
    began = time.monotonic()
    started = datetime.now(UTC)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.csv"):
        old.unlink()
    plan = out / "plan.json"
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server = multi = None
    workers = MULTI_WORKERS if args.multi else WORKERS
    step_results = []
    load_before = os.getloadavg()
    try:
        start_postgres(began)
        fresh_database(began)
        env = server_env()
        if args.multi:
            start_redis(began)
            multi = Multi(env, out, began)
            env = multi.env
        manage = [sys.executable, "manage.py"]
        _log("Migrating…", began)
        _run(
            [*manage, "migrate", "--no-input"],
            env=env,
            log=out / "migrate.log",
            timeout=300,
            what="migrate",
        )
        _log(f"Building the dataset and signing in {args.members} members…", began)
        _run(
            [
                *manage,
                "loadtest_prepare",
                f"--members={args.members}",
                f"--chairs={args.chairs}",
                f"--output={plan}",
            ],
            env=env,
            log=out / "prepare.log",
            timeout=900,
            what="loadtest_prepare",
        )
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        described = f"{workers} workers, {args.threads} thread(s) each"
        _log(f"Starting gunicorn ({described}) on {host}…", began)
        (out / "gunicorn.log").unlink(missing_ok=True)
        server = start_gunicorn(
            env, port, out / "gunicorn.log", threads=args.threads, workers=workers
        )
        if multi:
            _log("Starting the task worker (manage.py db_worker)…", began)
            multi.start_worker()
        wait_until_up(server, f"{host}/")
        runs = {
            "warm-up": (1, 1, WARM_UP_SECONDS, "0,0.1", "0,0.1"),
            "single-member": (1, 0, args.single_seconds, args.single_think, args.single_think),
            "single-chair": (0, 1, args.single_seconds, args.single_think, args.single_think),
            "load": (args.members, args.chairs, args.load_seconds, args.think, args.chair_think),
        }
        stats = {}
        for label, (members, chairs, seconds, think, chair_think) in runs.items():
            who = f"{members} member(s) and {chairs} chair(s) for {seconds} s"
            _log(f"locust {label}: {who}…", began)
            stats[label] = locust(
                host=host,
                plan=plan,
                out=out,
                label=label,
                members=members,
                chairs=chairs,
                seconds=seconds,
                think=think,
                chair_think=chair_think,
            )
            if server.poll() is not None:
                raise Failed(f"gunicorn stopped (exit {server.returncode}) during {label}.")
        if multi:
            step_results = multi.steps(host, json.loads(plan.read_text(encoding="utf-8")))
    except Failed as error:
        _say(f"make loadtest: {error}", sys.stderr)
        return 2
    finally:
        stop_process(server)
        if multi:
            multi.stop_worker()
    single = compare.read_stats(stats["single-member"]) | compare.read_stats(stats["single-chair"])
    load = compare.read_stats(stats["load"])
    verdict = compare.compare(
        single, load, limit=args.limit, workers=workers, judge_p95=not args.multi
    )
    passed = verdict.passed and all(step.passed for step in step_results)
    seconds = round(time.monotonic() - began)
    mode = "multi-process" if args.multi else "single-process"
    report = {
        "mode": mode,
        "started": started.isoformat(timespec="seconds"),
        "seconds": seconds,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "scenario": {
            "members": args.members,
            "chairs": args.chairs,
            "load_seconds": args.load_seconds,
            "single_seconds": args.single_seconds,
            "think": args.think,
            "chair_think": args.chair_think,
            "single_think": args.single_think,
            "gunicorn_workers": workers,
            "shared_cache": MULTI_CACHE_URL if args.multi else None,
            "task_worker": bool(args.multi),
        },
        "limit": args.limit,
        "p95_judged": not args.multi,
        "passed": passed,
        "rows": [row.__dict__ for row in verdict.rows],
        "steps": [step.__dict__ for step in step_results],
        "failures": [
            dict(message, run=label)
            for label in ("single-member", "single-chair", "load")
            for message in failure_messages(stats[label])
        ],
    }
    (out / "latest.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    served = (
        f"gunicorn ({workers} workers), the task worker, Redis and PostgreSQL"
        if args.multi
        else f"gunicorn ({workers} workers) and PostgreSQL"
    )
    summary = (
        f"{mode.capitalize()}. Under load: {args.members} members (think {args.think} s) and "
        f"{args.chairs} chairs (think {args.chair_think} s), all started at once, for "
        f"{args.load_seconds} s. Single-user: one member, then one chair, alone for "
        f"{args.single_seconds} s each. {served} on {report['machine']}; load average "
        f"{report['load_average_before'][0]} before, {report['load_average_after'][0]} after."
    )
    lines = [summary, "", compare.table(verdict), ""]
    for failure in report["failures"]:
        lines.append(
            f"- {failure['run']}: {failure['request']}: {failure['error']} "
            f"({failure['occurrences']}×)"
        )
    for step in step_results:
        outcome = "passed" if step.passed else "**failed**: " + "; ".join(step.problems)
        lines.append(f"- Step, {step.name}: {step.summary}. {outcome}")
    if step_results:
        lines.append("")
    outcome = "passed" if passed else "FAILED"
    rule = (
        "no failed request, and every step passed (p95 reported, not judged: four workers on "
        f"{os.cpu_count()} cores)"
        if args.multi
        else f"p95 under load at most {args.limit:g} × the single-user median, or the burst's "
        "allowance in the limit column, and no failed request"
    )
    lines.append(f"Load test ({mode}) {outcome} ({rule}) in {seconds} s.")
    text = "\n".join(lines)
    (out / "latest.md").write_text(text + "\n", encoding="utf-8")
    _say()
    _say(text)
    _say(f"Figures written to {_rel(out / 'latest.md')} and {_rel(out / 'latest.json')}.")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
