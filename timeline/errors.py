"""Errors that name the input and say what is wrong, in one line, for the CLI and the app."""


class InputError(Exception):
    """A bad input: the message is shown to the user as `<input>: <message>`."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
