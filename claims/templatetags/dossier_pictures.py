"""The exhibit page of a PDF or a video finds its pictures (claims.dossier.context)."""

from django import template

register = template.Library()


@register.filter
def pictures_of(exhibit_pictures: dict, exhibit):
    """The ExhibitPictures of one exhibit, or None (images, and exhibits with nothing to print)."""
    return exhibit_pictures.get(exhibit.number)
