"""The recruiter's chat page (`/`), its static files and the embeddable widget.

Plain ES modules and one stylesheet under `static/`, served by the service itself:
no build step, no CDN, nothing fetched from another host at run time.
"""

from ask_applicant.server.pages.routes import router, static_files

__all__ = ["router", "static_files"]
