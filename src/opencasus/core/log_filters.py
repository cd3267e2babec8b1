"""Log filter that keeps BSNs (nine-digit numbers) out of every log line."""

import logging
import re

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def redact(text: str) -> str:
    return NINE_DIGITS.sub("*********", text)


class RedactIdentifiersFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(str(record.getMessage()))
        record.args = ()
        return True
