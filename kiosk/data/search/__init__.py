"""The one search engine (the kiosk's search field, `kiosk-db search`) and its text normalisation."""
