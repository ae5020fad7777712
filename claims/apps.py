from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing WeasyPrint sets PIL's LOAD_TRUNCATED_IMAGES for the whole process, which
        # would let cut-off uploads through as blank evidence. Import it once here, then
        # restore Pillow's strict default: the dossier only embeds our own complete JPEGs.
        import weasyprint  # noqa: F401
        from PIL import ImageFile

        from claims.dossier import queue, stored  # noqa: F401  (connect their receivers)

        ImageFile.LOAD_TRUNCATED_IMAGES = False
