"""Read-aloud («Слушать»): QML's singleton `Speech`, and the speech engine it owns on a thread of its own.

The engine is Qt's QTextToSpeech (from pyside6-addons; the kiosk imports nothing else from it): speech-dispatcher
on Linux (RHVoice's voices where installed, espeak-ng otherwise), WinRT or SAPI on Windows. Everything that can
take time or hang lives on the speech thread: loading the module, starting the engine (speech-dispatcher takes
~2 s to spawn), listing voices, normalising the text, speaking. The GUI thread only sends requests and reads
two properties, so a failing engine never blocks it.

A page's ListenButton asks for a token once, then `toggle(token, texts)`; `speakingToken` tells every button
whether it is the one speaking. Each text is read by the voice of its own language (Cyrillic → Russian, Latin →
English), Russian spelt out first (kiosk.data.speech.russian). Speech stops at a second tap, when the button's
page goes (the button calls `stop`), at the idle reset and when attract mode starts (the app connects those).
No voice for Russian → `available` stays false (the buttons stay hidden) and one line is logged.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import Property, QLocale, QObject, QThread, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.data.speech.language import language_of
from kiosk.data.speech.russian import normalise
from kiosk.data.speech.voices import choose_voice
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger("kiosk.speech")

# The locale whose voices read each language of the kiosk's texts (tests put a mock engine's locale in for "ru").
LOCALES = {
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


# Speech threads that did not end at their kiosk's close (an engine stuck in a system call), kept until they do.
_LINGERING: list[tuple[QThread, QObject | None]] = []


def platform_engines() -> list[str]:
    """The engines tried, in order, when the config names none. Never "mock" (it has voices and no sound)."""
    if sys.platform.startswith("win"):
        return ["winrt", "sapi"]
    if sys.platform == "darwin":
        return ["darwin", "avfoundation"]
    return ["speechd"]


def spoken_segments(texts: list[str]) -> list[tuple[str, str]]:
    """(language, text to speak) for each non-empty text, Russian spelt out for a voice."""
    out = []
    for text in texts:
        text = " ".join(text.split())
        if text:
            language = language_of(text)
            out.append((language, normalise(text) if language == "ru" else text))
    return out


class _Engine(QObject):
    """Lives on the speech thread: QTextToSpeech, the chosen voice per language, the queue of one reading."""

    ready = Signal(bool, str)  # a Russian voice found; a line for the log
    utterance = Signal(int, str, str)  # token, the engine's locale while it says it, the text given to it
    finished = Signal(int)  # token: read to the end or stopped

    def __init__(self, engines: list[str]):
        super().__init__()
        self._engines = engines
        self._tts: Any = None  # QTextToSpeech, imported on this thread
        self._voices: dict[str, Any] = {}  # language → QVoice
        self._queue: list[tuple[str, str]] = []
        self._token = 0
        self._started = False  # the current utterance has been seen speaking (a late Ready is not its end)
        self._found: list[str] = []  # the engines Qt has plugins for
        self._candidates: list[str] = []  # the engines still to try
        self._tried: list[str] = []  # why each engine tried was not taken (the log line)

    @Slot()
    def start(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # pyside6-addons missing, or a library it needs (libpulse, libspeechd)
            self.ready.emit(False, f"read-aloud off: QtTextToSpeech cannot be loaded ({exc})")
            return
        self._found = QTextToSpeech.availableEngines()
        self._candidates = list(self._engines)
        # Made without an engine (at once); each engine is then loaded by the slot setEngine, queued, so that Qt
        # runs it from this thread's event loop without Python's lock: speechd's takes ~3.5 s (it lists every
        # voice), and a constructor called from Python would hold the lock, and with it the GUI, all that time.
        self._tts = QTextToSpeech("none", self)
        self._tts.engineChanged.connect(self._on_engine)
        self._try_next()

    def _try_next(self) -> None:
        while self._candidates:
            name = self._candidates.pop(0)
            if name not in self._found:
                self._tried.append(f"{name}: not installed")
                continue
            if name == "speechd":
                from kiosk.ui.services.speechd_probe import ensure_running

                problem = ensure_running()
                if problem:
                    self._tried.append(f"{name}: {problem}")
                    continue
            from PySide6.QtCore import Q_ARG, QMetaObject, Qt  # not at the top: see kiosk/ui/models/roles.py

            QMetaObject.invokeMethod(self._tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name))
            return
        self._tts.deleteLater()
        self._tts = None
        reasons = "; ".join(self._tried) or "no engine"
        self.ready.emit(False, f"read-aloud off, no voice ({reasons}): the «Слушать» button is hidden")

    def _on_engine(self, name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._tts
        if tts.state() == QTextToSpeech.State.Error:
            self._tried.append(f"{name}: {tts.errorString() or 'error'}")
            self._try_next()
            return
        voices = self._voices_of(tts)
        if "ru" not in voices:
            self._tried.append(f"{name}: no Russian voice")
            self._try_next()
            return
        self._voices = voices
        tts.engineChanged.disconnect(self._on_engine)
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        names = ", ".join(f"{lang} {voice.name()}" for lang, voice in voices.items())
        self.ready.emit(True, f"read-aloud: engine {name}, voices {names}")

    def _voices_of(self, tts) -> dict[str, Any]:
        chosen = {}
        for language, wanted in LOCALES.items():
            voices = []
            for locale in tts.availableLocales():
                if locale.language() == wanted.language():
                    tts.setLocale(locale)
                    voices += tts.availableVoices()
            code = wanted.name().split("_")[0]
            index = choose_voice([(v.name(), v.locale().name()) for v in voices], code, wanted.name())
            if index is not None:
                chosen[language] = voices[index]
        return chosen

    @Slot(int, list)
    def speak(self, token: int, texts: list) -> None:
        if self._tts is None or not self._voices:
            self.finished.emit(token)
            return
        self._halt()
        self._token = token
        self._queue = [s for s in spoken_segments([str(t) for t in texts]) if s[0] in self._voices]
        self._next()

    @Slot(int)
    def stop(self, token: int) -> None:
        """Stop `token`'s reading (0: whatever is read)."""
        if self._token and token in (0, self._token):
            stopped = self._token
            self._halt()
            self.finished.emit(stopped)

    @Slot()
    def close(self) -> None:
        self._halt()
        if self._tts is not None:
            self._tts.deleteLater()
            self._tts = None
        QThread.currentThread().quit()

    def _halt(self) -> None:
        self._queue.clear()
        self._token = 0
        self._started = False
        if self._tts is not None and self._voices:
            self._tts.stop()

    def _next(self) -> None:
        if not self._queue:
            token, self._token = self._token, 0
            if token:
                self.finished.emit(token)
            return
        language, text = self._queue.pop(0)
        voice = self._voices[language]
        if self._tts.voice() != voice:
            self._tts.setVoice(voice)  # also the voice's locale
        self._started = False
        self.utterance.emit(self._token, self._tts.locale().name(), text)
        self._tts.say(text)

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._started = True
        elif state == QTextToSpeech.State.Ready and self._started and self._token:
            self._next()

    def _on_error(self, reason, message: str) -> None:
        log.warning("read-aloud: the engine failed (%s): %s", reason, message)
        token = self._token
        self._halt()
        if token:
            self.finished.emit(token)


@QmlNamedElement("Speech")
@QmlSingleton
class SpeechService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Speech` (see the module docstring)."""

    availableChanged = Signal()
    speakingChanged = Signal()
    utterance = Signal(str, str)  # the engine's locale and the text it was given (tests; the idle clock)
    _speak = Signal(int, list)
    _stop = Signal(int)
    _start = Signal()
    _close = Signal()

    @staticmethod
    def create(engine):  # QML's singleton `Speech`: the instance the app provided
        return instance_for(engine, SpeechService)

    def __init__(self, enabled: bool = True, engine: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._enabled = enabled
        self._engines = [engine] if engine else platform_engines()
        self._available = False
        self._speaking = 0
        self._tokens = 0
        self._thread: QThread | None = None
        self._engine: _Engine | None = None

    def start(self) -> None:
        """Start the engine on its thread (after the first frame); `available` turns true once a voice is found."""
        if not self._enabled:
            log.info("read-aloud: off in the config (read_aloud = false)")
            return
        if self._thread is not None:
            return
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._engine = _Engine(self._engines)
        self._engine.moveToThread(self._thread)
        self._start.connect(self._engine.start)
        self._speak.connect(self._engine.speak)
        self._stop.connect(self._engine.stop)
        self._close.connect(self._engine.close)
        self._engine.ready.connect(self._on_ready)
        self._engine.utterance.connect(self._on_utterance)
        self._engine.finished.connect(self._on_finished)
        self._thread.start()
        self._start.emit()

    def shutdown(self) -> None:
        """Stop speaking and end the thread (app close). The engine is given 3 s to let go; it never holds the GUI."""
        if self._thread is None:
            return
        self._close.emit()
        if not self._thread.wait(3000):  # stuck in the engine: let it finish on its own, never destroy it running
            log.warning("read-aloud: the speech thread did not end within 3 s")
            _LINGERING.append((self._thread, self._engine))
        self._thread = None
        self._engine = None

    # -- QML-facing state
    @Property(bool, notify=availableChanged)
    def available(self) -> bool:
        return self._available

    @Property(int, notify=speakingChanged)
    def speakingToken(self) -> int:
        """The token of the button whose text is being read; 0 when silent."""
        return self._speaking

    @Slot(result=int)
    def newToken(self) -> int:
        self._tokens += 1
        return self._tokens

    @Slot(int, "QStringList")
    def toggle(self, token: int, texts: list[str]) -> None:
        """A tap on a «Слушать» button: read `texts`, or stop if this button is the one reading."""
        if not self._available or token <= 0:
            return
        if self._speaking == token:
            self.stop(token)
            return
        self._set_speaking(token)  # at once: the button shows it within the frame
        self._speak.emit(token, list(texts))

    @Slot(int)
    def stop(self, token: int) -> None:
        """Stop if `token`'s text is being read (its page left, its text changed)."""
        if token > 0 and self._speaking == token:
            self._set_speaking(0)
            self._stop.emit(token)

    @Slot()
    def stopAll(self) -> None:
        """The idle reset and attract mode: silence, whoever was reading."""
        if self._speaking:
            log.info("read-aloud: stopped")
            self._set_speaking(0)
            self._stop.emit(0)

    # -- internals
    def _set_speaking(self, token: int) -> None:
        if token != self._speaking:
            self._speaking = token
            self.speakingChanged.emit()

    def _on_ready(self, ok: bool, message: str) -> None:
        log.info(message) if ok else log.warning(message)
        if ok != self._available:
            self._available = ok
            self.availableChanged.emit()

    def _on_utterance(self, token: int, locale: str, text: str) -> None:
        if token == self._speaking:
            self.utterance.emit(locale, text)

    def _on_finished(self, token: int) -> None:
        if token == self._speaking:
            self._set_speaking(0)
