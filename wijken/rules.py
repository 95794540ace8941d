"""Who may see and change the geography and the sociale kaart (django-rules, autodiscovered).

What a user may *see* follows the models' ``zichtbaar_voor`` querysets; the role predicates come from
the kernel (``zio_portal.permissions``).
"""

import rules

from zio_portal.permissions import is_beheerder, is_beleidsadviseur, zichtbaar

rules.add_perm("wijken.view_gebied", zichtbaar)
rules.add_perm("wijken.view_wijk", zichtbaar)
rules.add_perm("wijken.view_praktijk", zichtbaar)
rules.add_perm("wijken.change_praktijk", is_beheerder)
rules.add_perm("wijken.view_partner", zichtbaar)
# The wijkindeling (a practice's wijk from a date on, with the reason): the beheerder and the
# beleidsadviseur, who keep the region's geography in order.
rules.add_perm("wijken.add_wijktoewijzing", is_beheerder | is_beleidsadviseur)
