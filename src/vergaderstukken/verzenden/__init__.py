"""Sending out: calendar files, the invitation e-mail and sending it through SMTP.

`kalender` writes iCalendar (vergadering.ics, the action to-dos), `bericht` the
invitation message (uitnodiging.eml), `smtp` sends it, and `register` remembers what was
sent so the same message is not sent twice by accident.
"""
