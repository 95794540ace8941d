"""Small query helpers shared by the apps' selectors."""

from django.db import models


class SubqueryCount(models.Subquery):
    """COUNT(*) of a correlated subquery: counts without multiplying rows the way joins do."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = models.IntegerField()
