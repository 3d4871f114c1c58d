"""What a screen reader sees of the kiosk: its AT-SPI tree, and the reader's «press» on one of its items.

Runs under the system Python (Debian's python3-pyatspi is not on PyPI), with the AT-SPI bus of the test's own
dbus session (DBUS_SESSION_BUS_ADDRESS):

    /usr/bin/python3 tests/helpers/atspi_walk.py dump APP_NAME
        -> one JSON object: the application's tree (role, name, description, states, actions, children)
    /usr/bin/python3 tests/helpers/atspi_walk.py press APP_NAME NAME
        -> {"pressed": NAME} after calling the «Press» action of the first showing item named NAME
"""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]


def _app(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    raise SystemExit(json.dumps({"error": f"no application {name!r} on the AT-SPI bus"}))


def _node(acc) -> dict:
    try:
        states = sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except Exception:  # an item that went away while walking
        states = []
    try:
        action = acc.queryAction()
        actions = sorted({action.getName(i) for i in range(action.nActions)})
    except NotImplementedError:
        actions = []
    children = []
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            children.append(_node(child))
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states,
        "actions": actions,
        "children": children,
    }


def _plain(text: str) -> str:
    """A name as a reader compares it: the interface's no-break spaces as spaces (reader.plain; no imports here)."""
    return " ".join((text or "").replace("\u00a0", " ").split())


def _press(acc, name: str) -> bool:
    if _plain(acc.name) == _plain(name) and "showing" in [pyatspi.stateToString(s) for s in acc.getState().getStates()]:
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) == "Press":
                return bool(action.doAction(i))
    return any(_press(acc.getChildAtIndex(i), name) for i in range(acc.childCount) if acc.getChildAtIndex(i))


def main(argv: list[str]) -> None:
    command, app_name = argv[0], argv[1]
    app = _app(app_name)
    if command == "dump":
        print(json.dumps(_node(app), ensure_ascii=False))
    elif command == "press":
        print(json.dumps({"pressed": argv[2]} if _press(app, argv[2]) else {"error": f"nothing to press: {argv[2]}"}))
    else:
        raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
