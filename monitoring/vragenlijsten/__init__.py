"""The yearly vragenlijst: build it, open its round, fill it in or import it, and read the results."""
