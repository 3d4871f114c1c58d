"""What the frozen kiosk leaves out, and the pruning that follows from it (used by packaging/kiosk.spec).

PyInstaller's hooks collect whole Qt plugin folders and every library those plugins link, e.g. the GTK platform
theme drags in GTK, cairo, pango and gdk-pixbuf (~20 MB). `excludes=` only drops Python modules, so the spec
filters Qt files by destination path (DROP) and then keeps only the shared libraries that something kept still
needs (`needed_closure`, from the ELF DT_NEEDED entries), so a dropped plugin takes its system-library tail
with it. No Python module is imported here beyond the standard library: the spec runs it at build time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

QT = "PySide6/Qt/"

# Python modules the kiosk never imports. qtawesome's Python (and with it qtpy and QtWidgets) is replaced by
# kiosk.ui.providers.icon_font, which reads only qtawesome's font files.
EXCLUDES = [
    "tkinter",
    "unittest",
    "pydoc",
    "doctest",
    "pdb",
    "lib2to3",
    "ensurepip",
    "idlelib",
    "test",
    "qtawesome",
    "qtpy",
    # Not "segno": the bundle's `kiosk db build/import` draws the memorials' QR codes (kiosk.data.qr_codes); the
    # kiosk itself never imports it (tests/unit/test_resident.py).
    "ssl",  # offline: nothing speaks TLS
    "devtools",  # developer tools, never imported by the kiosk: kept out even if one day they were
    # Nothing starts processes. Left in, it brings PyInstaller's multiprocessing and pkgutil (via runpy) run-time
    # hooks, which import both packages before main() at every start (~15 ms of a frozen start-up).
    "multiprocessing",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PySide6.QtWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtSql",
    "PySide6.QtDBus",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",  # its binding loads QtWidgets; the self-test waits with an event loop of its own
    # Read-aloud needs only QtTextToSpeech, whose binding imports no other addon (its Qt library links
    # libQt6Multimedia, which stays as a library; the Python module does not).
    "PySide6.QtMultimedia",
]

# Qt files (by destination path) the kiosk never loads. Kept on purpose: the xcb, wayland and offscreen
# platforms, xcb's GL integrations, Wayland's xdg-shell and its decorations (school mode on a GNOME desktop),
# the jpeg and svg image formats, Controls' Basic style.
DROP = (
    QT + "translations/",
    # Qt Quick modules no QML file imports
    QT + "qml/QtQuick/Controls/Material",
    QT + "qml/QtQuick/Controls/Imagine",
    QT + "qml/QtQuick/Controls/Universal",
    QT + "qml/QtQuick/Controls/FluentWinUI3",
    QT + "qml/QtQuick/Controls/Fusion",
    QT + "qml/QtQuick/Controls/iOS",
    QT + "qml/QtQuick/Controls/macOS",
    QT + "qml/QtQuick/Controls/Windows",
    QT + "qml/QtQuick/Controls/designer",
    QT + "qml/QtQuick/Dialogs",
    QT + "qml/QtQuick/NativeStyle",
    QT + "qml/QtQuick3D",
    QT + "qml/Qt/labs/",
    QT + "qml/QtQuick/VirtualKeyboard",
    QT + "qml/QtTest",
    QT + "qml/QtQuick/Particles",
    QT + "qml/QtQuick/Shapes",
    QT + "qml/QtQuick/Timeline",
    QT + "qml/QtQuick/VectorImage",
    QT + "qml/QtQuick/Effects",
    QT + "qml/QtQuick/LocalStorage",
    QT + "qml/QtQml/XmlListModel",
    QT + "qml/QtNetwork",
    QT + "qml/QtCore",
    QT + "qml/QtWayland",
    # plugins: platform themes (GTK's drags in GTK and cairo), debugging, network, other platforms
    QT + "plugins/platformthemes",
    QT + "plugins/qmltooling",
    QT + "plugins/networkinformation",
    QT + "plugins/tls",
    QT + "plugins/generic",
    QT + "plugins/egldeviceintegrations",
    QT + "plugins/iconengines",
    QT + "plugins/platforminputcontexts",
    QT + "plugins/sqldrivers",
    QT + "plugins/designer",
    QT + "plugins/platforms/libqeglfs",
    QT + "plugins/platforms/libqlinuxfb",
    QT + "plugins/platforms/libqminimal",
    QT + "plugins/platforms/libqvnc",
    QT + "plugins/platforms/libqvkkhrdisplay",
    QT + "plugins/wayland-graphics-integration-client/libdmabuf-server",
    QT + "plugins/wayland-graphics-integration-client/libdrm-egl-server",
    QT + "plugins/wayland-graphics-integration-client/libvulkan-server",
    QT + "plugins/wayland-graphics-integration-client/libshm-emulation-server",
    QT + "plugins/wayland-shell-integration/libivi-shell",
    QT + "plugins/wayland-shell-integration/libqt-shell",
    QT + "plugins/wayland-shell-integration/libwl-shell",
    QT + "plugins/imageformats/libqpdf",
    QT + "plugins/imageformats/libqgif",
    QT + "plugins/imageformats/libqicns",
    QT + "plugins/imageformats/libqico",
    QT + "plugins/imageformats/libqtga",
    QT + "plugins/imageformats/libqtiff",
    QT + "plugins/imageformats/libqwbmp",
    QT + "plugins/imageformats/libqwebp",
    # Read-aloud: the speechd engine plugin only. QtTextToSpeech pulls QtMultimedia's ffmpeg plugin and its
    # libraries (~30 MB), which speech never loads; the mock engine is for tests, the QML plugin is unused.
    QT + "plugins/multimedia",
    QT + "plugins/texttospeech/libqtexttospeech_mock",
    QT + "qml/QtTextToSpeech",
    QT + "qml/QtMultimedia",
    # pyside6-addons' other QML modules (no QML file imports them); each drags its libraries in (WebEngine ~200 MB)
    QT + "qml/Qt3D",
    QT + "qml/Qt5Compat",
    QT + "qml/QtCharts",
    QT + "qml/QtDataVisualization",
    QT + "qml/QtGraphs",
    QT + "qml/QtLocation",
    QT + "qml/QtPositioning",
    QT + "qml/QtRemoteObjects",
    QT + "qml/QtScxml",
    QT + "qml/QtSensors",
    QT + "qml/QtWebChannel",
    QT + "qml/QtWebEngine",
    QT + "qml/QtWebSockets",
    QT + "qml/QtWebView",
    QT + "qml/QtQuick/Pdf",
    QT + "qml/QtQuick/Scene2D",
    QT + "qml/QtQuick/Scene3D",
    # System libraries that come with a voice (speech-dispatcher brings libspeechd, every desktop has libpulse):
    # where they are missing there is no voice to use, and the kiosk hides «Слушать» (docs/read-aloud.md).
    "libspeechd.so",
    "libpulse.so",
    "libpulse-simple.so",
    # CJK codecs: the curators' files are UTF-8 or cp1251
    "lib-dynload/_codecs_",
    "lib-dynload/_multibytecodec",
)


def dropped(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return any(part in dest for part in DROP)


_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def needed(path: str) -> list[str]:
    """The DT_NEEDED names of an ELF file (empty when it is not one, or readelf is missing)."""
    try:
        out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    except OSError:
        return []
    return _NEEDED.findall(out)


def _is_library(dest: str) -> bool:
    """A shared library that is only there because something links it: at the top of the bundle (system
    libraries, symlinks to Qt's) or in PySide6/Qt/lib. Everything else (Python extension modules, Qt plugins,
    QML plugins, libpython) is loaded by name at run time and is a root of the closure."""
    dest = dest.replace("\\", "/")
    folder = dest.rpartition("/")[0]
    linked = folder in ("", QT + "lib") or folder.endswith(".libs")  # pillow.libs/: Pillow's own copies
    return linked and ".so" in dest and not dest.startswith("libpython")


def needed_closure(binaries: list[tuple]) -> list[tuple]:
    """`binaries` (PyInstaller TOC entries: dest, src, typecode) minus the libraries nothing kept needs."""
    if shutil.which("readelf") is None:  # Windows and macOS builds: keep everything PyInstaller found
        return binaries
    by_name: dict[str, list[tuple]] = {}
    for entry in binaries:
        by_name.setdefault(Path(entry[0]).name, []).append(entry)
    wanted: set[str] = set()
    todo = [e for e in binaries if not _is_library(e[0])]
    while todo:
        entry = todo.pop()
        for name in needed(entry[1]):
            if name not in wanted and name in by_name:
                wanted.add(name)
                todo.extend(e for e in by_name[name] if e[2] != "SYMLINK")
    return [e for e in binaries if not _is_library(e[0]) or Path(e[0]).name in wanted]


def without_dangling_links(datas: list[tuple], binaries: list[tuple]) -> list[tuple]:
    """PyInstaller lists top-level symlinks to Qt's libraries (libQt6Core.so.6 → PySide6/Qt/lib/…) among the
    data files; drop those whose library was pruned."""
    kept = {b[0].replace("\\", "/") for b in binaries}

    def target(entry: tuple) -> str:
        parent = Path(entry[0]).parent
        return str(Path(parent, entry[1])).replace("\\", "/") if str(parent) != "." else entry[1]

    return [d for d in datas if d[2] != "SYMLINK" or target(d) in kept]


_ICU_DATA = re.compile(r"libicudata\.so\.(\d+)$")


def with_empty_icu_data(binaries: list[tuple], workdir: str) -> list[tuple]:
    """Swap ICU's 32 MB data library for packaging/icu/icudata_stub.c built with the same soname and entry
    point. Qt uses ICU only for collation, legacy codecs, locale-aware case mapping and as a last time-zone
    source; the kiosk uses none of them (its numbers and dates come from Qt's own CLDR tables). Without a C
    compiler the real library stays."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    out = []
    for entry in binaries:
        m = _ICU_DATA.search(entry[0].replace("\\", "/"))
        if m and compiler:
            stub = Path(workdir) / Path(entry[0]).name
            source = Path(__file__).with_name("icu") / "icudata_stub.c"
            subprocess.run(
                [
                    compiler,
                    "-shared",
                    "-fPIC",
                    "-O2",
                    f"-Wl,-soname,{stub.name}",
                    f"-DICU_ENTRY=icudt{m.group(1)}_dat",
                    "-o",
                    str(stub),
                    str(source),
                ],
                check=True,
            )
            entry = (entry[0], str(stub), entry[2])
        out.append(entry)
    return out
