"""Cross-cutting request rules: the language choice, caching of private pages, and the
claim-not-found page for a claim deleted while a request was working on it."""

from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.db import IntegrityError
from django.http import Http404
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from claims.models import Claim, RowGone


class CookieLocaleMiddleware:
    """Chinese unless the user chose English with the switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; our users expect
    the Chinese site by default, whatever their phone's setting.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class PrivateCacheMiddleware:
    """Pages under /c/ hold personal data: never store them in any cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/c/"):
            # It merges with what a view set (never_cache): each directive once, private too.
            add_never_cache_headers(response)
        return response


class ClaimGoneMiddleware:
    """A claim deleted while a request worked on it ends on the claim-not-found page (404),
    the page its link now gives, never on the 500 page.

    Models raise RowGone when an update finds no row (claims.models.UpdateOnly), a reload
    raises Claim.DoesNotExist, and a row inserted under a claim deleted meanwhile fails its
    foreign key with an IntegrityError.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RowGone | Claim.DoesNotExist):
            return response_for_exception(request, Http404())
        match = request.resolver_match
        token = match.kwargs.get("token") if match else None
        if (
            isinstance(exception, IntegrityError)
            and token
            and not Claim.objects.filter(token=token).exists()
        ):
            return response_for_exception(request, Http404())
        return None
