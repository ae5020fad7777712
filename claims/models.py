"""A claim and its evidence. The claim keeps every answer so nothing the user gave is lost."""

import secrets
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.files.storage import storages
from django.db import DatabaseError, models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.domain.formats import FILE_EXTENSIONS, FILE_FORMATS

# Unambiguous characters only: a reference is read aloud on the phone and typed from paper.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"RH-{body[:4]}-{body[4:]}"


def evidence_storage():
    return storages["evidence"]


class RowGone(DatabaseError):
    """An update found no row: it was deleted meanwhile (Remove, or "delete this claim")."""


class ClaimGone(RowGone):
    """The claim is gone; refundhelper.middleware answers with the claim-not-found page."""


class UpdateOnly:
    """A loaded row is only ever UPDATEd, one deleted meanwhile raises `gone`: Model.save()
    would INSERT it again (issue 14), a race slow work (rotating, reading) makes easy to hit."""

    gone = RowGone

    def save(self, *args, **kwargs):
        inserting = self._state.adding or kwargs.get("force_insert")
        if not (inserting or args or kwargs.get("update_fields")):
            kwargs["force_update"] = True
        super().save(*args, **kwargs)

    def _do_update(self, *args, **kwargs):
        # Django's one place that knows whether the UPDATE matched a row; past it, save()
        # would INSERT or raise a bare DatabaseError.
        updated = super()._do_update(*args, **kwargs)
        if not updated and not self._state.adding:
            raise self.gone(f"{type(self).__name__} {self.pk} no longer exists.")
        return updated


class ClaimQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Claims whose stored keep_until has passed (claims.retention computes it on every
        change). A row from before keep_until existed has none and never expires until
        fill_keep_until gives it one: `make run` and `make serve` run it after migrate."""
        return self.filter(keep_until__lt=now or timezone.now())


class Claim(UpdateOnly, models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    reference = models.CharField(max_length=16, unique=True, default=new_reference)
    consent_version = models.CharField(max_length=32)
    consented_at = models.DateTimeField()
    # Raw answers per wizard step, as the user typed them: {"order": {"amount": ["50"]}}.
    answers = models.JSONField(default=dict, blank=True)
    current_step = models.CharField(max_length=32, blank=True)
    signed_name = models.CharField(max_length=100, blank=True)
    # SHA-256 of what the last signature covers (claims.wizard.signature): the claim is
    # complete only while it still gives this digest.
    signed_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # When the purge may delete the claim: stored so the purge is one query, not the
    # escalation plan of every finished claim (claims.retention keeps it current).
    keep_until = models.DateTimeField(null=True, blank=True, db_index=True, editable=False)

    objects = ClaimQuerySet.as_manager()
    gone = ClaimGone

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # A new claim is kept as long as an untouched unfinished one; every later change
        # moves the date through claims.retention.
        if self._state.adding and self.keep_until is None:
            self.keep_until = timezone.now() + timedelta(days=settings.CLAIM_RETENTION_DAYS)
        super().save(*args, **kwargs)

    def has_payment_consent(self) -> bool:
        """The separate consent for payment records was given (PIPL art. 29).

        It is asked whenever a file is filed as a payment record (at upload, or on the
        evidence page's notice) and only then: so it was given while the claim holds one.
        """
        return self.evidence.filter(category=Evidence.Category.TRANSACTION).exists()

    @property
    def was_signed(self) -> bool:
        """Signed at least once; whether it is complete now is claims.wizard.signature's."""
        return self.completed_at is not None

    def replace_token(self) -> str:
        """Give the claim a new secret link; the old one stops working at once."""
        self.token = new_token()
        self.save(update_fields=["token", "updated_at"])
        return self.token

    def mark_complete(self, signed_name: str, digest: str, at, keep_until) -> None:
        """Record a signature in one UPDATE: claims.wizard.signature.sign computes what it
        covers and how long the signed claim is kept (claims.retention)."""
        self.signed_name, self.signed_digest = signed_name, digest
        self.completed_at, self.keep_until = at, keep_until
        fields = ["signed_name", "signed_digest", "completed_at", "updated_at", "keep_until"]
        self.save(update_fields=fields)

    def delete_with_files(self) -> None:
        """Delete the claim, its rows and every stored file, originals and derived copies."""
        pk = self.pk
        with transaction.atomic():
            # Locked first: an upload that locked the claim before us commits its row, which
            # we then see and delete; one that comes after finds no claim (pipeline).
            Claim.objects.select_for_update().filter(pk=pk).first()
            files = [stored for item in self.evidence.all() for stored in item.stored_files()]
            self.delete()
        for stored in files:
            stored.storage.delete(stored.name)


class EvidenceQuerySet(models.QuerySet):
    def total_bytes(self) -> int:
        return self.aggregate(total=models.Sum("size"))["total"] or 0

    def stored_names(self) -> set[str]:
        """Every file name the rows refer to, originals and derived copies."""
        names = set()
        fields = ("original", "print_image", "thumbnail", "small_thumbnail", "exhibit_images")
        for *row, pictures in self.values_list(*fields):
            names.update(name for name in row if name)
            names.update(picture_names(pictures))
        return names


class StoredFile(NamedTuple):
    """A kept file with no FileField of its own; deleted like a field's file."""

    storage: object
    name: str


def picture_names(exhibit_images: dict | None) -> list[str]:
    """The files an Evidence.exhibit_images value refers to, whatever its state."""
    return [picture["name"] for picture in (exhibit_images or {}).get("pictures", [])]


class Evidence(UpdateOnly, models.Model):
    class Category(models.TextChoices):
        TRANSACTION = "transaction", _("Payment and order")
        PRODUCT_STATE = "product_state", _("Product state")
        MERCHANT_BREACH = "merchant_breach", _("Merchant's replies and promises")
        OPERATOR_IDENTITY = "operator_identity", _("Who runs the site")
        OTHER = "other", _("Other")

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")
        VIDEO = "video", _("Video")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    category = models.CharField(max_length=32, choices=Category.choices)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.IMAGE)
    caption = models.CharField(max_length=200, blank=True)
    # The checklist need (EvidenceNeed.key) it was uploaded for; "": matched by category.
    need = models.CharField(max_length=40, blank=True, default="")
    # Kept as text only: stored files get random names.
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    # Images: upright size of the original. Videos: frame size when the file says.
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    duration_ms = models.PositiveBigIntegerField(null=True, blank=True)
    taken_at = models.DateTimeField(null=True, blank=True)
    # An animated picture (APNG, GIF, WebP): the print copy and thumbnail show its first frame.
    animated = models.BooleanField(default=False)
    # Scripts, automatic actions, links out or embedded files were removed from the PDF kept
    # (claims.evidence.active); a PDF without them is kept byte for byte.
    active_content_removed = models.BooleanField(default=False)
    # The user's edits of the derived copies; the original never changes.
    rotation = models.PositiveSmallIntegerField(default=0)
    redactions = models.JSONField(default=list, blank=True)
    original = models.FileField(storage=evidence_storage, upload_to="originals/", max_length=255)
    print_image = models.FileField(
        storage=evidence_storage, upload_to="print/", max_length=255, blank=True
    )
    thumbnail = models.FileField(
        storage=evidence_storage, upload_to="thumbs/", max_length=255, blank=True
    )
    small_thumbnail = models.FileField(
        storage=evidence_storage, upload_to="thumbs/small/", max_length=255, blank=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # What OCR read on an image (claims.screenshots): suggestions for the user and the review's
    # cross-check, never facts. Kept on the row so it goes wherever the file goes.
    reading = models.JSONField(null=True, blank=True)
    # PDFs and videos: the pages or key frames the dossier prints, and where making them
    # stands (claims.evidence.exhibit_images); their files are in exhibits/.
    exhibit_images = models.JSONField(null=True, blank=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["uploaded_at", "pk"]
        constraints = [
            # The same bytes are one exhibit: two uploads of one file at once cannot both stay.
            models.UniqueConstraint(
                fields=["claim", "sha256"], name="claims_evidence_one_per_content"
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.original_name}"

    def change_category(self, category: str, *, payment_consent: bool = False) -> bool:
        """File the item under another category; False, unchanged, when that needs consent.

        Payment records need their own consent (PIPL art. 29): given at upload, or on the
        notice the evidence page shows for a payment record found under another category.
        """
        payment = self.Category.TRANSACTION
        if category == payment and self.category != payment and not payment_consent:
            return False
        self.category = category
        return True

    @property
    def is_image(self) -> bool:
        return self.kind == self.Kind.IMAGE

    @property
    def is_video(self) -> bool:
        return self.kind == self.Kind.VIDEO

    @property
    def file_format(self) -> str:
        """The format's short name (JPEG, HEIC, MP4, PDF…), from the type sniffed at upload."""
        return FILE_FORMATS.get(self.content_type, self.content_type)

    @property
    def file_extensions(self) -> tuple[str, ...]:
        return FILE_EXTENSIONS.get(self.content_type, ())

    @property
    def is_redacted(self) -> bool:
        return bool(self.redactions)

    @property
    def duration_text(self) -> str:
        """m:ss (h:mm:ss past an hour); empty when the file did not say."""
        if self.duration_ms is None:
            return ""
        minutes, seconds = divmod(round(self.duration_ms / 1000), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    def stored_files(self) -> list:
        """Every file kept for the item: original, print copy, thumbnail, exhibit pictures."""
        kept = (self.original, self.print_image, self.thumbnail, self.small_thumbnail)
        fields = [f for f in kept if f.name]
        storage = self.original.storage  # the evidence storage, where the pictures are kept
        return fields + [StoredFile(storage, name) for name in picture_names(self.exhibit_images)]

    def delete_with_files(self) -> None:
        files = self.stored_files()
        self.delete()
        for stored in files:
            stored.storage.delete(stored.name)


@receiver(post_delete, sender=Evidence)
def _delete_files_after_commit(sender, instance, **kwargs):
    """However a row goes (a claim's cascade, the admin, a queryset), its files go too."""
    files = [(stored.storage, stored.name) for stored in instance.stored_files()]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])


class ClaimEvent(UpdateOnly, models.Model):
    """What happened after the documents went out: it moves the escalation plan on."""

    class Kind(models.TextChoices):
        SENT = "sent", _("I sent the message or demand to the seller")
        REPLIED = "replied", _("The seller replied")
        REFUSED = "refused", _("The seller refused")
        REFUNDED = "refunded", _("I got my money back")
        NO_ANSWER = "no_answer", _("No answer by the deadline")
        FILED_PAYMENT = "filed_payment", _("I complained at the payment platform")
        FILED_12315 = "filed_12315", _("I complained at 12315")
        FILED_ASSOCIATION = "filed_association", _("I asked the consumer association to mediate")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    happened_on = models.DateField()
    note = models.CharField(max_length=500, blank=True)
    evidence = models.ForeignKey(
        Evidence, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["happened_on", "recorded_at"]

    def __str__(self):
        return f"{self.happened_on} {self.get_kind_display()}"


# A used form token is kept this long: enough for every double click and resent page.
FORM_TOKEN_KEEP = timedelta(days=1)


class FormTokenQuerySet(models.QuerySet):
    def stale(self, now=None):
        return self.filter(used_at__lt=(now or timezone.now()) - FORM_TOKEN_KEEP)


class FormToken(models.Model):
    """A one-time form token that a post has used (claims.once): its repeats do nothing."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="form_tokens")
    token = models.CharField(max_length=64)
    # Where the first post sent the user; empty while that post is still being processed.
    landing = models.CharField(max_length=500, blank=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = FormTokenQuerySet.as_manager()

    class Meta:
        constraints = [
            # The insert is the test-and-set: of two posts of one form, exactly one gets in.
            models.UniqueConstraint(fields=["claim", "token"], name="claims_formtoken_once"),
        ]

    def __str__(self):
        return self.token[:8]


class DossierRecordQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(generated_at__lt=record_cutoff(now))

    def current(self, now=None):
        return self.filter(generated_at__gte=record_cutoff(now))


def record_cutoff(now=None):
    years = settings.DOSSIER_RECORD_RETENTION_YEARS
    return (now or timezone.now()) - timedelta(days=round(365.25 * years))


class DossierRecord(models.Model):
    """What the verify page knows of one dossier: its fingerprint, date and exhibit hashes.

    No personal data and no link to the claim, so it may outlive the claim (privacy notice).
    """

    fingerprint = models.CharField(max_length=64, unique=True)
    generated_at = models.DateTimeField(db_index=True)
    # [{"number": 1, "sha256": "…"}, …]: the manifest's exhibits, nothing more.
    exhibit_hashes = models.JSONField(default=list)

    objects = DossierRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-generated_at"]

    def __str__(self):
        return self.fingerprint[:16]

    def exhibit_number(self, sha256: str) -> int | None:
        """The number of the exhibit whose original has this SHA-256, or None."""
        for exhibit in self.exhibit_hashes:
            if exhibit.get("sha256") == sha256:
                return exhibit.get("number")
        return None
