"""The interface's translations: every qsTr()/tr() string has a finished English translation (and every %n string
its Russian plural forms), the .ts files know every string in the sources, and the .qm files the kiosk and the
bundle load are what lrelease makes of the .ts files now. Fix any failure with `make translations`."""

from __future__ import annotations

from kiosk.ui import translations_tool as tt


def test_no_unfinished_translation():
    assert tt.unfinished("en") == []
    assert tt.unfinished("ru") == []


def test_every_string_in_the_sources_is_in_the_ts_files():
    assert tt.not_in_ts() == []


def test_qm_files_are_current():
    assert tt.stale() == []
