"""The one exception the pipeline lets out: a plain-language reason a file was refused."""


class ImportRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message
