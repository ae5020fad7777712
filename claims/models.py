"""A claim and its evidence. The claim keeps every answer so nothing the user gave is lost."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Unambiguous characters only: a reference is read aloud on the phone and typed from paper.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"RH-{body[:4]}-{body[4:]}"


def evidence_storage():
    return storages["evidence"]


class ClaimQuerySet(models.QuerySet):
    def expired(self, now=None):
        now = now or timezone.now()
        unfinished = models.Q(
            completed_at__isnull=True,
            updated_at__lt=now - timedelta(days=settings.CLAIM_RETENTION_DAYS),
        )
        finished = models.Q(
            completed_at__lt=now - timedelta(days=settings.COMPLETED_CLAIM_RETENTION_DAYS)
        )
        return self.filter(unfinished | finished)


class Claim(models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reference = models.CharField(max_length=16, unique=True, default=new_reference)
    consent_version = models.CharField(max_length=32)
    consented_at = models.DateTimeField()
    # Raw answers per wizard step, as the user typed them: {"order": {"amount": ["50"]}}.
    answers = models.JSONField(default=dict, blank=True)
    current_step = models.CharField(max_length=32, blank=True)
    signed_name = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    def expires_at(self):
        if self.completed_at:
            return self.completed_at + timedelta(days=settings.COMPLETED_CLAIM_RETENTION_DAYS)
        return self.updated_at + timedelta(days=settings.CLAIM_RETENTION_DAYS)

    def replace_token(self) -> str:
        """Give the claim a new secret link; the old one stops working at once."""
        self.token = new_token()
        self.save(update_fields=["token", "updated_at"])
        return self.token

    def mark_complete(self, signed_name: str) -> None:
        self.signed_name = signed_name
        self.completed_at = timezone.now()
        self.save(update_fields=["signed_name", "completed_at", "updated_at"])

    def delete_with_files(self) -> None:
        """Delete the claim, its rows and every stored file, originals and derived copies."""
        files = [stored for item in self.evidence.all() for stored in item.stored_files()]
        with transaction.atomic():
            self.delete()
        for stored in files:
            stored.storage.delete(stored.name)


class Evidence(models.Model):
    class Category(models.TextChoices):
        TRANSACTION = "transaction", _("Payment and order")
        PRODUCT_STATE = "product_state", _("Product state")
        MERCHANT_BREACH = "merchant_breach", _("Merchant's replies and promises")
        OPERATOR_IDENTITY = "operator_identity", _("Who runs the site")
        OTHER = "other", _("Other")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    category = models.CharField(max_length=32, choices=Category.choices)
    caption = models.CharField(max_length=200, blank=True)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    taken_at = models.DateTimeField(null=True, blank=True)
    original = models.FileField(storage=evidence_storage, upload_to="originals/", max_length=255)
    print_image = models.FileField(storage=evidence_storage, upload_to="print/", max_length=255)
    thumbnail = models.FileField(storage=evidence_storage, upload_to="thumbs/", max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.get_category_display()}: {self.original_name}"

    def stored_files(self) -> list:
        return [f for f in (self.original, self.print_image, self.thumbnail) if f.name]

    def delete_with_files(self) -> None:
        files = self.stored_files()
        self.delete()
        for stored in files:
            stored.storage.delete(stored.name)
