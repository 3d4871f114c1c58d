"""The curators' side of the data layer (kiosk-db). The running kiosk never imports this package."""
