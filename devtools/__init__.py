"""Developer tools (QML module tooling, translations): never imported by the kiosk, not in the bundle."""
