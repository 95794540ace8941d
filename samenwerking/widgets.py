"""Form widgets shared by the workflows of the samenwerking app."""

from django import forms


class DatumInput(forms.DateInput):
    """The browser's date picker, with the ISO value it expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
