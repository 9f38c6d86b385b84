"""Rasa custom actions: thin adapters from rasa_sdk to :mod:`bot.dialogue.dispatch`."""

from bot.logmask import install as _install_logmask

_install_logmask()  # identity numbers, mobiles and e-mails masked in every log record
