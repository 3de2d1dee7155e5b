"""The one error type Clara raises for bad user input, and how the CLI reports it."""


class ClaraError(Exception):
    """Bad input or environment: the message names the file and the fix.

    The CLI prints ``clara: error: <message>`` and exits with ``exit_code``; no partial
    output is written.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
