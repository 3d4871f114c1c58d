"""Checks the kiosk runs on its own screens: self-test, proof sheets, fit checker, shell driver."""
