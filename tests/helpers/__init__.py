"""Shared test helpers (a package, as in qutebrowser): import them, never import another test module.

- `qt`: the fail-on-Qt-warning handler, `Finger` (touch), `Mouse`, `find`, `wait_until`.
- `kiosk`: the real application for UI tests (`make_kiosk`) and visitor routes through it (by touch).
- `fake_data`: small invented cities, their TOML sources and a database built from them by the real build.
- `data`: poking at database files the way a careless tool would.
"""
