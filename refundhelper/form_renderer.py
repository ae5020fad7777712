"""Form widgets drawn in Python, with the markup of Django's own widget templates.

Every wizard page draws its fields through Django's widget templates: an input is two
templates (input.html, attrs.html), a radio button four. On a page of eight fields that was
about half of the server's time for the page (bench/pages.py). This renderer draws the
widgets the project uses (inputs of every type, textarea, select, radio and checkbox lists)
with the same markup, escaped the same way, and hands every other template (forms, fields,
formsets, widgets it does not know) to Django's templates. tests/test_form_renderer.py
compares both renderings, widget by widget.
"""

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.safestring import SafeData, mark_safe

WIDGETS = "django/forms/widgets/"
INPUT_TYPES = (
    "text", "number", "email", "url", "color", "search", "tel", "password", "hidden", "file",
    "date", "datetime", "time", "checkbox",
)  # fmt: skip


class WidgetRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        # Each widget template file ends in a newline, and one that includes another adds its
        # own: an option inside a list keeps them all (only the outermost render is stripped),
        # so each drawing leaves as many as its template.
        self.drawings = {
            f"{WIDGETS}input.html": lambda widget: _input(widget) + "\n",
            **{f"{WIDGETS}{kind}.html": lambda w: _input(w) + "\n\n" for kind in INPUT_TYPES},
            f"{WIDGETS}input_option.html": _option,
            f"{WIDGETS}radio_option.html": lambda widget: _option(widget) + "\n",
            f"{WIDGETS}checkbox_option.html": lambda widget: _option(widget) + "\n",
            f"{WIDGETS}multiple_input.html": self._list,
            f"{WIDGETS}radio.html": lambda widget: self._list(widget) + "\n",
            f"{WIDGETS}checkbox_select.html": lambda widget: self._list(widget) + "\n",
            f"{WIDGETS}clearable_file_input.html": _file_input,
            f"{WIDGETS}textarea.html": _textarea,
            f"{WIDGETS}select.html": self._select,
            f"{WIDGETS}select_option.html": _select_option,
        }

    def render(self, template_name, context, request=None):
        draw = self.drawings.get(template_name)
        if draw is _file_input and context["widget"]["is_initial"]:
            draw = None  # a stored file with its Clear box: the template draws that
        if draw is None:
            return super().render(template_name, context, request=request)
        return draw(context["widget"]).strip()

    def _draw_option(self, option) -> str:
        """One option, as `{% include option.template_name with widget=option %}` would."""
        draw = self.drawings.get(option["template_name"])
        if draw is None:
            return self.get_template(option["template_name"]).render({"widget": option})
        return draw(option)

    def _groups(self, widget, opening: str, closing: str, each: str) -> str:
        """The options group by group: a named group between `opening` (a format of its name)
        and `closing`, each option drawn into `each`."""
        parts = []
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(opening.format(_text(group)))
            parts.extend(each.format(self._draw_option(option)) for option in options)
            if group:
                parts.append(closing)
        return "".join(parts)

    def _list(self, widget) -> str:
        """multiple_input.html: radio buttons and checkboxes, each in a div."""
        ident = widget["attrs"].get("id")
        css = widget["attrs"].get("class")
        return (
            "<div"
            + (f' id="{_text(ident)}"' if ident else "")
            + (f' class="{_text(css)}"' if css else "")
            + ">"
            + self._groups(
                widget, "\n  <div><label>{}</label>", "\n  </div>", "<div>\n    {}</div>"
            )
            + "\n</div>\n"
        )

    def _select(self, widget) -> str:
        return (
            f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>'
            + self._groups(widget, '\n  <optgroup label="{}">', "\n  </optgroup>", "\n  {}")
            + "\n</select>\n"
        )


# What a template's `{{ value }}` does with a value (local time, localised numbers and dates,
# escaped unless safe) needs a context; the widget templates' own is this plain one.
PLAIN = Context(autoescape=True)


def _text(value) -> str:
    """`{{ value }}`, as a widget template writes it."""
    return render_value_in_context(value, PLAIN)


def _string(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as a string first (a safe one stays safe)."""
    shown = str(value) if isinstance(value, tuple) else value  # as the filter does
    text = "%s" % shown  # noqa: UP031 (the filter's own formatting)
    return _text(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs) -> str:
    """django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_string(value)}"')
    return "".join(parts)


def _input(widget) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{_string(value)}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _file_input(widget) -> str:
    """clearable_file_input.html without a stored file: the input, after a blank line."""
    return f"\n{_input({**widget, 'value': None})}\n"


def _option(widget) -> str:
    """input_option.html: the input, wrapped in its label when the widget asks for that."""
    if not widget["wrap_label"]:
        return f"{_input(widget)}\n\n"
    ident = widget["attrs"].get("id")
    target = f' for="{_text(ident)}"' if ident else ""
    return f"<label{target}>{_input(widget)}\n {_text(widget['label'])}</label>\n"


def _textarea(widget) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_text(value) if value else ''}</textarea>\n"
    )


def _select_option(widget) -> str:
    return (
        f'<option value="{_string(widget["value"])}"{_attrs(widget["attrs"])}>'
        f"{_text(widget['label'])}</option>\n"
    )
