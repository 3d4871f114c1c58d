"""The map, without Qt: projection, the land-and-lakes asset, where names and touches go."""
