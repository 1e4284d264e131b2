"""Capture log records (unittest's assertLogs does not exist on Python 2.7)."""
from __future__ import unicode_literals

import logging


class captured_logs(object):
    def __init__(self, name="", level=logging.DEBUG):
        self.logger = logging.getLogger(name)
        self.level = level
        self.records = []

    def __enter__(self):
        self.handler = logging.Handler(self.level)
        self.handler.emit = self.records.append
        self.logger.addHandler(self.handler)
        self.old_level = self.logger.level
        self.logger.setLevel(self.level)
        return self

    def __exit__(self, *exc_info):
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.old_level)

    def messages(self, level=logging.WARNING):
        return [record.getMessage() for record in self.records if record.levelno >= level]
