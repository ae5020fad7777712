"""The wizard's side of a step shown over several pages (claims.wizard.parts): which page
a request shows, the post of one page, Back within the step and into it."""

from django.shortcuts import redirect

from claims.wizard import parts
from claims.wizard.steps import STEP_PARTS


class StepPartsMixin:
    """For ClaimWizard (a formtools NamedUrlWizardView)."""

    def part_number(self, step) -> int:
        return parts.part_number(self.request.GET.get(parts.PART_PARAM), STEP_PARTS[step])

    def first_visit_of_part(self, step, data) -> bool:
        if self.request.method != "GET" or step != self.steps.current:
            return False
        part = STEP_PARTS[step][self.part_number(step) - 1]
        return not any(f"{step}-{name}" in data for name in part.fields)

    @staticmethod
    def _unprefixed(step, data) -> dict:
        fields = {key.removeprefix(f"{step}-"): data.getlist(key) for key in data}
        return {name: values[0] if len(values) == 1 else values for name, values in fields.items()}

    def part_url(self, step, number) -> str:
        return parts.with_part(self.get_step_url(step), number)

    def post_part(self, step):
        """A page of a multi-page step: keep its answers, then the next page (or the step's
        end: the whole step validated, as formtools does for any step)."""
        steps_parts = STEP_PARTS[step]
        number = parts.part_number(self.request.POST.get(parts.POSTED_PART), steps_parts)
        part = steps_parts[number - 1]
        data = parts.merged(step, self.storage.get_step_data(step), self.request.POST, part)
        goto = self.request.POST.get(parts.GOTO_PART)
        if goto:  # Back keeps what was typed, valid or not, as Back between steps does
            self.storage.set_step_data(step, data)
            return redirect(self.part_url(step, parts.part_number(goto, steps_parts)))
        form = self.get_form(step=step, data=data)
        if number < len(steps_parts):
            if not parts.part_is_valid(form, part):
                return self.render(form)  # refused, and not stored: as formtools does
            self.storage.set_step_data(step, data)
            if self.returning_to_review() and form.is_valid():
                return self.render_next_step(form)  # a Change from the review: back there
            return redirect(self.part_url(step, number + 1))
        if not form.is_valid():
            # The last page reached by its URL while an earlier page is wrong: the earlier
            # page is shown with its errors, and what was typed here waits for it.
            self.storage.set_step_data(step, data)
            return self.render(form)
        self.request.POST = data
        return None

    def render_goto_step(self, goto_step, **kwargs):
        """Back into a multi-page step opens its last page."""
        response = super().render_goto_step(goto_step, **kwargs)
        if goto_step in STEP_PARTS:
            return redirect(self.part_url(goto_step, len(STEP_PARTS[goto_step])))
        return response

    def page_context(self, form) -> dict:
        step = self.steps.current
        if step not in STEP_PARTS:
            return {"page_form": form, "page_title": None}
        steps_parts = STEP_PARTS[step]
        posted = self.request.method == "POST"
        number = (posted and parts.part_with_errors(form, steps_parts)) or self.part_number(step)
        part = steps_parts[number - 1]
        return {
            "page_form": parts.FormPage(form, part.fields),
            "page_title": part.title,
            "part_number": number,
            "part_count": len(steps_parts),
            "back_part": number - 1 if number > 1 else None,
        }
