"""HTML writer: the briefing as one self-contained file, usable as an email body.

The layout is the jinja2 template `briefing.html.j2` (overridable like the
others); the chart is inlined as a data: URI and the CSS sits on the elements,
so the file needs nothing beside it. Autoescaping keeps article text inert.
"""
from __future__ import annotations

import base64
from pathlib import Path

import jinja2

from briefing.compose import DEFAULT_TEMPLATES, template_failure
from briefing.document import Document, Figure

HTML_TEMPLATE = "briefing.html.j2"


def image_uri(figure: Figure) -> str:
    return "data:image/png;base64," + base64.b64encode(figure.png).decode("ascii")


def render_html(document: Document, templates_dir: Path | None = None) -> str:
    """The HTML text of `document`, from the user's template when they gave one."""
    folders = [str(templates_dir)] if templates_dir else []
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([*folders, str(DEFAULT_TEMPLATES)]),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    try:
        return env.get_template(HTML_TEMPLATE).render(doc=document, image_uri=image_uri)
    except Exception as exc:  # noqa: BLE001 - a user's template: see template_failure
        raise template_failure(exc) from exc


def write_html(document: Document, path: Path, *, templates_dir: Path | None = None) -> None:
    Path(path).write_text(render_html(document, templates_dir), encoding="utf-8")
