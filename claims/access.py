"""Who may see a claim: whoever holds its token, nobody else."""

import re
import secrets

from django.http import Http404

from claims.models import Claim

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{40,64}")


def get_claim_or_404(token: str) -> Claim:
    if not TOKEN_SHAPE.fullmatch(token or ""):
        raise Http404
    claim = Claim.objects.filter(token=token).first()
    if claim is None or not secrets.compare_digest(claim.token, token):
        raise Http404
    return claim
