"""The reads of the samenwerking app that the floors above use (monitoring, the home page); each is
defined in its workflow's ``selectors.py``."""

from .afspraken.selectors import mijn_praktijk_context
from .verbanden.selectors import verband_annotated, verband_list
from .wijkoverzicht.selectors import gebied_list

__all__ = ["gebied_list", "mijn_praktijk_context", "verband_annotated", "verband_list"]
