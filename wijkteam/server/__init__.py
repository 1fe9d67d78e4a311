"""The team server (DESIGN.md §11): FastAPI on uvicorn over PostgreSQL, HTTPS only.

It stores ciphertext and the few fields the protocol needs, and cannot read what it stores.
Stateless: several processes can serve one database. Needs the `server` extra; the desktop
app never imports this package.
"""
