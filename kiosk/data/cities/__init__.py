"""The cities' sources: seed list, curators' TOML, content rules, reference lists (subjects, GeoNames)."""
