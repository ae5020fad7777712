from django.apps import AppConfig


class RefundHelperConfig(AppConfig):
    """The project's own checks; the project has no models."""

    name = "refundhelper"
    verbose_name = "RefundHelper project"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
