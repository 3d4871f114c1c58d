"""Reading a built database at run time: read-only file access, its layout and check, the typed records."""
