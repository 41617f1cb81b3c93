"""Check a full web-page share with axe-core in a headless Chromium, in English and Spanish (issue 35).

    python -m tests.a11y.axe_html_share [--keep DIR]

Makes a demo journal in a private temporary folder, shares everything that can be shared (entries with tags,
goals with their risks, the crisis plan, an appointment's agenda, how I've been with its chart, what seems to go
with better days, my medicines) as HTML in each language, opens each page in headless Chromium through selenium
and runs axe-core (every rule, WCAG 2.x A and AA included). Prints one line per page with its violations and
exits 1 if there are any.

Needs: Debian's `chromium` and `chromium-driver`, selenium (PyPI) and axe-core's script (npm: `npm install
axe-core` puts it in node_modules/axe-core/axe.min.js; set AXE_JS to its path, or run it from a folder where
build/a11y/node_modules holds it). tests/a11y/test_axe_html_share.py runs this where they are installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MAKE = r"""
import datetime as dt, sys
from pathlib import Path
from recoveryjournal import i18n
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.services.demo import open_or_create_demo
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.policy import Policy
folder, language = Path(sys.argv[1]), sys.argv[2]
i18n.choose_language("es" if language == "es" else "en_GB")
s = open_or_create_demo(folder / f"demo-{language}.rjournal")
today = dt.date.today()
four_weeks = (today - dt.timedelta(days=27), today)
request = ShareRequest(
    recipient="Sam", author="Alex", entry_ids=tuple(e.id for e in s.entries.newest_first(4)),
    goal_ids=tuple(g.id for g in s.goals.all()), appointment_ids=tuple(a.id for a in s.appointments.all())[:1],
    plan_keys=tuple(p.key for p in s.plan.sections() if not p.is_empty), mood_range=four_weeks,
    patterns=four_weeks, medicines=True, goal_risks=True, goal_helpers=True, entry_tags=True)
outcome = Exporter(Policy()).share(s, request, "html", folder / f"share-{language}.html")
s.lock()
sys.exit(0 if outcome.done else 1)
"""


def axe_script() -> Path:
    """Where axe-core's script is: AXE_JS, or build/a11y/node_modules (npm install there)."""
    found = os.environ.get("AXE_JS") or str(ROOT / "build" / "a11y" / "node_modules" / "axe-core" / "axe.min.js")
    return Path(found)


def make_share(folder: Path, language: str) -> Path:
    env = {**os.environ, "RECOVERYJOURNAL_INSECURE_FAST_KDF": "1", "QT_QPA_PLATFORM": "offscreen",
           "HOME": str(folder)}  # fmt: skip
    subprocess.run([sys.executable, "-c", MAKE, str(folder), language], check=True, cwd=ROOT, env=env)
    return folder / f"share-{language}.html"


def check(pages: list[Path]) -> dict[str, tuple[int, list[dict[str, object]]]]:
    """For each page: how many of axe-core's rules it passes, and its violations."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    script = axe_script().read_text(encoding="utf-8")
    found: dict[str, tuple[int, list[dict[str, object]]]] = {}
    try:
        for page in pages:
            driver.get(page.as_uri())
            driver.execute_script(script)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']})"
                ".then(r => done({passes: r.passes.length, violations: r.violations}));"
            )
            violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                           "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]  # fmt: skip
            found[page.name] = (result["passes"], violations)
    finally:
        driver.quit()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="make the pages in DIR and leave them there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pages = [make_share(folder, language) for language in ("en", "es")]
        found = check(pages)
    for name, (passes, violations) in found.items():
        print(f"{name}: {len(violations)} violation(s), {passes} rules passed (axe-core {axe_version()}, "
              f"{dt.date.today().isoformat()})")  # fmt: skip
        for v in violations:
            print("  " + json.dumps(v, ensure_ascii=False))
    return 1 if any(violations for _passes, violations in found.values()) else 0


def axe_version() -> str:
    package = axe_script().parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "?"


if __name__ == "__main__":
    sys.exit(main())
