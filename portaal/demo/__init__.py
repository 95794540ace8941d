"""Demodata: een fictieve regio Maastricht-Heuvelland voor demo's, handmatig testen en load-tests.

``bouw_demodata(schaal=1)`` builds the region in one transaction and is idempotent: every row is
looked up by its natural key (names, AGB-codes, usernames, ronde + praktijk, gebied + periode) and
only what is missing is created. The child rows of a practice, partner, verband or questionnaire
are created only together with their new parent, so a second run creates nothing and whatever users
added or changed stays as it is.

All data is derived from fixed seeds: each row gets its own ``random.Random`` seeded from 2025 and
its natural key, so a row gets the same data whatever else already exists (``--schaal 10`` after
``--schaal 1`` gives the same database as ``--schaal 10`` at once). Dates are relative to
``timezone.localdate()``, so the demo stays current.

The package: ``teksten/`` holds the Dutch texts and definitions, ``plan`` computes the region
without the database, and one builder per domain (``gebruikers``, ``geografie``, ``samenwerking``,
``afspraken``, ``overleggen``, ``bezoeken``, ``monitoring``, ``terugkoppelingen``) adds its rows;
``bouwer`` runs them in order. Importing this package needs a configured Django (it imports the
models); ``manage.py demodata`` prints ``DEMO_LOGINS`` at the end.
"""

from portaal.demo.bouwer import Resultaat, bouw_demodata
from portaal.demo.teksten.mensen import DEMO_LOGINS, DEMO_WACHTWOORD

__all__ = ["DEMO_LOGINS", "DEMO_WACHTWOORD", "Resultaat", "bouw_demodata"]
