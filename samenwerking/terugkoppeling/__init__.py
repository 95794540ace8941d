"""Check/Act: the gebiedsmanager's terugkoppeling to the projectleider and the RESV selection."""
