"""The error the build raises when an input is broken."""


class BuildError(Exception):
    """A build input cannot be used; the message names the file and the place."""
