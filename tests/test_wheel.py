"""The built wheel, installed into a fresh virtual environment, lints and builds from outside the
checkout: the packaged playbooks and templates are what it uses (an editable install never reads
them). Offline: the wheel goes in with --no-index --no-deps, and its dependencies are read from
this environment's site-packages (a path, so this checkout's editable cs_team is not seen)."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_the_installed_wheel_lints_and_builds_outside_the_checkout(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "dist"), versions=["standard"]))
    env = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-index", "--no-deps", "--disable-pip-version-check", wheel], check=True)
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(args, cwd=outside, env=environment, capture_output=True, text=True)

    where = run(str(python), "-c", "import cs_team; print(cs_team.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(site), where
    lint = run(str(env / "bin" / "cs-team"), "lint", "--lang", "en")
    assert (lint.returncode, lint.stdout) == (0, ""), lint.stderr
    assert "using the bundled example department" in lint.stderr and str(site) in lint.stderr
    build = run(str(env / "bin" / "cs-team"), "build", "--out", "site")
    assert build.returncode == 0, build.stderr
    pages = {p.relative_to(outside / "site").as_posix() for p in (outside / "site").rglob("*.html")}
    assert {"index.html", "agent-1/interview-kit.html"} <= pages, sorted(pages)[:10]
    assert "客服专员" in (outside / "site" / "index.html").read_text(encoding="utf-8")
    assert not (ROOT / "site").exists()
