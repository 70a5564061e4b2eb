"""Page sources: files (PNG, JPEG, multi-page TIFF, PDF) and SANE scanners."""

from .base import CapturedPage, ScannerDriver, sniff_content_type
from .files import FileDriver, expand_paths
from .sane import SaneDriver

__all__ = ["CapturedPage", "FileDriver", "SaneDriver", "ScannerDriver", "expand_paths", "sniff_content_type"]
