"""Models of this part of the follow-up."""
