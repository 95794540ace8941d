"""WSV-overleggen: plan a meeting with a pre-filled agenda, record attendance, notulen,
besluiten, actiepunten and knelpunten, the notulen as PDF (in the worker) and the .ics invitation."""
