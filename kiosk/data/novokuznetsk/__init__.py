"""The Novokuznetsk section: records, sources, build, loading, validation, report line, export."""
