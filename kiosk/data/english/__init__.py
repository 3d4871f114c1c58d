"""English mode: the names table, the check of the exhibition's own English, its audit."""
