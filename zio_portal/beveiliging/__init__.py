"""Security of the portal: brute-force lockout, second factor, sessions, password self-service and the
NEN 7513 access log. Part of the kernel: imports nothing of wijken, samenwerking or monitoring."""
