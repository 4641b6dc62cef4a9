"""The activation link as a QR code, drawn by segno as inline SVG: the printed page needs no image request
(the token would otherwise sit in a second URL, its logs and a cache) and prints sharp at any size."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str, *, label: str) -> SafeString:
    """`label` is the code's accessible name (the SVG's title); the caller's text is not in it."""
    svg = segno.make(text, error="m").svg_inline(scale=5, border=4, title=label, svgclass="qr")
    # role="img" makes the title the picture's name for screen readers (axe: svg-img-alt).
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
