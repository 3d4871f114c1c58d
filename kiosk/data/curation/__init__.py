"""Curators' tools (`kiosk-db`), never imported by the running kiosk; the only room with sqlite-utils."""
