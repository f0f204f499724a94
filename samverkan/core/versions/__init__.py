"""Data versions: a token per municipality (and one for the data all municipalities share) that changes with every
write that can change a figure, so that a picture or a PDF built once can be kept until its data changes.

Writes bump the token in their own transaction (receivers.py for rows saved and deleted one by one, an explicit
`bump` where rows are written in bulk: the imports, the incident aggregates, the survey tallies); readers put the
tokens in their cache keys (situation.selectors). A token is random, never a counter: a rolled back write, a
restored backup or a test's rolled back database can never bring back a token that named other data.
"""
