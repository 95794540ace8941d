"""Samenwerkingsverbanden: the list, a verband with its members, PDCA step plan and cycles."""
