"""The laptop side of the team protocol that does not depend on the store: an HTTPS client
that pins the server's public key, and the protocol engine (`DeviceSession`) that seals what
a laptop pushes and verifies everything it pulls. Its state is a plain dataclass
(`DeviceState`) that the laptop keeps inside its encrypted store."""
