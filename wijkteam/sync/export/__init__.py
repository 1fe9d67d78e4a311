"""The export of the team's work to the municipality: what changed since the last
acknowledged batch, as ZGW resources, to an encrypted archive (archive.py) or a ZGW server
(push/). Collectors (collectors/) read the store; the mapping itself is wijkteam/sync/zgw."""
