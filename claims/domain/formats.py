"""The file formats evidence is checked as: their short names and the extensions a file of
each may end in. Plain data, so the model and the downloads read the same table."""

# The format's short name (JPEG, HEIC, MP4, PDF…), from the type sniffed at upload.
FILE_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WebP",
    "image/heic": "HEIC",
    "application/pdf": "PDF",
    "video/mp4": "MP4",
    "video/quicktime": "MOV",
}

# The names a file of each checked format may end in, the usual one first (downloads).
FILE_EXTENSIONS = {
    "image/jpeg": ("jpg", "jpeg"),
    "image/png": ("png", "apng"),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "image/heic": ("heic", "heif"),
    "application/pdf": ("pdf",),
    "video/mp4": ("mp4", "m4v"),
    "video/quicktime": ("mov",),
}
