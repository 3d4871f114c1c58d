"""The attract slideshow: the curators' slides and the deck made from the database."""
