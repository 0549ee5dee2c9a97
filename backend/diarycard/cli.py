"""The `diarycard` command: serve, migrate, demo, admin."""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from types import FrameType

from diarycard.accounts.admin_cli import add_admin_parser
from diarycard.db import migrate as migrations
from diarycard.db.database import database_urls
from diarycard.server import server_command
from diarycard.settings import Settings, SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="diarycard",
        description="A between-session diary for SCM and MBT, and its clinician review.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="migrate, then serve the API and the PWA")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument("--workers", type=int, default=1, help="worker processes")
    serve.add_argument("--no-worker", action="store_true",
                       help="do not start the reminder worker (run `diarycard worker` instead)")
    serve.set_defaults(run=_serve)

    worker = commands.add_parser("worker", help="run the reminder scheduler and push worker")
    worker.add_argument("--health-port", type=int, default=None,
                        help="answer GET /healthz on this port (for a liveness probe)")
    worker.set_defaults(run=_worker)

    mig = commands.add_parser("migrate", help="apply pending database migrations")
    mig.set_defaults(run=_migrate)

    demo = commands.add_parser("demo", help="load a demo site (safe to run again)")
    demo.add_argument("--json", action="store_true", help="print the demo accounts as JSON")
    demo.set_defaults(run=_demo)

    add_admin_parser(commands)

    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"diarycard: {exc}", file=sys.stderr)
        return 2
    run: Callable[[argparse.Namespace, Settings], int] = args.run
    return run(args, settings)


def _report(applied: list[migrations.Migration] | None, out: object = sys.stdout) -> None:
    if applied is None:
        print("The schema is up to date; migrations are the migrator's to run.", file=out)  # type: ignore[call-overload]
    elif not applied:
        print("Database is up to date.", file=out)  # type: ignore[call-overload]
    for m in applied or []:
        print(f"Applied {m.version:04d}_{m.name}", file=out)  # type: ignore[call-overload]


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    with database_urls(settings) as urls:
        _report(migrations.prepare_or_exit(urls, "migrate"))
    return 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from diarycard.demo import load_demo

    with database_urls(settings) as urls:
        migrations.prepare_or_exit(urls, "demo")
        return asyncio.run(load_demo(urls.app, as_json=args.json))


def _die_with_parent() -> None:
    # If `serve` is killed with SIGKILL, its server must not live on holding the port.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # Explicit for SIGINT too: a shell starts background jobs with SIGINT ignored.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, stop)
    with database_urls(settings) as urls:
        _report(migrations.prepare_or_exit(urls, "serve"), sys.stderr)
        # The server and its worker never hold the migrator's rights.
        env = {k: v for k, v in os.environ.items() if k != "DIARYCARD_MIGRATE_URL"}
        env["DATABASE_URL"] = urls.app
        children = [
            subprocess.Popen(command, env=env, preexec_fn=_die_with_parent)  # noqa: S603
            for command in serve_commands(args)
        ]
        print(f"diarycard is running at http://{args.host}:{args.port}/ (Ctrl-C to stop)",
              flush=True)
        try:
            # The web server is what people see: when it ends, so does serve.
            return children[0].wait()
        except KeyboardInterrupt:
            return 0
        finally:
            _stop(children)


# The reminder worker as a child of `serve`, the same code as `diarycard worker`.
WORKER_COMMAND = [sys.executable, "-m", "diarycard", "worker"]


def serve_commands(args: argparse.Namespace) -> list[list[str]]:
    """What `serve` starts: the web server, and the reminder worker unless --no-worker."""
    commands = [server_command(args.host, args.port, args.workers)]
    if not args.no_worker:
        commands.append(WORKER_COMMAND)
    return commands


def _stop(children: list[subprocess.Popen[bytes]]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from diarycard.logs import configure_logging
    from diarycard.worker import Worker

    configure_logging(settings.log_level)
    with database_urls(settings) as urls:
        migrations.prepare_or_exit(urls, "worker")
        worker = Worker(settings, urls.app)

        async def run() -> None:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, worker.stop.set)
            await worker.run(args.health_port)

        asyncio.run(run())
    return 0
