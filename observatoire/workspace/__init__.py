"""One workspace file (one DuckDB file per network): connect, version, info, territory, writes.

``connection`` opens it with the reference attached, ``version`` tells one file version from
the next, ``info`` reads its name and settings, ``territory`` gives its departments, and
``safe_write`` changes it (lock, staged copy, verification, atomic swap, backup).
"""

from observatoire.workspace.connection import (
    SCHEMA,
    VERSIONS_DIR,
    attach_reference,
    connect,
    connect_version,
)

__all__ = ["SCHEMA", "VERSIONS_DIR", "attach_reference", "connect", "connect_version"]
