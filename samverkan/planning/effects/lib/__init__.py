"""The effect of an intervention as plain data: no Django here (the import-linter contract "The pure modules
import no Django")."""
