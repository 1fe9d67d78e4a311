"""Push to a ZGW server over HTTP: the same resources as the file export, sent idempotently."""
