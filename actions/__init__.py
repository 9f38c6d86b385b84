"""Rasa custom actions: thin adapters from rasa_sdk to :mod:`bot.conversation`."""
