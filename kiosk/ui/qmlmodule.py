"""The QML module `Kiosk` (kiosk/ui/qml/Kiosk): where it lives, and how its Python singletons reach QML.

QML files say `import Kiosk` and use the Python objects as typed singletons: `Catalog`, `Database`, `Idle`,
`Admin`, `KioskInfo`. Each of those classes is declared in its own module with

    from kiosk.ui.qmlmodule import (  # noqa: F401 — read by the decorators
        QML_IMPORT_MAJOR_VERSION,
        QML_IMPORT_NAME,
        instance_for,
    )

    @QmlNamedElement("Database")
    @QmlSingleton
    class DatabaseService(QObject):
        @staticmethod
        def create(engine):
            return instance_for(engine, DatabaseService)

The engine asks `create` once per engine; the instance is the one the owning application made and handed to
`provide()` before loading QML (tests build many kiosks in one process, so instances are kept per engine,
never as process-wide globals). Engines come from kiosk.ui.engine, which registers every type first.
kiosk/ui/qml/Kiosk/kiosk.qmltypes describes these classes to qmllint and
qmlls; `python -m devtools.qmltooling qmltypes` regenerates it (a test fails when it is stale).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlEngine
from shiboken6 import Shiboken

from kiosk.ui.platform import locations

log = logging.getLogger("kiosk.qml")

# Read by PySide6's @QmlElement/@QmlNamedElement in the modules that import them (and by metaobjectdump).
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1
QML_IMPORT_MINOR_VERSION = 0

MODULE = QML_IMPORT_NAME

# engine address → {singleton class: instance}; an entry lives from provide() to release() (one per kiosk).
_instances: dict[int, dict[type, QObject]] = {}


def import_path() -> str:
    """The one import path the engine (and qmllint) needs: the folder that holds Kiosk/qmldir."""
    return str(locations.qml_dir())


def _key(engine: QObject) -> int:
    return Shiboken.getCppPointer(engine)[0]


def provide(engine: QQmlEngine, *objects: QObject) -> None:
    """Make `objects` the singletons of `engine` (by class); call before loading any QML on it."""
    _instances[_key(engine)] = {type(obj): obj for obj in objects}


def release(engine: QQmlEngine) -> None:
    _instances.pop(_key(engine), None)


def forget_when_destroyed(obj: QObject) -> None:
    """For types QML creates (CityRecord, MapCanvas): PySide 6.11 never drops the reference it takes when QML
    creates a Python object, so the Python half outlives the page with everything it holds (~30 KB a city page:
    its texts and models). Emptying its attributes when Qt destroys it lets all that go; an empty shell of a few
    hundred bytes stays per page shown (benchmarks/soak_bench.py; tests/ui/test_housekeeping.py)."""
    obj.destroyed.connect(obj.__dict__.clear)


def instance_for(engine: QQmlEngine, cls: type) -> QObject | None:
    """The `create(engine)` of every Python singleton: the instance its application provided."""
    found = _instances.get(_key(engine), {})
    for klass, obj in found.items():
        if issubclass(klass, cls):
            # The application owns it (it outlives the engine's teardown); QML must never delete it.
            QQmlEngine.setObjectOwnership(obj, QQmlEngine.ObjectOwnership.CppOwnership)
            return obj
    log.error("QML asked for %s, but this engine was given no instance of it", cls.__name__)
    return None
