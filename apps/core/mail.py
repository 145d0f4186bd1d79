"""Development email on the terminal, readable as the person would read it."""

import email.policy

from django.core.mail.backends import console

# Django's console backend prints the message as it would travel, and the default policy
# quoted-printable-encodes every line over 78 characters: a verification link then breaks
# mid-URL ("…/confirm-emai=") and cannot be clicked. 8bit bodies with the RFC 5322 line limit
# keep links whole, and UTF-8 headers and bodies print as written; still a valid message.
READABLE = email.policy.default.clone(cte_type="8bit", max_line_length=998, utf8=True)


class ConsoleBackend(console.EmailBackend):
    def write_message(self, message) -> None:
        text = message.message(policy=READABLE).as_bytes().decode("utf-8", "replace")
        self.stream.write(f"{text}\n{'-' * 79}\n")
