from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.http import require_GET
from django.views.i18n import set_language

from claims.views import healthz


@require_GET
def livez(request):
    """Liveness: the process answers. Touches nothing (healthz checks the dependencies)."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    # Looked up per request: the hashed name exists only once collectstatic has run.
    return HttpResponsePermanentRedirect(static("favicon.ico"))


urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("livez", livez, name="livez"),
    path("favicon.ico", favicon),
    path("", include("claims.urls")),
]
