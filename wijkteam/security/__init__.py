"""Privacy and security: the key file that unlocks the encrypted store, first start,
conversion of an unencrypted store, sign-in throttling, and who is acting (for the audit log).
No Qt here; the screens live in ui/security/."""
