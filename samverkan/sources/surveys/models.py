"""Models of this source."""
