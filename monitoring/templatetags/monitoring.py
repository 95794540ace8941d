from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    """``mapping|get_item:key``: a dict lookup with a variable key."""
    return mapping.get(key) if mapping else None


@register.filter
def svg(markup: str):
    """Mark an SVG made by zio_portal.charts (matplotlib output, with escaped titles) as safe."""
    return mark_safe(markup)  # noqa: S308 - our own chart output, labels are escaped in figuur_naar_svg


@register.filter
def getal(waarde):
    """A Decimal answer without trailing zeros, with a Dutch decimal comma: 4200, 2,5."""
    from decimal import Decimal

    if not isinstance(waarde, Decimal):
        return waarde
    if waarde == waarde.to_integral_value():
        return str(int(waarde))
    return format(waarde.normalize(), "f").replace(".", ",")
