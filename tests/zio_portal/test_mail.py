"""The portal's mail headers, read back from the sent message as a mail client would."""

from email import message_from_bytes

from django.test import override_settings

from zio_portal.mail import portaalbericht


@override_settings(PORTAL_BASE_URL="https://wijksamenwerking.zio.nl")
def test_message_id_on_the_portal_domain_and_auto_submitted():
    bericht = portaalbericht(onderwerp="Herinnering", tekst="Tekst", aan=["pm@example.org"])
    ontvangen = message_from_bytes(bericht.message().as_bytes())
    assert ontvangen["Message-ID"].endswith("@wijksamenwerking.zio.nl>")
    assert ontvangen["Auto-Submitted"] == "auto-generated"
    assert ontvangen["To"] == "pm@example.org"


def test_a_personal_message_is_not_marked_automatic():
    bericht = portaalbericht(onderwerp="Vraag", tekst="Tekst", aan=["pm@example.org"], automatisch=False)
    assert "Auto-Submitted" not in message_from_bytes(bericht.message().as_bytes())
