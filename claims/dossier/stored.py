"""Rendered dossiers kept in the evidence storage, one folder per claim (dossier.cache), and
the signals that forget them when what went into them changes or the claim goes.

Light on purpose (no WeasyPrint): the model layer's signals and the purge import it.
claims.apps connects the receivers.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from claims.models import Claim, Evidence

DOSSIER_CACHE_FOLDER = "dossiers"


def dossier_cache_storage():
    """The evidence storage, taken from the field so that tests' private storage applies."""
    return Evidence._meta.get_field("original").storage


def cached_dossier_names(claim_pk) -> list[str]:
    storage, folder = dossier_cache_storage(), f"{DOSSIER_CACHE_FOLDER}/{claim_pk}"
    try:
        _directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    return [f"{folder}/{name}" for name in files]


def delete_cached_dossiers(claim_pk, keep=()) -> None:
    storage = dossier_cache_storage()
    for name in cached_dossier_names(claim_pk):
        if name not in keep:
            storage.delete(name)


@receiver(post_save, sender=Evidence)
@receiver(post_delete, sender=Evidence)
def _forget_dossiers_of_changed_evidence(sender, instance, **kwargs):
    """A cached PDF must not outlive a print copy the user covered, replaced or removed."""
    claim_pk = instance.claim_id
    transaction.on_commit(lambda: delete_cached_dossiers(claim_pk))


@receiver(post_delete, sender=Claim)
def _forget_dossiers_of_deleted_claim(sender, instance, **kwargs):
    """At once, not on commit: a cache deleted by a delete that then rolls back is only
    rendered again, while one left behind would keep a deleted claim's PDF."""
    delete_cached_dossiers(instance.pk)
