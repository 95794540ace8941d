"""The Dutch texts and definitions of the demo region, kept apart from the code that builds it."""
