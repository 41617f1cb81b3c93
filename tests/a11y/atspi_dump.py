"""Read the running app's accessibility tree the way Orca does, over AT-SPI: `tests/a11y/atspi_tree.sh`.

Runs under the *system* Python (Debian's python3-pyatspi), not the project's venv: it is the screen
reader's side. Prints each object as "role 'name' [states]" indented by depth, and at the end a list of
focusable controls a screen reader would announce with no name.
"""

from __future__ import annotations

import sys
import time

import pyatspi  # type: ignore[import-not-found]

_CONTROLS = {"push button", "toggle button", "check box", "radio button", "text", "combo box", "spin button",
             "list", "table", "tree table", "tree", "page tab", "slider", "password text", "menu item"}  # fmt: skip


def find_app(name: str, wait_s: float = 20.0):  # type: ignore[no-untyped-def]
    """The application called `name` on the accessibility bus, once it appears."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and name.lower() in (app.name or "").lower():
                return app
        time.sleep(0.5)
    raise SystemExit(f"no application called {name!r} on the AT-SPI bus")


def _labelled_by(node) -> str:  # type: ignore[no-untyped-def]
    """The text of the label that names this object through a relation, as Orca reads it first."""
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY and relation.getNTargets():
                return (relation.getTarget(0).name or "").strip()
    except Exception:
        return ""
    return ""


def walk(node, depth: int, unnamed: list[str], out: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Print the subtree of shown objects; collect unnamed, focusable controls."""
    try:
        states = node.getState()
        if not states.contains(pyatspi.STATE_SHOWING):
            return
        role, name = node.getRoleName(), (node.name or "").strip()
    except Exception:
        return
    focusable = states.contains(pyatspi.STATE_FOCUSABLE)
    label = _labelled_by(node)
    out.append(
        f"{'  ' * depth}{role} {name!r}{f' (labelled by {label!r})' if label else ''}"
        f"{' [focusable]' if focusable else ''}"
    )
    if role in _CONTROLS and focusable and not (name or label):
        unnamed.append(f"{role} under {node.parent.getRoleName() if node.parent else '-'}")
    if role in ("table", "tree table", "list") and node.childCount > 40:
        return  # the cells of a long list are its rows: enough to see the list itself
    for child in node:
        if child is not None:
            walk(child, depth + 1, unnamed, out)


def main() -> None:
    """Dump the tree of the app named on the command line (default: Recovery Journal)."""
    app = find_app(sys.argv[1] if len(sys.argv) > 1 else "Recovery Journal")
    unnamed: list[str] = []
    out: list[str] = []
    walk(app, 0, unnamed, out)
    print("\n".join(out))
    print(f"\n{len(out)} objects shown; focusable controls without a name: {len(unnamed)}")
    for item in unnamed:
        print("  -", item)


if __name__ == "__main__":
    main()
