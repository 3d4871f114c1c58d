"""Visit statistics, plain Python (no Qt): what one visit did (visit), the kiosk's statistics file (store), and
what curators read from one or several such files (summary). The kiosk's recorder is
kiosk/ui/services/statistics.py; the report formats for curators are kiosk/data/curation/stats_report.py.
"""
