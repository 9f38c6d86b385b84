"""Rasa custom actions: thin adapters from rasa_sdk to :mod:`bot.dialogue.dispatch`."""

from bot.logmask import install as _install_logmask

_install_logmask()  # identity numbers, mobiles and e-mails masked in every log record

from bot.service.calendar import startup_warning as _calendar_warning  # noqa: E402

_calendar_warning()  # logged at start when the official holiday calendar ends within 90 days
