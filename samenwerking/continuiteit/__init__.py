"""Continuïteit: practices take over each other's care at uitval, drukte or personeelstekort."""
