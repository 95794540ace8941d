"""SMART-afspraken: create, edit, implementation per practice, evaluation, versions, export, reminders."""
