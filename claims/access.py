"""Who may see a claim: whoever holds its token, nobody else."""

import functools
import re
import secrets

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect

from claims.models import Claim
from claims.wizard.signature import is_complete

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{40,64}")


def get_claim_or_404(token: str) -> Claim:
    if not TOKEN_SHAPE.fullmatch(token or ""):
        raise Http404
    claim = Claim.objects.filter(token=token).first()
    if claim is None or not secrets.compare_digest(claim.token, token):
        raise Http404
    return claim


def completed_claim(view):
    """For pages that need a complete claim (claims.wizard.signature): the view gets the
    Claim, not the token; an unfinished claim, or one changed since it was signed, goes back
    to where its owner has something to do."""

    @functools.wraps(view)
    def wrapper(request, token, *args, **kwargs):
        claim = get_claim_or_404(token)
        # The events, read once: the signature's check, the plan, its drafts and the page
        # each ask for them (recording one through claim.events.create reads them again).
        prefetch_related_objects([claim], "events")
        if not is_complete(claim):
            return redirect("claims:resume", token=claim.token)
        return view(request, claim, *args, **kwargs)

    return wrapper
