"""The wheel carries everything diarycard reads at run time. Built from a copy of the
repository, installed into a fresh virtualenv, and run from a folder outside the repository
against an empty database, as an image or a platform package would."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
import pytest
from deploy_support import ROOT, clean_env, free_port, wait_ready

from factories import as_app

pytestmark = pytest.mark.deploy
SOURCES = ["backend", "pwa", "schemas", "pyproject.toml", "README.md"]


def _sh(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env or clean_env(),
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv with the wheel installed; answers its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in SOURCES:  # a copy, so building leaves nothing in the repository
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(ROOT / name, source / name)
    started = time.monotonic()
    built = _sh(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", source,
                cwd=work)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next((work / "dist").glob("diarycard-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # --no-compile: byte-compiling every dependency is most of an install's CPU, and this
    # test only runs each module once.
    pip = _sh(venv / "bin" / "pip", "install", "--quiet", "--disable-pip-version-check",
              "--no-compile", wheel, cwd=work)
    assert pip.returncode == 0, pip.stderr[-2000:]
    print(f"\nwheel {wheel.name}: {wheel.stat().st_size // 1024} KB, built and installed "
          f"in {time.monotonic() - started:.0f} s")
    return venv / "bin"


def test_the_installed_wheel_migrates_serves_and_signs_a_demo_patient_in(
    installed: Path, fresh_db: str, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"  # no repository here or above
    outside.mkdir()
    env = clean_env(DATABASE_URL=as_app(fresh_db), DIARYCARD_MIGRATE_URL=fresh_db,
                    DIARYCARD_DATA_DIR=str(tmp_path / "data"))
    where = _sh(installed / "python", "-c", "import diarycard; print(diarycard.__file__)",
                cwd=outside, env=env)
    assert str(installed.parent) in where.stdout and str(ROOT) not in where.stdout

    migrated = _sh(installed / "diarycard", "migrate", cwd=outside, env=env)
    assert migrated.returncode == 0, migrated.stderr
    applied = migrated.stdout.splitlines()
    assert applied[0] == "Applied 0001_foundation" and len(applied) >= 7
    print("diarycard migrate:", "; ".join(applied))

    demo = _sh(installed / "diarycard", "demo", "--json", cwd=outside, env=env)
    assert demo.returncode == 0, demo.stderr
    patient = next(a for a in json.loads(demo.stdout) if a["role"] == "patient")

    # serve as the app role alone: the migrator's URL is not given to the server.
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve_env = {k: v for k, v in env.items() if k != "DIARYCARD_MIGRATE_URL"}
    serve_env["DIARYCARD_PUBLIC_URL"] = base
    server = subprocess.Popen([str(installed / "diarycard"), "serve", "--port", str(port)],
                              cwd=outside, env=serve_env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        wait_ready(base, server)
        page = httpx.get(f"{base}/")
        assert page.status_code == 200 and '<script type="module"' in page.text
        assert httpx.get(f"{base}/sw.js").status_code == 200
        # The bundle the phone runs (pwa/app/) and the pages answered with the shell.
        assert httpx.get(f"{base}/app/main.js").status_code == 200
        assert httpx.get(f"{base}/history").status_code == 200
        assert httpx.get(f"{base}/review").status_code == 200
        signed_in = httpx.post(f"{base}/api/v1/session",
                               json={"login": patient["login"], "password": patient["password"]},
                               headers={"origin": base})
        assert signed_in.status_code == 200 and signed_in.json()["role"] == "patient"
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    print(f"serve: /readyz 200, / the PWA, {patient['login']} signed in")

    tables = _count_tables(fresh_db)
    assert tables >= 20, tables


def _count_tables(url: str) -> int:
    import asyncio

    async def count() -> int:
        conn = await asyncpg.connect(url)
        try:
            return int(await conn.fetchval(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        finally:
            await conn.close()

    return asyncio.run(count())


def test_a_wheel_without_migrations_stops_with_one_line(
    installed: Path, fresh_db: str, tmp_path: Path
) -> None:
    site = next(installed.parent.glob("lib/python*/site-packages/diarycard"))
    migrations = site / "migrations"
    hidden = tmp_path / "migrations"
    shutil.move(migrations, hidden)
    try:
        env = clean_env(DATABASE_URL=fresh_db, DIARYCARD_DATA_DIR=str(tmp_path))
        for command in (["migrate"], ["serve", "--port", str(free_port())]):
            run = _sh(installed / "diarycard", *command, cwd=tmp_path, env=env, timeout=60)
            lines = run.stderr.strip().splitlines()
            assert run.returncode == 1 and len(lines) == 1, run.stderr
            assert "no migrations folder" in lines[0] and "up to date" not in run.stdout
        migrations.mkdir()  # empty is no better
        run = _sh(installed / "diarycard", "migrate", cwd=tmp_path, env=env, timeout=60)
        assert run.returncode == 1 and "no migrations in" in run.stderr
    finally:
        shutil.rmtree(migrations, ignore_errors=True)
        shutil.move(hidden, migrations)
