"""Who may use the security pages: the beheerder only (rules; the kernel's own predicate)."""

import rules


@rules.predicate
def is_beheerder(user) -> bool:
    return user.is_authenticated and user.is_beheerder


rules.add_perm("beveiliging.view_toegangsregel", is_beheerder)
rules.add_perm("beveiliging.beheer_accounts", is_beheerder)
