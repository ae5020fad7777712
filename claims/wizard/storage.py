"""A formtools storage backend that keeps wizard state on the Claim row.

The session would lose everything when it expires or when the resume link is opened in
another browser; the claim is the single place where answers live. Files never go through
the wizard (evidence has its own upload path), so step_files stays empty.
"""

from formtools.wizard.storage.base import BaseStorage

from claims.retention import refresh_keep_until


class ClaimStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.claim = request.claim
        self.init_data()
        self.data[self.step_key] = self.claim.current_step or None
        self.data[self.step_data_key] = {
            step: _with_prefix(step, values) for step, values in self.claim.answers.items()
        }
        self._saved = self._snapshot()

    def reset(self):
        """Finishing the wizard keeps the answers: the done page and the dossier need them."""

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        raw = self.data[self.step_data_key][step]
        prefix = f"{step}-"
        # Keep the step's own fields only: not the CSRF token, not the wizard's management form.
        self.data[self.step_data_key][step] = {
            key: list(value) if isinstance(value, list | tuple) else [value]
            for key, value in raw.items()
            if key.startswith(prefix)
        }

    def clear_step_data(self, step) -> None:
        self.data[self.step_data_key].pop(step, None)

    def update_response(self, response):
        super().update_response(response)
        if self._snapshot() != self._saved:
            self.claim.current_step = self.data[self.step_key] or ""
            self.claim.answers = {
                step: _without_prefix(step, values)
                for step, values in self.data[self.step_data_key].items()
            }
            self.claim.save(update_fields=["answers", "current_step", "updated_at"])
            refresh_keep_until(self.claim)
            self._saved = self._snapshot()

    def _snapshot(self):
        return (self.data[self.step_key], repr(self.data[self.step_data_key]))


def _with_prefix(step: str, values: dict) -> dict:
    return {f"{step}-{name}": list(value) for name, value in values.items()}


def _without_prefix(step: str, values: dict) -> dict:
    prefix = f"{step}-"
    return {key.removeprefix(prefix): list(value) for key, value in values.items()}
