"""The QML engine of the kiosk and its tools: every Python type of the module `Kiosk` registered first, then the
import path set.

Kept out of kiosk.ui.qmlmodule, which every type module imports (QML_IMPORT_NAME, instance_for): imported from
there, each of them would close an import cycle.
"""

from __future__ import annotations

from PySide6.QtQml import QQmlApplicationEngine

from kiosk.ui.qmlmodule import import_path

# Every Python module that declares types of `Kiosk` (@QmlNamedElement/@QmlElement). new_engine() imports
# them all before it makes an engine: a type registered while an engine exists breaks later engines (Qt then
# reports unrelated QML types as unavailable). kiosk.qmltypes is generated from the same list.
PYTHON_TYPES = (
    "kiosk.ui.services.kiosk_info",
    "kiosk.ui.providers.map_canvas",
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


def register_python_types() -> None:
    """Import every module of PYTHON_TYPES (their decorators register the types). Written out, not looped over
    the list, so that PyInstaller sees the imports; a test checks that the two agree."""
    from kiosk.ui.services import kiosk_info  # noqa: F401 — imported for their decorators, which register the types
    from kiosk.ui.providers import map_canvas  # noqa: F401 — imported for their decorators, which register the types
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
