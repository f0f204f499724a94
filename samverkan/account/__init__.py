"""Logging in safely: a second factor (TOTP) after the password, and pages that browsers do not keep."""
