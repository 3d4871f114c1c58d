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
never as process-wide globals). kiosk/ui/qml/Kiosk/kiosk.qmltypes describes these classes to qmllint and
qmlls; `python -m kiosk.ui.qmltooling qmltypes` regenerates it (a test fails when it is stale).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine, QQmlEngine
from shiboken6 import Shiboken

from kiosk.ui import locations

log = logging.getLogger("kiosk.qml")

# Read by PySide6's @QmlElement/@QmlNamedElement in the modules that import them (and by metaobjectdump).
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1
QML_IMPORT_MINOR_VERSION = 0

MODULE = QML_IMPORT_NAME

# Every Python module that declares types of `Kiosk` (@QmlNamedElement/@QmlElement). new_engine() imports
# them all before it makes an engine: a type registered while an engine exists breaks later engines (Qt then
# reports unrelated QML types as unavailable). kiosk.qmltypes is generated from the same list.
PYTHON_TYPES = (
    "kiosk.ui.kiosk_info",
    "kiosk.ui.map_canvas",
    "kiosk.ui.models.catalog",
    "kiosk.ui.models.city_images",
    "kiosk.ui.models.city_record",
    "kiosk.ui.models.map_cities",
    "kiosk.ui.models.map_model",
    "kiosk.ui.models.nk_chapter_record",
    "kiosk.ui.models.nk_item_record",
    "kiosk.ui.models.nk_section_records",
    "kiosk.ui.models.novokuznetsk",
    "kiosk.ui.models.slide_record",
    "kiosk.ui.services.admin",
    "kiosk.ui.services.attract",
    "kiosk.ui.services.database",
    "kiosk.ui.services.idle",
    "kiosk.ui.services.language",
    "kiosk.ui.services.quiz",
    "kiosk.ui.services.speech",
    "kiosk.ui.services.startup",
    "kiosk.ui.services.statistics",
)

# engine address → {singleton class: instance}; an entry lives from provide() to release() (one per kiosk).
_instances: dict[int, dict[type, QObject]] = {}


def import_path() -> str:
    """The one import path the engine (and qmllint) needs: the folder that holds Kiosk/qmldir."""
    return str(locations.qml_dir())


def _key(engine: QObject) -> int:
    return Shiboken.getCppPointer(engine)[0]


def register_python_types() -> None:
    """Import every module of PYTHON_TYPES (their decorators register the types). Written out, not looped over
    the list, so that PyInstaller sees the imports; a test checks that the two agree."""
    from kiosk.ui import kiosk_info, map_canvas  # noqa: F401 — imported for their decorators, which register the types
    from kiosk.ui.models import catalog, city_images, city_record, map_cities, map_model  # noqa: F401 — imported for their decorators, which register the types
    from kiosk.ui.models import nk_chapter_record, nk_item_record, nk_section_records, novokuznetsk  # noqa: F401 — imported for their decorators, which register the types
    from kiosk.ui.models import slide_record  # noqa: F401 — imported for their decorators, which register the types
    from kiosk.ui.services import admin, attract, database, idle, language, quiz, speech, startup, statistics  # noqa: F401 — imported for their decorators, which register the types


def new_engine() -> QQmlApplicationEngine:
    """An engine that finds the module: every Python type registered first, the import path set."""
    register_python_types()
    engine = QQmlApplicationEngine()
    engine.addImportPath(import_path())
    return engine


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
