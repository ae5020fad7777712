from django.urls import path

from claims import views
from claims.dossier import views as dossier_views
from claims.evidence import views as evidence_views
from claims.screenshots import views as screenshot_views
from claims.wizard.views import ClaimWizard

app_name = "claims"

wizard = ClaimWizard.as_view(url_name="claims:step", done_step_name="finish")

urlpatterns = [
    path("", views.start, name="start"),
    path("c/<str:token>/", views.resume, name="resume"),
    path("c/<str:token>/done/", views.done, name="done"),
    path("c/<str:token>/dossier.pdf", dossier_views.dossier_pdf, name="dossier"),
    path(
        "c/<str:token>/dossier-archive.pdf", dossier_views.dossier_archive, name="dossier_archive"
    ),
    path(
        "c/<str:token>/statement-english.pdf",
        dossier_views.dossier_english,
        name="dossier_english",
    ),
    path("c/<str:token>/dossier-status/", dossier_views.dossier_status, name="dossier_status"),
    path("verify/", dossier_views.verify, name="verify"),
    path("c/<str:token>/plan.ics", views.plan_calendar, name="plan_calendar"),
    path("c/<str:token>/qr.svg", views.resume_qr, name="qr"),
    path("c/<str:token>/new-link/", views.new_link, name="new_link"),
    path("c/<str:token>/delete/", views.delete_claim, name="delete"),
    path(
        "c/<str:token>/evidence/<int:pk>/remove/",
        evidence_views.evidence_delete,
        name="evidence_delete",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/caption/",
        evidence_views.evidence_caption,
        name="evidence_caption",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/rotate/",
        evidence_views.evidence_rotate,
        name="evidence_rotate",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/replace/",
        evidence_views.evidence_replace,
        name="evidence_replace",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/cover/",
        evidence_views.evidence_cover,
        name="evidence_cover",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/payment-consent/",
        evidence_views.evidence_payment_consent,
        name="evidence_payment_consent",
    ),
    path(
        "c/<str:token>/evidence/<int:pk>/<str:variant>/",
        evidence_views.evidence_file,
        name="evidence_file",
    ),
    path("c/<str:token>/screenshot/", screenshot_views.screenshot_upload, name="screenshot_upload"),
    path(
        "c/<str:token>/screenshot/<int:pk>/status/",
        screenshot_views.screenshot_status,
        name="screenshot_status",
    ),
    path("c/<str:token>/<str:step>/", wizard, name="step"),
]
